/** The part of jstat (https://github.com/jstat/jstat, MIT) that the MSA engine calls; jstat ships no types. */
declare module 'jstat' {
	export const jStat: {
		/** Regularised incomplete beta function I_x(a, b). */
		ibeta(x: number, a: number, b: number): number;
		beta: {
			/** Quantile of the beta distribution with shape parameters a, b. */
			inv(p: number, a: number, b: number): number;
		};
		normal: {
			/** Quantile of the normal distribution. */
			inv(p: number, mean: number, sd: number): number;
		};
	};
}
