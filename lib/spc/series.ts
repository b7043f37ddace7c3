/** Conversions between the engine's typed arrays and the plain arrays of the public result. */

/**
 * Plain array copy of a typed array (results are plain JS numbers, JSON friendly).
 *
 * @example
 * toList(Float64Array.of(1, 2)); // [1, 2]
 */
export function toList(values: Float64Array): number[] {
	const n = values.length;
	// filled with a double first so V8 stores unboxed doubles; a bare `new Array(n)` of a large n
	// starts as a slow dictionary array
	const out = new Array<number>(n).fill(NaN);
	for (let i = 0; i < n; i++) out[i] = values[i];
	return out;
}

/**
 * A limit as the contract reports it: one number when it is the same for every point, else a list.
 *
 * @example
 * limitOut(3);                      // 3
 * limitOut(Float64Array.of(1, 2));  // [1, 2]
 */
export function limitOut(limit: number | Float64Array): number | number[] {
	return typeof limit === 'number' ? limit : toList(limit);
}

/**
 * True when every entry equals the first.
 *
 * @example
 * allEqual(Float64Array.of(5, 5)); // true
 */
export function allEqual(values: Float64Array): boolean {
	for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
	return true;
}

/**
 * Per-point values `f(i)`, or the single value `f(0)` when `constant` is true.
 *
 * @example
 * perPoint(3, false, (i) => i * 2); // Float64Array [0, 2, 4]
 * perPoint(3, true, () => 7);        // 7
 */
export function perPoint(
	n: number,
	constant: boolean,
	f: (i: number) => number,
): number | Float64Array {
	if (constant) return f(0);
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) out[i] = f(i);
	return out;
}
