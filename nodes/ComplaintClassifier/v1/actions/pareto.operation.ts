import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { complaintPareto, paretoHtml, type ParetoRecord } from '../../../../lib/complaints';

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
		placeholder: 'Add Option',
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

const text = (value: unknown): string =>
	value === undefined || value === null ? '' : String(value).trim();

/**
 * Counts already classified items (saved cases, say) by category for a Pareto chart, with the
 * counts by severity and customer: one item, paired with every input item.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const records: ParetoRecord[] = [];
	let skipped = 0;
	for (let i = 0; i < items.length; i++) {
		const category = text(this.getNodeParameter('category', i, ''));
		if (!category) {
			skipped++;
			continue;
		}
		records.push({
			category,
			severity: text(this.getNodeParameter('severity', i, '')) || undefined,
			customer: text(this.getNodeParameter('customer', i, '')) || undefined,
		});
	}
	const summary = complaintPareto(records);
	const json: IDataObject = { ...summary, skipped };
	if (this.getNodeParameter('paretoHtml', 0, false) as boolean) {
		const options = this.getNodeParameter('paretoOptions', 0, {}) as {
			title?: string;
			topCustomers?: number;
		};
		json.html = paretoHtml(summary, options);
	}
	return [[{ json, pairedItem: items.map((_, item) => ({ item })) }]];
}
