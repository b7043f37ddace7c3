import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MsaInputError, type Acceptance, type MsaIssue } from '../../../../lib/msa';
import { InputError } from '../../../../lib/shared/errors';
import { parseJsonParameter } from '../../../../lib/shared/json';
import { numericText } from '../../../../lib/shared/numbers';
import { readPath } from '../../../../lib/shared/paths';
import type { Routing } from '../../../shared/routing';
import type { OperationResult } from '../../../shared/types';

/** Outputs 0 "Acceptable", 1 "Marginal", 2 "Unacceptable"; a study that cannot be run is Unacceptable. */
export const outputs = 3;
export const failedOutput = 2;
export const OUTPUT: Record<Acceptance, number> = { acceptable: 0, marginal: 1, unacceptable: 2 };

/** Engine key of a row -> the item field the user mapped it to. */
export type FieldMap = Record<string, string>;

/** The Input parameter of an operation: one item per row, or one item holding the whole table. */
export function inputProperties(show: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Input',
			name: 'inputMode',
			type: 'options',
			options: [
				{
					name: 'One Item per Row',
					value: 'items',
					description:
						'Every input item is one measurement or rating (e.g. a CSV row); all items together are one study',
				},
				{
					name: 'One Item Holding a Table',
					value: 'table',
					description:
						'Each item holds a whole study as a list of rows (or its JSON text); one result per item',
				},
			],
			default: 'items',
			displayOptions: { show: { operation: show } },
		},
		{
			displayName: 'Table Field',
			name: 'tableField',
			type: 'string',
			default: 'measurements',
			required: true,
			description: 'Field of each item that holds the list of rows (dotted path allowed)',
			displayOptions: { show: { operation: show, inputMode: ['table'] } },
		},
	];
}

/** A mappable field name parameter. */
export function fieldProperty(
	show: string[],
	name: string,
	displayName: string,
	fallback: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: fallback,
		description,
		displayOptions: { show: { operation: show } },
	};
}

/** One row in the engine's keys, read from the mapped fields; `numeric` keys accept numeric text. */
function mapRow(
	json: unknown,
	fields: FieldMap,
	numeric: readonly string[],
): Record<string, unknown> {
	const row: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(fields)) {
		if (!field) continue;
		const value = readPath(json, field);
		row[key] = numeric.includes(key) ? numericText(value) : value;
	}
	return row;
}

/** The engine's complaint about one row, in the user's field names. */
function rowError(issues: readonly MsaIssue[], fields: FieldMap, where: string): InputError {
	const [first, ...more] = issues;
	const name = (issue: MsaIssue) => `field "${fields[issue.key ?? ''] ?? issue.key}"`;
	const reason = [first.reason, ...more.map((i) => `${name(i)}: ${i.reason}`)].join('; ');
	return new InputError(`${where}${name(first)}`, reason);
}

/** What an operation does with the rows of one study. */
export type Study = (
	rows: Record<string, unknown>[],
	index: number,
) => OperationResult | Promise<OperationResult>;

/** An engine error about one row of a table, in the user's terms; other errors as they are. */
function inTableTerms(caught: unknown, fields: FieldMap, tableField: string): unknown {
	if (!(caught instanceof MsaInputError)) return caught;
	const first = caught.issues.find((i) => i.index !== undefined);
	if (!first) return caught;
	const sameRow = caught.issues.filter((i) => i.index === first.index);
	return rowError(sameRow, fields, `field "${tableField}" row ${first.index}, `);
}

/** Rows of a table held by item `index` (a list of objects, or its JSON text). */
function tableRows(this: IExecuteFunctions, index: number): unknown[] {
	const field = this.getNodeParameter('tableField', index) as string;
	const value = readPath(this.getInputData()[index].json, field);
	if (value === undefined || value === null || value === '')
		throw new InputError(`field "${field}"`, 'no table on this item');
	const rows = parseJsonParameter(value, `field "${field}"`);
	if (!Array.isArray(rows)) throw new InputError(`field "${field}"`, 'must be a list of rows');
	return rows;
}

/**
 * Runs a study in the chosen input mode and routes it. One item per row: every item is a row of
 * one study, whose result is paired with all items; a bad row fails its own item (naming the
 * field) and the other items fail with it, since the study needs every row. One item holding a
 * table: each item is a study of its own, and a bad row fails that item.
 */
export async function runStudies(
	this: IExecuteFunctions,
	routing: Routing,
	fields: FieldMap,
	numeric: readonly string[],
	study: Study,
): Promise<void> {
	const mode = this.getNodeParameter('inputMode', 0) as string;
	if (mode === 'table') {
		await routing.eachItem(async (index) => {
			const table = tableRows.call(this, index);
			try {
				return await study(
					table.map((row) => mapRow(row, fields, numeric)),
					index,
				);
			} catch (caught) {
				throw inTableTerms(caught, fields, this.getNodeParameter('tableField', index) as string);
			}
		});
		return;
	}
	const items = this.getInputData();
	if (items.length === 0) return;
	const rows = items.map((item) => mapRow(item.json, fields, numeric));
	let result: OperationResult;
	try {
		result = await study(rows, 0);
	} catch (caught) {
		const byRow = new Map<number, MsaIssue[]>();
		if (caught instanceof MsaInputError) {
			for (const issue of caught.issues) {
				if (issue.index !== undefined)
					byRow.set(issue.index, [...(byRow.get(issue.index) ?? []), issue]);
			}
		}
		if (byRow.size === 0) {
			routing.fail(caught, undefined, routing.allItems());
			return;
		}
		for (const [index, issues] of byRow) routing.fail(rowError(issues, fields, ''), index, index);
		const rest = routing.allItems().filter((index) => !byRow.has(index));
		const failedItems = [...byRow.keys()].join(', ');
		if (rest.length > 0)
			routing.fail(
				new Error(
					`the study was not run: item${byRow.size === 1 ? '' : 's'} ${failedItems} had no usable row`,
				),
				undefined,
				rest,
			);
		return;
	}
	routing.route(routing.allItems(), result);
}

/** The result as item data, plain JSON as n8n stores it (an unbounded ndc becomes null). */
export function asItemData(value: object): IDataObject {
	return JSON.parse(JSON.stringify(value)) as IDataObject;
}
