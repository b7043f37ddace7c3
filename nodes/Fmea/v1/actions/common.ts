import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkRows, explainRating, FmeaInputError, type FmeaRow } from '../../../../lib/fmea';
import { parseJsonParameter } from '../../../../lib/shared/json';
import { readPath } from '../../../../lib/shared/paths';

/** Where the operations that take the FMEA from a parameter find it. */
export function fmeaRowsProperty(operations: string[]): INodeProperties {
	return {
		displayName: 'FMEA Rows',
		name: 'fmeaRows',
		type: 'json',
		default: '[]',
		required: true,
		description:
			'The FMEA worksheet: a list of rows with ID, failure mode, effect, severity, cause, occurrence and detection, as JSON or an expression',
		hint: "E.g. {{ $('Get FMEA Rows').all().map(item => item.json) }} for the rows of a Data Table",
		displayOptions: { show: { operation: operations } },
	};
}

/** The field that holds a row's id (Data Tables reserve `id` for their own row number). */
export function idFieldProperty(operations: string[]): INodeProperties {
	return {
		displayName: 'Row ID Field',
		name: 'idField',
		type: 'string',
		default: 'id',
		required: true,
		description:
			'Field of each FMEA row that holds its ID, e.g. "fmeaId" in a Data Table (whose own ID column is the table row number)',
		displayOptions: { show: { operation: operations } },
	};
}

/** Language of explanations and mails. */
export const languageOption: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'options',
	options: [
		{ name: 'English', value: 'en' },
		{ name: 'Chinese', value: 'zh' },
	],
	default: 'en',
	description: 'Language of the rating explanations, the HTML and its headings',
};

/** A worksheet row as the engine reads it: the item's fields, with its id from the ID field. */
export function toRow(json: IDataObject, idField: string): Record<string, unknown> {
	return idField === 'id' ? json : { ...json, id: readPath(json, idField) };
}

/**
 * The FMEA rows of the parameter, checked as a whole: a bad row stops the run (matching against
 * part of an FMEA would call known failure modes new). Items of `$('...').all()` are unwrapped.
 */
export function readFmeaRows(this: IExecuteFunctions): FmeaRow[] {
	const value = parseJsonParameter(this.getNodeParameter('fmeaRows', 0), 'FMEA Rows');
	if (!Array.isArray(value))
		throw new FmeaInputError({ field: 'FMEA Rows', reason: 'must be a list of rows' });
	const idField = this.getNodeParameter('idField', 0) as string;
	const rows = value.map((entry: unknown) => {
		const json =
			typeof entry === 'object' && entry !== null && 'json' in entry
				? (entry as { json: IDataObject }).json
				: (entry as IDataObject);
		return typeof json === 'object' && json !== null ? toRow(json, idField) : json;
	});
	const checked = checkRows(rows);
	if (checked.errors.length) {
		const first = checked.errors[0];
		throw new FmeaInputError({
			field: `FMEA Rows[${first.index}].${first.field}`,
			reason: first.reason,
			rowId: first.rowId,
		});
	}
	return checked.rows;
}

/** What S, O and D of a row mean on its scale, for the item. */
export function explanation(row: FmeaRow, language: 'en' | 'zh'): IDataObject {
	const type = row.type ?? 'PFMEA';
	return {
		severity: explainRating('severity', row.severity, { type, language }).text,
		occurrence: explainRating('occurrence', row.occurrence, { type, language }).text,
		detection: explainRating('detection', row.detection, { type, language }).text,
	};
}
