import { jStat } from 'jstat';

/** A two-sided confidence interval. */
export interface Interval {
	lower: number;
	upper: number;
}

/**
 * Exact (Clopper-Pearson 1934) interval of a binomial proportion, x successes in n trials:
 * lower = Beta^-1(alpha/2; x, n - x + 1), upper = Beta^-1(1 - alpha/2; x + 1, n - x). At the ends
 * it is one-sided, as Minitab's attribute agreement prints it: all matched gives (alpha^(1/n), 1)
 * (15 of 15 at 95 %: 81.90 % to 100 %), none matched (0, 1 - alpha^(1/n)).
 *
 * @example
 * clopperPearson(14, 15, 0.95); // { lower: 0.68052, upper: 0.99831 }
 * clopperPearson(15, 15, 0.95); // { lower: 0.81896, upper: 1 }
 */
export function clopperPearson(x: number, n: number, confidence: number): Interval {
	const alpha = 1 - confidence;
	if (x === n) return { lower: alpha ** (1 / n), upper: 1 };
	if (x === 0) return { lower: 0, upper: 1 - alpha ** (1 / n) };
	return {
		lower: jStat.beta.inv(alpha / 2, x, n - x + 1),
		upper: jStat.beta.inv(1 - alpha / 2, x + 1, n - x),
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
