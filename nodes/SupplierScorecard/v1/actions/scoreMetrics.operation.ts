import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	checkSupplierScheme,
	rankAndTrend,
	scoreMetricRecord,
	SUPPLIER_METRICS,
	type SupplierMetricRecordFields,
	type SupplierScheme,
	type SupplierScore,
} from '../../../../lib/suppliers';
import type { Routing } from '../../../shared/routing';
import {
	failedOutput,
	gradeOutput,
	outputs,
	scorecardJson,
	sharedScheme,
	summaryItem,
	type NodeOptions,
} from './common';

const show = { show: { operation: ['scoreMetrics'] } };

/** Parameters of "Score Pre-Aggregated Metrics". */
export const description: INodeProperties[] = [
	{
		displayName: 'Supplier Field',
		name: 'supplierField',
		type: 'string',
		default: 'supplier',
		required: true,
		displayOptions: show,
	},
	{
		displayName: 'Period Field',
		name: 'periodField',
		type: 'string',
		default: 'period',
		description:
			'Field holding the period label (e.g. 2026-03); items of one period are ranked together. May be empty.',
		displayOptions: show,
	},
	{
		displayName: 'Critical Complaints Field',
		name: 'criticalField',
		type: 'string',
		default: 'criticalComplaints',
		description:
			'Field with the number of critical complaints (or true/false); above 0 puts the supplier on special status. May be empty.',
		displayOptions: show,
	},
	{
		displayName: 'Metric Fields',
		name: 'metricFields',
		type: 'collection',
		placeholder: 'Map a Metric',
		default: {},
		description:
			'Fields holding the metric values, where they differ from the metric IDs (ppm, otd ...). Shares are fractions 0..1; an empty value is n/a.',
		displayOptions: show,
		options: [...SUPPLIER_METRICS.values()].map((m) => ({
			displayName: m.label,
			name: m.id,
			type: 'string' as const,
			default: m.id,
		})),
	},
];

/** Output of each grade, failed items on D (or Failed), then Summary. */
export { outputs, failedOutput };

/**
 * Scores one item per supplier and period that already holds the metric values; ranks items
 * within each period and sets trend and special status against the previous period label.
 */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	const options = this.getNodeParameter('options', 0, {}) as NodeOptions;
	let scheme: SupplierScheme;
	try {
		scheme = sharedScheme(this, options);
		checkSupplierScheme(scheme);
	} catch (error) {
		routing.fail(error, undefined);
		return;
	}
	const scored: { card: SupplierScore; item: number; critical: boolean }[] = [];
	await routing.eachItem((index) => {
		const fields: SupplierMetricRecordFields = {
			supplier: this.getNodeParameter('supplierField', index) as string,
			period: this.getNodeParameter('periodField', index, '') as string,
			critical: this.getNodeParameter('criticalField', index, '') as string,
			metrics: this.getNodeParameter(
				'metricFields',
				index,
				{},
			) as SupplierMetricRecordFields['metrics'],
		};
		const record = scoreMetricRecord(this.getInputData()[index].json, fields, scheme);
		scored.push({ ...record, item: index });
	});
	const byCard = new Map(scored.map((s) => [s.card, s]));
	const cards = rankAndTrend(
		scored.map((s) => s.card),
		{ critical: (card) => byCard.get(card)?.critical ?? false },
	);
	for (const card of cards)
		routing.route(byCard.get(card)?.item ?? 0, {
			output: gradeOutput(this, card.grade),
			json: scorecardJson(card),
		});
	try {
		routing.route(routing.allItems(), await summaryItem(this, cards, {}, options));
	} catch (error) {
		routing.fail(error, undefined);
	}
}
