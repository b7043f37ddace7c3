import { controlChart } from '../../../lib/spc';

// Montgomery, Introduction to Statistical Quality Control, Example 9.1 / Table 9.1 and 9.2:
// 30 observations, target 10, sigma 1 (shift of 1 sigma from observation 21 on).
const montgomery = [
	9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.2, 10.34, 9.03, 11.47, 10.51, 9.4, 10.08,
	9.37, 10.62, 10.31, 8.52, 10.84, 10.9, 9.33, 12.29, 11.5, 10.6, 11.08, 10.38, 11.62, 11.31, 10.52,
];

describe('tabular CUSUM (Montgomery Example 9.1: k = 0.5, h = 5)', () => {
	const r = controlChart({ chart: 'cusum', values: montgomery, center: 10, sigma: 1 });

	it('accumulates C+ as in Table 9.2', () => {
		const upper = r.upper as number[];
		const published: [number, number][] = [
			[4, 1.16],
			[5, 2.82],
			[6, 2.5],
			[7, 0.04],
			[8, 1.0],
			[23, 1.79],
			[24, 2.79],
			[25, 2.89],
			[26, 3.47],
			[27, 3.35],
			[28, 4.47],
			[29, 5.28],
			[30, 5.3],
		];
		for (const [period, value] of published) expect(upper[period - 1]).toBeCloseTo(value, 10);
		expect(upper.slice(0, 3)).toEqual([0, 0, 0]);
	});

	it('accumulates C- from below the target and never goes negative', () => {
		const lower = r.lower as number[];
		expect(lower[0]).toBeCloseTo(0.05, 10); // 9.5 - 9.45
		expect(lower[1]).toBeCloseTo(1.56, 10); // 0.05 + 9.5 - 7.99
		expect(lower[2]).toBeCloseTo(1.77, 10);
		expect(lower[3]).toBe(0);
		expect(Math.min(...lower)).toBe(0);
	});

	it('signals at periods 29 and 30; the shift began after period 22', () => {
		expect(r.violations.map((v) => [v.rule, v.index, v.start])).toEqual([
			['CUSUM+', 28, 22],
			['CUSUM+', 29, 22],
		]);
		expect(r.ucl).toBe(5);
		expect(r.lcl).toBe(-5);
	});
});

describe('EWMA (Montgomery Example 9.2: lambda = 0.1, L = 2.7)', () => {
	const r = controlChart({
		chart: 'ewma',
		values: montgomery,
		center: 10,
		sigma: 1,
		lambda: 0.1,
		L: 2.7,
	});
	const ucl = r.ucl as number[];
	const lcl = r.lcl as number[];

	it('starts at the center and smooths', () => {
		expect(r.points[0]).toBeCloseTo(9.945, 12); // 0.1*9.45 + 0.9*10
		expect(r.points[1]).toBeCloseTo(9.7495, 12);
		expect(r.statistics).toEqual(montgomery);
	});

	it('has time-varying limits growing to the asymptote 10 +/- 2.7 sqrt(0.1/1.9)', () => {
		expect(ucl[0]).toBeCloseTo(10.27, 12); // 2.7 * sqrt(0.1/1.9 * 0.19) = 0.27
		expect(ucl[1]).toBeCloseTo(10 + 2.7 * Math.sqrt((0.1 / 1.9) * (1 - 0.9 ** 4)), 12);
		expect(lcl[0]).toBeCloseTo(9.73, 12);
		expect(ucl[29]).toBeCloseTo(10.62, 2);
		for (let i = 1; i < 30; i++) expect(ucl[i]).toBeGreaterThan(ucl[i - 1]);
	});

	it('signals at periods 29 and 30 (Montgomery: z29 = 10.6468 > 10.62)', () => {
		const signalled = r.violations.map((v) => v.index);
		for (const i of signalled) expect(r.points[i]).toBeGreaterThan(ucl[i]);
		for (let i = 0; i < 30; i++) {
			if (!signalled.includes(i)) expect(r.points[i]).toBeLessThanOrEqual(ucl[i]);
		}
		expect(signalled).toEqual([28, 29]);
		expect(r.points[28]).toBeCloseTo(10.6468, 4);
		expect(r.violations.every((v) => v.rule === 'EWMA' && v.direction === 'above')).toBe(true);
	});

	it('charts subgroup means with sigma/sqrt(n)', () => {
		const s = controlChart({
			chart: 'ewma',
			subgroups: [
				[9, 11, 10, 10],
				[12, 12, 12, 12],
			],
			center: 10,
			sigma: 2,
		});
		expect(s.statistics).toEqual([10, 12]);
		expect((s.ucl as number[])[0]).toBeCloseTo(
			10 + 3 * 1 * Math.sqrt((0.2 / 1.8) * (1 - 0.64)),
			12,
		);
		expect(s.sizes).toEqual([4, 4]);
	});
});

describe('unequal subgroup sizes (hand-checked)', () => {
	// s = 1, sqrt(2), sqrt(6.6667); pooled s = sqrt((2*1 + 1*2 + 3*20/3) / 6) = 2; grand mean 36/9 = 4
	const subgroups = [
		[1, 2, 3],
		[2, 4],
		[3, 5, 7, 9],
	];

	it('X-bar/S uses the pooled SD with A3(n_i), B3(n_i), B4(n_i) (Montgomery eq. 6.31)', () => {
		const r = controlChart({ chart: 'xbar-s', subgroups, rules: 'none' });
		expect(r.center).toBeCloseTo(4, 14);
		expect(r.sigma).toBeCloseTo(2, 14);
		// A3(3) = 1.954, A3(2) = 2.659, A3(4) = 1.628 (printed tables)
		const ucl = r.ucl as number[];
		expect(ucl[0]).toBeCloseTo(4 + 1.954 * 2, 2);
		expect(ucl[1]).toBeCloseTo(4 + 2.659 * 2, 2);
		expect(ucl[2]).toBeCloseTo(4 + 1.628 * 2, 2);
		expect(r.secondary?.center).toBeCloseTo(2, 14);
		// B4(3) = 2.568, B4(2) = 3.267, B4(4) = 2.266; B3 = 0 for n < 6
		const sUcl = r.secondary?.ucl as number[];
		expect(sUcl[0]).toBeCloseTo(2.568 * 2, 2);
		expect(sUcl[1]).toBeCloseTo(3.267 * 2, 2);
		expect(sUcl[2]).toBeCloseTo(2.266 * 2, 2);
		expect(r.secondary?.lcl).toEqual([0, 0, 0]);
	});

	it('X-bar/R averages R_i/d2(n_i) and gives per-point limits', () => {
		const r = controlChart({ chart: 'xbar-r', subgroups, rules: 'none' });
		// R = 2, 2, 6; d2 = 1.693, 1.128, 2.059
		expect(r.sigma).toBeCloseTo((2 / 1.692569 + 2 / 1.128379 + 6 / 2.058751) / 3, 5);
		expect((r.ucl as number[])[1]).toBeCloseTo(4 + (3 * r.sigma) / Math.sqrt(2), 12);
		expect((r.secondary?.center as number[])[2]).toBeCloseTo(2.058751 * r.sigma, 5);
	});

	it('p chart with varying sample sizes has per-point limits; zone rules run on standardized values', () => {
		const r = controlChart({ chart: 'p', values: [5, 10], sizes: [50, 100], rules: 'none' });
		expect(r.center).toBeCloseTo(0.1, 15);
		expect((r.ucl as number[])[0]).toBeCloseTo(0.1 + 3 * Math.sqrt(0.09 / 50), 15);
		expect((r.ucl as number[])[1]).toBeCloseTo(0.19, 15);
		expect(r.lcl).toEqual([0, expect.closeTo(0.01, 15)]);
		// 2 of 3 beyond 2 sigma: 0.2 at n=100 is z = 3.33, 0.17 at n=50 is z = 1.65, 0.17 at n=100 is z = 2.33
		const z = controlChart({
			chart: 'p',
			values: [20, 8, 17],
			sizes: [100, 50, 100],
			center: 0.1,
			rules: ['N5'],
		});
		expect(z.violations.map((v) => [v.rule, v.index, v.start])).toEqual([['N5', 2, 0]]);
	});
});

describe('known standard and phase I', () => {
	it('uses the given center and sigma', () => {
		const r = controlChart({
			chart: 'imr',
			values: [1, 2, 3],
			center: 10,
			sigma: 2,
			rules: 'none',
		});
		expect([r.center, r.sigma, r.ucl, r.lcl]).toEqual([10, 2, 16, 4]);
		expect(r.secondary?.center).toBeCloseTo(2 * 1.128379, 6);
		expect(r.secondary?.ucl).toBeCloseTo(2 * 3.686, 3); // D2(2) = 3.686
	});

	it('estimates from the first N points only and monitors the rest', () => {
		const r = controlChart({ chart: 'imr', values: [10, 12, 10, 12, 30], phase1: 4 });
		expect(r.center).toBe(11);
		expect(r.sigma).toBeCloseTo(2 / 1.128379, 6);
		expect(r.phase1).toBe(4);
		expect(r.violations.filter((v) => v.rule === 'N1').map((v) => [v.index, v.chart])).toEqual([
			[4, 'primary'],
			[4, 'secondary'],
		]);
	});
});

describe('bad input names the field and index', () => {
	const cases: [string, () => unknown, string][] = [
		[
			'NaN',
			() => controlChart({ chart: 'imr', values: [1, NaN, 3] }),
			'values[1]: must be a finite number, got NaN',
		],
		[
			'string',
			() => controlChart({ chart: 'imr', values: [1, '2' as unknown as number] }),
			'values[1]: must be a finite number, got "2"',
		],
		[
			'empty',
			() => controlChart({ chart: 'imr', values: [] }),
			'values: needs at least 1 point, got 0',
		],
		[
			'one point',
			() => controlChart({ chart: 'imr', values: [5] }),
			'needs at least 2 points to estimate limits',
		],
		[
			'missing values',
			() => controlChart({ chart: 'c' }),
			'values: must be an array of numbers, got undefined',
		],
		[
			'size-1 subgroup',
			() => controlChart({ chart: 'xbar-r', subgroups: [[1, 2], [3]] }),
			'subgroups[1]: has 1 value; X-bar/R needs at least 2',
		],
		[
			'NaN in subgroup',
			() =>
				controlChart({
					chart: 'xbar-s',
					subgroups: [
						[1, 2],
						[3, NaN],
					],
				}),
			'subgroups[1][1]: must be a finite number',
		],
		[
			'negative count',
			() => controlChart({ chart: 'c', values: [3, -1] }),
			'values[1]: must be a count (whole number >= 0), got -1',
		],
		[
			'fractional count',
			() => controlChart({ chart: 'np', values: [3, 1.5], sizes: 10 }),
			'values[1]: must be a count',
		],
		[
			'p > 1',
			() => controlChart({ chart: 'p', values: [3, 12], sizes: [10, 10] }),
			'values[1]: 12 defectives exceed the sample size sizes[1] = 10',
		],
		[
			'zero size',
			() => controlChart({ chart: 'u', values: [3, 1], sizes: [2, 0] }),
			'sizes[1]: must be a positive number, got 0',
		],
		[
			'sizes length',
			() => controlChart({ chart: 'p', values: [3, 1], sizes: [20] }),
			'sizes: has 1 entries but there are 2 points',
		],
		[
			'np sizes differ',
			() => controlChart({ chart: 'np', values: [3, 1], sizes: [20, 30] }),
			'sizes[1]: an np chart needs one sample size',
		],
		[
			'phase1 too long',
			() => controlChart({ chart: 'imr', values: [1, 2, 3], phase1: 5 }),
			'phase1: (5) exceeds the number of points (3)',
		],
		[
			'no spread',
			() => controlChart({ chart: 'imr', values: [4, 4, 4, 4] }),
			'values: phase I shows no variation',
		],
		[
			'no defectives',
			() => controlChart({ chart: 'p', values: [0, 0], sizes: 10 }),
			'values: phase I shows no variation',
		],
		[
			'sigma on p',
			() => controlChart({ chart: 'p', values: [1, 2], sizes: 10, sigma: 1 }),
			'sigma: cannot be set for a p chart',
		],
		[
			'bad sigma',
			() => controlChart({ chart: 'imr', values: [1, 2], sigma: 0 }),
			'sigma: must be > 0, got 0',
		],
		[
			'bad lambda',
			() => controlChart({ chart: 'ewma', values: [1, 2], lambda: 1.5 }),
			'lambda: must be <= 1, got 1.5',
		],
		[
			'unknown chart',
			() => controlChart({ chart: 'xyz' as 'imr', values: [1, 2] }),
			'chart: must be one of imr',
		],
	];
	it.each(cases)('%s', (_name, run, message) => {
		expect(run).toThrow(message);
	});
});

describe('the kind of data must fit the chart', () => {
	it('rejects values for X-bar charts and subgroups for individuals or counts', () => {
		expect(() => controlChart({ chart: 'xbar-r', values: [1, 2, 3] })).toThrow(
			'values: X-bar charts take subgroups',
		);
		expect(() => controlChart({ chart: 'imr', subgroups: [[1, 2]] })).toThrow(
			'subgroups: I-MR charts take values',
		);
		expect(() => controlChart({ chart: 'ewma', values: [1, 2], subgroups: [[1, 2]] })).toThrow(
			'give either values or subgroups',
		);
	});
});
