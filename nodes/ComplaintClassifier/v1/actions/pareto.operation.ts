import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	complaintPareto,
	paretoHtml,
	paretoRecord,
	type ParetoRecord,
} from '../../../../lib/complaints';
import { OPTIONS_PLACEHOLDER } from '../../../shared/description';
import type { Routing } from '../../../shared/routing';

const showPareto = { show: { operation: ['pareto'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Category',
		name: 'category',
		type: 'string',
		default: '={{ $json.category }}',
		required: true,
		displayOptions: showPareto,
		description:
			'Category of each item, e.g. of a saved case; items without one are not counted (listed as skipped)',
	},
	{
		displayName: 'Severity',
		name: 'severity',
		type: 'string',
		default: '={{ $json.severity }}',
		displayOptions: showPareto,
		description: 'Critical, major or minor (empty: not counted by severity)',
	},
	{
		displayName: 'Customer',
		name: 'customer',
		type: 'string',
		default: '={{ $json.customer }}',
		displayOptions: showPareto,
	},
	{
		displayName: 'Add HTML Pareto',
		name: 'paretoHtml',
		type: 'boolean',
		default: false,
		displayOptions: showPareto,
		description:
			'Whether to add an email-ready HTML table (bars, cumulative share, severities, customers; all data escaped) in `html`',
	},
	{
		displayName: 'Options',
		name: 'paretoOptions',
		type: 'collection',
		placeholder: OPTIONS_PLACEHOLDER,
		default: {},
		displayOptions: showPareto,
		options: [
			{
				displayName: 'HTML Title',
				name: 'title',
				type: 'string',
				default: 'Complaint Pareto',
			},
			{
				displayName: 'Customers Listed',
				name: 'topCustomers',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 10,
				description: 'How many customers the HTML lists, most complaints first',
			},
		],
	},
];

/** Output 0 "Pareto", 1 "Failed" (items whose category, severity or customer cannot be read). */
export const outputs = 2;
export const failedOutput = 1;

/** Failures name the node parameter a value came from. */
const PARAMETER_NAMES = { category: 'Category', severity: 'Severity', customer: 'Customer' };

/**
 * Counts already classified items (saved cases, say) by category for a Pareto chart, with the
 * counts by severity and customer: one item paired with every input item; an item without a
 * category is skipped, a bad one fails on its own and counts in `errors`.
 */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	// Per input item: its record, 'skipped' without a category, undefined when it failed.
	const read: (ParetoRecord | 'skipped' | undefined)[] = this.getInputData().map(() => undefined);
	await routing.eachItem((i) => {
		const record = paretoRecord(
			{
				category: this.getNodeParameter('category', i, ''),
				severity: this.getNodeParameter('severity', i, ''),
				customer: this.getNodeParameter('customer', i, ''),
			},
			PARAMETER_NAMES,
		);
		read[i] = record ?? 'skipped';
	});
	const skipped = read.filter((r) => r === 'skipped').length;
	const summary = complaintPareto(read.filter((r) => r !== 'skipped'));
	const json: IDataObject = { ...summary, skipped };
	if (this.getNodeParameter('paretoHtml', 0, false) as boolean) {
		const options = this.getNodeParameter('paretoOptions', 0, {}) as {
			title?: string;
			topCustomers?: number;
		};
		json.html = paretoHtml(summary, options);
	}
	routing.route(routing.allItems(), { output: 0, json });
}
