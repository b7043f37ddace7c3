import { atLeast, runEnds } from './bitWindows';
import { Dir, ReportBuffer, type ReportSlot } from './reportBuffer';
import { alternateAt, kOfMAt, mixtureAt, RuleMemory, runAt, trendAt, withinAt } from './ruleAt';
import type { ResolvedRule } from './rules';
import type { RuleId, Violation } from './types';

/** Longest run the history words hold (two words: the current one and the one before). */
const MAX_RUN = 32;

/**
 * Points a call of `packBlock` or `findReports` covers (a multiple of 32). Short calls rather than
 * one long loop: the engine then compiles each loop as a function of its own, with the limits as
 * unboxed doubles in registers, where a long loop entered once gets compiled mid-run with every
 * local still boxed (and recompiled when the code after it first runs).
 */
const BLOCK = 512;

/** The individuals chart the rules run on, and the moving-range limits for its N1/WE1 ids. */
export interface ImrLimits {
	center: number;
	sigma: number;
	ucl: number;
	lcl: number;
	mrUcl: number;
	mrLcl: number;
	/** Beyond-limit rule ids reported on the moving ranges (secondary chart). */
	mrIds: readonly RuleId[];
}

/** Rule families as small integers, so that the per-word and per-report dispatch is a jump table. */
const KIND = { beyond: 0, run: 1, trend: 2, alternate: 3, kofm: 4, within: 5, mixture: 6 } as const;

/** A rule set prepared for {@link scanImrRules}. */
export interface ImrRulePlan {
	rules: readonly ResolvedRule[];
	/** Per rule: its family ({@link KIND}), K and window m. */
	kinds: Uint8Array;
	k: Int32Array;
	m: Int32Array;
	limits: ImrLimits;
	/** Zone edges per rule: center +/- sigmas x sigma, computed as the point-wise scans do. */
	hi: Float64Array;
	lo: Float64Array;
	/** Center and ucl as unboxed doubles for the hot loops. */
	levels: Float64Array;
	/** Per k-of-m rule: 1 when it is counted on the zone word, 0 when on the gate word. */
	windowed: Uint8Array;
	/** Edges of the zone word (the level of N7, N8 and the k-of-m rules on it). */
	zoneHigh: number;
	zoneLow: number;
	/** |x - center| >= gate for every point a gated rule (N1, N5 ...) can report. */
	gate: number;
	/** Moving ranges above this are reported (infinite when no id is reported on them). */
	rangeGate: number;
}

/** Level of the zone word, or undefined when no one level serves N7, N8 and a k-of-m rule. */
function zoneLevel(rules: readonly ResolvedRule[]): number | undefined {
	const within = rules.find((r) => r.kind === 'within');
	const mixture = rules.find((r) => r.kind === 'mixture');
	// "not outside level s" flags a superset of N7's points only for s >= its level, and
	// "outside level s" one of N8's only for s <= its level
	if (within && mixture && within.sigmas > mixture.sigmas) return undefined;
	const windows = rules.filter((r) => r.kind === 'kofm').map((r) => r.sigmas);
	return within?.sigmas ?? mixture?.sigmas ?? (windows.length > 0 ? Math.min(...windows) : 0);
}

/** Whether a rule's run fits the two history words. */
function fitsWords(rule: ResolvedRule): boolean {
	switch (rule.kind) {
		case 'trend':
			return rule.k - 1 <= MAX_RUN;
		case 'alternate':
			return rule.k - 2 <= MAX_RUN;
		case 'kofm':
			// counted by a five-bit adder
			return rule.m < MAX_RUN;
		case 'beyond':
			return true;
		default:
			return rule.k <= MAX_RUN;
	}
}

/**
 * Prepares the I-MR rule pass, or returns undefined for rule sets it does not cover (runs longer
 * than 32 points, N7 on a wider zone than N8, a moving-range lower limit above 0), which the
 * general `detectRules` handles.
 *
 * @example
 * planImrRules(resolveRules('nelson'), { center: 0, sigma: 1, ucl: 3, lcl: -3, mrUcl: 3.69, mrLcl: 0, mrIds: ['N1'] })?.gate; // 2
 */
export function planImrRules(
	rules: readonly ResolvedRule[],
	limits: ImrLimits,
): ImrRulePlan | undefined {
	const level = zoneLevel(rules);
	// a moving range is never below a lower limit of 0 (D3(2) = 0), so only the upper one is gated
	const ranges = limits.mrIds.length > 0;
	if (level === undefined || !rules.every(fitsWords) || (ranges && limits.mrLcl > 0))
		return undefined;
	const { center, sigma } = limits;
	const hi = Float64Array.from(rules, (r) => center + r.sigmas * sigma);
	const lo = Float64Array.from(rules, (r) => center - r.sigmas * sigma);
	const windowed = Uint8Array.from(rules, (r) => +(r.kind === 'kofm' && r.sigmas === level));
	// x > h implies x - center >= h - center as computed (rounding is monotone), so the gate
	// is the nearest gated edge measured that way
	let gate = Infinity;
	rules.forEach((r, i) => {
		if (r.kind === 'beyond') gate = Math.min(gate, limits.ucl - center, center - limits.lcl);
		else if (r.kind === 'kofm' && windowed[i] === 0)
			gate = Math.min(gate, hi[i] - center, center - lo[i]);
	});
	return {
		rules,
		kinds: Uint8Array.from(rules, (r) => KIND[r.kind]),
		k: Int32Array.from(rules, (r) => r.k),
		m: Int32Array.from(rules, (r) => r.m),
		limits,
		levels: Float64Array.of(center, limits.ucl),
		hi,
		lo,
		windowed,
		zoneHigh: center + level * sigma,
		zoneLow: center - level * sigma,
		gate,
		rangeGate: ranges ? limits.mrUcl : Infinity,
	};
}

/**
 * Runs a planned rule set over the individuals (and the beyond-limit check over the moving
 * ranges) and returns the reports, ordered by point and, at one point, by rule then the
 * moving-range ids: the same reports as `detectRules` (qcc 3.0 semantics).
 *
 * One pass of 32-point words. Per point it only shifts four condition bits into history words
 * (above the center, rising, above and below the zone level) and tests two rare conditions with
 * branches (|x - center| at the gate, the moving range beyond its limit), taken for a few percent
 * of the points. Per word, run and k-of-m tests on the words (`bitWindows`) flag a superset of
 * the points where each rule can report; only those are checked exactly on the points
 * (`ruleAt`). Beyond-limit reports need no check: their words are the test. Nothing is
 * allocated per point; reports go to typed arrays first.
 *
 * @example
 * const plan = planImrRules(resolveRules(['N1']), { center: 0, sigma: 1, ucl: 3, lcl: -3, mrUcl: 9, mrLcl: 0, mrIds: [] });
 * scanImrRules(Float64Array.of(0, 3.5, 0), plan!); // one N1 report at point 1, above
 */
export function scanImrRules(x: Float64Array, plan: ImrRulePlan): Violation[] {
	const { rules, limits } = plan;
	const slots: ReportSlot[] = rules.map((r) => ({ rule: r.id, chart: 'primary' }));
	for (const id of limits.mrIds) slots.push({ rule: id, chart: 'secondary' });
	const buffer = new ReportBuffer(slots);
	findAllReports(x, plan, packWords(x, plan), buffer);
	return buffer.toViolations();
}

/**
 * {@link findReports} block by block. Nothing follows the loop: code after a hot loop that has
 * not run yet when the loop gets compiled would be recompiled.
 */
function findAllReports(
	x: Float64Array,
	plan: ImrRulePlan,
	planes: Int32Array,
	buffer: ReportBuffer,
): void {
	const memory = new RuleMemory(plan.rules.length);
	const words = (x.length + 31) >>> 5;
	// the words of the 32 points before a block of words (before point 0: nothing set)
	const carried = new Int32Array(CARRIED);
	const masks = new Int32Array(plan.rules.length);
	for (let from = 0; from < words; from += BLOCK >>> 5) {
		findReports(
			x,
			plan,
			planes,
			from,
			Math.min(words, from + (BLOCK >>> 5)),
			carried,
			masks,
			memory,
			buffer,
		);
	}
}

/** Words {@link findReports} carries from one block to the next. */
const CARRIED = 8;

/**
 * The word-wise part of {@link scanImrRules} for words from..to-1: per word, each rule's
 * candidate bits (a superset of the points where it can report) from the history words of this
 * word and the one before, then the exact checks at the candidates in point order and, at one
 * point, in rule order followed by the moving-range ids. Called block by block (see `BLOCK`);
 * `carried` holds the last words of the block before, `masks` is scratch for one word.
 */
function findReports(
	x: Float64Array,
	plan: ImrRulePlan,
	planes: Int32Array,
	from: number,
	to: number,
	carried: Int32Array,
	masks: Int32Array,
	memory: RuleMemory,
	buffer: ReportBuffer,
): void {
	const { kinds, k, m, windowed, hi, lo, levels } = plan;
	const center = levels[0];
	const ucl = levels[1];
	const count = kinds.length;
	const ranged = plan.limits.mrIds.length;
	const n = x.length;
	const words = (n + 31) >>> 5;
	let lastAbove = carried[0];
	let lastRising = carried[1];
	let lastSide = carried[2];
	let lastSlope = carried[3];
	let lastTurns = carried[4];
	let lastHigh = carried[5];
	let lastLow = carried[6];
	let lastGated = carried[7];
	for (let w = from; w < to; w++) {
		const base = w << 5;
		const above = planes[w];
		const rising = planes[words + w];
		const high = planes[2 * words + w];
		const low = planes[3 * words + w];
		const gated = planes[4 * words + w];
		const beyond = planes[5 * words + w];
		const ranges = planes[6 * words + w];
		const outside = high | low;
		const lastOutside = lastHigh | lastLow;
		// a point on the same side / sloping the same way as the point before it, so that one run
		// test covers both sides (a run of k on one side is a run of k - 1 such points), and a
		// turn: the step into a point goes the other way than the step before it
		const side = ~(above ^ ((above >>> 1) | (lastAbove << 31)));
		const turns = rising ^ ((rising >>> 1) | (lastRising << 31));
		const slope = ~turns;
		// a short last word has no points at its low bits
		const valid = n - base >= 32 ? -1 : -1 << (32 - (n - base));
		let candidates = ranges;
		for (let r = 0; r < count; r++) {
			let mask: number;
			switch (kinds[r]) {
				case KIND.beyond:
					mask = beyond;
					break;
				case KIND.run:
					mask = k[r] > 1 ? runEnds(side, lastSide, k[r] - 1) : -1;
					break;
				case KIND.trend:
					mask = k[r] > 2 ? runEnds(slope, lastSlope, k[r] - 2) : -1;
					break;
				case KIND.alternate:
					mask = runEnds(turns, lastTurns, k[r] - 2);
					break;
				case KIND.kofm:
					mask =
						windowed[r] === 1
							? (high & atLeast(high, lastHigh, m[r], k[r])) |
								(low & atLeast(low, lastLow, m[r], k[r]))
							: gated & atLeast(gated, lastGated, m[r], k[r]);
					break;
				case KIND.within:
					mask = runEnds(~outside, ~lastOutside, k[r]);
					break;
				default:
					mask = runEnds(outside, lastOutside, k[r]);
					break;
			}
			mask &= valid;
			masks[r] = mask;
			candidates |= mask;
		}
		while (candidates !== 0) {
			const bit = 31 - Math.clz32(candidates);
			candidates ^= 1 << bit;
			const i = base + 31 - bit;
			// the rules flagged here, as bits (branch-free: which rules they are is a coin toss)
			let flagged = 0;
			for (let r = 0; r < count; r++) flagged |= ((masks[r] >>> bit) & 1) << r;
			while (flagged !== 0) {
				const r = 31 - Math.clz32(flagged & -flagged);
				flagged &= flagged - 1;
				switch (kinds[r]) {
					case KIND.beyond:
						// the beyond word is the test itself (x > ucl or x < lcl), only the side is left
						buffer.push(i, i, r, x[i] > ucl ? Dir.Above : Dir.Below);
						break;
					case KIND.run:
						runAt(x, i, center, k[r], memory, buffer, r);
						break;
					case KIND.trend:
						trendAt(x, i, k[r], memory, buffer, r);
						break;
					case KIND.alternate:
						alternateAt(x, i, k[r], memory, buffer, r);
						break;
					case KIND.kofm:
						kOfMAt(x, i, k[r], m[r], hi[r], lo[r], memory, buffer, r);
						break;
					case KIND.within:
						withinAt(x, i, k[r], hi[r], lo[r], memory, buffer, r);
						break;
					default:
						mixtureAt(x, i, k[r], hi[r], lo[r], memory, buffer, r);
						break;
				}
			}
			// the range word is the test itself (|x[i] - x[i-1]| > MR ucl; the MR lcl is 0)
			if (((ranges >>> bit) & 1) === 1)
				for (let q = 0; q < ranged; q++) buffer.push(i, i, count + q, Dir.Above);
		}
		lastAbove = above;
		lastRising = rising;
		lastSide = side;
		lastSlope = slope;
		lastTurns = turns;
		lastHigh = high;
		lastLow = low;
		lastGated = gated;
	}
	carried[0] = lastAbove;
	carried[1] = lastRising;
	carried[2] = lastSide;
	carried[3] = lastSlope;
	carried[4] = lastTurns;
	carried[5] = lastHigh;
	carried[6] = lastLow;
	carried[7] = lastGated;
}

/** Largest word buffer kept between calls (7 MB: the words of about 8 million points). */
const MAX_KEPT_WORDS = 7 << 18;
let keptWords = new Int32Array(0);

/**
 * The history words of every point, plane after plane (each `ceil(n / 32)` words): above the
 * center, rising, above and below the zone level, at the gate, beyond the control limits, moving
 * range above its gate. Bit 31 - j of word w is point 32w + j (the newest point of a word at bit
 * 0, as `(word << 1) | flag` builds it). The buffer is shared with the next call.
 */
function packWords(x: Float64Array, plan: ImrRulePlan): Int32Array {
	const n = x.length;
	const words = (n + 31) >>> 5;
	let planes = keptWords;
	if (planes.length < 7 * words) {
		planes = new Int32Array(7 * words);
		if (planes.length <= MAX_KEPT_WORDS) keptWords = planes;
	}
	const { center, ucl, lcl } = plan.limits;
	// the last slot carries the point before the block from one call to the next
	const edges = Float64Array.of(
		center,
		plan.zoneHigh,
		plan.zoneLow,
		plan.gate,
		ucl,
		lcl,
		plan.rangeGate,
		n > 0 ? x[0] : 0,
	);
	for (let from = 0; from < n; from += BLOCK)
		packBlock(x, from, Math.min(n, from + BLOCK), edges, planes, words);
	return planes;
}

/**
 * Packs points from..to-1 (`from` a multiple of 32) into their words. Per point: four
 * compare-and-shift steps and two branches that are rarely taken.
 */
function packBlock(
	x: Float64Array,
	from: number,
	to: number,
	edges: Float64Array,
	planes: Int32Array,
	words: number,
): void {
	const center = edges[0];
	const zoneHigh = edges[1];
	const zoneLow = edges[2];
	const gate = edges[3];
	const ucl = edges[4];
	const lcl = edges[5];
	const rangeGate = edges[6];
	let previous = edges[7];
	for (let base = from; base < to; base += 32) {
		const w = base >>> 5;
		const end = Math.min(to, base + 32);
		let above = 0;
		let rising = 0;
		let high = 0;
		let low = 0;
		let gated = 0;
		let beyond = 0;
		let ranges = 0;
		for (let i = base; i < end; i++) {
			const v = x[i];
			const t = v - center;
			const step = v - previous;
			previous = v;
			above = (above << 1) | (+(t > 0) | 0);
			rising = (rising << 1) | (+(step > 0) | 0);
			high = (high << 1) | (+(v > zoneHigh) | 0);
			low = (low << 1) | (+(v < zoneLow) | 0);
			// `1 << ~i` is bit 31 - (i - base)
			if (Math.abs(t) >= gate) {
				gated |= 1 << ~i;
				if (v > ucl || v < lcl) beyond |= 1 << ~i;
			}
			if (Math.abs(step) > rangeGate) ranges |= 1 << ~i;
		}
		// a short last word: its points move up to their bits
		const missing = base + 32 - end;
		planes[w] = above << missing;
		planes[words + w] = rising << missing;
		planes[2 * words + w] = high << missing;
		planes[3 * words + w] = low << missing;
		planes[4 * words + w] = gated;
		planes[5 * words + w] = beyond;
		planes[6 * words + w] = ranges;
	}
	edges[7] = previous;
}
