import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	analyzeSuppliers,
	groupScorecards,
	DEFAULT_SUPPLIER_FIELDS,
	SupplierRowError,
	type SupplierFieldMap,
	type SupplierReport,
	type SupplierScheme,
} from '../../../../lib/suppliers';
import type { Routing } from '../../../shared/routing';
import {
	failedOutput,
	gradeOutput,
	outputs,
	rowFailure,
	scorecardJson,
	sharedScheme,
	summaryItem,
	type NodeOptions,
} from './common';

const show = { show: { operation: ['scoreRows'] } };

const FIELD_LABELS: Record<keyof SupplierFieldMap, [string, string]> = {
	kind: ['Kind', 'receipt, delivery, scar, complaint, disruption, cost or premium_freight'],
	supplier: ['Supplier', 'Supplier name or code'],
	date: ['Date', 'Receipt date, actual arrival, SCAR opening, complaint date ...'],
	received: ['Received Quantity', 'Receipts: quantity received'],
	rejected: ['Rejected Quantity', 'Receipts: quantity rejected (0 = lot accepted)'],
	promisedDate: ['Promised Date', 'Deliveries: the promised arrival date'],
	dueAt: ['SCAR Due Date', 'SCARs: due date of closure (default: opening + SCAR Due After)'],
	respondedAt: ['SCAR Responded At', 'SCARs: date of the first response'],
	closedAt: ['SCAR Closed At', 'SCARs: closing date (empty: still open)'],
	severity: ['Severity', 'Complaints: critical, major or minor'],
	amount: ['Amount', 'Cost rows: amount charged'],
	category: ['Cost Category', 'Cost rows: category (premium_freight counts as premium freight)'],
};

/** Parameters of "Score Raw Rows". */
export const description: INodeProperties[] = [
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{ name: 'Week (ISO, Monday First)', value: 'week' },
			{ name: 'Calendar Month', value: 'month' },
			{ name: 'Quarter', value: 'quarter' },
			{
				name: 'Rolling Months',
				value: 'rolling',
				description: 'A window of N months ending in each month',
			},
		],
		default: 'month',
		displayOptions: show,
	},
	{
		displayName: 'Months per Window',
		name: 'rollingMonths',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 120 },
		default: 3,
		displayOptions: { show: { operation: ['scoreRows'], period: ['rolling'] } },
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: 'UTC',
		placeholder: 'Europe/Berlin',
		description:
			'IANA time zone in which dates fall into days and periods. Dates without an offset are read as local times of this zone.',
		displayOptions: show,
	},
	{
		displayName: 'Kind When Missing',
		name: 'kindWhenMissing',
		type: 'options',
		options: [
			{ name: 'Complaint', value: 'complaint' },
			{ name: 'Cost', value: 'cost' },
			{ name: 'Customer Disruption', value: 'disruption' },
			{ name: 'Delivery', value: 'delivery' },
			{ name: 'None (Every Row Needs a Kind)', value: '' },
			{ name: 'Receipt', value: 'receipt' },
			{ name: 'SCAR', value: 'scar' },
		],
		default: '',
		description:
			'Kind of the rows that have no kind field, e.g. when the input is one ERP query of receipts',
		displayOptions: show,
	},
	{
		displayName: 'Field Names',
		name: 'fieldNames',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description: 'Names of the fields in your items, where they differ from the defaults',
		displayOptions: show,
		options: (Object.keys(FIELD_LABELS) as Array<keyof SupplierFieldMap>).map((key) => ({
			displayName: FIELD_LABELS[key][0],
			name: key,
			type: 'string' as const,
			default: DEFAULT_SUPPLIER_FIELDS[key],
			description: FIELD_LABELS[key][1],
		})),
	},
];

function scheme(ctx: IExecuteFunctions, options: NodeOptions): SupplierScheme {
	const unit = ctx.getNodeParameter('period', 0) as 'week' | 'month' | 'quarter' | 'rolling';
	const fields = ctx.getNodeParameter('fieldNames', 0, {}) as Partial<SupplierFieldMap>;
	return {
		...sharedScheme(ctx, options),
		period:
			unit === 'rolling'
				? { unit, months: ctx.getNodeParameter('rollingMonths', 0) as number }
				: { unit },
		zone: ctx.getNodeParameter('timeZone', 0) as string,
		fields,
		otdToleranceDays: options.otdToleranceDays,
		scarDueDays: options.scarDueDays,
		scarResponseDays: options.scarResponseDays,
		asOf: options.asOf || undefined,
		onUnknownKind: options.onUnknownKind ?? 'error',
		onBadRow: ctx.continueOnFail() ? 'skip' : 'error',
		trackRows: true,
	};
}

/** Output of each grade, bad rows on D (or Failed), then Summary. */
export { outputs, failedOutput };

/**
 * Aggregates all input items (raw rows) into one scorecard item per supplier and period,
 * paired with every row it used, routed by grade; then the Summary item. A bad row is left out
 * of the scores and fails on its own; a failure of the whole run is paired with every row.
 */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as NodeOptions;
	const kindWhenMissing = this.getNodeParameter('kindWhenMissing', 0, '') as string;
	const kindField =
		(this.getNodeParameter('fieldNames.kind', 0, '') as string) || DEFAULT_SUPPLIER_FIELDS.kind;
	const rows = items.map(({ json }) =>
		kindWhenMissing &&
		(json[kindField] === undefined || json[kindField] === null || json[kindField] === '')
			? { ...json, [kindField]: kindWhenMissing }
			: json,
	);

	let report: SupplierReport;
	try {
		report = analyzeSuppliers(rows, scheme(this, options));
	} catch (error) {
		if (error instanceof SupplierRowError)
			routing.fail(rowFailure(error.field, error.reason), error.row);
		else routing.fail(error, undefined);
		return;
	}

	const lastPeriod = report.periods[report.periods.length - 1];
	const cards = options.latestPeriodOnly
		? report.scorecards.filter((c) => c.period === lastPeriod)
		: report.scorecards;
	for (const card of cards)
		routing.route(card.rows ?? [], {
			output: gradeOutput(this, card.grade),
			json: scorecardJson(card),
		});
	for (const bad of report.badRows) routing.fail(rowFailure(bad.field, bad.reason), bad.row);
	const extra: IDataObject = {
		unknownKinds: report.unknownKinds.map((u) => ({ ...u, rows: [...u.rows] })),
		unscored: report.unscored.map((u) => ({
			supplier: u.supplier,
			period: u.period,
			reason: u.reason,
		})),
		badRows: report.badRows.map((b) => ({ ...b })),
	};
	try {
		routing.route(
			routing.allItems(),
			await summaryItem(this, cards, extra, options, report.scorecards),
		);
		const groupField = options.summaryGroupField?.trim();
		if (groupField)
			for (const [group, members] of groupScorecards(cards, (row) => items[row]?.json[groupField]))
				routing.route(
					members.flatMap((c) => c.rows ?? []),
					await summaryItem(this, members, { group }, options, null),
				);
	} catch (error) {
		routing.fail(error, undefined);
	}
}
