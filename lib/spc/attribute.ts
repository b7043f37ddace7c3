import { detectRules } from './detectRules';
import type { ResolvedRule } from './rules';
import { allEqual, limitOut, perPoint, toList } from './series';
import type { ChartInput, ChartResult, Violation } from './types';
import {
	SpcInputError,
	checkSpread,
	optionalNumber,
	phase1Length,
	readCounts,
	readSizes,
} from './validate';

/**
 * p, np, c and u charts. Center from phase I (p = sum d / sum n, c = mean count,
 * u = sum c / sum n) or known; sigma per unit (sqrt(p(1-p)), sqrt(c), sqrt(u)); limits
 * center +/- 3 sigma_i with sigma_i = sigma/sqrt(n_i) (p, u) or sqrt(n p(1-p)) (np); lower
 * limits clipped at 0. Counts must be whole numbers >= 0, a p/np count at most its sample size.
 *
 * @example
 * attributeChart({ chart: 'c', values: [21, 24, 16, 12, 15] }, []).center; // 17.6
 */
export function attributeChart(
	input: ChartInput,
	rules: readonly ResolvedRule[],
): Omit<ChartResult, 'skippedRules'> {
	const kind = input.chart;
	if (input.sigma !== undefined) {
		throw new SpcInputError(
			'sigma',
			`cannot be set for a ${kind} chart: its spread follows from the center`,
		);
	}
	const counts = readCounts(input.values, 'values');
	const n = counts.length;
	const sizes =
		kind === 'c' ? noSizes(input.sizes, n) : readSizes(input.sizes, n, 'sizes', kind === 'u');
	if (kind === 'p' || kind === 'np') checkFractions(counts, sizes);
	if (kind === 'np' && !allEqual(sizes)) {
		const i = sizes.findIndex((v) => v !== sizes[0]);
		throw new SpcInputError(
			`sizes[${i}]`,
			`an np chart needs one sample size (${sizes[0]}), got ${sizes[i]}; use a p chart`,
		);
	}
	const p1 = phase1Length(input.phase1, n, 1);
	const center = centerOf(kind, input.center, counts, sizes, p1);
	const equal = allEqual(sizes);

	// sigma per unit, and the sigma of the plotted statistic at point i
	let unitSigma: number;
	let pointSigma: (i: number) => number;
	let points: Float64Array;
	if (kind === 'c') {
		unitSigma = Math.sqrt(center);
		pointSigma = () => unitSigma;
		points = counts;
	} else if (kind === 'np') {
		const p = center / sizes[0];
		unitSigma = Math.sqrt(p * (1 - p));
		pointSigma = () => unitSigma * Math.sqrt(sizes[0]);
		points = counts;
	} else {
		unitSigma = kind === 'p' ? Math.sqrt(center * (1 - center)) : Math.sqrt(center);
		pointSigma = (i) => unitSigma / Math.sqrt(sizes[i]);
		points = new Float64Array(n);
		for (let i = 0; i < n; i++) points[i] = counts[i] / sizes[i];
	}
	checkSpread(unitSigma, 'values');
	const sigma = perPoint(n, equal, pointSigma);
	const ucl = perPoint(n, equal, (i) => center + 3 * pointSigma(i));
	const lcl = perPoint(n, equal, (i) => Math.max(0, center - 3 * pointSigma(i)));
	const violations: Violation[] = [];
	detectRules({ points, center, sigma, ucl, lcl }, rules, violations, 'primary');
	return {
		chart: kind,
		center,
		sigma: unitSigma,
		ucl: limitOut(ucl),
		lcl: limitOut(lcl),
		points: toList(points),
		violations,
		phase1: p1,
		...(kind === 'c' ? {} : { sizes: toList(sizes) }),
	};
}

/** c charts take no sample sizes (a u chart does); all points weigh 1. */
function noSizes(sizes: unknown, n: number): Float64Array {
	if (sizes !== undefined) {
		throw new SpcInputError(
			'sizes',
			'a c chart assumes equal inspection units; use a u chart for sample sizes',
		);
	}
	return new Float64Array(n).fill(1);
}

/** A defectives count cannot exceed its sample size (a fraction above 1). */
function checkFractions(counts: Float64Array, sizes: Float64Array): void {
	for (let i = 0; i < counts.length; i++) {
		if (counts[i] > sizes[i]) {
			throw new SpcInputError(
				'values',
				`${counts[i]} defectives exceed the sample size sizes[${i}] = ${sizes[i]} (fraction above 1)`,
				i,
			);
		}
	}
}

/** Known center (checked for the chart's range) or the phase I estimate. */
function centerOf(
	kind: string,
	known: unknown,
	counts: Float64Array,
	sizes: Float64Array,
	p1: number,
): number {
	const given = optionalNumber(known, 'center', { min: 0, minOpen: true });
	if (given !== undefined) {
		if (kind === 'p' && given >= 1)
			throw new SpcInputError('center', `a fraction p must be below 1, got ${given}`);
		if (kind === 'np' && given >= sizes[0]) {
			throw new SpcInputError(
				'center',
				`n*p must be below the sample size ${sizes[0]}, got ${given}`,
			);
		}
		return given;
	}
	let total = 0;
	let units = 0;
	for (let i = 0; i < p1; i++) {
		total += counts[i];
		units += sizes[i];
	}
	if (kind === 'c') return total / p1;
	if (kind === 'np') return (total / units) * sizes[0];
	return total / units;
}
