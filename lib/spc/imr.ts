import { chartConstants } from './constants';
import { detectRules } from './detectRules';
import { planImrRules, scanImrRules } from './imrRules';
import type { ResolvedRule } from './rules';
import { toList } from './series';
import type { ChartInput, ChartResult, Violation } from './types';
import { checkSpread, knownStandard, phase1Length, readSeries } from './validate';

/** I-MR limits and rule reports without per-point arrays. */
export interface ImrScan {
	center: number;
	sigma: number;
	ucl: number;
	lcl: number;
	mr: { center: number; ucl: number; lcl: number };
	violations: Violation[];
	phase1: number;
}

/** Points a call of {@link addSums} covers: short calls keep the sums unboxed (see `imrRules`). */
const BLOCK = 512;

/** Adds x[from..to-1] and their moving ranges to `sums` ([sum, MR sum]), in point order. */
function addSums(x: Float64Array, from: number, to: number, sums: Float64Array): void {
	let sum = sums[0];
	let mrSum = sums[1];
	for (let i = from; i < to; i++) {
		sum += x[i];
		mrSum += Math.abs(x[i] - x[i - 1]);
	}
	sums[0] = sum;
	sums[1] = mrSum;
}

/**
 * Sum of the first p1 values and of their p1 - 1 moving ranges ([sum, MR sum]), in point order
 * (block by block, the same additions in the same order as one loop). Nothing follows the loop:
 * code after a hot loop that has not run yet when the loop gets compiled would be recompiled.
 */
function phaseOneSums(x: Float64Array, p1: number): Float64Array {
	const sums = Float64Array.of(x[0], 0);
	for (let from = 1; from < p1; from += BLOCK) addSums(x, from, Math.min(p1, from + BLOCK), sums);
	return sums;
}

/**
 * The I-MR analysis without per-point result arrays (for long series and streaming use): a sweep
 * over phase I for the center and MR-bar, then one pass for the rules on the individuals and the
 * beyond-limit check on the moving ranges (`scanImrRules`; rule sets it does not cover go to
 * `detectRules`). Center = mean of phase I, sigma = MR-bar/d2(2) over the phase I moving ranges,
 * unless known. The values are expected finite (`controlChart` checks them).
 *
 * @example
 * imrScan(Float64Array.of(49.6, 47.6, 49.9, 51.3), {}, undefined, resolveRules('nelson')).center; // 49.6
 */
export function imrScan(
	x: Float64Array,
	known: { center?: number; sigma?: number },
	phase1: number | undefined,
	rules: readonly ResolvedRule[],
): ImrScan {
	const n = x.length;
	const p1 = phase1Length(phase1, n, known.sigma === undefined ? 2 : 1);
	const [sum, mrSum] = phaseOneSums(x, p1);
	const k2 = chartConstants(2);
	const center = known.center ?? sum / p1;
	const mrBar = mrSum / (p1 - 1);
	const sigma = known.sigma ?? checkSpread(mrBar / k2.d2, 'values');
	const ucl = center + 3 * sigma;
	const lcl = center - 3 * sigma;
	const mrCenter = known.sigma === undefined ? mrBar : k2.d2 * sigma;
	const mr = { center: mrCenter, ucl: k2.D4 * mrCenter, lcl: k2.D3 * mrCenter };

	const mrIds = rules.filter((r) => r.kind === 'beyond').map((r) => r.id);
	const plan = planImrRules(rules, {
		center,
		sigma,
		ucl,
		lcl,
		mrUcl: mr.ucl,
		mrLcl: mr.lcl,
		mrIds,
	});
	let violations: Violation[];
	if (plan) {
		violations = scanImrRules(x, plan);
	} else {
		violations = [];
		detectRules(
			{ points: x, center, sigma, ucl, lcl, movingRange: { ucl: mr.ucl, lcl: mr.lcl, ids: mrIds } },
			rules,
			violations,
			'primary',
		);
	}
	return { center, sigma, ucl, lcl, mr, violations, phase1: p1 };
}

/**
 * Individuals and moving-range chart (see {@link imrScan}); MR point i is |x[i] - x[i-1]|,
 * null at 0. Run rules go on the individuals, beyond-limit checks on the moving ranges.
 *
 * @example
 * imrChart({ chart: 'imr', values: [49.6, 47.6, 49.9, 51.3] }, resolveRules('nelson')).secondary.points;
 * // [null, 2, 2.3, 1.4]
 */
export function imrChart(
	input: ChartInput,
	rules: readonly ResolvedRule[],
): Omit<ChartResult, 'skippedRules'> {
	const x = readSeries(input.values, 'values', 1);
	const scan = imrScan(x, knownStandard(input), input.phase1, rules);
	const n = x.length;
	// sized once: growing a list of a million boxed numbers by push costs three times as much
	const mrPoints = new Array<number | null>(n).fill(null);
	for (let i = 1; i < n; i++) mrPoints[i] = Math.abs(x[i] - x[i - 1]);
	return {
		chart: 'imr',
		center: scan.center,
		sigma: scan.sigma,
		ucl: scan.ucl,
		lcl: scan.lcl,
		points: toList(x),
		secondary: { chart: 'mr', ...scan.mr, points: mrPoints },
		violations: scan.violations,
		phase1: scan.phase1,
	};
}
