import { c4, chartConstants } from './constants';
import { detectRules } from './detectRules';
import type { ResolvedRule } from './rules';
import { limitOut, perPoint, toList } from './series';
import { sigmaFromRanges, subgroupStats, weightedMean, type SubgroupStats } from './subgroups';
import type { ChartInput, ChartResult, Violation } from './types';
import { checkSpread, knownStandard, phase1Length, readSubgroups } from './validate';
import { mergeByIndex } from './violations';

/** Dispersion chart (R or S) with its per-point or common center and limits. */
interface Dispersion {
	chart: 'r' | 's';
	points: Float64Array;
	center: number | Float64Array;
	ucl: number | Float64Array;
	lcl: number | Float64Array;
}

/**
 * X-bar chart with an R or S chart. Center = grand mean weighted by subgroup size.
 * X-bar/R: sigma = R-bar/d2(n) (unequal sizes: mean of R_i/d2(n_i)); R chart center d2(n_i) sigma,
 * limits D3, D4 (center R-bar for estimated sigma and equal sizes).
 * X-bar/S, equal sizes: sigma = S-bar/c4(n), S chart center S-bar, limits B3, B4.
 * X-bar/S, unequal sizes (Montgomery eq. 6.31): s_pooled = sqrt(sum (n_i-1) s_i^2 / sum (n_i-1)),
 * X-bar limits center +/- A3(n_i) s_pooled, S chart center s_pooled, limits B3(n_i), B4(n_i); the
 * reported sigma is s_pooled.
 * Known sigma: X-bar limits center +/- 3 sigma/sqrt(n_i), R chart d2/D1/D2, S chart c4/B5/B6.
 *
 * @example
 * xbarChart({ chart: 'xbar-r', subgroups: [[1, 2, 3], [2, 3, 4], [1, 3, 5]] }, []).center; // 2.6666...
 */
export function xbarChart(
	input: ChartInput,
	rules: readonly ResolvedRule[],
): Omit<ChartResult, 'skippedRules'> {
	const useS = input.chart === 'xbar-s';
	const groups = readSubgroups(input.subgroups, 'subgroups', 2, useS ? 'X-bar/S' : 'X-bar/R');
	const stats = subgroupStats(groups);
	const k = groups.length;
	const known = knownStandard(input);
	const p1 = phase1Length(input.phase1, k, 1);
	const center = known.center ?? weightedMean(stats.means, stats.sizes, p1);
	const equal = stats.equalSizes;
	const size = (g: number): number => stats.sizes[g];

	let sigma: number;
	let meanSigma: (g: number) => number;
	let dispersion: Dispersion;
	if (!useS) {
		sigma = known.sigma ?? checkSpread(sigmaFromRanges(stats, p1), 'subgroups');
		meanSigma = (g) => sigma / Math.sqrt(size(g));
		dispersion = rangeChart(stats, sigma, known.sigma === undefined ? rBar(stats, p1) : undefined);
	} else if (equal || known.sigma !== undefined) {
		const sBar = known.sigma === undefined ? mean(stats.sds, p1) : undefined;
		sigma = known.sigma ?? checkSpread((sBar as number) / c4(size(0)), 'subgroups');
		meanSigma = (g) => sigma / Math.sqrt(size(g));
		dispersion = sdChart(stats, sigma, sBar);
	} else {
		const pooled = checkSpread(pooledSd(stats, p1), 'subgroups');
		sigma = pooled;
		meanSigma = (g) => (chartConstants(size(g)).A3 * pooled) / 3;
		dispersion = {
			chart: 's',
			points: stats.sds,
			center: pooled,
			ucl: perPoint(k, false, (g) => chartConstants(size(g)).B4 * pooled),
			lcl: perPoint(k, false, (g) => chartConstants(size(g)).B3 * pooled),
		};
	}

	const chartSigma = perPoint(k, equal, meanSigma);
	const ucl = perPoint(k, equal, (g) => center + 3 * meanSigma(g));
	const lcl = perPoint(k, equal, (g) => center - 3 * meanSigma(g));
	const primary: Violation[] = [];
	detectRules(
		{ points: stats.means, center, sigma: chartSigma, ucl, lcl },
		rules,
		primary,
		'primary',
	);
	const secondary: Violation[] = [];
	const beyond = rules.filter((r) => r.kind === 'beyond');
	detectRules(
		{ points: dispersion.points, center: 0, sigma: 0, ucl: dispersion.ucl, lcl: dispersion.lcl },
		beyond,
		secondary,
		'secondary',
	);
	return {
		chart: input.chart,
		center,
		sigma,
		ucl: limitOut(ucl),
		lcl: limitOut(lcl),
		points: toList(stats.means),
		secondary: {
			chart: dispersion.chart,
			center: limitOut(dispersion.center),
			ucl: limitOut(dispersion.ucl),
			lcl: limitOut(dispersion.lcl),
			points: toList(dispersion.points),
		},
		violations: mergeByIndex(primary, secondary),
		phase1: p1,
		sizes: toList(stats.sizes),
	};
}

/** Mean of the first `count` entries. */
function mean(values: Float64Array, count: number): number {
	let sum = 0;
	for (let i = 0; i < count; i++) sum += values[i];
	return sum / count;
}

/** R-bar over phase I when all sizes are equal (the printed-table form), else undefined. */
function rBar(stats: SubgroupStats, count: number): number | undefined {
	return stats.equalSizes ? mean(stats.ranges, count) : undefined;
}

/** Pooled standard deviation of the first `count` subgroups (Montgomery eq. 6.31). */
function pooledSd(stats: SubgroupStats, count: number): number {
	let ss = 0;
	let df = 0;
	for (let g = 0; g < count; g++) {
		ss += (stats.sizes[g] - 1) * stats.sds[g] ** 2;
		df += stats.sizes[g] - 1;
	}
	return Math.sqrt(ss / df);
}

/** R chart: center R-bar (D3/D4 x R-bar) when estimated from equal sizes, else d2(n_i) sigma. */
function rangeChart(stats: SubgroupStats, sigma: number, rbar: number | undefined): Dispersion {
	const k = stats.sizes.length;
	const equal = stats.equalSizes;
	const cl = (g: number): number => rbar ?? chartConstants(stats.sizes[g]).d2 * sigma;
	return {
		chart: 'r',
		points: stats.ranges,
		center: perPoint(k, equal, cl),
		ucl: perPoint(k, equal, (g) => chartConstants(stats.sizes[g]).D4 * cl(g)),
		lcl: perPoint(k, equal, (g) => chartConstants(stats.sizes[g]).D3 * cl(g)),
	};
}

/** S chart: center S-bar with B3/B4 when estimated (equal sizes), else c4(n_i) sigma with B5/B6. */
function sdChart(stats: SubgroupStats, sigma: number, sBar: number | undefined): Dispersion {
	const k = stats.sizes.length;
	const equal = stats.equalSizes;
	const f = (g: number) => chartConstants(stats.sizes[g]);
	return {
		chart: 's',
		points: stats.sds,
		center: perPoint(k, equal, (g) => sBar ?? f(g).c4 * sigma),
		ucl: perPoint(k, equal, (g) => (sBar === undefined ? f(g).B6 * sigma : f(g).B4 * sBar)),
		lcl: perPoint(k, equal, (g) => (sBar === undefined ? f(g).B5 * sigma : f(g).B3 * sBar)),
	};
}
