import reference from '../../fixtures/spc/constants.json';
import { c4, chartConstants, d2, d3, normalCdf } from '../../../lib/spc';

type Row = Record<string, number>;
const rows = (reference as { constants: Row[] }).constants;

describe('exact chart constants', () => {
	it.each(rows.map((r) => [r.n, r]))('n = %i matches the reference table to 1e-6', (_n, row) => {
		const c = chartConstants(row.n) as unknown as Row;
		for (const key of Object.keys(row)) {
			// the reference is printed to 6 decimals
			expect(Math.abs(c[key] - row[key])).toBeLessThanOrEqual(5.01e-7);
		}
	});

	it('reproduces the closed forms for n = 2', () => {
		expect(d2(2)).toBeCloseTo(2 / Math.sqrt(Math.PI), 13);
		expect(d3(2)).toBeCloseTo(Math.sqrt(2 - 4 / Math.PI), 13);
		expect(c4(2)).toBeCloseTo(Math.sqrt(2 / Math.PI), 15);
		expect(c4(3)).toBeCloseTo(Math.sqrt(Math.PI) / 2, 15);
	});

	it('extends beyond the printed tables (n = 50 and more)', () => {
		// Harter (1960) / ASTM STP 15D: d2(50) = 4.498, d3(50) = 0.652; c4(50) = 0.9949
		expect(d2(50)).toBeCloseTo(4.498, 3);
		expect(d3(50)).toBeCloseTo(0.652, 3);
		expect(c4(50)).toBeCloseTo(0.9949, 4);
		// c4 -> 1 - 1/(4n) for large n
		expect(c4(1000)).toBeCloseTo(1 - 1 / 4000, 6);
		// E[range] grows: d2 increases strictly with n
		for (let n = 2; n < 60; n++) expect(d2(n + 1)).toBeGreaterThan(d2(n));
	});

	it('rejects sizes below 2 and fractions', () => {
		expect(() => d2(1)).toThrow('subgroup size must be a whole number >= 2, got 1');
		expect(() => c4(2.5)).toThrow('got 2.5');
	});

	it('normal CDF matches published quantiles', () => {
		expect(normalCdf(0)).toBe(0.5);
		expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
		expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
		expect(normalCdf(3) + normalCdf(-3)).toBeCloseTo(1, 15);
	});
});
