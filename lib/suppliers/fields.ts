/**
 * Readers of single row fields. Each returns the value or throws an Error naming the row index
 * and the field, so bad input never turns into a wrong number.
 */
import { InputError } from '../shared/errors';
import type { LocalDays } from './localDay';

/** Where a field lives: row index and the field name as the user's data spells it. */
export interface FieldRef {
	row: number;
	field: string;
}

/**
 * A row that cannot be read: an {@link InputError} whose `index` is the row and whose `field`
 * is the field name as the user's data spells it ('' when the row itself is not an object), so
 * callers (the n8n node) can point at the offending item.
 *
 * @example
 * const error = new SupplierRowError(3, 'received', 'must be a number >= 0');
 * error.message; // 'Row 3: field "received" must be a number >= 0'
 * [error.row, error.field, error.reason]; // [3, 'received', 'must be a number >= 0']
 */
export class SupplierRowError extends InputError {
	constructor(
		readonly row: number,
		field: string,
		readonly problem: string,
	) {
		super(field, problem, row);
		this.message = field ? `Row ${row}: field "${field}" ${problem}` : `Row ${row}: ${problem}`;
		this.name = 'SupplierRowError';
	}
}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;

function show(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (typeof value === 'string')
		return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
	if (typeof value === 'number' || typeof value === 'boolean' || value === null)
		return String(value);
	return typeof value;
}

/**
 * Error message naming the row and field.
 *
 * @example
 * fieldError({ row: 3, field: 'received' }, 'must be a number', 'abc');
 * // 'Row 3: field "received" must be a number, got "abc"'
 */
export function fieldError(ref: FieldRef, problem: string, ...value: [unknown?]): SupplierRowError {
	const got = value.length > 0 ? `, got ${show(value[0])}` : '';
	return new SupplierRowError(ref.row, ref.field, `${problem}${got}`);
}

/**
 * True for values that count as "not given": undefined, null, empty or blank text.
 *
 * @example
 * isBlank('  '); // true
 */
export function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/**
 * A number >= 0 from a number or numeric text (CSV exports carry text).
 *
 * @example
 * quantity('120', { row: 0, field: 'received' }); // 120
 */
export function quantity(value: unknown, ref: FieldRef): number {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && NUMERIC.test(value)
				? Number(value)
				: NaN;
	if (!Number.isFinite(n) || n < 0) throw fieldError(ref, 'must be a number >= 0', value);
	return n;
}

/**
 * A finite number (may be negative, e.g. a credit note) from a number or numeric text.
 *
 * @example
 * amount('-50.5', { row: 2, field: 'amount' }); // -50.5
 */
export function amount(value: unknown, ref: FieldRef): number {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && NUMERIC.test(value)
				? Number(value)
				: NaN;
	if (!Number.isFinite(n)) throw fieldError(ref, 'must be a number', value);
	return n;
}

/**
 * Non-empty text (numbers such as supplier codes become text), trimmed.
 *
 * @example
 * text(4711, { row: 0, field: 'supplier' }); // '4711'
 */
export function text(value: unknown, ref: FieldRef): string {
	const s =
		typeof value === 'string'
			? value.trim()
			: typeof value === 'number' && Number.isFinite(value)
				? String(value)
				: '';
	if (s === '') throw fieldError(ref, 'must be non-empty text', value);
	return s;
}

/**
 * Calendar day number of a required date.
 *
 * @example
 * day('2026-03-01', { row: 0, field: 'date' }, new LocalDays()); // 20513
 */
export function day(value: unknown, ref: FieldRef, days: LocalDays): number {
	const d = isBlank(value) ? null : days.of(value);
	if (d === null)
		throw fieldError(
			ref,
			'must be an ISO-8601 date (e.g. 2026-03-01 or 2026-03-01T08:00:00Z) or epoch milliseconds',
			value,
		);
	return d;
}

/**
 * Calendar day number of an optional date, `null` when blank.
 *
 * @example
 * optionalDay('', { row: 0, field: 'closedAt' }, new LocalDays()); // null
 */
export function optionalDay(value: unknown, ref: FieldRef, days: LocalDays): number | null {
	return isBlank(value) ? null : day(value, ref, days);
}
