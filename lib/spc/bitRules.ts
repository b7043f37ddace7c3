import { bitAt, onesEndingAt, runEnds, type Planes } from './bitPlanes';
import type { ResolvedRule } from './rules';
import type { Direction, RuleId, Violation } from './types';

/** Which chart a report belongs to. */
type Which = 'primary' | 'secondary';

/** Longest run or window the word-wise rules handle; longer ones use the point-wise scans. */
export const MAX_BIT_RUN = 32;

/**
 * Whether the word-wise evaluation covers a rule on these planes (its zone packed, its run
 * length within one word).
 *
 * @example
 * coversRule(RULE_DEFAULTS.N2, [1, 2]); // true
 */
export function coversRule(rule: ResolvedRule, levels: readonly number[]): boolean {
	switch (rule.kind) {
		case 'beyond':
			return true;
		case 'run':
		case 'within':
		case 'mixture':
			return rule.k <= MAX_BIT_RUN && (rule.kind === 'run' || levels.includes(rule.sigmas));
		case 'trend':
			return rule.k - 1 <= MAX_BIT_RUN;
		case 'alternate':
			return rule.k - 2 <= MAX_BIT_RUN;
		case 'kofm':
			return levels.includes(rule.sigmas);
	}
}

/** One report object (the same shape as the point-wise scans make). */
function violation(
	rule: RuleId,
	index: number,
	start: number,
	chart: Which,
	direction?: Direction,
): Violation {
	const v: Violation = { rule, index, start, end: index, chart };
	if (direction !== undefined) v.direction = direction;
	return v;
}

/**
 * Reports of a run-type pattern from per-word "pattern complete at this bit" masks for the two
 * sides. A pattern spanning `span` points is first complete at i (start i - span + 1) and keeps
 * its start while reports follow point after point.
 */
function reportRuns(
	planes: Planes,
	hitsA: (w: number) => number,
	hitsB: (w: number) => number,
	rule: RuleId,
	span: number,
	which: Which,
	directions: [Direction | undefined, Direction | undefined],
	out: Violation[],
): void {
	let lastA = -2;
	let startA = 0;
	let lastB = -2;
	let startB = 0;
	for (let w = 0; w < planes.words; w++) {
		const hitA = hitsA(w);
		const hitB = hitsB(w);
		let m = hitA | hitB;
		while (m !== 0) {
			const low = m & -m;
			m ^= low;
			const i = (w << 5) | (31 - Math.clz32(low));
			if ((hitA & low) !== 0) {
				if (i - 1 !== lastA) startA = i - span + 1;
				lastA = i;
				out.push(violation(rule, i, startA, which, directions[0]));
			} else {
				if (i - 1 !== lastB) startB = i - span + 1;
				lastB = i;
				out.push(violation(rule, i, startB, which, directions[1]));
			}
		}
	}
}

/** No hits: the second side of one-sided patterns. */
const none = (): number => 0;

/** Bits j (of word w) whose point index is at least `first`. */
function fromPoint(w: number, first: number): number {
	const base = w << 5;
	if (first <= base) return -1;
	if (first >= base + 32) return 0;
	return -1 << (first - base);
}

/**
 * Bits of word w where at least k of the last m points (m <= 31) are set, by a bit-sliced adder:
 * the window's m shifted copies of the plane (bits carried in from the previous word) are summed
 * into five counter planes, 32 points at a time, and the count is compared with k.
 */
function windowAtLeast(plane: Int32Array, w: number, m: number, k: number): number {
	const x = plane[w];
	const prev = w > 0 ? plane[w - 1] : 0;
	let c0 = x;
	let c1 = 0;
	let c2 = 0;
	let c3 = 0;
	let c4 = 0;
	for (let s = 1; s < m; s++) {
		const y = (x << s) | (prev >>> (32 - s));
		const t0 = c0 & y;
		c0 ^= y;
		const t1 = c1 & t0;
		c1 ^= t0;
		const t2 = c2 & t1;
		c2 ^= t1;
		const t3 = c3 & t2;
		c3 ^= t2;
		c4 ^= t3;
	}
	// count >= k, from the most significant counter plane down
	let ge = 0;
	let eq = -1;
	const counts = [c0, c1, c2, c3, c4];
	for (let b = 4; b >= 0; b--) {
		if (((k >>> b) & 1) === 0) {
			ge |= eq & counts[b];
			eq &= ~counts[b];
		} else {
			eq &= counts[b];
		}
	}
	return ge | eq;
}

/**
 * Evaluates one rule word by word on packed planes; reports in point order. Same semantics as
 * the point-wise scans (see `detectRules`).
 *
 * @example
 * const planes = packPlanes({ points: Float64Array.of(1, 1, 1), center: 0, sigma: 1, levels: [],
 *   ucl: 3, lcl: -3, mrUcl: Infinity, mrLcl: -Infinity });
 * const out: Violation[] = [];
 * bitRule(planes, { ...RULE_DEFAULTS.N2, k: 3 }, 'primary', out);
 * out[0]; // { rule: 'N2', index: 2, start: 0, end: 2, chart: 'primary', direction: 'above' }
 */
export function bitRule(planes: Planes, rule: ResolvedRule, which: Which, out: Violation[]): void {
	const level = planes.levels.indexOf(rule.sigmas);
	switch (rule.kind) {
		case 'beyond':
			return bitPoints(
				planes,
				planes.beyond,
				(i) => planes.points[i] > planes.ucl,
				rule.id,
				which,
				out,
			);
		case 'run': {
			const above = runEnds(rule.k);
			const below = runEnds(rule.k);
			const hitsA = (w: number): number => above(planes.above[w]);
			const hitsB = (w: number): number => below(planes.below[w]);
			return reportRuns(planes, hitsA, hitsB, rule.id, rule.k, which, ['above', 'below'], out);
		}
		case 'trend': {
			const up = runEnds(rule.k - 1);
			const down = runEnds(rule.k - 1);
			const hitsA = (w: number): number => up(planes.up[w]);
			const hitsB = (w: number): number => down(planes.down[w]);
			return reportRuns(planes, hitsA, hitsB, rule.id, rule.k, which, ['up', 'down'], out);
		}
		case 'alternate': {
			const turns = runEnds(rule.k - 2);
			const hitsA = (w: number): number => {
				const u = planes.up[w];
				const d = planes.down[w];
				const prevU = (u << 1) | (w > 0 ? planes.up[w - 1] >>> 31 : 0);
				const prevD = (d << 1) | (w > 0 ? planes.down[w - 1] >>> 31 : 0);
				return turns((u & prevD) | (d & prevU));
			};
			return reportRuns(planes, hitsA, none, rule.id, rule.k, which, [undefined, undefined], out);
		}
		case 'within': {
			const inside = runEnds(rule.k);
			const za = planes.zoneAbove[level];
			const zb = planes.zoneBelow[level];
			const hitsA = (w: number): number => inside(~(za[w] | zb[w]) & validBits(planes, w));
			return reportRuns(planes, hitsA, none, rule.id, rule.k, which, [undefined, undefined], out);
		}
		case 'mixture':
			return mixture(planes, rule, level, which, out);
		case 'kofm':
			return kOfM(planes, rule, level, which, out);
	}
}

/**
 * One report per set bit of a plane of single-point signals, in point order; `isAbove(i)` tells
 * the side.
 *
 * @example
 * bitPoints(planes, planes.beyond, (i) => planes.points[i] > planes.ucl, 'N1', 'primary', out);
 */
export function bitPoints(
	planes: Planes,
	plane: Int32Array,
	isAbove: (i: number) => boolean,
	rule: RuleId,
	which: Which,
	out: Violation[],
): void {
	for (let w = 0; w < planes.words; w++) {
		let m = plane[w];
		while (m !== 0) {
			const low = m & -m;
			m ^= low;
			const i = (w << 5) | (31 - Math.clz32(low));
			out.push(violation(rule, i, i, which, isAbove(i) ? 'above' : 'below'));
		}
	}
}

/** Bits of word w that are real points (the last word may be partial). */
function validBits(planes: Planes, w: number): number {
	const rest = planes.n - (w << 5);
	return rest >= 32 ? -1 : (1 << rest) - 1;
}

/** N8 on planes: a run of k outside the zone, with points above and below among the last k. */
function mixture(
	planes: Planes,
	rule: ResolvedRule,
	level: number,
	which: Which,
	out: Violation[],
): void {
	const za = planes.zoneAbove[level];
	const zb = planes.zoneBelow[level];
	const outside = new Int32Array(planes.words);
	for (let w = 0; w < planes.words; w++) outside[w] = za[w] | zb[w];
	const run = runEnds(rule.k);
	const noneAbove = runEnds(rule.k);
	const noneBelow = runEnds(rule.k);
	let last = -2;
	let start = 0;
	for (let w = 0; w < planes.words; w++) {
		// "some point above among the last k" = no run of k points that are not above
		let m = run(outside[w]) & ~noneAbove(~za[w]) & ~noneBelow(~zb[w]);
		while (m !== 0) {
			const low = m & -m;
			m ^= low;
			const i = (w << 5) | (31 - Math.clz32(low));
			if (i - 1 !== last) start = i - onesEndingAt(outside, i) + 1;
			last = i;
			out.push(violation(rule.id, i, start, which));
		}
	}
}

/** k of m beyond the zone on one side, the newest of them the reporting point; full windows only. */
function kOfM(
	planes: Planes,
	rule: ResolvedRule,
	level: number,
	which: Which,
	out: Violation[],
): void {
	const za = planes.zoneAbove[level];
	const zb = planes.zoneBelow[level];
	for (let w = 0; w < planes.words; w++) {
		const ready = fromPoint(w, rule.m - 1);
		const hitA = za[w] & ready & windowAtLeast(za, w, rule.m, rule.k);
		const hitB = zb[w] & ready & windowAtLeast(zb, w, rule.m, rule.k);
		let m = hitA | hitB;
		while (m !== 0) {
			const low = m & -m;
			m ^= low;
			const i = (w << 5) | (31 - Math.clz32(low));
			const plane = (hitA & low) !== 0 ? za : zb;
			let start = i - rule.m + 1;
			while (bitAt(plane, start) === 0) start++;
			out.push(violation(rule.id, i, start, which, plane === za ? 'above' : 'below'));
		}
	}
}
