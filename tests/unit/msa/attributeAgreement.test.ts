import {
	attributeAgreement,
	clopperPearson,
	cohenKappa,
	fleissKappa,
	MsaInputError,
	type AttributeAssessment,
} from '../../../lib/msa';

describe("Fleiss' kappa", () => {
	// Worked example of the Wikipedia article "Fleiss' kappa" (10 subjects, 14 raters, 5
	// categories), which prints P-bar 0.378, P_e 0.213 and kappa 0.210; rows are n_ij.
	const table = [
		[0, 0, 0, 0, 14],
		[0, 2, 6, 4, 2],
		[0, 0, 3, 5, 6],
		[0, 3, 9, 2, 0],
		[2, 2, 8, 1, 1],
		[7, 7, 0, 0, 0],
		[3, 2, 6, 3, 0],
		[2, 5, 3, 2, 2],
		[6, 5, 2, 1, 0],
		[0, 2, 2, 3, 7],
	];

	it('gives the published kappa 0.210', () => {
		expect(fleissKappa(table, 0.95)?.kappa.toFixed(3)).toBe('0.210');
	});

	it('has the Fleiss-Nee-Landis null standard errors (hand-checked)', () => {
		const k = fleissKappa(table, 0.95)!;
		// per category sqrt(2 / (N n (n - 1))) = sqrt(2 / 1820)
		for (const c of k.byCategory) expect(c!.se).toBeCloseTo(Math.sqrt(2 / 1820), 12);
		// p_j = 20, 28, 39, 21, 32 over 140
		const p = [20, 28, 39, 21, 32].map((c) => c / 140);
		const pq = p.map((x) => x * (1 - x));
		const sum = pq.reduce((a, b) => a + b);
		const inner = sum * sum - pq.reduce((s, v, j) => s + v * (1 - 2 * p[j]), 0);
		expect(k.se).toBeCloseTo((Math.SQRT2 * Math.sqrt(inner)) / (sum * Math.sqrt(1820)), 12);
		expect(k.z).toBeCloseTo(k.kappa / k.se, 12);
		expect(k.ci.lower).toBeCloseTo(k.kappa - 1.959964 * k.se, 5);
	});

	it('is undefined when every rating falls in one category', () => {
		expect(
			fleissKappa(
				[
					[3, 0],
					[3, 0],
				],
				0.95,
			),
		).toBeUndefined();
	});
});

describe("Cohen's kappa", () => {
	// Wikipedia "Cohen's kappa", first example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10,
	// no/no 15: p_o 0.7, p_e 0.5, kappa 0.4.
	const k = cohenKappa(
		[
			[20, 5],
			[10, 15],
		],
		0.95,
	)!;

	it('gives the published 0.4', () => {
		expect(k.kappa).toBeCloseTo(0.4, 12);
	});

	it('has the Fleiss-Cohen-Everitt standard errors (hand-checked: 0.12700 large-sample, 0.13856 null)', () => {
		// (0.10972 + 0.10188 - 0.01) / (50 x 0.25) = 0.016128
		expect(k.se).toBeCloseTo(Math.sqrt(0.016128), 10);
		// sqrt(0.24) / (0.5 sqrt 50)
		expect(k.z).toBeCloseTo(0.4 / (Math.sqrt(0.24) / (0.5 * Math.sqrt(50))), 10);
		expect(k.ci.lower).toBeCloseTo(0.1511, 4);
		expect(k.ci.upper).toBeCloseTo(0.6489, 4);
	});
});

describe('Clopper-Pearson interval', () => {
	it('matches the exact binomial limits', () => {
		// 14 of 15: upper = 0.975^(1/15); 9 of 10: (0.5550, 0.9975) as tabulated
		const a = clopperPearson(14, 15, 0.95);
		expect(a.upper).toBeCloseTo(0.975 ** (1 / 15), 10);
		expect(a.lower).toBeCloseTo(0.6805, 4);
		const b = clopperPearson(9, 10, 0.95);
		expect(b.lower).toBeCloseTo(0.555, 3);
		expect(b.upper).toBeCloseTo(0.9975, 4);
		expect(clopperPearson(0, 10, 0.95)).toEqual({
			lower: 0,
			// one-sided at the end, as Minitab prints it
			upper: expect.closeTo(1 - 0.05 ** (1 / 10), 10),
		});
		expect(clopperPearson(10, 10, 0.95).upper).toBe(1);
	});
});

describe("Minitab's essay example (Minitab Help, Example of Attribute Agreement Analysis)", () => {
	// 5 appraisers rate 15 essays once on -2..2 against a known standard; Minitab prints for Each
	// Appraiser vs Standard: Duncan 8 of 15, 53.33 (26.59, 78.73); Hayes 13, 86.67 (59.54, 98.34);
	// Holmes and Montgomery 15, 100.00 (81.90, 100.00); Simpson 14, 93.33 (68.05, 99.83); and SE
	// Kappa 0.258199 for every response of every appraiser. The individual ratings are not
	// published, so the check is of the intervals and of the standard error, which depend only on
	// the counts and the design (15 essays, one trial, rating and standard as the two raters).
	const standard = [2, -1, 0, -2, 0, 1, 2, 0, -1, 1, -2, 0, 2, -1, 1];

	it.each([
		[8, 26.59, 78.73],
		[13, 59.54, 98.34],
		[15, 81.9, 100],
		[14, 68.05, 99.83],
	])('%i of 15 matched: the printed 95 %% interval', (matched, lower, upper) => {
		const ci = clopperPearson(matched, 15, 0.95);
		expect((100 * ci.lower).toFixed(2)).toBe(lower.toFixed(2));
		expect((100 * ci.upper).toFixed(2)).toBe(upper.toFixed(2));
	});

	it('gives SE Kappa 0.258199 for each response of an appraiser against the standard', () => {
		const assessments: AttributeAssessment[] = standard.map((s, i) => ({
			part: i + 1,
			appraiser: 'Holmes',
			rating: s,
			standard: s,
		}));
		const holmes = attributeAgreement({ assessments }).eachVsStandard![0];
		expect(holmes.agreement).toEqual({
			inspected: 15,
			matched: 15,
			percent: 100,
			ci: { lower: expect.closeTo(81.9, 2), upper: 100 },
		});
		expect(holmes.fleiss!.byCategory.map((k) => k!.se.toFixed(6))).toEqual(
			Array(5).fill('0.258199'),
		);
		expect(holmes.fleiss!.kappa).toBe(1);
	});
});

describe('attributeAgreement (hand-checked study)', () => {
	// 10 parts, standard G/B; appraiser A calls part 4 B on trial 2, appraiser B calls part 1 B on trial 1.
	const standard = ['G', 'G', 'B', 'G', 'B', 'G', 'B', 'B', 'G', 'G'];
	const trialsOf: Record<string, string[][]> = {
		A: [standard, standard.map((s, i) => (i === 3 ? 'B' : s))],
		B: [standard.map((s, i) => (i === 0 ? 'B' : s)), standard],
	};
	const assessments: AttributeAssessment[] = [];
	for (const [appraiser, trials] of Object.entries(trialsOf)) {
		for (const trial of trials)
			trial.forEach((rating, p) =>
				assessments.push({ part: p + 1, appraiser, rating, standard: standard[p] }),
			);
	}
	const result = attributeAgreement({ assessments });

	it('counts parts matched within, against the standard and between appraisers', () => {
		expect([result.parts, result.appraisers, result.trials]).toEqual([10, 2, 2]);
		expect(result.categories).toEqual(['B', 'G']);
		expect(result.withinAppraiser!.map((w) => w.agreement.matched)).toEqual([9, 9]);
		expect(result.eachVsStandard!.map((w) => w.agreement.matched)).toEqual([9, 9]);
		expect(result.betweenAppraisers.agreement.matched).toBe(8);
		expect(result.allVsStandard!.agreement.matched).toBe(8);
		expect(result.withinAppraiser![0].agreement.percent).toBe(90);
		expect(result.withinAppraiser![0].agreement.ci.lower).toBeCloseTo(55.5, 1);
	});

	it("has Fleiss' and Cohen's kappas by hand", () => {
		// within A: P-bar 0.9, p_B = 9/20, P_e = 0.505 -> (0.9 - 0.505) / 0.495
		expect(result.withinAppraiser![0].fleiss!.kappa).toBeCloseTo(0.395 / 0.495, 12);
		// A vs standard, 20 pairs: 19 agree; p_B = 17/40 -> P_e = 0.51125
		expect(result.eachVsStandard![0].fleiss!.kappa).toBeCloseTo(
			(0.95 - 0.51125) / (1 - 0.51125),
			12,
		);
		// Cohen, A (rows) vs standard: B/B 8, B/G 1, G/G 11 -> p_o 0.95, p_e 0.45 x 0.4 + 0.55 x 0.6
		expect(result.eachVsStandard![0].cohen!.kappa).toBeCloseTo((0.95 - 0.51) / (1 - 0.51), 12);
		// between, 4 raters per part: parts 1 and 4 have 3 of 4 alike (P_i = 0.5), the rest 1;
		// p_B = 18/40 -> P_e = 0.505
		expect(result.betweenAppraisers.fleiss!.kappa).toBeCloseTo((0.9 - 0.505) / 0.495, 12);
		// Cohen A vs B paired by trial: 18 of 20 agree, A says B 9 times, B says B 9 times
		expect(result.betweenAppraisers.cohen[0].appraisers).toEqual(['A', 'B']);
		expect(result.betweenAppraisers.cohen[0].cohen!.kappa).toBeCloseTo((0.9 - 0.505) / 0.495, 12);
	});

	it('accepts on the lowest appraiser-vs-standard kappa (0.8977 > 0.75)', () => {
		expect(result.acceptanceKappa).toBeCloseTo((0.95 - 0.51125) / (1 - 0.51125), 12);
		expect(result.acceptance).toBe('acceptable');
	});

	it('without a standard, judges on the between-appraisers kappa and has no standard tables', () => {
		const r = attributeAgreement({
			assessments: assessments.map((a) => ({
				part: a.part,
				appraiser: a.appraiser,
				rating: a.rating,
			})),
		});
		expect(r.eachVsStandard).toBeUndefined();
		expect(r.allVsStandard).toBeUndefined();
		expect(r.acceptanceKappa).toBeCloseTo(0.395 / 0.495, 12);
		expect(r.acceptance).toBe('acceptable');
	});

	it('names the cell with a missing rating and the part without a standard', () => {
		const short = assessments.filter((a, i) => !(i === 3 && a.appraiser === 'A'));
		try {
			attributeAgreement({ assessments: short });
			throw new Error('no error');
		} catch (e) {
			expect(e).toBeInstanceOf(MsaInputError);
			expect((e as MsaInputError).issues).toEqual([
				expect.objectContaining({
					field: 'assessments',
					part: '4',
					operator: 'A',
					trials: 1,
					expectedTrials: 2,
				}),
			]);
			expect((e as Error).message).toContain('part "4", appraiser "A": 1 rating, expected 2');
		}
		const noStandard = assessments.map((a) => (a.part === 7 ? { ...a, standard: undefined } : a));
		expect(() => attributeAgreement({ assessments: noStandard })).toThrow(
			'part "7" has no standard',
		);
		const twoStandards = assessments.map((a, i) => (i === 0 ? { ...a, standard: 'B' } : a));
		expect(() => attributeAgreement({ assessments: twoStandards })).toThrow(
			'part "1" has two standards',
		);
	});
});
