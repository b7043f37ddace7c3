import { d2 } from './constants';

/** Per-subgroup statistics in typed arrays. */
export interface SubgroupStats {
	sizes: Float64Array;
	means: Float64Array;
	ranges: Float64Array;
	/** Sample standard deviations (n - 1); 0 for single values. */
	sds: Float64Array;
	/** True when every subgroup has the same size. */
	equalSizes: boolean;
}

/**
 * Size, mean, range and sample SD of each subgroup (two-pass SD for accuracy).
 *
 * @example
 * subgroupStats([Float64Array.of(1, 2, 3)]).ranges; // Float64Array [2]
 */
export function subgroupStats(groups: readonly Float64Array[]): SubgroupStats {
	const k = groups.length;
	const sizes = new Float64Array(k);
	const means = new Float64Array(k);
	const ranges = new Float64Array(k);
	const sds = new Float64Array(k);
	let equalSizes = true;
	for (let g = 0; g < k; g++) {
		const x = groups[g];
		const n = x.length;
		let sum = 0;
		let min = x[0];
		let max = x[0];
		for (let i = 0; i < n; i++) {
			sum += x[i];
			if (x[i] < min) min = x[i];
			if (x[i] > max) max = x[i];
		}
		const mean = sum / n;
		let ss = 0;
		for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
		sizes[g] = n;
		means[g] = mean;
		ranges[g] = max - min;
		sds[g] = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
		if (n !== groups[0].length) equalSizes = false;
	}
	return { sizes, means, ranges, sds, equalSizes };
}

/**
 * Grand mean of the first `count` subgroups, weighted by their sizes.
 *
 * @example
 * weightedMean(Float64Array.of(1, 4), Float64Array.of(2, 1), 2); // 2
 */
export function weightedMean(means: Float64Array, sizes: Float64Array, count: number): number {
	let sum = 0;
	let total = 0;
	for (let g = 0; g < count; g++) {
		sum += means[g] * sizes[g];
		total += sizes[g];
	}
	return sum / total;
}

/**
 * Within-subgroup sigma from ranges over the first `count` subgroups: R-bar/d2(n) for equal
 * sizes, else the unweighted average of R_i/d2(n_i) (qcc's "UWAVE-R").
 *
 * @example
 * sigmaFromRanges({ ranges: Float64Array.of(2, 4), sizes: Float64Array.of(5, 5), equalSizes: true }, 2);
 * // 3 / d2(5) = 1.2898...
 */
export function sigmaFromRanges(
	stats: Pick<SubgroupStats, 'ranges' | 'sizes' | 'equalSizes'>,
	count: number,
): number {
	let sum = 0;
	if (stats.equalSizes) {
		for (let g = 0; g < count; g++) sum += stats.ranges[g];
		return sum / count / d2(stats.sizes[0]);
	}
	for (let g = 0; g < count; g++) sum += stats.ranges[g] / d2(stats.sizes[g]);
	return sum / count;
}
