import { packPlanes, type Planes } from './bitPlanes';
import { bitPoints, bitRule, coversRule } from './bitRules';
import {
	scanAlternate,
	scanBeyond,
	scanKofm,
	scanMixture,
	scanMovingRange,
	scanRun,
	scanTrend,
	scanWithin,
	zoneView,
	type Which,
	type ZoneView,
} from './pointRules';
import type { ResolvedRule } from './rules';
import type { RuleId, Violation } from './types';
import { mergeLists } from './violations';

/** What the run rules look at: the plotted points and, per point or for all, sigma and limits. */
export interface RuleChart {
	points: Float64Array;
	center: number;
	/** Sigma of the plotted statistic (per point where limits vary). */
	sigma: number | Float64Array;
	ucl: number | Float64Array;
	lcl: number | Float64Array;
	/**
	 * Also check the moving ranges |x[i] - x[i-1]| against these limits in the same pass,
	 * reporting `ids` (N1/WE1) on the secondary chart.
	 */
	movingRange?: { ucl: number; lcl: number; ids: readonly RuleId[] };
}

/**
 * Runs the rules over a chart and appends their reports to `out`, ordered by point and, at one
 * point, by rule. Semantics of R qcc 3.0: a point exactly on a limit or zone edge is not beyond
 * it; a point exactly on the center line breaks a same-side run and equal neighbours break a
 * trend or alternation; a pattern is reported at the point that completes it and at every
 * further point while it lasts (`start` = where it began); a k-of-m rule reports a point only if
 * that point is itself beyond the zone and a full window of m points exists. Where sigma varies
 * per point, the zone rules run on the standardized values. Where sigma is one number, one pass
 * packs the point conditions into bit planes and the rules run on 32 points per word
 * (`bitRules`); otherwise each rule is one point-wise pass with O(1) state.
 *
 * @example
 * const out: Violation[] = [];
 * detectRules({ points: Float64Array.of(0, 3.2, -3.5, 2.9), center: 0, sigma: 1, ucl: 3, lcl: -3 },
 *   [RULE_DEFAULTS.WE1], out, 'primary');
 * out.map((v) => v.index); // [1, 2]
 */
export function detectRules(
	chart: RuleChart,
	rules: readonly ResolvedRule[],
	out: Violation[],
	which: Which,
): void {
	const planes = planesFor(chart, rules);
	const limitsFixed = typeof chart.ucl === 'number' && typeof chart.lcl === 'number';
	const lists: Violation[][] = [];
	let view: ZoneView | undefined;
	for (const rule of rules) {
		const found: Violation[] = [];
		if (planes && coversRule(rule, planes.levels) && (rule.kind !== 'beyond' || limitsFixed)) {
			bitRule(planes, rule, which, found);
			lists.push(found);
			continue;
		}
		switch (rule.kind) {
			case 'beyond':
				scanBeyond(chart, rule.id, found, which);
				break;
			case 'run':
				scanRun(chart, rule, found, which);
				break;
			case 'trend':
				scanTrend(chart, rule, found, which);
				break;
			case 'alternate':
				scanAlternate(chart, rule, found, which);
				break;
			case 'kofm':
				scanKofm((view ??= zoneView(chart)), rule, found, which);
				break;
			case 'within':
				scanWithin((view ??= zoneView(chart)), rule, found, which);
				break;
			case 'mixture':
				scanMixture((view ??= zoneView(chart)), rule, found, which);
				break;
		}
		lists.push(found);
	}
	const mr = chart.movingRange;
	if (mr) {
		for (const id of mr.ids) {
			const found: Violation[] = [];
			if (planes) {
				const { points } = planes;
				const rangeAbove = (i: number): boolean =>
					Math.abs(points[i] - points[i - 1]) > planes.mrUcl;
				bitPoints(planes, planes.range, rangeAbove, id, 'secondary', found);
			} else {
				scanMovingRange(chart.points, mr.ucl, mr.lcl, id, found);
			}
			lists.push(found);
		}
	}
	mergeLists(lists, out);
}

/**
 * Bit planes for the word-wise rules when sigma is one number (the usual case), with the zone
 * levels the rules use (at most two; others fall back to the point-wise scans).
 */
function planesFor(chart: RuleChart, rules: readonly ResolvedRule[]): Planes | undefined {
	if (typeof chart.sigma !== 'number' || (rules.length === 0 && !chart.movingRange))
		return undefined;
	const levels: number[] = [];
	for (const rule of rules) {
		const zoned = rule.kind === 'kofm' || rule.kind === 'within' || rule.kind === 'mixture';
		if (zoned && !levels.includes(rule.sigmas) && levels.length < 2) levels.push(rule.sigmas);
	}
	const fixed = typeof chart.ucl === 'number' && typeof chart.lcl === 'number';
	return packPlanes({
		points: chart.points,
		center: chart.center,
		sigma: chart.sigma,
		levels,
		ucl: fixed ? (chart.ucl as number) : Infinity,
		lcl: fixed ? (chart.lcl as number) : -Infinity,
		mrUcl: chart.movingRange?.ucl ?? Infinity,
		mrLcl: chart.movingRange?.lcl ?? -Infinity,
	});
}
