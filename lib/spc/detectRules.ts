import { packPlanes, type Planes } from './bitPlanes';
import { bitPoints, bitRule, coversRule } from './bitRules';
import type { ResolvedRule } from './rules';
import type { Direction, RuleId, Violation } from './types';

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

/** Which chart a report belongs to. */
type Which = 'primary' | 'secondary';

/** Appends one report (module level: a closure made per call would deoptimize the scan). */
function report(
	out: Violation[],
	chart: Which,
	rule: RuleId,
	index: number,
	start: number,
	direction?: Direction,
): void {
	const v: Violation = { rule, index, start, end: index, chart };
	if (direction !== undefined) v.direction = direction;
	out.push(v);
}

/** N1/WE1: points strictly beyond the control limits. */
function scanBeyond(chart: RuleChart, id: RuleId, out: Violation[], which: Which): void {
	const { points, ucl, lcl } = chart;
	if (typeof ucl === 'number' && typeof lcl === 'number') {
		for (let i = 0; i < points.length; i++) {
			const x = points[i];
			if (x > ucl) report(out, which, id, i, i, 'above');
			else if (x < lcl) report(out, which, id, i, i, 'below');
		}
		return;
	}
	for (let i = 0; i < points.length; i++) {
		const x = points[i];
		if (x > (typeof ucl === 'number' ? ucl : ucl[i])) report(out, which, id, i, i, 'above');
		else if (x < (typeof lcl === 'number' ? lcl : lcl[i])) report(out, which, id, i, i, 'below');
	}
}

/** Moving ranges |x[i] - x[i-1]| strictly beyond the MR limits, reported on the secondary chart. */
function scanMovingRange(points: Float64Array, ucl: number, lcl: number, id: RuleId, out: Violation[]): void {
	for (let i = 1; i < points.length; i++) {
		const r = Math.abs(points[i] - points[i - 1]);
		if (r > ucl) report(out, 'secondary', id, i, i, 'above');
		else if (r < lcl) report(out, 'secondary', id, i, i, 'below');
	}
}

// The scans below update their counters without data-dependent branches (`+(a > b) | 0` and
// masks): on noisy data each comparison is a coin flip, and mispredicted branches would cost more
// than the arithmetic. Each is one linear pass with O(1) state and allocates only its reports.

/** N2/WE4: k points in a row strictly on one side of the center (a point on it breaks the run). */
function scanRun(chart: RuleChart, rule: ResolvedRule, out: Violation[], which: Which): void {
	const { points, center } = chart;
	const k = rule.k;
	let above = 0;
	let below = 0;
	for (let i = 0; i < points.length; i++) {
		const x = points[i];
		above = (above + 1) & -(+(x > center) | 0);
		below = (below + 1) & -(+(x < center) | 0);
		if (above >= k) report(out, which, rule.id, i, i - above + 1, 'above');
		else if (below >= k) report(out, which, rule.id, i, i - below + 1, 'below');
	}
}

/** N3: k points in a row steadily rising or falling (equal neighbours break the trend). */
function scanTrend(chart: RuleChart, rule: ResolvedRule, out: Violation[], which: Which): void {
	const { points } = chart;
	const steps = rule.k - 1;
	let up = 0;
	let down = 0;
	for (let i = 1; i < points.length; i++) {
		const diff = points[i] - points[i - 1];
		up = (up + 1) & -(+(diff > 0) | 0);
		down = (down + 1) & -(+(diff < 0) | 0);
		if (up >= steps) report(out, which, rule.id, i, i - up, 'up');
		else if (down >= steps) report(out, which, rule.id, i, i - down, 'down');
	}
}

/** N4: k points in a row alternating up and down. */
function scanAlternate(chart: RuleChart, rule: ResolvedRule, out: Violation[], which: Which): void {
	const { points } = chart;
	const turns = rule.k - 2;
	let alt = 0;
	let prevUp = 0;
	let prevDown = 0;
	for (let i = 1; i < points.length; i++) {
		const diff = points[i] - points[i - 1];
		// signs, not the product of the steps, which can underflow to 0
		const isUp = +(diff > 0) | 0;
		const isDown = +(diff < 0) | 0;
		alt = (alt + 1) & -((isUp & prevDown) | (isDown & prevUp));
		prevUp = isUp;
		prevDown = isDown;
		if (alt >= turns) report(out, which, rule.id, i, i - alt - 1);
	}
}

/** What the zone rules compare: points with one center and one sigma. */
interface ZoneView {
	points: Float64Array;
	center: number;
	sigma: number;
}

/**
 * N5/N6/WE2/WE3: k of the last m points strictly beyond center +/- s sigma on one side, reported
 * only when a full window exists and its newest point is itself beyond. The window is a bit mask
 * (bit 0 = newest) with a running count.
 */
function scanKofm(view: ZoneView, rule: ResolvedRule, out: Violation[], which: Which): void {
	const { points } = view;
	const k = rule.k;
	const hi = view.center + rule.sigmas * view.sigma;
	const lo = view.center - rule.sigmas * view.sigma;
	const shift = rule.m - 1;
	const keep = ~(-2 << shift);
	let maskA = 0;
	let maskB = 0;
	let countA = 0;
	let countB = 0;
	for (let i = 0; i < points.length; i++) {
		const x = points[i];
		const inA = +(x > hi) | 0;
		const inB = +(x < lo) | 0;
		countA += inA - ((maskA >>> shift) & 1);
		countB += inB - ((maskB >>> shift) & 1);
		maskA = ((maskA << 1) | inA) & keep;
		maskB = ((maskB << 1) | inB) & keep;
		const ready = +(i >= shift) | 0;
		if ((inA & ready & (+(countA >= k) | 0)) !== 0) {
			report(out, which, rule.id, i, i - (31 - Math.clz32(maskA)), 'above');
		} else if ((inB & ready & (+(countB >= k) | 0)) !== 0) {
			report(out, which, rule.id, i, i - (31 - Math.clz32(maskB)), 'below');
		}
	}
}

/** N7: k points in a row within center +/- s sigma (edges included). */
function scanWithin(view: ZoneView, rule: ResolvedRule, out: Violation[], which: Which): void {
	const { points } = view;
	const hi = view.center + rule.sigmas * view.sigma;
	const lo = view.center - rule.sigmas * view.sigma;
	let length = 0;
	for (let i = 0; i < points.length; i++) {
		const x = points[i];
		length = (length + 1) & -((+(x >= lo) | 0) & (+(x <= hi) | 0));
		if (length >= rule.k) report(out, which, rule.id, i, i - length + 1);
	}
}

/** N8: k points in a row strictly outside center +/- s sigma, with points on both sides among them. */
function scanMixture(view: ZoneView, rule: ResolvedRule, out: Violation[], which: Which): void {
	const { points } = view;
	const k = rule.k;
	const hi = view.center + rule.sigmas * view.sigma;
	const lo = view.center - rule.sigmas * view.sigma;
	let length = 0;
	let lastAbove = -1;
	let lastBelow = -1;
	for (let i = 0; i < points.length; i++) {
		const x = points[i];
		const a = +(x > hi) | 0;
		const b = +(x < lo) | 0;
		lastAbove += (i - lastAbove) & -a;
		lastBelow += (i - lastBelow) & -b;
		length = (length + 1) & -(a | b);
		if (length >= k && lastAbove > i - k && lastBelow > i - k) report(out, which, rule.id, i, i - length + 1);
	}
}

/**
 * The zone rules' view of a chart: as it is when sigma is the same for every point, else the
 * standardized values (x - center)/sigma_i around 0 with sigma 1.
 */
function zoneView(chart: RuleChart): ZoneView {
	const { points, center, sigma } = chart;
	if (typeof sigma === 'number') return { points, center, sigma };
	const z = new Float64Array(points.length);
	for (let i = 0; i < points.length; i++) z[i] = (points[i] - center) / sigma[i];
	return { points: z, center: 0, sigma: 1 };
}

/** Two report lists in point order merged into one (the first list first on ties). */
function mergeTwo(a: Violation[], b: Violation[]): Violation[] {
	if (a.length === 0) return b;
	if (b.length === 0) return a;
	const out: Violation[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) out.push(b[j].index < a[i].index ? b[j++] : a[i++]);
	while (i < a.length) out.push(a[i++]);
	while (j < b.length) out.push(b[j++]);
	return out;
}

/** Reports of several scans, each in point order, merged pairwise in point order (earlier list first on ties). */
function mergeLists(lists: Violation[][], out: Violation[]): void {
	let level = lists;
	while (level.length > 1) {
		const next: Violation[][] = [];
		for (let l = 0; l < level.length; l += 2) next.push(l + 1 < level.length ? mergeTwo(level[l], level[l + 1]) : level[l]);
		level = next;
	}
	for (const v of level[0] ?? []) out.push(v);
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
export function detectRules(chart: RuleChart, rules: readonly ResolvedRule[], out: Violation[], which: Which): void {
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
				bitPoints(planes, planes.rangeAbove, planes.rangeBelow, id, 'secondary', found);
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
	if (typeof chart.sigma !== 'number' || (rules.length === 0 && !chart.movingRange)) return undefined;
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
