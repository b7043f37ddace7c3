import { FmeaInputError } from './errors';
import { readRating, type RatingField } from './rating';
import type { FmeaAction, FmeaRow } from './types';

const TEXT_FIELDS = [
	'effect',
	'cause',
	'item',
	'processStep',
	'function',
	'preventionControls',
	'detectionControls',
] as const;
const RATINGS: readonly RatingField[] = ['severity', 'occurrence', 'detection'];

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readActions(raw: unknown, index: number, rowId: string): FmeaAction[] | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (!Array.isArray(raw))
		throw new FmeaInputError({ field: 'actions', reason: 'must be a list', index, rowId });
	return raw.map((action: unknown, a) => {
		const field = `actions[${a}]`;
		if (!isRecord(action))
			throw new FmeaInputError({ field, reason: 'must be an object', index, rowId });
		const out: FmeaAction = { ...action };
		for (const rating of RATINGS) {
			const value = action[rating];
			if (value === undefined || value === null || value === '') delete out[rating];
			else out[rating] = readRating(action, rating, index, rowId, `${field}.${rating}`);
		}
		return out;
	});
}

/**
 * Checks one worksheet row and returns it with ratings as numbers. Throws FmeaInputError naming
 * the row (index and id) and the field: a missing id or failure mode, a rating that is not an
 * integer 1..10, a text field that is not text, actions that are not a list of objects.
 *
 * @example
 * validateRow({ id: 'PF-10', failureMode: 'Crimp height low', severity: '8', occurrence: 4, detection: 5 }, 0).severity; // 8
 */
export function validateRow(raw: unknown, index: number): FmeaRow {
	if (!isRecord(raw))
		throw new FmeaInputError({ field: 'row', reason: 'must be an object', index });
	const id = raw.id;
	if (
		(typeof id !== 'string' || id.trim() === '') &&
		(typeof id !== 'number' || !Number.isFinite(id))
	)
		throw new FmeaInputError({ field: 'id', reason: 'is missing', index });
	const rowId = String(id);
	if (typeof raw.failureMode !== 'string' || raw.failureMode.trim() === '')
		throw new FmeaInputError({
			field: 'failureMode',
			reason: raw.failureMode === undefined ? 'is missing' : 'must be non-empty text',
			index,
			rowId,
		});
	for (const field of TEXT_FIELDS) {
		const value = raw[field];
		if (value !== undefined && value !== null && typeof value !== 'string')
			throw new FmeaInputError({ field, reason: 'must be text', index, rowId });
	}
	if (raw.type !== undefined && raw.type !== null && raw.type !== 'DFMEA' && raw.type !== 'PFMEA')
		throw new FmeaInputError({
			field: 'type',
			reason: `must be "DFMEA" or "PFMEA", got ${JSON.stringify(raw.type)}`,
			index,
			rowId,
		});
	const row: FmeaRow = {
		...raw,
		id: id as string | number,
		failureMode: raw.failureMode,
		severity: readRating(raw, 'severity', index, rowId),
		occurrence: readRating(raw, 'occurrence', index, rowId),
		detection: readRating(raw, 'detection', index, rowId),
	};
	const actions = readActions(raw.actions, index, rowId);
	if (actions) row.actions = actions;
	return row;
}

/** Rows split into the valid ones (with their input positions) and the errors of the others. */
export interface CheckedRows {
	rows: FmeaRow[];
	/** Input index of each valid row. */
	indices: number[];
	/** One error per invalid row, in input order. */
	errors: FmeaInputError[];
}

/**
 * Checks every row (validateRow) and the ids across rows (a repeated id is an error of the later
 * row), keeping going after a bad row, so a caller can set bad rows aside and analyze the rest.
 *
 * @example
 * const { rows, errors } = checkRows([goodRow, { ...goodRow, severity: 11 }]);
 * errors[0].index; // 1
 */
export function checkRows(input: readonly unknown[]): CheckedRows {
	const checked: CheckedRows = { rows: [], indices: [], errors: [] };
	const seen = new Map<string, number>();
	input.forEach((raw, index) => {
		try {
			const row = validateRow(raw, index);
			const key = String(row.id);
			const first = seen.get(key);
			if (first !== undefined)
				throw new FmeaInputError({
					field: 'id',
					reason: `duplicates the id of row ${first}`,
					index,
					rowId: key,
				});
			seen.set(key, index);
			checked.rows.push(row);
			checked.indices.push(index);
		} catch (error) {
			if (!(error instanceof FmeaInputError)) throw error;
			checked.errors.push(error);
		}
	});
	return checked;
}
