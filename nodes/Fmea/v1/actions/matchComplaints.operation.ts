import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	checkComplaint,
	fmeaReviewHtml,
	matchComplaints,
	type FmeaComplaint,
	type MatchOptions,
	type OccurrenceScale,
	type RowReview,
} from '../../../../lib/fmea';
import { parseJsonParameter } from '../../../../lib/shared/json';
import { readPath } from '../../../../lib/shared/paths';
import { textBinary } from '../../../shared/binary';
import { optionsCollection } from '../../../shared/description';
import type { Routing } from '../../../shared/routing';
import { fmeaRowsProperty, idFieldProperty, languageOption, readFmeaRows } from './common';

const show = ['matchComplaints'];

export const description: INodeProperties[] = [
	fmeaRowsProperty(show),
	idFieldProperty(show),
	{
		displayName: 'Classification Field',
		name: 'classificationField',
		type: 'string',
		default: 'complaint',
		description:
			'Field that holds the Complaint Classifier result (category, severity, keywords, hazards); empty: the item itself',
		displayOptions: { show: { operation: show } },
	},
	{
		displayName: 'Text Field',
		name: 'textField',
		type: 'string',
		default: 'text',
		description: 'Field with the complaint text; dots reach into nested fields',
		displayOptions: { show: { operation: show } },
	},
	optionsCollection(
		[
			{
				displayName: 'Complaint ID Field',
				name: 'complaintIdField',
				type: 'string',
				default: '',
				placeholder: 'caseId',
				description: 'Field that identifies the complaint in the review mail',
			},
			{
				displayName: 'Add HTML Review',
				name: 'html',
				type: 'boolean',
				default: true,
				description:
					'Whether the Summary item carries an email-ready review of the new failure modes and underrated rows',
			},
			languageOption,
			{
				displayName: 'Minimum Score',
				name: 'minScore',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.3,
				description:
					'Lowest match score (0-1, the share of the row’s failure mode, effect and cause terms the complaint covers) for a row to match',
			},
			{
				displayName: 'Occurrence Scale JSON',
				name: 'occurrenceScale',
				type: 'json',
				default: '',
				description:
					'Replaces the default scale (complaints per million units shipped, after the AIAG-VDA incident rates), e.g. { "unit": "complaints per week", "per": null, "bands": [{ "occurrence": 5, "atLeast": 3 }] }',
			},
			{
				displayName: 'Period',
				name: 'period',
				type: 'string',
				default: '',
				placeholder: '2026-W48',
				description: 'Label of the period the complaints come from, for the occurrence check',
			},
			{
				displayName: 'Units Shipped',
				name: 'unitsShipped',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Units shipped in the period, for the occurrence check on a per-unit scale; 0: no check',
			},
			{
				displayName: 'Units Shipped per Item JSON',
				name: 'unitsShippedJson',
				type: 'json',
				default: '',
				description:
					'Units shipped per row ID or row item, e.g. { "Connector CN-212": 120000 }; overrides Units Shipped',
			},
		],
		{ show: { operation: show } },
	),
];

/** Outputs "Known Failure Mode", "New Failure Mode", "Summary"; a complaint that cannot be matched is treated as new. */
export const outputs = 3;
export const failedOutput = 1;

interface NodeOptions {
	complaintIdField?: string;
	html?: boolean;
	language?: 'en' | 'zh';
	minScore?: number;
	occurrenceScale?: string | OccurrenceScale;
	period?: string;
	unitsShipped?: number;
	unitsShippedJson?: string | Record<string, number>;
}

function matchOptions(options: NodeOptions): MatchOptions {
	const scale = options.occurrenceScale
		? (parseJsonParameter(options.occurrenceScale, 'Occurrence Scale JSON') as OccurrenceScale)
		: undefined;
	const perItem = options.unitsShippedJson
		? (parseJsonParameter(options.unitsShippedJson, 'Units Shipped per Item JSON') as Record<
				string,
				number
			>)
		: undefined;
	const unitsShipped = perItem ?? (options.unitsShipped ? options.unitsShipped : undefined);
	return {
		minScore: options.minScore ?? 0.3,
		occurrence: {
			...(unitsShipped !== undefined ? { unitsShipped } : {}),
			...(scale ? { scale } : {}),
			...(options.period ? { period: options.period } : {}),
		},
	};
}

/**
 * What a known complaint carries about its row: the row, and the underrating flags from all the
 * complaints counted for it (`complaints` as input item indices).
 */
function rowJson(review: RowReview, itemOf: (complaint: number) => number): IDataObject {
	const { row, severityAboveRating, occurrenceAboveRating, suggested } = review;
	return {
		row: {
			id: row.id,
			failureMode: row.failureMode,
			effect: row.effect,
			cause: row.cause,
			severity: row.severity,
			occurrence: row.occurrence,
			detection: row.detection,
			rpn: row.rpn,
			ap: row.ap,
		},
		complaints: review.complaints.map(itemOf),
		underrated: review.underrated,
		...(severityAboveRating
			? {
					severityAboveRating: {
						...severityAboveRating,
						impliedSeverity: { ...severityAboveRating.impliedSeverity },
						complaints: severityAboveRating.complaints.map(itemOf),
					},
				}
			: {}),
		...(occurrenceAboveRating ? { occurrenceAboveRating: { ...occurrenceAboveRating } } : {}),
		...(suggested ? { suggested: { ...suggested } } : {}),
	};
}

/**
 * All input items are the complaints of one period, matched against the FMEA of the parameter:
 * each goes to Known Failure Mode (with its row and any underrating flags) or New Failure Mode;
 * a complaint that cannot be read goes to New Failure Mode with its error; the Summary item
 * (paired with every item) holds the counts, the underrated rows and the HTML review.
 */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	const items = this.getInputData();
	let rows;
	let options: MatchOptions;
	try {
		rows = readFmeaRows.call(this);
		options = matchOptions(this.getNodeParameter('options', 0, {}) as NodeOptions);
	} catch (error) {
		routing.fail(error, undefined);
		return;
	}
	const nodeOptions = this.getNodeParameter('options', 0, {}) as NodeOptions;
	const classificationField = this.getNodeParameter('classificationField', 0) as string;
	const textField = this.getNodeParameter('textField', 0) as string;
	const complaints: FmeaComplaint[] = [];
	const indices: number[] = [];
	items.forEach((item, index) => {
		const classification = classificationField
			? readPath(item.json, classificationField)
			: item.json;
		const text = readPath(item.json, textField);
		const id = nodeOptions.complaintIdField
			? readPath(item.json, nodeOptions.complaintIdField)
			: undefined;
		const raw =
			typeof classification === 'object' && classification !== null
				? {
						...classification,
						...(text !== undefined ? { text } : {}),
						...(id !== undefined ? { id } : {}),
					}
				: classification;
		try {
			complaints.push(checkComplaint(raw, index));
			indices.push(index);
		} catch (error) {
			routing.fail(error, index);
		}
	});
	const result = matchComplaints(complaints, rows, options);
	const itemOf = (complaint: number) => indices[complaint];
	const reviewOf = new Map(result.rows.map((r) => [String(r.row.id), r]));
	for (const match of result.complaints) {
		const index = itemOf(match.index);
		const matches = match.matches.map((m) => ({ ...m, fields: { ...m.fields } }));
		const review = match.rowId === undefined ? undefined : reviewOf.get(String(match.rowId));
		const fmea: IDataObject = review
			? {
					newFailureMode: false,
					rowId: match.rowId,
					score: matches[0].score,
					matches,
					...rowJson(review, itemOf),
				}
			: { newFailureMode: true, matches };
		routing.route(index, { output: review ? 0 : 1, json: { ...items[index].json, fmea } });
	}
	const json: IDataObject = {
		summary: { ...result.summary, failed: items.length - complaints.length },
		underrated: result.rows.filter((r) => r.underrated).map((r) => rowJson(r, itemOf)),
		newFailureModes: result.newFailureModes.map(itemOf),
	};
	let binary: IBinaryKeyData | undefined;
	if (nodeOptions.html ?? true) {
		const html = fmeaReviewHtml(result, complaints, { language: nodeOptions.language ?? 'en' });
		json.html = html;
		binary = { review: await textBinary.call(this, html, 'fmea-review.html', 'text/html') };
	}
	routing.route(routing.allItems(), { output: 2, json, ...(binary ? { binary } : {}) });
}
