import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkRevision, reviseFmea, type FmeaRevision } from '../../../../lib/fmea';
import { readPath } from '../../../../lib/shared/paths';
import { optionsCollection } from '../../../shared/description';
import type { Routing } from '../../../shared/routing';
import {
	explanation,
	fmeaRowsProperty,
	idFieldProperty,
	languageOption,
	readFmeaRows,
} from './common';

const show = ['revise'];

export const description: INodeProperties[] = [
	fmeaRowsProperty(show),
	idFieldProperty(show),
	{
		displayName: 'Revisions Field',
		name: 'revisionsField',
		type: 'string',
		default: '',
		placeholder: 'disciplines.D7.fmeaRevisions',
		description:
			'Field that holds the revised ratings of the item: one revision { rowId, severity, occurrence, detection, action, reference } or a list of them; empty: the item itself is one revision',
		displayOptions: { show: { operation: show } },
	},
	{
		displayName: 'Revision Row ID Field',
		name: 'revisionIdField',
		type: 'string',
		default: 'rowId',
		description: 'Field of a revision that names the FMEA row it revises',
		displayOptions: { show: { operation: show } },
	},
	optionsCollection(
		[
			{
				displayName: 'Explain Ratings',
				name: 'explain',
				type: 'boolean',
				default: false,
				description: 'Whether each row gets "explanation": what its new S, O and D mean',
			},
			languageOption,
		],
		{ show: { operation: show } },
	),
];

/** Outputs "Changed", "Unchanged", "Failed" (revisions that name no row or carry a bad rating). */
export const outputs = 3;
export const failedOutput = 2;

/**
 * All input items carry revised ratings (from an 8D: D6 verified actions, D7 prevention) for the
 * FMEA of the parameter. Every row comes out with S, O, D, RPN and AP before and after: Changed
 * (paired with the items that revised it) or Unchanged (paired with every item); a bad revision
 * goes to Failed with its error.
 */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	let rows;
	try {
		rows = readFmeaRows.call(this);
	} catch (error) {
		routing.fail(error, undefined);
		return;
	}
	const items = this.getInputData();
	const revisionsField = this.getNodeParameter('revisionsField', 0) as string;
	const idField = this.getNodeParameter('revisionIdField', 0) as string;
	const options = this.getNodeParameter('options', 0, {}) as {
		explain?: boolean;
		language?: 'en' | 'zh';
	};
	const known = new Set(rows.map((r) => String(r.id)));
	const revisions: FmeaRevision[] = [];
	const itemsOf = new Map<string, number[]>();
	items.forEach((item, index) => {
		const value = revisionsField ? readPath(item.json, revisionsField) : item.json;
		const list = Array.isArray(value) ? value : [value];
		try {
			const checked = list.map((entry: unknown) => {
				const raw =
					typeof entry === 'object' && entry !== null
						? { ...entry, id: readPath(entry, idField) }
						: entry;
				return checkRevision(raw, index, known);
			});
			for (const revision of checked) {
				revisions.push(revision);
				const key = String(revision.id);
				itemsOf.set(key, [...new Set([...(itemsOf.get(key) ?? []), index])]);
			}
		} catch (error) {
			routing.fail(error, index);
		}
	});
	const result = reviseFmea(rows, revisions);
	for (const row of result.rows) {
		const { revisions: applied, ...fields } = row;
		const json: IDataObject = {
			...fields,
			before: { ...row.before },
			after: { ...row.after },
			revisions: applied.map((r) => ({ ...r })),
		};
		if (row.revised) json.revised = { ...row.revised };
		if (options.explain) json.explanation = explanation(row, options.language ?? 'en');
		routing.route(
			row.changed ? (itemsOf.get(String(row.id)) ?? routing.allItems()) : routing.allItems(),
			{
				output: row.changed ? 0 : 1,
				json,
			},
		);
	}
}
