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

/** Per-point value of a scalar-or-array parameter. */
function at(v: number | Float64Array, i: number): number {
	return typeof v === 'number' ? v : v[i];
}

/** N1/WE1: points strictly beyond the control limits. */
function scanBeyond(chart: RuleChart, id: RuleId, out: Violation[], which: Which): void {
	const { points, ucl, lcl } = chart;
	for (let i = 0; i < points.length; i++) {
		const x = points[i];
		if (x > at(ucl, i)) report(out, which, id, i, i, 'above');
		else if (x < at(lcl, i)) report(out, which, id, i, i, 'below');
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

/**
 * N5/N6/WE2/WE3: k of the last m points strictly beyond center +/- s sigma on one side, reported
 * only when a full window exists and its newest point is itself beyond. The window is a bit mask
 * (bit 0 = newest) with a running count.
 */
function scanKofm(chart: RuleChart, rule: ResolvedRule, out: Violation[], which: Which): void {
	const { points, center } = chart;
	const { k, sigmas } = rule;
	const perPoint = typeof chart.sigma === 'number' ? null : chart.sigma;
	const fixedEdge = typeof chart.sigma === 'number' ? sigmas * chart.sigma : 0;
	const shift = rule.m - 1;
	const keep = ~(-2 << shift);
	let maskA = 0;
	let maskB = 0;
	let countA = 0;
	let countB = 0;
	for (let i = 0; i < points.length; i++) {
		const x = points[i];
		const edge = perPoint === null ? fixedEdge : sigmas * perPoint[i];
		const inA = +(x > center + edge) | 0;
		const inB = +(x < center - edge) | 0;
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
function scanWithin(chart: RuleChart, rule: ResolvedRule, out: Violation[], which: Which): void {
	const { points, center } = chart;
	const perPoint = typeof chart.sigma === 'number' ? null : chart.sigma;
	const fixedEdge = typeof chart.sigma === 'number' ? rule.sigmas * chart.sigma : 0;
	let length = 0;
	for (let i = 0; i < points.length; i++) {
		const x = points[i];
		const edge = perPoint === null ? fixedEdge : rule.sigmas * perPoint[i];
		length = (length + 1) & -((+(x >= center - edge) | 0) & (+(x <= center + edge) | 0));
		if (length >= rule.k) report(out, which, rule.id, i, i - length + 1);
	}
}

/** N8: k points in a row strictly outside center +/- s sigma, with points on both sides among them. */
function scanMixture(chart: RuleChart, rule: ResolvedRule, out: Violation[], which: Which): void {
	const { points, center } = chart;
	const k = rule.k;
	const perPoint = typeof chart.sigma === 'number' ? null : chart.sigma;
	const fixedEdge = typeof chart.sigma === 'number' ? rule.sigmas * chart.sigma : 0;
	let length = 0;
	let lastAbove = -1;
	let lastBelow = -1;
	for (let i = 0; i < points.length; i++) {
		const x = points[i];
		const edge = perPoint === null ? fixedEdge : rule.sigmas * perPoint[i];
		const a = +(x > center + edge) | 0;
		const b = +(x < center - edge) | 0;
		lastAbove += (i - lastAbove) & -a;
		lastBelow += (i - lastBelow) & -b;
		length = (length + 1) & -(a | b);
		if (length >= k && lastAbove > i - k && lastBelow > i - k) report(out, which, rule.id, i, i - length + 1);
	}
}

const SCANS: Record<ResolvedRule['kind'], (c: RuleChart, r: ResolvedRule, o: Violation[], w: Which) => void> = {
	beyond: (c, r, o, w) => scanBeyond(c, r.id, o, w),
	run: scanRun,
	trend: scanTrend,
	alternate: scanAlternate,
	kofm: scanKofm,
	within: scanWithin,
	mixture: scanMixture,
};

/**
 * Runs the rules over a chart and appends their reports to `out`, ordered by point and, at one
 * point, by rule. Semantics of R qcc 3.0: a point exactly on a limit or zone edge is not beyond
 * it; a point exactly on the center line breaks a same-side run and equal neighbours break a
 * trend or alternation; a pattern is reported at the point that completes it and at every
 * further point while it lasts (`start` = where it began); a k-of-m rule reports a point only if
 * that point is itself beyond the zone and a full window of m points exists. Zone edges are
 * center +/- s * sigma_i, i.e. the standardized values where limits vary.
 *
 * @example
 * const out: Violation[] = [];
 * detectRules({ points: Float64Array.of(0, 3.2, -3.5, 2.9), center: 0, sigma: 1, ucl: 3, lcl: -3 },
 *   [RULE_DEFAULTS.WE1], out, 'primary');
 * out.map((v) => v.index); // [1, 2]
 */
export function detectRules(chart: RuleChart, rules: readonly ResolvedRule[], out: Violation[], which: Which): void {
	const found: Violation[] = [];
	for (const rule of rules) SCANS[rule.kind](chart, rule, found, which);
	const mr = chart.movingRange;
	if (mr) for (const id of mr.ids) scanMovingRange(chart.points, mr.ucl, mr.lcl, id, found);
	// stable: reports of one point keep the rule order
	if (rules.length + (mr ? mr.ids.length : 0) > 1) found.sort((a, b) => a.index - b.index);
	for (const v of found) out.push(v);
}
