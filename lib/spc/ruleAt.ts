import { Dir, type ReportBuffer } from './reportBuffer';

/**
 * Exact run-rule checks at one point, read from the points themselves (qcc 3.0 semantics, see
 * `detectRules`). A fast pass calls them only at the points its history words flag as possible
 * reports, in point order; what they remember between calls keeps each call O(k) and a whole
 * scan linear: a run rule reported at the previous point continues with the same start, and the
 * mixture rule carries the outside run it last measured.
 */

/** What the checks remember per rule between calls (all calls of one scan, in point order). */
export class RuleMemory {
	/** Point and start of the rule's last report, and its direction. */
	readonly last: Int32Array;
	readonly start: Int32Array;
	readonly dir: Uint8Array;
	/** Mixture: points runFrom..runTo are outside the zone and runFrom begins that run. */
	readonly runFrom: Int32Array;
	readonly runTo: Int32Array;

	/**
	 * @example
	 * new RuleMemory(8).last[0]; // -2: no report yet
	 */
	constructor(rules: number) {
		this.last = new Int32Array(rules).fill(-2);
		this.start = new Int32Array(rules);
		this.dir = new Uint8Array(rules);
		this.runFrom = new Int32Array(rules);
		this.runTo = new Int32Array(rules).fill(-1);
	}
}

/** Records a report of rule `r` (report slot `r`) in the memory and the buffer. */
function report(
	memory: RuleMemory,
	out: ReportBuffer,
	r: number,
	i: number,
	start: number,
	dir: Dir,
): void {
	memory.last[r] = i;
	memory.start[r] = start;
	memory.dir[r] = dir;
	out.push(i, start, r, dir);
}

/** Where the pattern of rule `r` that holds at i began: as reported at i - 1, or -1. */
function continued(memory: RuleMemory, r: number, i: number, dir: Dir): number {
	return memory.last[r] === i - 1 && memory.dir[r] === dir ? memory.start[r] : -1;
}

/**
 * N2/WE4: k points in a row strictly on one side of the center, ending at i. A run reported at
 * i - 1 keeps its start; a new one is exactly k long (had it been longer, i - 1 would have been
 * reported).
 *
 * @example
 * runAt(Float64Array.of(1, 1, 1), 2, 0, 3, memory, out, 0); // reports point 2 above, start 0
 */
export function runAt(
	x: Float64Array,
	i: number,
	center: number,
	k: number,
	memory: RuleMemory,
	out: ReportBuffer,
	r: number,
): void {
	const v = x[i];
	const dir = v > center ? Dir.Above : v < center ? Dir.Below : Dir.None;
	if (dir === Dir.None) return;
	let start = continued(memory, r, i, dir);
	if (start < 0) {
		start = i - k + 1;
		if (start < 0) return;
		for (let j = start; j < i; j++)
			if (dir === Dir.Above ? !(x[j] > center) : !(x[j] < center)) return;
	}
	report(memory, out, r, i, start, dir);
}

/**
 * N3: k points in a row steadily rising or falling, ending at i (k - 1 steps one way; equal
 * neighbours break the trend).
 *
 * @example
 * trendAt(Float64Array.of(1, 2, 3), 2, 3, memory, out, 0); // reports point 2 up, start 0
 */
export function trendAt(
	x: Float64Array,
	i: number,
	k: number,
	memory: RuleMemory,
	out: ReportBuffer,
	r: number,
): void {
	if (i < 1) return;
	const step = x[i] - x[i - 1];
	const dir = step > 0 ? Dir.Up : step < 0 ? Dir.Down : Dir.None;
	if (dir === Dir.None) return;
	let start = continued(memory, r, i, dir);
	if (start < 0) {
		start = i - k + 1;
		if (start < 0) return;
		for (let j = start + 1; j < i; j++) {
			const s = x[j] - x[j - 1];
			if (dir === Dir.Up ? !(s > 0) : !(s < 0)) return;
		}
	}
	report(memory, out, r, i, start, dir);
}

/** Whether the steps into and out of point j - 1 go opposite ways (j >= 2; signs, not a product that could underflow). */
function turns(x: Float64Array, j: number): boolean {
	const step = x[j] - x[j - 1];
	const before = x[j - 1] - x[j - 2];
	return (step > 0 && before < 0) || (step < 0 && before > 0);
}

/**
 * N4: k points in a row alternating up and down, ending at i (k - 2 turns in a row).
 *
 * @example
 * alternateAt(Float64Array.of(0, 1, 0, 1), 3, 4, memory, out, 0); // reports point 3, start 0
 */
export function alternateAt(
	x: Float64Array,
	i: number,
	k: number,
	memory: RuleMemory,
	out: ReportBuffer,
	r: number,
): void {
	if (i < 2 || !turns(x, i)) return;
	let start = continued(memory, r, i, Dir.None);
	if (start < 0) {
		start = i - k + 1;
		if (start < 0) return;
		for (let j = start + 2; j < i; j++) if (!turns(x, j)) return;
	}
	report(memory, out, r, i, start, Dir.None);
}

/**
 * N5/N6/WE2/WE3: point i beyond center +/- s sigma (`hi`/`lo`) and at least k of the m points
 * ending at i beyond it on the same side; start = the oldest of them in the window.
 *
 * @example
 * kOfMAt(Float64Array.of(2.5, 0, 2.5), 2, 2, 3, 2, -2, memory, out, 0); // reports point 2 above, start 0
 */
export function kOfMAt(
	x: Float64Array,
	i: number,
	k: number,
	m: number,
	hi: number,
	lo: number,
	memory: RuleMemory,
	out: ReportBuffer,
	r: number,
): void {
	if (i < m - 1) return;
	const above = x[i] > hi;
	if (!above && !(x[i] < lo)) return;
	let count = 0;
	let start = i;
	for (let j = i; j > i - m; j--) {
		if (above ? x[j] > hi : x[j] < lo) {
			count++;
			start = j;
		}
	}
	if (count >= k) report(memory, out, r, i, start, above ? Dir.Above : Dir.Below);
}

/**
 * N7: k points in a row within center +/- s sigma (edges included), ending at i.
 *
 * @example
 * withinAt(Float64Array.of(0, 0.5, 1), 2, 3, 1, -1, memory, out, 0); // reports point 2, start 0
 */
export function withinAt(
	x: Float64Array,
	i: number,
	k: number,
	hi: number,
	lo: number,
	memory: RuleMemory,
	out: ReportBuffer,
	r: number,
): void {
	// "not beyond" rather than "lo <= x <= hi": the same for numbers, and what the packed path did
	if (x[i] > hi || x[i] < lo) return;
	let start = continued(memory, r, i, Dir.None);
	if (start < 0) {
		start = i - k + 1;
		if (start < 0) return;
		for (let j = start; j < i; j++) if (x[j] > hi || x[j] < lo) return;
	}
	report(memory, out, r, i, start, Dir.None);
}

/**
 * N8: k points in a row strictly outside center +/- s sigma with points on both sides among
 * the last k; start = where the outside run began (it may be longer than k, and need not have
 * been reported at every point since). The run start is carried between calls, so each point is
 * looked at once however long the run.
 *
 * @example
 * mixtureAt(Float64Array.of(2, -2, 2), 2, 3, 1, -1, memory, out, 0); // reports point 2, start 0
 */
export function mixtureAt(
	x: Float64Array,
	i: number,
	k: number,
	hi: number,
	lo: number,
	memory: RuleMemory,
	out: ReportBuffer,
	r: number,
): void {
	if (!(x[i] > hi || x[i] < lo)) return;
	const knownTo = memory.runTo[r];
	let j = i;
	while (j > knownTo && (x[j] > hi || x[j] < lo)) j--;
	const from = j === knownTo && knownTo >= 0 ? memory.runFrom[r] : j + 1;
	memory.runFrom[r] = from;
	memory.runTo[r] = i;
	if (i - from + 1 < k) return;
	let above = false;
	let below = false;
	for (let q = i - k + 1; q <= i; q++) {
		if (x[q] > hi) above = true;
		else if (x[q] < lo) below = true;
	}
	if (above && below) report(memory, out, r, i, from, Dir.None);
}
