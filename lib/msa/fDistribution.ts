import { jStat } from 'jstat';

/**
 * Upper tail P(F > f) of the F distribution with (df1, df2) degrees of freedom, the p-value of an
 * ANOVA F test. It is the regularised incomplete beta I_x(df2/2, df1/2) at x = df2 / (df2 + df1 f)
 * (Abramowitz & Stegun 26.6.2), evaluated by jstat. Written this way rather than as
 * 1 - jStat.centralF.cdf(f) because that difference is 0 below about 1e-16, where Minitab and R
 * still print p-values such as 2e-53.
 *
 * @example
 * fUpperTail(0.433721, 18, 60); // 0.97411 (AIAG study, operator x part)
 * fUpperTail(492.291, 9, 18);   // 1.163e-19
 */
export function fUpperTail(f: number, df1: number, df2: number): number {
	if (!(df1 > 0) || !(df2 > 0))
		throw new Error(`F test needs positive degrees of freedom, got ${df1} and ${df2}`);
	if (f <= 0) return 1;
	if (f === Infinity) return 0;
	return jStat.ibeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}
