import { chartConstants } from './constants';
import { sigmaFromRanges, subgroupStats, weightedMean } from './subgroups';
import type { ChartInput } from './types';
import {
	SpcInputError,
	checkSpread,
	knownStandard,
	phase1Length,
	readSeries,
	readSubgroups,
} from './validate';

/** The series an EWMA or CUSUM chart watches, with its in-control center and sigma. */
export interface Monitored {
	/** Individual values, or subgroup means. */
	x: Float64Array;
	/** 1 per individual value, else the subgroup sizes. */
	sizes: Float64Array;
	center: number;
	/** Sigma of one individual value (the statistic's sigma is sigma/sqrt(n_i)). */
	sigma: number;
	phase1: number;
}

/**
 * Reads `values` (individuals: center = phase I mean, sigma = MR-bar/d2(2)) or `subgroups`
 * (their means: center = size-weighted grand mean, sigma = R-bar/d2, see `sigmaFromRanges`),
 * unless center/sigma are known.
 *
 * @example
 * monitored({ chart: 'ewma', values: [1, 3, 2] }).sigma; // 1.5 / d2(2) = 1.3293...
 */
export function monitored(input: ChartInput): Monitored {
	const known = knownStandard(input);
	if (input.values !== undefined && input.subgroups !== undefined) {
		throw new SpcInputError(
			'subgroups',
			`give either values or subgroups for a ${input.chart} chart, not both`,
		);
	}
	if (input.subgroups !== undefined) {
		const groups = readSubgroups(
			input.subgroups,
			'subgroups',
			known.sigma === undefined ? 2 : 1,
			'estimating sigma',
		);
		const stats = subgroupStats(groups);
		const p1 = phase1Length(input.phase1, groups.length, 1);
		return {
			x: stats.means,
			sizes: stats.sizes,
			center: known.center ?? weightedMean(stats.means, stats.sizes, p1),
			sigma: known.sigma ?? checkSpread(sigmaFromRanges(stats, p1), 'subgroups'),
			phase1: p1,
		};
	}
	const x = readSeries(input.values, 'values', 1);
	const n = x.length;
	const p1 = phase1Length(input.phase1, n, known.sigma === undefined ? 2 : 1);
	let sum = x[0];
	let mrSum = 0;
	for (let i = 1; i < p1; i++) {
		sum += x[i];
		mrSum += Math.abs(x[i] - x[i - 1]);
	}
	return {
		x,
		sizes: new Float64Array(n).fill(1),
		center: known.center ?? sum / p1,
		sigma: known.sigma ?? checkSpread(mrSum / (p1 - 1) / chartConstants(2).d2, 'values'),
		phase1: p1,
	};
}
