import { evaluateGate, evaluateSpcProof, spcProofChart } from '../../../lib/eightd';
import { decodePng } from '../../../lib/pdf';
import { completeReport, FIX, hourly, STABLE } from './helpers';

const NOW = '2026-04-20T12:00:00+08:00';
/** By hand, see STABLE in ./helpers. */
const SIGMA = 7.7 / 24 / (2 / Math.sqrt(Math.PI));

/** The complete fixture at D6, its validations replaced by an SPC proof. */
function reportWith(spc: Record<string, unknown>) {
	const report = completeReport({ stage: 'D6' });
	const d6 = report.disciplines.D6 as NonNullable<typeof report.disciplines.D6>;
	d6.actions = (d6.actions ?? []).map(({ actionId, implementedAt }) => ({
		actionId,
		implementedAt,
	}));
	d6.spc = { characteristic: '焊接拉力 weld pull force', ...spc };
	return report;
}

describe('evaluateSpcProof (D6 effectiveness from SPC)', () => {
	it('passes 25 stable points after the fix with Cpk 1.2 / (3 x 0.28433) = 1.4068', () => {
		const proof = evaluateSpcProof(
			reportWith({ fixedAt: FIX, lsl: 8.8, usl: 11.2, measurements: hourly(STABLE) }),
		);
		expect(SIGMA).toBeCloseTo(0.2843312, 6);
		expect(proof?.capability?.sigmaWithin).toBeCloseTo(SIGMA, 9);
		expect(proof?.capability?.mean).toBeCloseTo(10, 9);
		expect(proof?.capability?.cpk).toBeCloseTo(1.2 / (3 * SIGMA), 9); // 1.40681
		expect(proof?.chart?.violations).toEqual([]);
		expect(proof).toMatchObject({ passed: true, failures: [], minPoints: 25, minCpk: 1.33 });
		expect(proof?.after).toHaveLength(25);
	});

	it('counts only the points after the fix: "D6: 18 of 25 points after the fix"', () => {
		// 7 points up to the fix (hours -6..0; one taken at the fix is not after it) and 18 after
		const measurements = hourly(STABLE, -6);
		const proof = evaluateSpcProof(reportWith({ fixedAt: FIX, lsl: 8, usl: 12, measurements }));
		expect(proof?.after.map((m) => m.value)).toEqual(STABLE.slice(7));
		expect(proof?.failures).toEqual([
			{ en: 'D6: 18 of 25 points after the fix', zh: 'D6：修复后只有 18 个点，需要 25 个' },
		]);
	});

	it('reports a capability short of the target: Cpk 1.0 / (3 x 0.28433) = 1.17 below 1.33', () => {
		const proof = evaluateSpcProof(
			reportWith({ fixedAt: FIX, lsl: 9, usl: 11, measurements: hourly(STABLE) }),
		);
		expect(proof?.capability?.cpk).toBeCloseTo(1 / (3 * SIGMA), 9); // 1.17234
		expect(proof?.failures).toEqual([
			{ en: 'D6: Cpk 1.17 below 1.33', zh: 'D6：Cpk 1.17 低于 1.33' },
		]);
	});

	it('names the rule and the point after the fix: "D6: N2 run at point 12 after the fix"', () => {
		// By hand: points 4-12 are all above the mean (249.9 / 25 = 9.996) and point 3 (9.8) is below
		// it, so nine in a row on one side complete at point 12 (N2). The 24 moving ranges sum to 4.6,
		// sigma = 4.6 / 24 / 1.1283792 = 0.169860, so 1 sigma above is 10.166: points 4-8 (10.2, 10.3,
		// 10.1, 10.2, 10.3) have 4 of 5 beyond it, point 8 among them (N6 at point 8).
		const values = [
			9.7, 10.1, 9.8, 10.2, 10.3, 10.1, 10.2, 10.3, 10.1, 10.2, 10.3, 10.2, 9.7, 10.0, 9.8, 9.9,
			10.0, 9.7, 10.0, 9.9, 9.8, 10.0, 9.9, 9.8, 9.9,
		];
		expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(249.9, 9);
		const proof = evaluateSpcProof(
			reportWith({ fixedAt: FIX, lsl: 8, usl: 12, measurements: hourly(values) }),
		);
		expect(proof?.chart?.center).toBeCloseTo(9.996, 9);
		expect(proof?.chart?.sigma).toBeCloseTo(4.6 / 24 / (2 / Math.sqrt(Math.PI)), 9);
		expect(proof?.failures).toEqual([
			{
				en: 'D6: N6 4 of 5 beyond 1 sigma at point 8 after the fix',
				zh: 'D6：修复后第 8 点出现 N6 5 点中 4 点超出 1σ',
			},
			{ en: 'D6: N2 run at point 12 after the fix', zh: 'D6：修复后第 12 点出现 N2 连串' },
		]);
		expect(proof?.passed).toBe(false);
	});

	it('takes the fix date from the latest implementation date when the proof gives none', () => {
		// the fixture implements A1 on 03-16 and A2 on 03-17 09:00 (= FIX)
		const proof = evaluateSpcProof(
			reportWith({ lsl: 8.8, usl: 11.2, measurements: hourly(STABLE, 0) }),
		);
		expect(proof?.fixedAt).toBe(FIX);
		// the point taken at the fix itself is not after it
		expect(proof?.failures.map((f) => f.en)).toEqual(['D6: 24 of 25 points after the fix']);
	});

	it("uses measurements supplied by the workflow instead of the report's", () => {
		const report = reportWith({
			fixedAt: FIX,
			lsl: 8.8,
			usl: 11.2,
			measurements: hourly([10, 10.1]),
		});
		const proof = evaluateSpcProof(report, {
			measurements: { '焊接拉力 weld pull force': hourly(STABLE) },
		});
		expect(proof?.passed).toBe(true);
	});

	it('says so when Cpk cannot be computed', () => {
		const proof = evaluateSpcProof(reportWith({ fixedAt: FIX, measurements: hourly(STABLE) }));
		expect(proof?.failures.map((f) => f.en)).toEqual([
			'D6: no specification limits (lsl, usl) to compute Cpk',
		]);
	});
});

describe('the spcEffective gate rule in the default rule set', () => {
	it('lets D6 pass on the SPC proof alone, without typed validations', () => {
		const report = reportWith({ fixedAt: FIX, lsl: 8.8, usl: 11.2, measurements: hourly(STABLE) });
		const gate = evaluateGate(report, 'D7', { now: NOW });
		expect(gate.missing).toEqual([]);
		expect(gate.allowed).toBe(true);
	});

	it('blocks D6 with the reasons of the proof, in both languages', () => {
		const report = reportWith({ fixedAt: FIX, lsl: 9, usl: 11, measurements: hourly(STABLE, -6) });
		const gate = evaluateGate(report, 'D7', { now: NOW, language: 'zh' });
		expect(gate.allowed).toBe(false);
		expect(gate.missing.map((m) => [m.rule, m.discipline, m.field, m.reasons.en])).toEqual([
			['D6.spc', 'D6', 'disciplines.D6.spc', 'D6: 18 of 25 points after the fix'],
			[
				'D6.spc',
				'D6',
				'disciplines.D6.spc',
				expect.stringMatching(/^D6: Cpk \d\.\d\d below 1\.33$/),
			],
		]);
		expect(gate.missing[0].reason).toBe('D6：修复后只有 18 个点，需要 25 个');
	});

	it("passes with the workflow's measurements (options.measurements)", () => {
		const report = reportWith({ fixedAt: FIX, lsl: 8.8, usl: 11.2 });
		expect(evaluateGate(report, 'D7', { now: NOW }).missing[0].reasons.en).toBe(
			'D6: 0 of 25 points after the fix',
		);
		const gate = evaluateGate(report, 'D7', {
			now: NOW,
			measurements: { '焊接拉力 weld pull force': hourly(STABLE) },
		});
		expect(gate.allowed).toBe(true);
	});

	it('takes minPoints and minCpk from a customer rule set', () => {
		const report = reportWith({ fixedAt: FIX, lsl: 8.8, usl: 11.2, measurements: hourly(STABLE) });
		const gate = evaluateGate(report, 'D7', {
			now: NOW,
			ruleSet: {
				id: 'strict',
				extends: 'default',
				disciplines: {
					D6: [
						{
							id: 'D6.spc',
							check: 'spcEffective',
							minPoints: 30,
							minCpk: 1.67,
							when: { path: 'disciplines.D6.spc', present: true },
						},
					],
				},
			},
		});
		expect(gate.missing.map((m) => m.reasons.en)).toEqual([
			'D6: 25 of 30 points after the fix',
			'D6: Cpk 1.41 below 1.67',
		]);
	});

	it('still asks for typed validations when D6 has no SPC proof', () => {
		const report = reportWith({});
		delete report.disciplines.D6?.spc;
		const gate = evaluateGate(report, 'D7', { now: NOW });
		expect(gate.missing.map((m) => m.rule)).toEqual(['D6.validated', 'D6.validated']);
	});

	it('asks for the interim containment to be lifted once the SPC proof holds, not before', () => {
		const report = reportWith({ fixedAt: FIX, lsl: 8.8, usl: 11.2, measurements: hourly(STABLE) });
		// the 25th point after the fix, taken 25 h after it, completes the proof
		const proven = '2026-03-18T02:00:00.000Z';
		expect(hourly(STABLE)[24].at).toBe(proven);
		const actions = report.disciplines.D3?.actions ?? [];
		actions[0].removedAt = '2026-03-18T09:00:00+08:00'; // an hour before
		delete actions[1].removedAt;
		const gate = evaluateGate(report, 'D7', { now: NOW });
		expect(gate.missing.map((m) => [m.rule, m.field, m.reasons.en])).toEqual([
			[
				'D6.interim-removed',
				'disciplines.D3.actions[0].removedAt',
				`interim containment C1 was removed at 2026-03-18T09:00:00+08:00, before the permanent action was validated at ${proven}`,
			],
			[
				'D6.interim-removed',
				'disciplines.D3.actions[1].removedAt',
				'interim containment C2 is still in place although the permanent action is validated; record its removal',
			],
		]);
		actions[0].removedAt = '2026-03-18T10:00:00+08:00';
		actions[1].removedAt = '2026-03-18T10:00:00+08:00';
		expect(evaluateGate(report, 'D7', { now: NOW }).missing).toEqual([]);
	});

	it('does not ask for the removal while the SPC proof fails (D6.spc says why)', () => {
		const report = reportWith({ fixedAt: FIX, lsl: 9, usl: 11, measurements: hourly(STABLE) });
		delete report.disciplines.D3?.actions?.[0].removedAt;
		expect(evaluateGate(report, 'D7', { now: NOW }).missing.map((m) => m.rule)).toEqual(['D6.spc']);
	});

	it('draws the after-fix chart: every point, the reported ones in red, limits and title', () => {
		const values = [
			9.7, 10.1, 9.8, 10.2, 10.3, 10.1, 10.2, 10.3, 10.1, 10.2, 10.3, 10.2, 9.7, 10.0, 9.8, 9.9,
			10.0, 9.7, 10.0, 9.9, 9.8, 10.0, 9.9, 9.8, 9.9,
		];
		const proof = evaluateSpcProof(
			reportWith({ fixedAt: FIX, lsl: 8, usl: 12, measurements: hourly(values) }),
		);
		const image = spcProofChart(proof as NonNullable<typeof proof>, '<轴径> & after');
		expect(image?.svg).toContain('>&lt;轴径&gt; &amp; after</text>');
		const circles = [...(image?.svg ?? '').matchAll(/<circle [^>]*fill="([^"]+)"/g)].map(
			(m) => m[1],
		);
		expect(circles).toHaveLength(25);
		// N6 reported at points 8 and 11, N2 and N6 at 12 (0-based 7, 10, 11)
		expect(circles.flatMap((fill, i) => (fill === '#d62728' ? [i] : []))).toEqual([7, 10, 11]);
		for (const label of ['CL 9.996', 'USL 12', 'LSL 8', 'UCL ', 'LCL '])
			expect(image?.svg).toContain(label);
		const png = decodePng(image?.png as Buffer);
		expect([png.width, png.height]).toEqual([1280, 520]);
	});

	it('draws no chart with fewer than 2 points after the fix', () => {
		const proof = evaluateSpcProof(
			reportWith({ fixedAt: FIX, lsl: 8, usl: 12, measurements: hourly([10]) }),
		);
		expect(spcProofChart(proof as NonNullable<typeof proof>, 'x')).toBeUndefined();
	});
});
