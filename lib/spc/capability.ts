import { chartConstants } from './constants';
import { sigmaFromRanges, subgroupStats } from './subgroups';
import type { CapabilityInput, CapabilityResult, ChartInput, ChartType } from './types';
import { SpcInputError, checkSpread, optionalNumber, readSeries, readSubgroups } from './validate';

/**
 * Process capability. Within sigma: known, else R-bar/d2 from subgroups or MR-bar/d2(2) from
 * individuals; overall sigma: sample SD (n-1) of all values. With both `values` and `subgroups`,
 * the subgroups give the within sigma and the values the mean and overall sigma.
 * Cp = (USL-LSL)/6 sigma_w, Cpu = (USL-mean)/3 sigma_w, Cpl = (mean-LSL)/3 sigma_w, Cpk = min,
 * Cpm = Cp/sqrt(1 + ((mean-T)/sigma_w)^2) (qcc); Pp, Ppu, Ppl, Ppk, Ppm likewise with the overall
 * sigma. One-sided specs give only the indices that exist (Cpk = Cpu or Cpl; no Cp, Cpm).
 *
 * @example
 * capability({ values: [9.8, 10.1, 10.0, 10.3, 9.9], lsl: 9, usl: 11 }).cp; // 1.3677... (sigma = 0.275/d2(2))
 */
export function capability(input: CapabilityInput): CapabilityResult {
	const lsl = optionalNumber(input.lsl, 'lsl');
	const usl = optionalNumber(input.usl, 'usl');
	if (lsl === undefined && usl === undefined)
		throw new SpcInputError('usl', 'give lsl, usl or both');
	if (lsl !== undefined && usl !== undefined && !(usl > lsl)) {
		throw new SpcInputError('usl', `must be above lsl (${lsl}), got ${usl}`);
	}
	const known = optionalNumber(input.sigma, 'sigma', { min: 0, minOpen: true });
	const groups =
		input.subgroups === undefined
			? undefined
			: readSubgroups(input.subgroups, 'subgroups', known === undefined ? 2 : 1, 'R-bar/d2');
	const x =
		input.values !== undefined
			? readSeries(input.values, 'values', 2)
			: groups !== undefined
				? Float64Array.from(groups.flatMap((g) => Array.from(g)))
				: readSeries(input.values, 'values', 2);
	const n = x.length;
	if (n < 2) throw new SpcInputError('subgroups', `need at least 2 values in all, got ${n}`);

	let sum = 0;
	let mrSum = 0;
	for (let i = 0; i < n; i++) {
		sum += x[i];
		if (i > 0) mrSum += Math.abs(x[i] - x[i - 1]);
	}
	const mean = sum / n;
	let ss = 0;
	for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
	const sigmaOverall = checkSpread(Math.sqrt(ss / (n - 1)), 'values');
	const sigmaWithin =
		known ??
		checkSpread(
			groups !== undefined
				? sigmaFromRanges(subgroupStats(groups), groups.length)
				: mrSum / (n - 1) / chartConstants(2).d2,
			groups !== undefined ? 'subgroups' : 'values',
		);
	const target =
		optionalNumber(input.target, 'target') ??
		(lsl !== undefined && usl !== undefined ? (lsl + usl) / 2 : undefined);

	const result: CapabilityResult = { cpk: NaN, ppk: NaN, sigmaWithin, sigmaOverall, mean, n };
	const upper =
		usl === undefined
			? undefined
			: { cpu: (usl - mean) / (3 * sigmaWithin), ppu: (usl - mean) / (3 * sigmaOverall) };
	const lower =
		lsl === undefined
			? undefined
			: { cpl: (mean - lsl) / (3 * sigmaWithin), ppl: (mean - lsl) / (3 * sigmaOverall) };
	if (upper) Object.assign(result, upper);
	if (lower) Object.assign(result, lower);
	result.cpk = Math.min(upper?.cpu ?? Infinity, lower?.cpl ?? Infinity);
	result.ppk = Math.min(upper?.ppu ?? Infinity, lower?.ppl ?? Infinity);
	if (lsl !== undefined && usl !== undefined) {
		result.cp = (usl - lsl) / (6 * sigmaWithin);
		result.pp = (usl - lsl) / (6 * sigmaOverall);
		const t = target as number;
		// Taguchi: (USL - LSL) / (6 sqrt(sigma^2 + (mean - T)^2)); hypot keeps extreme but finite
		// inputs from overflowing into Infinity / Infinity.
		result.cpm = (usl - lsl) / (6 * Math.hypot(sigmaWithin, mean - t));
		result.ppm = (usl - lsl) / (6 * Math.hypot(sigmaOverall, mean - t));
	}
	if (target !== undefined) result.target = target;
	return result;
}

/** Charts on measurements, where spec limits and capability make sense. */
const MEASUREMENT_CHARTS: readonly ChartType[] = ['imr', 'xbar-r', 'xbar-s', 'ewma', 'cusum'];

/**
 * The capability study that goes with a chart: none without spec limits; on the chart's own data
 * for measurement charts; an error for attribute charts (p, np, c, u), whose counts have no
 * spec limits.
 *
 * @example
 * chartCapability({ chart: 'imr', values: [9.8, 10.1, 10.0, 10.3, 9.9] }, { lsl: 9, usl: 11 })?.cp; // 1.3677...
 * chartCapability({ chart: 'imr', values: [1, 2] }, {}); // undefined
 * chartCapability({ chart: 'c', values: [3, 1] }, { usl: 5 }); // throws: usl: spec limits give capability for measurement charts, not for a c chart
 */
export function chartCapability(
	input: ChartInput,
	spec: { lsl?: number; usl?: number; target?: number },
): CapabilityResult | undefined {
	if (spec.lsl === undefined && spec.usl === undefined) return undefined;
	if (!MEASUREMENT_CHARTS.includes(input.chart)) {
		throw new SpcInputError(
			spec.lsl === undefined ? 'usl' : 'lsl',
			`spec limits give capability for measurement charts, not for a ${input.chart} chart`,
		);
	}
	return capability({
		values: input.values,
		subgroups: input.subgroups,
		lsl: spec.lsl,
		usl: spec.usl,
		target: spec.target,
	});
}
