import { FmeaInputError, type FmeaErrorDetails } from './errors';

/** The three FMEA ratings. */
export type RatingField = 'severity' | 'occurrence' | 'detection';

/**
 * Why a value is not an FMEA rating (an integer 1..10), or undefined when it is one.
 *
 * @example
 * ratingProblem(11); // 'must be an integer from 1 to 10, got 11'
 * ratingProblem(7);  // undefined
 */
export function ratingProblem(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10)
		return undefined;
	const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
	return `must be an integer from 1 to 10, got ${shown}`;
}

/**
 * Checks a rating given as a number; throws FmeaInputError naming the field otherwise.
 *
 * @example
 * requireRating('severity', 9); // 9
 * requireRating('severity', 11); // throws "severity: must be an integer from 1 to 10, got 11"
 */
export function requireRating(field: string, value: unknown): number {
	const problem = ratingProblem(value);
	if (problem !== undefined) throw new FmeaInputError({ field, reason: problem });
	return value as number;
}

/**
 * Reads a rating of a worksheet row: a number, or a string of digits as spreadsheets and Data
 * Tables deliver them ("7"); "7.5", "", "high" are errors naming the row and the field.
 *
 * @example
 * readRating({ severity: '9' }, 'severity', 0); // 9
 * readRating({ id: 'PF-10', severity: 11 }, 'severity', 3); // throws: row 3 (id "PF-10"), severity: ...
 *
 * `label` names the field in the error when it sits deeper, e.g. `actions[0].severity`.
 */
export function readRating(
	row: Record<string, unknown>,
	field: string,
	index: number,
	rowId?: string,
	label: string = field,
	subject: FmeaErrorDetails['subject'] = 'row',
): number {
	const raw = row[field];
	const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
	const problem = raw === undefined || raw === null ? 'is missing' : ratingProblem(value);
	if (problem !== undefined)
		throw new FmeaInputError({ field: label, reason: problem, index, rowId, subject });
	return value as number;
}
