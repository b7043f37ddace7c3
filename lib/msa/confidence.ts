import { jStat } from 'jstat';

/** A two-sided confidence interval. */
export interface Interval {
	lower: number;
	upper: number;
}

/**
 * Exact (Clopper-Pearson 1934) interval of a binomial proportion, x successes in n trials:
 * lower = Beta^-1(alpha/2; x, n - x + 1), upper = Beta^-1(1 - alpha/2; x + 1, n - x), with 0
 * and 1 at the ends. Minitab's attribute agreement "95 % CI" is this interval.
 *
 * @example
 * clopperPearson(14, 15, 0.95); // { lower: 0.68052, upper: 0.99831 }
 */
export function clopperPearson(x: number, n: number, confidence: number): Interval {
	const alpha = 1 - confidence;
	return {
		lower: x === 0 ? 0 : jStat.beta.inv(alpha / 2, x, n - x + 1),
		upper: x === n ? 1 : jStat.beta.inv(1 - alpha / 2, x + 1, n - x),
	};
}

/**
 * The two-sided standard normal quantile z(1 - alpha/2) of a confidence level.
 *
 * @example
 * twoSidedZ(0.95); // 1.959964
 */
export function twoSidedZ(confidence: number): number {
	return jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
}
