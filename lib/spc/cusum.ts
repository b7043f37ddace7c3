import { monitored } from './monitored';
import { allEqual, limitOut, perPoint, toList } from './series';
import type { ChartInput, ChartResult, Violation } from './types';
import { optionalNumber } from './validate';

/**
 * Tabular CUSUM (Montgomery): with sigma_i = sigma/sqrt(n_i), K = k sigma_i and H = h sigma_i,
 * C+_i = max(0, x_i - (center + K) + C+_{i-1}) and C-_i = max(0, (center - K) - x_i + C-_{i-1}),
 * in the units of x, starting at 0 and never reset. C+ > H reports `CUSUM+`, C- > H `CUSUM-`,
 * with `start` at the first point of the current non-zero stretch (where the shift began).
 * `ucl` is H and `lcl` is -H (C- is plotted below zero).
 *
 * @example
 * cusumChart({ chart: 'cusum', values: [10, 12, 13, 14], center: 10, sigma: 1 }).upper; // [0, 1.5, 4, 7.5]
 */
export function cusumChart(input: ChartInput): Omit<ChartResult, 'skippedRules'> {
	const k = optionalNumber(input.k, 'k', { min: 0 }) ?? 0.5;
	const h = optionalNumber(input.h, 'h', { min: 0, minOpen: true }) ?? 5;
	const { x, sizes, center, sigma, phase1 } = monitored(input);
	const n = x.length;
	const upper = new Float64Array(n);
	const lower = new Float64Array(n);
	const violations: Violation[] = [];
	const equal = allEqual(sizes);
	const step = (i: number): number => sigma / Math.sqrt(sizes[i]);
	const H = perPoint(n, equal, (i) => h * step(i));
	let cPlus = 0;
	let cMinus = 0;
	let startPlus = 0;
	let startMinus = 0;
	for (let i = 0; i < n; i++) {
		const K = k * step(i);
		const limit = typeof H === 'number' ? H : H[i];
		if (cPlus === 0) startPlus = i;
		if (cMinus === 0) startMinus = i;
		cPlus = Math.max(0, x[i] - (center + K) + cPlus);
		cMinus = Math.max(0, center - K - x[i] + cMinus);
		upper[i] = cPlus;
		lower[i] = cMinus;
		if (cPlus > limit) {
			violations.push({
				rule: 'CUSUM+',
				index: i,
				start: startPlus,
				end: i,
				chart: 'primary',
				direction: 'above',
			});
		}
		if (cMinus > limit) {
			violations.push({
				rule: 'CUSUM-',
				index: i,
				start: startMinus,
				end: i,
				chart: 'primary',
				direction: 'below',
			});
		}
	}
	const negH = typeof H === 'number' ? -H : H.map((v) => -v);
	return {
		chart: 'cusum',
		center,
		sigma,
		ucl: limitOut(H),
		lcl: limitOut(negH),
		points: toList(x),
		violations,
		phase1,
		statistics: toList(x),
		upper: toList(upper),
		lower: toList(lower),
		...(equal && sizes[0] === 1 ? {} : { sizes: toList(sizes) }),
	};
}
