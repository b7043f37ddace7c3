import { RULE_DEFAULTS, resolveRules, type ResolvedRule } from './rules';
import type { ChartResult, Direction, RuleId, RuleSelection, SignalId, Violation } from './types';

/** One finding in plain words: consecutive reports of one rule merged into a range of points. */
export interface Finding {
	rule: RuleId | SignalId;
	chart: 'primary' | 'secondary';
	direction?: Direction;
	/** First and last point involved, 0-based. */
	start: number;
	end: number;
	/** Points that reported the rule, 0-based. */
	indices: number[];
	/** E.g. "Rule N2: 9 points in a row above the center line, points 12-20" (1-based points). */
	text: string;
}

const SECONDARY_NAME: Record<string, string> = {
	mr: 'moving range',
	r: 'range',
	s: 'standard deviation',
};

/** "point 5" or "points 5-9", 1-based for people. */
function pointRange(start: number, end: number): string {
	return start === end ? `point ${start + 1}` : `points ${start + 1}-${end + 1}`;
}

/** Side of the center line in words. */
function side(direction: Direction | undefined): string {
	return direction === 'below' ? 'below' : 'above';
}

/** Plain sentence for one merged finding. */
function sentence(
	f: Omit<Finding, 'text'>,
	rule: ResolvedRule | undefined,
	result: ChartResult,
): string {
	const where = pointRange(f.start, f.end);
	const length = f.end - f.start + 1;
	const count = f.indices.length;
	const secondary = result.secondary
		? ` on the ${SECONDARY_NAME[result.secondary.chart]} chart`
		: '';
	const limit = f.direction === 'below' ? 'lower' : 'upper';
	const signalled = pointRange(f.indices[0], f.indices[f.indices.length - 1]);
	switch (f.rule) {
		case 'EWMA':
			return `EWMA signal: the smoothed value is ${side(f.direction)} the ${limit} control limit, ${signalled}`;
		case 'CUSUM+':
			return `CUSUM signal: the upper cumulative sum exceeds the decision interval, ${signalled} (upward shift starting at point ${f.start + 1})`;
		case 'CUSUM-':
			return `CUSUM signal: the lower cumulative sum exceeds the decision interval, ${signalled} (downward shift starting at point ${f.start + 1})`;
	}
	const r = rule ?? RULE_DEFAULTS[f.rule];
	const prefix = `Rule ${f.rule}: `;
	switch (r.kind) {
		case 'beyond':
			return `${prefix}${count} point${count === 1 ? '' : 's'} beyond the ${limit} control limit${f.chart === 'secondary' ? secondary : ''}, ${where}`;
		case 'run':
			return `${prefix}${length} points in a row ${side(f.direction)} the center line, ${where}`;
		case 'trend':
			return `${prefix}${length} points in a row steadily ${f.direction === 'down' ? 'decreasing' : 'increasing'}, ${where}`;
		case 'alternate':
			return `${prefix}${length} points in a row alternating up and down, ${where}`;
		case 'kofm':
			return `${prefix}${r.k} of ${r.m} points in a row more than ${r.sigmas} sigma ${side(f.direction)} the center line, ${where}`;
		case 'within':
			return `${prefix}${length} points in a row within ${r.sigmas} sigma of the center line, ${where}`;
		case 'mixture':
			return `${prefix}${length} points in a row more than ${r.sigmas} sigma from the center line, on both sides, ${where}`;
	}
}

/**
 * Explains a chart's violations in plain words: reports of one rule on one chart and side whose
 * patterns touch or overlap are merged into one finding over their points. Pass the rule
 * selection the chart used so custom K values appear in the text.
 *
 * @example
 * explainViolations(controlChart({ chart: 'imr', values, center: 0, sigma: 1 }))[0].text;
 * // "Rule N2: 9 points in a row above the center line, points 12-20"
 */
export function explainViolations(result: ChartResult, rules?: RuleSelection): Finding[] {
	const params = new Map<string, ResolvedRule>(
		result.chart === 'ewma' || result.chart === 'cusum'
			? []
			: resolveRules(rules).map((r) => [r.id, r]),
	);
	const open = new Map<string, Omit<Finding, 'text'>>();
	const done: Omit<Finding, 'text'>[] = [];
	for (const v of result.violations) {
		const key = `${v.rule}|${v.chart}|${v.direction ?? ''}`;
		const current = open.get(key);
		if (current && v.start <= current.end + 1) {
			current.end = Math.max(current.end, v.end);
			current.start = Math.min(current.start, v.start);
			current.indices.push(v.index);
			continue;
		}
		const next = {
			rule: v.rule,
			chart: v.chart,
			start: v.start,
			end: v.end,
			indices: [v.index],
			...direction(v),
		};
		open.set(key, next);
		done.push(next);
	}
	return done.map((f) => ({ ...f, text: sentence(f, params.get(f.rule), result) }));
}

/** The direction field, only when the report has one. */
function direction(v: Violation): { direction?: Direction } {
	return v.direction === undefined ? {} : { direction: v.direction };
}

/** Rules reported at one point, split by chart. */
export interface PointFlag {
	index: number;
	outOfControl: boolean;
	rules: (RuleId | SignalId)[];
	secondaryRules: (RuleId | SignalId)[];
}

/**
 * Per-point flags aligned with `result.points`: which rules each point reports (a pattern is
 * reported at the point that completes it and at every further point while it lasts).
 *
 * @example
 * pointFlags(controlChart({ chart: 'imr', values: [0, 5, 0], center: 0, sigma: 1, rules: ['N1'] }))[1];
 * // { index: 1, outOfControl: true, rules: ['N1'], secondaryRules: ['N1'] } (moving range 5 > 3.686)
 */
export function pointFlags(result: ChartResult): PointFlag[] {
	const flags: PointFlag[] = result.points.map((_, index) => ({
		index,
		outOfControl: false,
		rules: [],
		secondaryRules: [],
	}));
	for (const v of result.violations) {
		const flag = flags[v.index];
		const list = v.chart === 'primary' ? flag.rules : flag.secondaryRules;
		if (!list.includes(v.rule)) list.push(v.rule);
		flag.outOfControl = true;
	}
	return flags;
}
