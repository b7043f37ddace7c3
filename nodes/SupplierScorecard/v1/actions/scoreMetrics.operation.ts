import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	checkSupplierScheme,
	rankAndTrend,
	scoreMetrics,
	SUPPLIER_METRICS,
	type SupplierMetricId,
	type SupplierScheme,
	type SupplierScore,
} from '../../../../lib/suppliers';
import {
	allItems,
	emptyOutputs,
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

/** A scored item before ranking, with its input index and whether it had a critical complaint. */
interface Scored {
	card: SupplierScore;
	item: number;
	critical: boolean;
}

function criticalOf(json: IDataObject, field: string): boolean {
	const value =
		field && Object.prototype.hasOwnProperty.call(json, field) ? json[field] : undefined;
	if (value === undefined || value === null || value === '' || value === false) return false;
	if (value === true) return true;
	const n = typeof value === 'string' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
		throw new Error(
			`field "${field}" must be a count >= 0 or true/false, got ${JSON.stringify(value)}`,
		);
	return n > 0;
}

function scoreItem(ctx: IExecuteFunctions, i: number, scheme: SupplierScheme): Scored {
	const json = ctx.getInputData()[i].json;
	const supplierField = ctx.getNodeParameter('supplierField', i) as string;
	const periodField = ctx.getNodeParameter('periodField', i, '') as string;
	const mapped = ctx.getNodeParameter('metricFields', i, {}) as Partial<
		Record<SupplierMetricId, string>
	>;
	const supplierValue = Object.prototype.hasOwnProperty.call(json, supplierField)
		? json[supplierField]
		: undefined;
	const supplier =
		typeof supplierValue === 'number'
			? String(supplierValue)
			: typeof supplierValue === 'string'
				? supplierValue.trim()
				: '';
	if (supplier === '')
		throw new Error(
			`field "${supplierField}" must be non-empty text, got ${JSON.stringify(supplierValue ?? null)}`,
		);
	const periodValue =
		periodField && Object.prototype.hasOwnProperty.call(json, periodField) ? json[periodField] : '';
	const values = new Map<SupplierMetricId, number | null>();
	const names = new Map<SupplierMetricId, string>();
	for (const id of SUPPLIER_METRICS.keys()) {
		const field =
			Object.prototype.hasOwnProperty.call(mapped, id) && mapped[id] ? (mapped[id] as string) : id;
		names.set(id, field);
		values.set(
			id,
			Object.prototype.hasOwnProperty.call(json, field) ? (json[field] as number | null) : null,
		);
	}
	const critical = criticalOf(json, ctx.getNodeParameter('criticalField', i, '') as string);
	const result = scoreMetrics(Object.fromEntries(values), scheme, {
		names: Object.fromEntries(names),
	});
	const card: SupplierScore = {
		supplier,
		period: periodValue === undefined || periodValue === null ? '' : String(periodValue),
		periodStart: '',
		periodEnd: '',
		score: result.score,
		grade: result.grade,
		metrics: result.metrics,
		rank: 0,
		rankOf: 0,
		specialStatus: false,
		flags: [],
		notes: result.notes,
	};
	return { card, item: i, critical };
}

/**
 * Scores one item per supplier and period that already holds the metric values; ranks items
 * within each period and sets trend and special status against the previous period label.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as NodeOptions;
	const { outputs, outputOf, summary } = emptyOutputs(this);
	let scheme: SupplierScheme;
	try {
		scheme = sharedScheme(this, options);
		checkSupplierScheme(scheme);
	} catch (error) {
		const message = (error as Error).message;
		if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), message);
		outputs[0].push({ json: { error: message }, pairedItem: allItems(items.length) });
		return outputs;
	}

	const scored: Scored[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			scored.push(scoreItem(this, i, scheme));
		} catch (error) {
			const message = `Item ${i}: ${(error as Error).message}`;
			if (!this.continueOnFail())
				throw new NodeOperationError(this.getNode(), message, { itemIndex: i });
			outputs[0].push({ json: { error: message }, pairedItem: { item: i } });
		}
	}
	const byCard = new Map(scored.map((s) => [s.card, s]));
	const cards = rankAndTrend(
		scored.map((s) => s.card),
		{ critical: (card) => byCard.get(card)?.critical ?? false },
	);
	for (const card of cards) {
		outputs[outputOf(card.grade)].push({
			json: scorecardJson(card),
			pairedItem: { item: byCard.get(card)?.item ?? 0 },
		});
	}
	outputs[summary].push(await summaryItem(this, cards, {}, allItems(items.length), options));
	return outputs;
}
