/**
 * Bit planes of a chart: for each point condition (above the center, rising, beyond a zone edge
 * ...), one bit per point, 32 points per Int32 word (bit j of word w = point 32w + j). The run
 * rules then work on whole words, 32 points at a time.
 */

/** Conditions of every point as bit planes. */
export interface Planes {
	n: number;
	words: number;
	/** x > center, x < center */
	above: Int32Array;
	below: Int32Array;
	/** x[i] > x[i-1], x[i] < x[i-1] (never at point 0) */
	up: Int32Array;
	down: Int32Array;
	/** Zone edges in sigmas, and x > center + s sigma / x < center - s sigma for each. */
	levels: number[];
	zoneAbove: Int32Array[];
	zoneBelow: Int32Array[];
	/** x > ucl or x < lcl (strictly beyond a control limit; rare, so one plane for both sides) */
	beyond: Int32Array;
	/** |x[i] - x[i-1]| beyond a moving-range limit (never at point 0) */
	range: Int32Array;
	/** What the sides of those rare points are read back from. */
	points: Float64Array;
	ucl: number;
	mrUcl: number;
}

/** What to pack: points, center and sigma, up to two zone levels, control and moving-range limits. */
export interface PlaneInput {
	points: Float64Array;
	center: number;
	sigma: number;
	levels: number[];
	ucl: number;
	lcl: number;
	mrUcl: number;
	mrLcl: number;
}

/** Largest scratch buffer kept between calls (4 MB: the planes of about 3 million points). */
const MAX_KEPT = 1 << 20;
let scratch = new Int32Array(0);

/**
 * Packs the planes in one branch-free pass over the points (a rarely taken branch would still
 * cost more here than the extra planes). The planes share one scratch buffer that is reused by the next call, so they are only
 * valid until then (the rules read them at once).
 *
 * @example
 * packPlanes({ points: Float64Array.of(1, -1, 2), center: 0, sigma: 1, levels: [1], ucl: 3, lcl: -3,
 *   mrUcl: Infinity, mrLcl: -Infinity }).above[0]; // 0b101
 */
export function packPlanes(input: PlaneInput): Planes {
	const { points, center, sigma, levels } = input;
	const n = points.length;
	const words = (n + 31) >>> 5;
	const planeCount = 6 + 2 * levels.length;
	const needed = planeCount * words;
	// small buffers are kept for the next call (no fresh pages to fault in); huge ones are not held
	let buffer = scratch;
	if (buffer.length < needed) {
		buffer = new Int32Array(Math.ceil(needed * 1.25) + 64);
		if (buffer.length <= MAX_KEPT) scratch = buffer;
	}
	const plane = (k: number): Int32Array => buffer.subarray(k * words, (k + 1) * words);
	const planes: Planes = {
		n,
		words,
		above: plane(0),
		below: plane(1),
		up: plane(2),
		down: plane(3),
		levels,
		beyond: plane(4),
		range: plane(5),
		points,
		ucl: input.ucl,
		mrUcl: input.mrUcl,
		zoneAbove: levels.map((_, l) => plane(6 + 2 * l)),
		zoneBelow: levels.map((_, l) => plane(7 + 2 * l)),
	};
	// two zone levels inline (unused ones never fire: +/- infinity)
	const hi1 = levels.length > 0 ? center + levels[0] * sigma : Infinity;
	const lo1 = levels.length > 0 ? center - levels[0] * sigma : -Infinity;
	const hi2 = levels.length > 1 ? center + levels[1] * sigma : Infinity;
	const lo2 = levels.length > 1 ? center - levels[1] * sigma : -Infinity;
	const { ucl, lcl, mrUcl, mrLcl } = input;
	const { above, below, up, down, beyond, range: ranges } = planes;
	const za1 = planes.zoneAbove[0];
	const zb1 = planes.zoneBelow[0];
	const za2 = planes.zoneAbove[1];
	const zb2 = planes.zoneBelow[1];
	let prev = n > 0 ? points[0] : 0;
	for (let w = 0; w < words; w++) {
		const base = w << 5;
		const end = Math.min(32, n - base);
		let a = 0;
		let b = 0;
		let u = 0;
		let d = 0;
		let a1 = 0;
		let b1 = 0;
		let a2 = 0;
		let b2 = 0;
		let out = 0;
		let r = 0;
		for (let j = 0; j < end; j++) {
			const i = base + j;
			const x = points[i];
			const step = x - prev;
			prev = x;
			a |= (+(x > center) | 0) << j;
			b |= (+(x < center) | 0) << j;
			u |= (+(step > 0) | 0) << j;
			d |= (+(step < 0) | 0) << j;
			a1 |= (+(x > hi1) | 0) << j;
			b1 |= (+(x < lo1) | 0) << j;
			a2 |= (+(x > hi2) | 0) << j;
			b2 |= (+(x < lo2) | 0) << j;
			out |= (+(x > ucl) | 0 | (+(x < lcl) | 0)) << j;
			const range = Math.abs(step);
			r |= (+(range > mrUcl) | 0 | (+(range < mrLcl) | 0)) << j;
		}
		// point 0 has no moving range
		if (w === 0) r &= -2;
		above[w] = a;
		below[w] = b;
		up[w] = u;
		down[w] = d;
		beyond[w] = out;
		ranges[w] = r;
		if (za1) {
			za1[w] = a1;
			zb1[w] = b1;
		}
		if (za2) {
			za2[w] = a2;
			zb2[w] = b2;
		}
	}
	return planes;
}

/**
 * Bits j of word x where at least k (1..32) consecutive ones end at j inside the word
 * (ones before bit 0 are not seen), by doubling: runs of a+b = runs of a AND runs of b shifted by a.
 *
 * @example
 * runsWithin(0b0111_0110, 3); // 0b0100_0000
 */
export function runsWithin(x: number, k: number): number {
	let result = -1;
	let length = 0;
	let runs = x;
	let span = 1;
	for (let rest = k; rest > 0; ) {
		if (rest & 1) {
			result = length === 0 ? runs : result & (runs << length);
			length += span;
		}
		rest >>>= 1;
		if (rest > 0) {
			runs &= runs << span;
			span *= 2;
		}
	}
	return result;
}

/**
 * Bits a..b (0 <= a <= b <= 31) set.
 *
 * @example
 * bitRange(2, 4); // 0b11100
 */
export function bitRange(a: number, b: number): number {
	const high = b >= 31 ? -1 : (1 << (b + 1)) - 1;
	return high & ~((1 << a) - 1);
}

/**
 * Run detector over consecutive words: `next(x)` returns the bits where a run of at least k
 * (1..32) ones ends, counting ones carried over from earlier words.
 *
 * @example
 * const runs = runEnds(3);
 * runs(1 << 31); runs(0b11); // 0b10 (the run began in the previous word)
 */
export function runEnds(k: number): (x: number) => number {
	let carry = 0;
	return (x: number): number => {
		let r = runsWithin(x, k);
		const prefix = x === -1 ? 32 : 31 - Math.clz32(~x & (x + 1));
		if (carry > 0 && prefix > 0) {
			const from = Math.max(0, k - 1 - carry);
			if (from < prefix) r |= bitRange(from, prefix - 1);
		}
		carry = x === -1 ? Math.min(carry + 32, k) : Math.min(Math.clz32(~x), k);
		return r;
	};
}

/**
 * Number of consecutive ones of a plane ending at point i.
 *
 * @example
 * onesEndingAt(Int32Array.of(0b0110), 2); // 2
 */
export function onesEndingAt(plane: Int32Array, i: number): number {
	let w = i >>> 5;
	let valid = (i & 31) + 1;
	let x = plane[w] << (32 - valid);
	let length = 0;
	for (;;) {
		const ones = Math.min(Math.clz32(~x), valid);
		length += ones;
		if (ones < valid || w === 0) return length;
		w--;
		valid = 32;
		x = plane[w];
	}
}

/**
 * Bit j of the plane at point i.
 *
 * @example
 * bitAt(Int32Array.of(0b100), 2); // 1
 */
export function bitAt(plane: Int32Array, i: number): number {
	return (plane[i >>> 5] >>> (i & 31)) & 1;
}
