const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * Standard normal CDF Phi(x) to about 1e-16 absolute, from the everywhere-convergent series
 * Phi(x) = 1/2 + phi(x) * sum x^(2k+1) / (1*3*...*(2k+1)); its terms are all of one sign, so
 * there is no cancellation. Beyond |x| = 9 the result is 0 or 1 to double precision.
 *
 * @example
 * normalCdf(0);     // 0.5
 * normalCdf(1.96);  // 0.9750021048517795
 */
export function normalCdf(x: number): number {
	if (x <= -9) return 0;
	if (x >= 9) return 1;
	const x2 = x * x;
	let term = x;
	let sum = x;
	for (let k = 1; Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
		term *= x2 / (2 * k + 1);
		sum += term;
	}
	return 0.5 + INV_SQRT_2PI * Math.exp(-x2 / 2) * sum;
}
