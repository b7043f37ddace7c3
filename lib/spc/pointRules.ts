import type { RuleChart } from './detectRules';
import type { ResolvedRule } from './rules';
import type { Direction, RuleId, Violation } from './types';

/** Point-wise rule scans: one linear pass a rule with O(1) state, for any sigma and K. */

/** Which chart a report belongs to. */
export type Which = 'primary' | 'secondary';

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
export function scanBeyond(chart: RuleChart, id: RuleId, out: Violation[], which: Which): void {
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
export function scanMovingRange(
	points: Float64Array,
	ucl: number,
	lcl: number,
	id: RuleId,
	out: Violation[],
): void {
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
export function scanRun(
	chart: RuleChart,
	rule: ResolvedRule,
	out: Violation[],
	which: Which,
): void {
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
export function scanTrend(
	chart: RuleChart,
	rule: ResolvedRule,
	out: Violation[],
	which: Which,
): void {
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
export function scanAlternate(
	chart: RuleChart,
	rule: ResolvedRule,
	out: Violation[],
	which: Which,
): void {
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
export interface ZoneView {
	points: Float64Array;
	center: number;
	sigma: number;
}

/**
 * N5/N6/WE2/WE3: k of the last m points strictly beyond center +/- s sigma on one side, reported
 * only when a full window exists and its newest point is itself beyond. The window is a bit mask
 * (bit 0 = newest) with a running count.
 */
export function scanKofm(view: ZoneView, rule: ResolvedRule, out: Violation[], which: Which): void {
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
export function scanWithin(
	view: ZoneView,
	rule: ResolvedRule,
	out: Violation[],
	which: Which,
): void {
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
export function scanMixture(
	view: ZoneView,
	rule: ResolvedRule,
	out: Violation[],
	which: Which,
): void {
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
		if (length >= k && lastAbove > i - k && lastBelow > i - k)
			report(out, which, rule.id, i, i - length + 1);
	}
}

/**
 * The zone rules' view of a chart: as it is when sigma is the same for every point, else the
 * standardized values (x - center)/sigma_i around 0 with sigma 1.
 */
export function zoneView(chart: RuleChart): ZoneView {
	const { points, center, sigma } = chart;
	if (typeof sigma === 'number') return { points, center, sigma };
	const z = new Float64Array(points.length);
	for (let i = 0; i < points.length; i++) z[i] = (points[i] - center) / sigma[i];
	return { points: z, center: 0, sigma: 1 };
}
