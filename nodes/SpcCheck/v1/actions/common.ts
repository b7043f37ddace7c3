import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	SpcInputError,
	chartCapability,
	chartSpec,
	controlChart,
	explainViolations,
	pointFlags,
	type CapabilityResult,
	type ChartInput,
	type ChartResult,
	type ChartType,
	type RuleSelection,
} from '../../../../lib/spc';
import { renderChart } from '../../../../lib/render';
import { InputError } from '../../../../lib/shared/errors';
import { parseJsonParameter } from '../../../../lib/shared/json';
import { textBinary } from '../../../shared/binary';
import { optionsCollection } from '../../../shared/description';

/** Charts with a center line and zones, where run rules apply. */
const SHEWHART: ChartType[] = ['imr', 'xbar-r', 'xbar-s', 'p', 'np', 'c', 'u'];
/** Charts that take sample sizes. */
export const SIZED: ChartType[] = ['p', 'np', 'u'];
/** Beyond this many points a chart image is neither readable nor quick to render. */
const MAX_IMAGE_POINTS = 5000;

/** Parameters shared by both modes: chart, rules, image and options. */
export const sharedProperties: INodeProperties[] = [
	{
		displayName: 'Chart Type',
		name: 'chartType',
		type: 'options',
		options: [
			{ name: 'C (Defects)', value: 'c', description: 'Defect count per equal inspection unit' },
			{
				name: 'CUSUM',
				value: 'cusum',
				description: 'Tabular cumulative sum: small sustained shifts',
			},
			{
				name: 'EWMA',
				value: 'ewma',
				description: 'Exponentially weighted moving average: small sustained shifts',
			},
			{
				name: 'I-MR (Individuals and Moving Range)',
				value: 'imr',
				description: 'One measurement per point',
			},
			{
				name: 'Np (Number Defective)',
				value: 'np',
				description: 'Defective units per sample of one fixed size',
			},
			{
				name: 'P (Fraction Defective)',
				value: 'p',
				description: 'Defective units per sample, with sample sizes',
			},
			{
				name: 'U (Defects per Unit)',
				value: 'u',
				description: 'Defect count per sample, with sample sizes',
			},
			{
				name: 'X-Bar and R',
				value: 'xbar-r',
				description: 'Subgroups of measurements; sigma from ranges',
			},
			{
				name: 'X-Bar and S',
				value: 'xbar-s',
				description: 'Subgroups of measurements (sizes may differ); sigma from standard deviations',
			},
		],
		default: 'imr',
		description: 'Which control chart to draw and check',
	},
	{
		displayName: 'Rules',
		name: 'rulePreset',
		type: 'options',
		options: [
			{
				name: 'Nelson (N1-N8)',
				value: 'nelson',
				description: 'All eight Nelson rules, Minitab defaults',
			},
			{
				name: 'Western Electric (WE1-WE4)',
				value: 'western-electric',
				description: 'The four Western Electric rules',
			},
			{ name: 'Custom', value: 'custom', description: 'Pick rules and change their K values' },
			{
				name: 'Limits Only',
				value: 'limitsOnly',
				description: 'Only points beyond the control limits (N1)',
			},
		],
		default: 'nelson',
		displayOptions: { show: { chartType: SHEWHART } },
		description: 'Run rules that decide whether the process is out of control',
	},
	{
		displayName: 'Custom Rules',
		name: 'customRules',
		type: 'multiOptions',
		options: [
			{ name: 'N1: 1 Point Beyond 3 Sigma', value: 'N1' },
			{ name: 'N2: 9 Points on One Side', value: 'N2' },
			{ name: 'N3: 6 Points Rising or Falling', value: 'N3' },
			{ name: 'N4: 14 Points Alternating', value: 'N4' },
			{ name: 'N5: 2 of 3 Beyond 2 Sigma', value: 'N5' },
			{ name: 'N6: 4 of 5 Beyond 1 Sigma', value: 'N6' },
			{ name: 'N7: 15 Points Within 1 Sigma', value: 'N7' },
			{ name: 'N8: 8 Points Beyond 1 Sigma, Both Sides', value: 'N8' },
			{ name: 'WE1: 1 Point Beyond 3 Sigma', value: 'WE1' },
			{ name: 'WE2: 2 of 3 Beyond 2 Sigma', value: 'WE2' },
			{ name: 'WE3: 4 of 5 Beyond 1 Sigma', value: 'WE3' },
			{ name: 'WE4: 8 Points on One Side', value: 'WE4' },
		],
		default: ['N1', 'N2', 'N3', 'N5'],
		displayOptions: { show: { chartType: SHEWHART, rulePreset: ['custom'] } },
	},
	{
		displayName: 'Rule K Values',
		name: 'ruleParameters',
		type: 'json',
		default: '{}',
		displayOptions: { show: { chartType: SHEWHART, rulePreset: ['custom'] } },
		description:
			'Optional changes to the chosen rules as JSON, e.g. {"N2": 7} for 7 points on one side, or {"N5": {"k": 2, "m": 3, "sigmas": 2}}',
		hint: 'k = run length or points beyond the zone, m = window of a k-of-m rule, sigmas = zone edge',
	},
	{
		displayName: 'Chart Image',
		name: 'chartImage',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'PNG', value: 'png', description: 'Ready for Email and Slack attachments' },
			{ name: 'SVG', value: 'svg' },
			{ name: 'PNG and SVG', value: 'both' },
		],
		default: 'none',
		description:
			'Whether to attach the control chart (center, limits, zones, marked violations) as binary data: chartPng / chartSvg',
	},
	optionsCollection([
		{
			displayName: 'Binary Property Prefix',
			name: 'binaryPrefix',
			type: 'string',
			default: 'chart',
			description: 'Images go to the binary properties [prefix]Png and [prefix]Svg',
		},
		{
			displayName: 'Center (Known)',
			name: 'center',
			type: 'number',
			default: 0,
			description:
				'Known center line instead of the estimate (mean, p, n*p, c or u in chart units)',
		},
		{
			displayName: 'CUSUM Decision Interval H',
			name: 'h',
			type: 'number',
			default: 5,
			description: 'In sigmas',
		},
		{
			displayName: 'CUSUM Reference Value K',
			name: 'k',
			type: 'number',
			default: 0.5,
			description: 'In sigmas; half the shift to detect',
		},
		{
			displayName: 'EWMA Lambda',
			name: 'lambda',
			type: 'number',
			default: 0.2,
			typeOptions: { minValue: 0.01, maxValue: 1, numberPrecision: 2 },
		},
		{
			displayName: 'EWMA Limit Width L',
			name: 'L',
			type: 'number',
			default: 3,
			description: 'In sigmas',
		},
		{ displayName: 'Image Title', name: 'title', type: 'string', default: '' },
		{
			displayName: 'Include Per-Point Flags',
			name: 'includePoints',
			type: 'boolean',
			default: true,
			description: 'Whether to list every point with its limits and the rules it reports',
		},
		{
			displayName: 'Lower Spec Limit (LSL)',
			name: 'lsl',
			type: 'number',
			default: 0,
			description: 'Adds capability indices (Cp, Cpk, Pp, Ppk, Cpm)',
		},
		{
			displayName: 'Phase I Length',
			name: 'phase1',
			type: 'number',
			default: 20,
			typeOptions: { minValue: 1 },
			description:
				'Estimate the limits from the first N points (subgroups) only and monitor the rest',
		},
		{
			displayName: 'Sample Size',
			name: 'sampleSize',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Sample size of every point for p, np and u charts when no size field is given',
		},
		{
			displayName: 'Sigma (Known)',
			name: 'sigma',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 0 },
			description: 'Known process standard deviation instead of the estimate (measurement charts)',
		},
		{
			displayName: 'Target',
			name: 'target',
			type: 'number',
			default: 0,
			description: 'Target for Cpm; default the middle of the spec limits',
		},
		{
			displayName: 'Upper Spec Limit (USL)',
			name: 'usl',
			type: 'number',
			default: 0,
			description: 'Adds capability indices (Cp, Cpk, Pp, Ppk, Cpm)',
		},
	]),
];

/** Node options as read from the "Options" collection. */
export interface SpcOptions {
	binaryPrefix?: string;
	center?: number;
	sigma?: number;
	phase1?: number;
	lambda?: number;
	L?: number;
	k?: number;
	h?: number;
	lsl?: number;
	usl?: number;
	target?: number;
	sampleSize?: number;
	title?: string;
	includePoints?: boolean;
}

/**
 * A number from item data: numbers as they are, and strings that are entirely a number (CSV and
 * spreadsheet cells); anything else stays as it is for the engine to reject with its field name.
 */
export function asNumber(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const trimmed = value.trim();
	const n = Number(trimmed);
	return trimmed !== '' && Number.isFinite(n) ? n : value;
}

/** Applies {@link asNumber} to a series or a list of subgroups. */
export function numbers(value: unknown): unknown {
	if (!Array.isArray(value)) return value;
	return value.map((v) => (Array.isArray(v) ? v.map(asNumber) : asNumber(v)));
}

/** The rule selection the parameters describe. */
export function ruleSelection(
	this: IExecuteFunctions,
	index: number,
	chart: ChartType,
): RuleSelection {
	if (!SHEWHART.includes(chart)) return 'none';
	const preset = this.getNodeParameter('rulePreset', index) as string;
	if (preset === 'nelson' || preset === 'western-electric') return preset;
	if (preset === 'limitsOnly') return ['N1'];
	const chosen = this.getNodeParameter('customRules', index) as string[];
	const raw = this.getNodeParameter('ruleParameters', index, '{}') as string | IDataObject;
	const overrides = parseJsonParameter(
		typeof raw === 'string' ? raw.trim() || '{}' : raw,
		'Rule K Values',
	) as IDataObject;
	const selection: Record<string, unknown> = {};
	for (const id of chosen) selection[id] = overrides[id] ?? true;
	for (const id of Object.keys(overrides)) {
		if (!chosen.includes(id))
			throw new InputError('Rule K Values', `rule "${id}" is not among the chosen rules`);
	}
	return selection as RuleSelection;
}

/** Chart input from the options (known standard, phase I, EWMA/CUSUM settings). */
export function chartOptions(
	chart: ChartType,
	rules: RuleSelection,
	options: SpcOptions,
): Omit<ChartInput, 'values' | 'subgroups' | 'sizes'> {
	const input: Omit<ChartInput, 'values' | 'subgroups' | 'sizes'> = { chart, rules };
	if (options.center !== undefined) input.center = options.center;
	if (options.sigma !== undefined) input.sigma = options.sigma;
	if (options.phase1 !== undefined) input.phase1 = options.phase1;
	if (chart === 'ewma') {
		if (options.lambda !== undefined) input.lambda = options.lambda;
		if (options.L !== undefined) input.L = options.L;
	}
	if (chart === 'cusum') {
		if (options.k !== undefined) input.k = options.k;
		if (options.h !== undefined) input.h = options.h;
	}
	return input;
}

/** Chart result, findings in plain words, per-point flags and capability, as the item carries them. */
export function resultJson(
	result: ChartResult,
	rules: RuleSelection,
	options: SpcOptions,
	cap?: CapabilityResult,
): IDataObject {
	const findings = explainViolations(result, rules === 'none' ? undefined : rules);
	const inControl = result.violations.length === 0;
	const json: IDataObject = {
		inControl,
		summary: inControl
			? `In control: no rule violated on ${result.points.length} points`
			: findings.map((f) => f.text).join('\n'),
		findings: findings.map((f) => ({
			rule: f.rule,
			chart: f.chart,
			text: f.text,
			firstPoint: f.start + 1,
			lastPoint: f.end + 1,
			points: f.indices.map((i) => i + 1),
		})),
		chart: result.chart,
		center: result.center,
		sigma: result.sigma,
		ucl: result.ucl,
		lcl: result.lcl,
		phase1: result.phase1,
		pointCount: result.points.length,
		skippedRules: result.skippedRules,
		violations: result.violations.map((v) => ({ ...v })),
	};
	if (result.secondary) json.secondary = { ...result.secondary };
	if (result.upper) json.upper = result.upper;
	if (result.lower) json.lower = result.lower;
	if (options.includePoints !== false) {
		json.points = pointFlags(result).map((flag, i) => ({
			point: i + 1,
			value: result.points[i],
			ucl: Array.isArray(result.ucl) ? result.ucl[i] : result.ucl,
			lcl: Array.isArray(result.lcl) ? result.lcl[i] : result.lcl,
			outOfControl: flag.outOfControl,
			rules: flag.rules,
			secondaryRules: flag.secondaryRules,
		}));
	}
	if (cap) json.capability = { ...cap };
	return json;
}

/** The series an engine input error can point into. */
type SeriesField = 'values' | 'subgroups' | 'sizes';

/**
 * Rewords an engine input error in the user's terms: point 3 of `values` becomes the name the
 * user knows (`field "diameter", point 4` or `item 3`), via `where(field, index, subIndex)`.
 * Other errors pass unchanged.
 */
export function inUserTerms(
	error: unknown,
	where: (field: SeriesField, index?: number, inner?: number) => string,
): unknown {
	if (!(error instanceof SpcInputError)) return error;
	if (error.field !== 'values' && error.field !== 'subgroups' && error.field !== 'sizes')
		return error;
	return new InputError(where(error.field, error.index, error.subIndex), error.reason);
}

/** Runs the chart and, with spec limits, the capability study on the same data. */
export function analyse(
	input: ChartInput,
	options: SpcOptions,
): { result: ChartResult; cap?: CapabilityResult } {
	return { result: controlChart(input), cap: chartCapability(input, options) };
}

/** Renders the chart image(s) the parameters ask for as binary data. */
export async function chartBinary(
	this: IExecuteFunctions,
	index: number,
	result: ChartResult,
	options: SpcOptions,
): Promise<INodeExecutionData['binary'] | undefined> {
	const format = this.getNodeParameter('chartImage', index, 'none') as string;
	if (format === 'none') return undefined;
	if (result.points.length > MAX_IMAGE_POINTS) {
		throw new InputError(
			'Chart Image',
			`${result.points.length} points are too many to draw legibly (at most ${MAX_IMAGE_POINTS}); set Chart Image to None or chart fewer points`,
		);
	}
	const prefix = options.binaryPrefix || 'chart';
	const spec = chartSpec(result, options.title ? { title: options.title } : {});
	const image = await renderChart(spec, { png: format !== 'svg' });
	const binary: NonNullable<INodeExecutionData['binary']> = {};
	const name = `spc-${result.chart}`;
	if (image.png)
		binary[`${prefix}Png`] = await this.helpers.prepareBinaryData(
			image.png,
			`${name}.png`,
			'image/png',
		);
	if (format !== 'png')
		binary[`${prefix}Svg`] = await textBinary.call(this, image.svg, `${name}.svg`, 'image/svg+xml');
	return binary;
}
