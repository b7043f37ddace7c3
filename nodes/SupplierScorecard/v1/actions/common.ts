import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import {
	DEFAULT_GRADE_THRESHOLDS,
	DEFAULT_SUPPLIER_METRICS,
	SUPPLIER_METRICS,
	renderScorecardChart,
	scorecardHtml,
	type ScorecardChartKind,
	type SupplierGrade,
	type SupplierMetricId,
	type SupplierScheme,
	type SupplierScore,
	type SupplierScoreCurve,
} from '../../../../lib/suppliers';
import { InputError } from '../../../../lib/shared/errors';
import { chartBinary, textBinary } from '../../../shared/binary';
import { optionsCollection } from '../../../shared/description';
import type { OperationResult } from '../../../shared/types';

const RAW_ONLY = { show: { '/operation': ['scoreRows'] } };

/** Metric choices with their default curve, for the editor. */
export const METRIC_OPTIONS: INodePropertyOptions[] = [...SUPPLIER_METRICS.values()].map((m) => ({
	name: m.label,
	value: m.id,
	description: `${m.id}: scores 100 at ${m.curve.target} or better, 0 at ${m.curve.limit} or worse (default weight ${m.weight})`,
}));

/** The metric a curve or weight row is for. */
const metricChoice: INodeProperties = {
	displayName: 'Metric',
	name: 'metric',
	type: 'options',
	options: METRIC_OPTIONS,
	default: 'ppm',
};

/** Parameters both operations share: metrics, outputs, report, scheme options. */
export const sharedProperties: INodeProperties[] = [
	{
		displayName: 'Metrics',
		name: 'metrics',
		type: 'multiOptions',
		options: METRIC_OPTIONS,
		default: [...DEFAULT_SUPPLIER_METRICS],
		description:
			'Metrics that make up the score. A metric without data for a supplier and period is n/a and its weight goes to the others in proportion.',
	},
	{
		displayName: 'Outputs',
		name: 'outputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Output per Grade',
				value: 'byGrade',
				description: 'Outputs A, B, C, D (rows that cannot be scored too), then Summary',
			},
			{
				name: 'Single Output',
				value: 'single',
				description:
					'All scorecards on one output, then Summary, then Failed for rows that cannot be scored',
			},
		],
		default: 'byGrade',
		hint: 'The Summary output carries one item with the counts, what was skipped, and the optional HTML scorecard and chart',
	},
	{
		displayName: 'Add HTML Scorecard',
		name: 'htmlReport',
		type: 'boolean',
		default: false,
		description:
			'Whether to attach an email-ready HTML scorecard (tables, inline styles; readable in Outlook and Gmail) to the Summary item',
	},
	{
		displayName: 'Chart',
		name: 'chart',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{
				name: 'Score Trend',
				value: 'trend',
				description: 'Score per supplier over the periods, with the grade thresholds',
			},
			{
				name: 'Grade Distribution',
				value: 'grades',
				description: 'How many suppliers got A, B, C, D in each period',
			},
		],
		default: 'none',
		description: 'Chart image to attach to the Summary item',
	},
	{
		displayName: 'Chart Format',
		name: 'chartFormat',
		type: 'options',
		options: [
			{ name: 'PNG', value: 'png' },
			{ name: 'SVG', value: 'svg' },
		],
		default: 'png',
		displayOptions: { show: { chart: ['trend', 'grades'] } },
	},
	optionsCollection([
		{
			displayName: 'Chart Binary Property',
			name: 'chartProperty',
			type: 'string',
			default: 'chart',
		},
		{
			displayName: 'Chart Image Source in HTML',
			name: 'chartSrc',
			type: 'string',
			default: '',
			placeholder: 'cid:supplier-chart',
			description:
				'Image source the HTML shows under the summary (a hosted URL or a cid: your mail sender resolves); empty: no image in the HTML',
		},
		{
			displayName: 'Grade A From',
			name: 'gradeA',
			type: 'number',
			default: 90,
			description: 'Lowest score of grade A',
		},
		{
			displayName: 'Grade B From',
			name: 'gradeB',
			type: 'number',
			default: 80,
			description: 'Lowest score of grade B',
		},
		{
			displayName: 'Grade C From',
			name: 'gradeC',
			type: 'number',
			default: 70,
			description: 'Lowest score of grade C; below it is D',
		},
		{
			displayName: 'HTML Binary Property',
			name: 'htmlProperty',
			type: 'string',
			default: 'scorecard',
		},
		{
			displayName: 'HTML Metric Tables',
			name: 'htmlDetails',
			type: 'options',
			options: [
				{ name: 'Every Scorecard', value: 'all' },
				{ name: 'None (Summary Only)', value: 'none' },
				{ name: 'Special Status Only', value: 'specialStatus' },
			],
			default: 'all',
			description:
				'Which scorecards get a metric table in the HTML; Gmail clips mails above about 100 kB, so trim it for long supplier lists',
		},
		{
			displayName: 'Judge Open SCARs As Of',
			name: 'asOf',
			type: 'dateTime',
			default: '',
			description:
				'Open SCARs past due on this date count as late. Empty: the latest event in the rows.',
			displayOptions: RAW_ONLY,
		},
		{
			displayName: 'Latest Period Only',
			name: 'latestPeriodOnly',
			type: 'boolean',
			default: false,
			description:
				'Whether to output only the scorecards of the latest period (earlier periods still give the trend)',
			displayOptions: RAW_ONLY,
		},
		{
			displayName: 'On-Time Tolerance (Days)',
			name: 'otdToleranceDays',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Days a delivery may arrive after its promised date and still count as on time',
			displayOptions: RAW_ONLY,
		},
		{
			displayName: 'Report Title',
			name: 'reportTitle',
			type: 'string',
			default: 'Supplier scorecard',
		},
		{
			displayName: 'SCAR Due After (Days)',
			name: 'scarDueDays',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 30,
			description: 'Due date of SCARs without one, counted from opening',
			displayOptions: RAW_ONLY,
		},
		{
			displayName: 'SCAR Response Within (Days)',
			name: 'scarResponseDays',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 2,
			description: 'Days from opening within which a SCAR needs its first response',
			displayOptions: RAW_ONLY,
		},
		{
			displayName: 'Score Curves',
			name: 'curves',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Curve',
			default: {},
			description:
				'Per metric: the value that scores 100 (target) and the value that scores 0 (limit), linear in between',
			options: [
				{
					name: 'curve',
					displayName: 'Curve',
					values: [
						metricChoice,
						{
							displayName: 'Target (Scores 100)',
							name: 'target',
							type: 'number',
							typeOptions: { numberPrecision: 4 },
							default: 0,
						},
						{
							displayName: 'Limit (Scores 0)',
							name: 'zeroAt',
							type: 'number',
							typeOptions: { numberPrecision: 4 },
							default: 1000,
						},
					],
				},
			],
		},
		{
			displayName: 'Summary per Group Field',
			name: 'summaryGroupField',
			type: 'string',
			default: '',
			placeholder: 'buyerEmail',
			description:
				'Field of the rows (e.g. the buyer) by which to add one Summary item per value after the overall one, each with the counts and HTML scorecard of the suppliers of that value (in `group`); a scorecard belongs to the last non-empty value of the rows it was scored from',
			displayOptions: RAW_ONLY,
		},
		{
			displayName: 'Unknown Kinds',
			name: 'onUnknownKind',
			type: 'options',
			options: [
				{ name: 'Fail', value: 'error', description: 'Stop at the first row of an unknown kind' },
				{ name: 'Skip and List in Summary', value: 'skip' },
			],
			default: 'error',
			displayOptions: RAW_ONLY,
		},
		{
			displayName: 'Weights',
			name: 'weights',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Weight',
			default: {},
			description: 'Relative weights (any scale); metrics not listed keep their default weight',
			options: [
				{
					name: 'weight',
					displayName: 'Weight',
					values: [
						metricChoice,
						{
							displayName: 'Weight',
							name: 'weight',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 25,
						},
					],
				},
			],
		},
	]),
];

/** The options collection as the node reads it. */
export interface NodeOptions {
	weights?: { weight?: Array<{ metric: SupplierMetricId; weight: number }> };
	curves?: { curve?: Array<{ metric: SupplierMetricId; target: number; zeroAt: number }> };
	gradeA?: number;
	gradeB?: number;
	gradeC?: number;
	otdToleranceDays?: number;
	scarDueDays?: number;
	scarResponseDays?: number;
	asOf?: string;
	onUnknownKind?: 'error' | 'skip';
	latestPeriodOnly?: boolean;
	summaryGroupField?: string;
	reportTitle?: string;
	chartSrc?: string;
	htmlProperty?: string;
	htmlDetails?: 'all' | 'none' | 'specialStatus';
	chartProperty?: string;
}

/**
 * The scheme parts both operations share (metrics, weights, curves, thresholds), built with
 * Maps/own keys so that odd metric names cannot reach the prototype.
 */
export function sharedScheme(ctx: IExecuteFunctions, options: NodeOptions): SupplierScheme {
	const metrics = ctx.getNodeParameter('metrics', 0) as SupplierMetricId[];
	const weights = new Map<SupplierMetricId, number>();
	for (const w of options.weights?.weight ?? []) weights.set(w.metric, w.weight);
	const curves = new Map<SupplierMetricId, SupplierScoreCurve>();
	for (const c of options.curves?.curve ?? [])
		curves.set(c.metric, { target: c.target, limit: c.zeroAt });
	return {
		metrics,
		weights: Object.fromEntries(weights),
		curves: Object.fromEntries(curves),
		thresholds: {
			A: options.gradeA ?? DEFAULT_GRADE_THRESHOLDS.A,
			B: options.gradeB ?? DEFAULT_GRADE_THRESHOLDS.B,
			C: options.gradeC ?? DEFAULT_GRADE_THRESHOLDS.C,
		},
	};
}

/** A scorecard as item JSON: every metric with value, score, weight and contribution. */
export function scorecardJson(card: SupplierScore): IDataObject {
	const json: IDataObject = {
		supplier: card.supplier,
		period: card.period,
		score: card.score,
		grade: card.grade,
		rank: card.rank,
		rankOf: card.rankOf,
		specialStatus: card.specialStatus,
		flags: [...card.flags],
		metrics: card.metrics.map((m) => ({ ...m })),
		notes: [...card.notes],
	};
	if (card.periodStart) json.periodStart = card.periodStart;
	if (card.periodEnd) json.periodEnd = card.periodEnd;
	if (card.trend !== undefined) json.trend = card.trend;
	if (card.previousScore !== undefined) json.previousScore = card.previousScore;
	if (card.previousGrade !== undefined) json.previousGrade = card.previousGrade;
	if (card.rows) json.rowCount = card.rows.length;
	return json;
}

const GRADE_OUTPUT: Record<SupplierGrade, number> = { A: 0, B: 1, C: 2, D: 3 };

const byGrade = (ctx: IExecuteFunctions) => ctx.getNodeParameter('outputMode', 0) === 'byGrade';

/** A, B, C, D, Summary; or Scorecards, Summary, Failed. */
export function outputs(this: IExecuteFunctions): number {
	return byGrade(this) ? 5 : 3;
}

/** A row or record that cannot be scored is graded D, or goes to Failed beside a single output. */
export function failedOutput(this: IExecuteFunctions): number {
	return byGrade(this) ? GRADE_OUTPUT.D : 2;
}

/** The output of a scorecard of `grade`. */
export function gradeOutput(ctx: IExecuteFunctions, grade: SupplierGrade): number {
	return byGrade(ctx) ? GRADE_OUTPUT[grade] : 0;
}

/**
 * A bad supplier row in the user's terms: its field as the data names it and what is wrong
 * (the row itself is the item the error is reported on).
 */
export function rowFailure(field: string, reason: string): Error {
	return field ? new InputError(`field "${field}"`, reason) : new Error(reason);
}

/**
 * The Summary item: counts, the scorecards in rank order, what was skipped, and the optional HTML
 * scorecard and chart as binary data. `history` (default `cards`) feeds the chart, so a trend
 * still spans every period when only the latest one is output; `history: null` leaves the chart
 * out (group summaries).
 */
export async function summaryItem(
	ctx: IExecuteFunctions,
	cards: SupplierScore[],
	extra: IDataObject,
	options: NodeOptions,
	history: SupplierScore[] | null = cards,
): Promise<OperationResult> {
	const grades = new Map<SupplierGrade, number>([
		['A', 0],
		['B', 0],
		['C', 0],
		['D', 0],
	]);
	for (const c of cards) grades.set(c.grade, (grades.get(c.grade) ?? 0) + 1);
	const json: IDataObject = {
		scorecards: cards.length,
		suppliers: new Set(cards.map((c) => c.supplier)).size,
		periods: [...new Set(cards.map((c) => c.period))],
		grades: Object.fromEntries(grades),
		specialStatus: cards
			.filter((c) => c.specialStatus)
			.map((c) => ({
				supplier: c.supplier,
				period: c.period,
				grade: c.grade,
				flags: [...c.flags],
			})),
		ranking: [...cards]
			.sort((a, b) => a.period.localeCompare(b.period) || a.rank - b.rank)
			.map((c) => ({
				supplier: c.supplier,
				period: c.period,
				rank: c.rank,
				score: c.score,
				grade: c.grade,
			})),
		...extra,
	};
	const item: OperationResult = { output: byGrade(ctx) ? 4 : 1, json };
	const binary: NonNullable<INodeExecutionData['binary']> = {};
	const chart = ctx.getNodeParameter('chart', 0) as 'none' | ScorecardChartKind;
	if (chart !== 'none' && history) {
		const png = ctx.getNodeParameter('chartFormat', 0) === 'png';
		let rendered: Awaited<ReturnType<typeof renderScorecardChart>>;
		try {
			rendered = await renderScorecardChart(history, chart, { png });
		} catch (error) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The chart could not be rendered: ${(error as Error).message}`,
			);
		}
		binary[options.chartProperty || 'chart'] = await chartBinary.call(
			ctx,
			rendered,
			`supplier-${chart}`,
			png,
		);
	}
	if (ctx.getNodeParameter('htmlReport', 0) as boolean) {
		const details =
			options.htmlDetails === 'none'
				? false
				: options.htmlDetails === 'specialStatus'
					? 'specialStatus'
					: true;
		const html = scorecardHtml(cards, {
			title: options.reportTitle || 'Supplier scorecard',
			chartSrc: options.chartSrc || undefined,
			details,
		});
		binary[options.htmlProperty || 'scorecard'] = await textBinary.call(
			ctx,
			html,
			'supplier-scorecard.html',
			'text/html',
		);
		json.html = html;
	}
	if (Object.keys(binary).length > 0) item.binary = binary;
	return item;
}
