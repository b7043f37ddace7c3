import { InputError } from '../shared/errors';

/**
 * Bad SPC input: the input `field`, the point (`index`) and the value in its subgroup
 * (`subIndex`) as data, e.g. `values` and 3.
 *
 * @example
 * throw new SpcInputError('values', 'must be a finite number, got NaN', 3);
 * // message: "values[3]: must be a finite number, got NaN"
 */
export class SpcInputError extends InputError {
	constructor(field: string, reason: string, index?: number, subIndex?: number) {
		super(field, reason, index, subIndex);
		this.name = 'SpcInputError';
	}
}

/** Short printable form of a rejected value for error messages. */
function show(value: unknown): string {
	if (typeof value === 'string')
		return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}...` : value);
	if (typeof value === 'number') return String(value);
	if (value === null || value === undefined) return String(value);
	return typeof value;
}

/**
 * A numeric series as a Float64Array (arrays are copied, a Float64Array is checked and used as
 * is), rejecting anything that is not a finite number.
 *
 * @example
 * readSeries([1, 2.5], 'values'); // Float64Array [1, 2.5]
 * readSeries([1, NaN], 'values'); // throws "values[1]: must be a finite number, got NaN"
 */
export function readSeries(
	series: unknown,
	field: string,
	minLength = 1,
	subgroup?: number,
): Float64Array {
	// Inside subgroup g, value i is field[g][i]; otherwise point i is field[i].
	const at = (i?: number): [number | undefined, number | undefined] =>
		subgroup === undefined ? [i, undefined] : [subgroup, i];
	if (!Array.isArray(series) && !(series instanceof Float64Array)) {
		throw new SpcInputError(field, `must be an array of numbers, got ${show(series)}`, ...at());
	}
	const n = series.length;
	if (n < minLength) {
		throw new SpcInputError(
			field,
			`needs at least ${minLength} point${minLength === 1 ? '' : 's'}, got ${n}`,
			...at(),
		);
	}
	if (series instanceof Float64Array) {
		// checked in place: the engine never writes to its inputs, and a copy of a large series costs
		// more than the whole analysis
		for (let i = 0; i < n; i++) {
			if (!Number.isFinite(series[i]))
				throw new SpcInputError(field, `must be a finite number, got ${series[i]}`, ...at(i));
		}
		return series;
	}
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const v: unknown = series[i];
		if (typeof v !== 'number' || !Number.isFinite(v)) {
			throw new SpcInputError(field, `must be a finite number, got ${show(v)}`, ...at(i));
		}
		out[i] = v;
	}
	return out;
}

/**
 * Like {@link readSeries} for counts: whole numbers >= 0.
 *
 * @example
 * readCounts([3, 0, 2], 'values'); // Float64Array [3, 0, 2]
 * readCounts([3, -1], 'values');   // throws "values[1]: must be a count (whole number >= 0), got -1"
 */
export function readCounts(series: unknown, field: string, minLength = 1): Float64Array {
	const out = readSeries(series, field, minLength);
	for (let i = 0; i < out.length; i++) {
		if (out[i] < 0 || !Number.isInteger(out[i])) {
			throw new SpcInputError(field, `must be a count (whole number >= 0), got ${out[i]}`, i);
		}
	}
	return out;
}

/**
 * Sample sizes for n points: one number for all, or one per point; each > 0, and whole numbers
 * unless `fractional` (u charts may count area or length units).
 *
 * @example
 * readSizes(50, 3, 'sizes');        // Float64Array [50, 50, 50]
 * readSizes([50, 0], 2, 'sizes');   // throws "sizes[1]: must be a positive whole number, got 0"
 */
export function readSizes(
	sizes: unknown,
	n: number,
	field: string,
	fractional = false,
): Float64Array {
	const what = fractional ? 'a positive number' : 'a positive whole number';
	const ok = (v: number): boolean => v > 0 && (fractional || Number.isInteger(v));
	if (typeof sizes === 'number') {
		if (!Number.isFinite(sizes) || !ok(sizes))
			throw new SpcInputError(field, `must be ${what}, got ${sizes}`);
		return new Float64Array(n).fill(sizes);
	}
	if (sizes === undefined)
		throw new SpcInputError(field, 'is required for this chart (sample size per point)');
	const out = readSeries(sizes, field);
	if (out.length !== n) {
		throw new SpcInputError(field, `has ${out.length} entries but there are ${n} points`);
	}
	for (let i = 0; i < n; i++) {
		if (!ok(out[i])) throw new SpcInputError(field, `must be ${what}, got ${out[i]}`, i);
	}
	return out;
}

/**
 * Validates subgroups: an array of arrays of finite numbers, each with at least `minSize` values.
 *
 * @example
 * readSubgroups([[1, 2], [3, 4]], 'subgroups', 2); // [Float64Array [1, 2], Float64Array [3, 4]]
 * readSubgroups([[1, 2], [3]], 'subgroups', 2);    // throws "subgroups[1]: has 1 value; ..."
 */
export function readSubgroups(
	subgroups: unknown,
	field: string,
	minSize: number,
	why: string,
): Float64Array[] {
	if (!Array.isArray(subgroups))
		throw new SpcInputError(field, `must be an array of arrays, got ${show(subgroups)}`);
	if (subgroups.length === 0) throw new SpcInputError(field, 'needs at least 1 subgroup, got 0');
	return subgroups.map((group: unknown, i) => {
		const values = readSeries(group, field, 1, i);
		if (values.length < minSize) {
			throw new SpcInputError(
				field,
				`has ${values.length} value${values.length === 1 ? '' : 's'}; ${why} needs at least ${minSize} per subgroup`,
				i,
			);
		}
		return values;
	});
}

/**
 * Checks an optional finite number option (and its range).
 *
 * @example
 * optionalNumber(0.2, 'lambda', { min: 0, minOpen: true, max: 1 }); // 0.2
 * optionalNumber(undefined, 'lambda');                             // undefined
 */
export function optionalNumber(
	value: unknown,
	field: string,
	range: { min?: number; minOpen?: boolean; max?: number } = {},
): number | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new SpcInputError(field, `must be a finite number, got ${show(value)}`);
	}
	const { min, minOpen, max } = range;
	if (min !== undefined && (minOpen ? value <= min : value < min)) {
		throw new SpcInputError(field, `must be ${minOpen ? '>' : '>='} ${min}, got ${value}`);
	}
	if (max !== undefined && value > max)
		throw new SpcInputError(field, `must be <= ${max}, got ${value}`);
	return value;
}

/**
 * Number of phase I points: `phase1` if given (whole, `min`..n), else all n.
 *
 * @example
 * phase1Length(25, 40, 2); // 25
 * phase1Length(undefined, 40, 2); // 40
 */
export function phase1Length(phase1: unknown, n: number, min: number): number {
	if (phase1 === undefined || phase1 === null) {
		if (n < min)
			throw new SpcInputError(
				'values',
				`needs at least ${min} points to estimate limits, got ${n}`,
			);
		return n;
	}
	if (typeof phase1 !== 'number' || !Number.isInteger(phase1) || phase1 < min) {
		throw new SpcInputError('phase1', `must be a whole number >= ${min}, got ${show(phase1)}`);
	}
	if (phase1 > n)
		throw new SpcInputError('phase1', `(${phase1}) exceeds the number of points (${n})`);
	return phase1;
}

/**
 * The known standard of a chart input: `center` (any finite number) and `sigma` (> 0).
 *
 * @example
 * knownStandard({ center: 10, sigma: 2 }); // { center: 10, sigma: 2 }
 */
export function knownStandard(input: { center?: unknown; sigma?: unknown }): {
	center?: number;
	sigma?: number;
} {
	return {
		center: optionalNumber(input.center, 'center'),
		sigma: optionalNumber(input.sigma, 'sigma', { min: 0, minOpen: true }),
	};
}

/**
 * Throws when an estimated sigma is 0 (or not finite): limits would collapse onto the center
 * and every point would be "out of control".
 *
 * @example
 * checkSpread(0.5, 'values'); // 0.5
 * checkSpread(0, 'values');   // throws "values: phase I shows no variation ..."
 */
export function checkSpread(sigma: number, field: string): number {
	if (!(sigma > 0) || !Number.isFinite(sigma)) {
		throw new SpcInputError(
			field,
			'phase I shows no variation (estimated sigma is 0), so no limits can be drawn; give a known sigma or more varied data',
		);
	}
	return sigma;
}
