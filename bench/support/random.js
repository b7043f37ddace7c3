'use strict';

/**
 * mulberry32: a deterministic generator of floats in [0, 1), so that benchmark runs build the same
 * inputs, without the short cycles of a small LCG's low bits.
 *
 * @example
 * const rand = mulberry32(42);
 * rand(); // the same first value on every run
 */
function mulberry32(start) {
	let seed = start;
	return function rand() {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

module.exports = { mulberry32 };
