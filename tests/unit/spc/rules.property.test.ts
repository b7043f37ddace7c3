import fc from 'fast-check';
import { controlChart, RULE_DEFAULTS, type RuleId, type Violation } from '../../../lib/spc';
import { detectRules } from '../../../lib/spc/detectRules';

/*
 * The optimized scans against a literal transcription of R qcc 3.0 R/rules.R (embed windows,
 * rle runs), on random series of half-sigma steps so that points land exactly on the center
 * line, on zone edges and on the limits, and neighbours tie.
 */

/** qccRulesViolatingRun: 0-based indices from the K-th point of each run of `true` to its end. */
function runViolators(condition: boolean[], k: number): number[] {
	const out: number[] = [];
	let start = 0;
	for (let i = 0; i <= condition.length; i++) {
		if (i === condition.length || !condition[i]) {
			for (let j = start + k - 1; j < i; j++) out.push(j);
			start = i + 1;
		}
	}
	return out;
}

/** WER2-style: window of m ending at i, >= k beyond on one side and the last point beyond. */
function kOfM(x: number[], edge: number, k: number, m: number): number[] {
	const out: number[] = [];
	for (let i = m - 1; i < x.length; i++) {
		const w = x.slice(i - m + 1, i + 1);
		const above = w.filter((v) => v > edge).length >= k && x[i] > edge;
		const below = w.filter((v) => v < -edge).length >= k && x[i] < -edge;
		if (above || below) out.push(i);
	}
	return out;
}

const reference: Record<RuleId, (x: number[]) => number[]> = {
	N1: (x) => x.flatMap((v, i) => (v > 3 || v < -3 ? [i] : [])),
	WE1: (x) => x.flatMap((v, i) => (v > 3 || v < -3 ? [i] : [])),
	N2: (x) =>
		[
			...runViolators(
				x.map((v) => v > 0),
				9,
			),
			...runViolators(
				x.map((v) => v < 0),
				9,
			),
		].sort((a, b) => a - b),
	WE4: (x) =>
		[
			...runViolators(
				x.map((v) => v > 0),
				8,
			),
			...runViolators(
				x.map((v) => v < 0),
				8,
			),
		].sort((a, b) => a - b),
	N3: (x) => {
		const d = x.slice(1).map((v, i) => v - x[i]);
		return [
			...runViolators(
				d.map((v) => v > 0),
				5,
			),
			...runViolators(
				d.map((v) => v < 0),
				5,
			),
		]
			.map((i) => i + 1)
			.sort((a, b) => a - b);
	},
	N4: (x) => {
		const d = x.slice(1).map((v, i) => v - x[i]);
		if (d.length < 2) return [];
		const alternating = d.slice(1).map((v, i) => v * d[i] < 0);
		return runViolators(alternating, 12).map((i) => i + 2);
	},
	N5: (x) => kOfM(x, 2, 2, 3),
	WE2: (x) => kOfM(x, 2, 2, 3),
	N6: (x) => kOfM(x, 1, 4, 5),
	WE3: (x) => kOfM(x, 1, 4, 5),
	N7: (x) =>
		runViolators(
			x.map((v) => v >= -1 && v <= 1),
			15,
		),
	N8: (x) => {
		const out: number[] = [];
		for (let i = 7; i < x.length; i++) {
			const w = x.slice(i - 7, i + 1);
			if (w.every((v) => v > 1 || v < -1) && w.some((v) => v > 1) && w.some((v) => v < -1))
				out.push(i);
		}
		return out;
	},
};

const series = fc.array(
	fc.integer({ min: -8, max: 8 }).map((h) => h / 2),
	{ minLength: 1, maxLength: 120, size: 'max' },
);
const skewed = fc.array(
	fc.integer({ min: -3, max: 8 }).map((h) => h / 2),
	{ minLength: 1, maxLength: 120, size: 'max' },
);

describe('run rules agree with a transcription of qcc 3.0 on random series', () => {
	it.each(Object.keys(reference) as RuleId[])('%s', (rule) => {
		fc.assert(
			fc.property(fc.oneof(series, skewed), (x) => {
				const r = controlChart({ chart: 'imr', values: x, center: 0, sigma: 1, rules: [rule] });
				const got = r.violations.filter((v) => v.chart === 'primary').map((v) => v.index);
				expect(got).toEqual(reference[rule](x));
			}),
			{ numRuns: 400, seed: 20261123 },
		);
	});

	it.each(Object.keys(reference) as RuleId[])(
		'%s, point-wise path (sigma given per point)',
		(rule) => {
			fc.assert(
				fc.property(fc.oneof(series, skewed), (x) => {
					const n = x.length;
					const out: Violation[] = [];
					const ones = new Float64Array(n).fill(1);
					const chart = {
						points: Float64Array.from(x),
						center: 0,
						sigma: ones,
						ucl: ones.map(() => 3),
						lcl: ones.map(() => -3),
					};
					detectRules(chart, [RULE_DEFAULTS[rule]], out, 'primary');
					expect(out.map((v) => v.index)).toEqual(reference[rule](x));
				}),
				{ numRuns: 200, seed: 99 },
			);
		},
	);

	it('runs longer than a word (K = 40) agree on both paths', () => {
		const long = fc.array(
			fc.integer({ min: -1, max: 6 }).map((h) => h / 2),
			{ minLength: 30, maxLength: 200, size: 'max' },
		);
		fc.assert(
			fc.property(long, (x) => {
				const r = controlChart({
					chart: 'imr',
					values: x,
					center: 0,
					sigma: 1,
					rules: { N2: 40, N7: 33 },
				});
				const n2 = r.violations.filter((v) => v.rule === 'N2').map((v) => v.index);
				const n7 = r.violations.filter((v) => v.rule === 'N7').map((v) => v.index);
				expect(n2).toEqual(
					[
						...runViolators(
							x.map((v) => v > 0),
							40,
						),
						...runViolators(
							x.map((v) => v < 0),
							40,
						),
					].sort((a, b) => a - b),
				);
				expect(n7).toEqual(
					runViolators(
						x.map((v) => v >= -1 && v <= 1),
						33,
					),
				);
			}),
			{ numRuns: 200, seed: 5 },
		);
	});

	it('starts agree between the word-wise and point-wise paths', () => {
		fc.assert(
			fc.property(series, (x) => {
				const ones = new Float64Array(x.length).fill(1);
				const rules = Object.values(RULE_DEFAULTS);
				const fast: Violation[] = [];
				const slow: Violation[] = [];
				detectRules(
					{ points: Float64Array.from(x), center: 0, sigma: 1, ucl: 3, lcl: -3 },
					rules,
					fast,
					'primary',
				);
				detectRules(
					{ points: Float64Array.from(x), center: 0, sigma: ones, ucl: 3, lcl: -3 },
					rules,
					slow,
					'primary',
				);
				expect(fast).toEqual(slow);
			}),
			{ numRuns: 300, seed: 11 },
		);
	});

	it('every report starts at or before its point and carries end = index', () => {
		fc.assert(
			fc.property(series, (x) => {
				const r = controlChart({ chart: 'imr', values: x, center: 0, sigma: 1 });
				for (const v of r.violations) {
					expect(v.start).toBeLessThanOrEqual(v.index);
					expect(v.start).toBeGreaterThanOrEqual(0);
					expect(v.end).toBe(v.index);
				}
				const indices = r.violations.map((v) => v.index);
				expect(indices).toEqual([...indices].sort((a, b) => a - b));
			}),
			{ numRuns: 200, seed: 7 },
		);
	});
});
