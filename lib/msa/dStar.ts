import { d2, d3 } from '../spc/constants';

/**
 * d2*(m, g): the divisor that turns the average of g ranges of m values into an estimate of sigma
 * (Duncan, Quality Control and Industrial Statistics, 5th ed., Table D3; AIAG MSA 4th ed.,
 * Appendix C). Patnaik (1950) fits R-bar / sigma by c chi_nu with the first two moments; d2* = c
 * sqrt(nu) is then the root of the second moment, d2* = sqrt(d2(m)^2 + d3(m)^2 / g), from the
 * exact d2 and d3 of the SPC engine. For g = 1, d2*(2, 1) = sqrt(2) exactly.
 *
 * @example
 * d2Star(2, 1);  // 1.41421 (sqrt 2)
 * d2Star(3, 1);  // 1.91155
 * d2Star(10, 1); // 3.17905
 */
export function d2Star(m: number, g: number): number {
	if (!Number.isInteger(g) || g < 1)
		throw new Error(`d2*: number of ranges must be a whole number >= 1, got ${String(g)}`);
	return Math.sqrt(d2(m) ** 2 + d3(m) ** 2 / g);
}
