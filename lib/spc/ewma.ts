import { monitored } from './monitored';
import { allEqual, toList } from './series';
import type { ChartInput, ChartResult, Violation } from './types';
import { optionalNumber } from './validate';

/**
 * EWMA chart: z_0 = center, z_i = lambda x_i + (1 - lambda) z_{i-1}, with the exact time-varying
 * limits center +/- L sigma/sqrt(n_i) sqrt(lambda/(2-lambda) (1 - (1-lambda)^(2i))).
 * A point strictly beyond its limit is reported as rule `EWMA`.
 *
 * @example
 * ewmaChart({ chart: 'ewma', values: [10, 10.5, 9, 11], center: 10, sigma: 1 }).points[0]; // 10
 */
export function ewmaChart(input: ChartInput): Omit<ChartResult, 'skippedRules'> {
	const lambda = optionalNumber(input.lambda, 'lambda', { min: 0, minOpen: true, max: 1 }) ?? 0.2;
	const L = optionalNumber(input.L, 'L', { min: 0, minOpen: true }) ?? 3;
	const { x, sizes, center, sigma, phase1 } = monitored(input);
	const n = x.length;
	const z = new Float64Array(n);
	const ucl = new Float64Array(n);
	const lcl = new Float64Array(n);
	const violations: Violation[] = [];
	const ratio = lambda / (2 - lambda);
	let prev = center;
	let decay = 1; // (1 - lambda)^(2i)
	for (let i = 0; i < n; i++) {
		prev = lambda * x[i] + (1 - lambda) * prev;
		decay *= (1 - lambda) * (1 - lambda);
		const width = L * (sigma / Math.sqrt(sizes[i])) * Math.sqrt(ratio * (1 - decay));
		z[i] = prev;
		ucl[i] = center + width;
		lcl[i] = center - width;
		if (prev > ucl[i])
			violations.push({
				rule: 'EWMA',
				index: i,
				start: i,
				end: i,
				chart: 'primary',
				direction: 'above',
			});
		else if (prev < lcl[i])
			violations.push({
				rule: 'EWMA',
				index: i,
				start: i,
				end: i,
				chart: 'primary',
				direction: 'below',
			});
	}
	return {
		chart: 'ewma',
		center,
		sigma,
		ucl: toList(ucl),
		lcl: toList(lcl),
		points: toList(z),
		violations,
		phase1,
		statistics: toList(x),
		...(allEqual(sizes) && sizes[0] === 1 ? {} : { sizes: toList(sizes) }),
	};
}
