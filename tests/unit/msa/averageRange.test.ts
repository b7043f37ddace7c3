import aiag from '../../fixtures/msa/aiag_msa4_10x3x3.json';
import { d2Star, gageRR, type Measurement } from '../../../lib/msa';
import { d2, d3 } from '../../../lib/spc';
import { expectPrinted } from './printed';

const measurements: Measurement[] = aiag.data_long.map((r) => ({
	part: r.part,
	operator: r.appraiser,
	value: r.value,
}));
const published = aiag.expected.average_and_range_method;

describe('d2*, from the exact d2 and d3', () => {
	it('is sqrt(2) for two values and one range, exactly', () => {
		expect(d2Star(2, 1)).toBeCloseTo(Math.SQRT2, 12);
	});

	it("gives the AIAG manual's K2 and K3 to its 4 digits (Appendix C, g = 1)", () => {
		// AIAG MSA 4th ed. K2: 2 appraisers 0.7071, 3 appraisers 0.5231; K3: 2 parts 0.7071,
		// 3 parts 0.5231, 4 parts 0.4467, 5 parts 0.4030, 10 parts 0.3146
		const k = (m: number) => 1 / d2Star(m, 1);
		expectPrinted(k(2), 0.7071, 'K m=2');
		expectPrinted(k(3), 0.5231, 'K m=3');
		expectPrinted(k(4), 0.4467, 'K m=4');
		expectPrinted(k(5), 0.403, 'K m=5');
		expectPrinted(k(10), 0.3146, 'K m=10');
	});

	it('tends to d2 as the number of ranges grows (Patnaik)', () => {
		expect(d2Star(5, 1e6)).toBeCloseTo(d2(5), 6);
		expect(d2Star(5, 4) ** 2).toBeCloseTo(d2(5) ** 2 + d3(5) ** 2 / 4, 12);
		expect(() => d2Star(5, 0)).toThrow('number of ranges must be a whole number >= 1');
	});
});

describe('gageRR, average-and-range method: AIAG MSA 4th ed. data sheet and report', () => {
	const result = gageRR({ measurements, method: 'average-range' });
	const ar = result.averageRange!;

	it('has the data sheet values to the printed precision', () => {
		expectPrinted(ar.rBar[0], published.Rbar_by_appraiser.A, 'R-bar A');
		expectPrinted(ar.rBar[1], published.Rbar_by_appraiser.B, 'R-bar B');
		expectPrinted(ar.rBar[2], published.Rbar_by_appraiser.C, 'R-bar C');
		expectPrinted(ar.xBar[0], published.Xbar_by_appraiser.A, 'X-bar A');
		expectPrinted(ar.xBar[1], published.Xbar_by_appraiser.B, 'X-bar B');
		expectPrinted(ar.xBar[2], published.Xbar_by_appraiser.C, 'X-bar C');
		expectPrinted(ar.rBarBar, published.Rbarbar, 'R-bar-bar');
		// the form subtracts the rounded X-bars: 0.1903 - (-0.2543) = 0.4446; exactly 0.44467
		expect(Math.abs(ar.xDiff - published.Xdiff)).toBeLessThan(1e-4);
		expectPrinted(ar.rangeOfPartMeans, published.Rp, 'Rp');
		expectPrinted(ar.k1, published.K1_3trials, 'K1');
		expectPrinted(ar.k2, published.K2_3appraisers, 'K2');
		expectPrinted(ar.k3, published.K3_10parts, 'K3');
	});

	it('flags the range of part 4 by appraiser B (1.02) beyond UCL_R', () => {
		// the manual's UCL 0.8795 uses D4 = 2.574; the exact D4(3) = 2.5746 gives 0.8797
		expect(Math.abs(ar.uclR - published.UCL_R)).toBeLessThan(3e-4);
		expect(ar.lclR).toBe(0);
		expect(ar.rangesOutOfControl).toEqual([{ part: '4', operator: 'B', range: 1.02 }]);
	});

	it('has EV, AV, GRR, PV, TV within the rounding of the form, and its percentages and ndc', () => {
		// The report multiplies intermediates rounded to 4 digits (R-bar-bar 0.3417, K3 0.3146), so
		// its EV 0.20188 and PV 1.10456 differ from the exact 0.201863 and 1.104455 in the 4th decimal.
		const c = result.components;
		const within = (actual: number, printed: number) =>
			expect(Math.abs(actual - printed)).toBeLessThan(1.5e-4);
		within(c.repeatability.sd, published.EV);
		within(c.reproducibility.sd, published.AV);
		within(c.grr.sd, published.GRR);
		within(c.part.sd, published.PV);
		within(c.total.sd, published.TV);
		expectPrinted(c.reproducibility.pctStudyVar, published.pct_AV, '%AV');
		expectPrinted(c.grr.pctStudyVar, published.pct_GRR, '%GRR');
		// %EV 17.62 and %PV 96.38 on the form; exactly 17.615 and 96.374
		expect(Math.abs(c.repeatability.pctStudyVar - published.pct_EV)).toBeLessThan(0.01);
		expect(Math.abs(c.part.pctStudyVar - published.pct_PV)).toBeLessThan(0.01);
		expect(result.ndc).toBe(published.ndc);
		expect(result.ndcAdequate).toBe(true);
		expect(result.acceptance).toBe('marginal');
		expect(result.anova).toBeUndefined();
	});

	it('gives AV = 0 when the operator differences are smaller than repeatability explains', () => {
		// two operators whose means differ by 0.01 with ranges of 1: (X-diff K2)^2 < EV^2 / (n r)
		const rows: Measurement[] = [];
		for (let part = 1; part <= 5; part++) {
			for (const [operator, shift] of [
				['A', 0],
				['B', 0.01],
			] as const) {
				rows.push(
					{ part, operator, value: part + shift },
					{ part, operator, value: part + shift + 1 },
				);
			}
		}
		const r = gageRR({ measurements: rows, method: 'average-range' });
		expect(r.components.reproducibility.sd).toBe(0);
		expect(r.components.grr.sd).toBeCloseTo(r.components.repeatability.sd, 12);
	});
});

describe('expectPrinted', () => {
	it('rejects a value off by more than half a unit of the last printed digit', () => {
		expect(() => expectPrinted(0.9746, 0.974)).toThrow('published 0.974');
		expect(() => expectPrinted(2.1e-53, 2.02101e-53)).toThrow();
		expect(() => expectPrinted(0.97449, 0.974)).not.toThrow();
	});
});
