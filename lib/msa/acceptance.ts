import type { Acceptance } from './types';

/**
 * AIAG acceptance of a measurement system by %GRR (MSA 4th ed., ch. II sec. D): under 10 %
 * acceptable, 10 % to 30 % may be acceptable depending on the application (marginal), over 30 %
 * unacceptable.
 *
 * @example
 * acceptanceOf(27.86); // 'marginal'
 */
export function acceptanceOf(pctGrr: number): Acceptance {
	if (pctGrr < 10) return 'acceptable';
	if (pctGrr <= 30) return 'marginal';
	return 'unacceptable';
}

/**
 * Number of distinct categories, floor(factor x sd_part / sd_grr), at least 1 (AIAG MSA 4th ed.,
 * ch. III sec. B, factor 1.41; Minitab and R SixSigma 1.41; R qualityTools sqrt 2). A gauge
 * without any R&R variation resolves every part: Infinity. AIAG asks for ndc >= 5.
 *
 * @example
 * distinctCategories(1.04233, 0.302372); // 4
 */
export function distinctCategories(sdPart: number, sdGrr: number, factor = 1.41): number {
	if (sdGrr === 0) return sdPart > 0 ? Infinity : 1;
	// a ratio that is a whole number in exact arithmetic must not floor to the one below
	return Math.max(1, Math.floor(((factor * sdPart) / sdGrr) * (1 + 1e-12)));
}
