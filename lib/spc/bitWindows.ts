/**
 * Run and window tests on history words: 32 points a word, the NEWEST point at bit 0 and older
 * points at higher bits (a word is built with `word = (word << 1) | flag`), and the word of the
 * 32 points before it (`prev`) continuing above bit 31. The 64-bit window (prev:cur) lets a run
 * or window of up to 32 points ending at any bit of `cur` be read without per-point state.
 */

/**
 * Bits p of `cur` where bits p..p+k-1 of the window (prev:cur) are all set, i.e. the point at
 * bit p ends a run of at least k (1..32) set points: the AND of the window shifted by 0..k-1.
 * (The shifts are independent of each other, so they overlap in the processor; a doubling
 * scheme takes fewer steps, but each waits for the one before, and measured slower.)
 *
 * @example
 * runEnds(0b0111_0110, 0, 3); // 0b0001_0000: bits 4..6 are set
 * runEnds(1 << 31, 0b1, 2);    // 1 << 31: the run continues into the previous word
 */
export function runEnds(cur: number, prev: number, k: number): number {
	let result = cur;
	for (let s = 1; s < k; s++) result &= (cur >>> s) | (prev << (32 - s));
	return result;
}

/**
 * Bits p of `cur` where at least k of bits p..p+m-1 of the window (prev:cur) are set
 * (1 <= k <= m <= 31): the window's m shifted copies are summed by a bit-sliced adder into five
 * counter words, 32 points at a time, and the count is compared with k.
 *
 * @example
 * atLeast(0b1011, 0, 3, 2); // 0b0011: bits 0..2 hold two set bits, bits 1..3 too
 */
export function atLeast(cur: number, prev: number, m: number, k: number): number {
	let c0 = cur;
	let c1 = 0;
	let c2 = 0;
	let c3 = 0;
	let c4 = 0;
	for (let s = 1; s < m; s++) {
		const y = (cur >>> s) | (prev << (32 - s));
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
	// count >= k, deciding from the most significant counter word down
	let ge = 0;
	let eq = -1;
	if (((k >>> 4) & 1) === 0) {
		ge |= eq & c4;
		eq &= ~c4;
	} else eq &= c4;
	if (((k >>> 3) & 1) === 0) {
		ge |= eq & c3;
		eq &= ~c3;
	} else eq &= c3;
	if (((k >>> 2) & 1) === 0) {
		ge |= eq & c2;
		eq &= ~c2;
	} else eq &= c2;
	if (((k >>> 1) & 1) === 0) {
		ge |= eq & c1;
		eq &= ~c1;
	} else eq &= c1;
	if ((k & 1) === 0) {
		ge |= eq & c0;
		eq &= ~c0;
	} else eq &= c0;
	return ge | eq;
}
