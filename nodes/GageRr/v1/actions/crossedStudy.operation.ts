import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	gageChartSpec,
	gageHtml,
	gageRR,
	type GageRRInput,
	type GageRRResult,
	type Measurement,
} from '../../../../lib/msa';
import { renderChart } from '../../../../lib/render';
import { chartBinary, textBinary } from '../../../shared/binary';
import { optionsCollection } from '../../../shared/description';
import type { Routing } from '../../../shared/routing';
import type { OperationResult } from '../../../shared/types';
import { OUTPUT, asItemData, fieldProperty, inputProperties, runStudies } from './common';

export { outputs, failedOutput } from './common';

const show = ['crossedStudy'];

export const description: INodeProperties[] = [
	...inputProperties(show),
	fieldProperty(
		show,
		'partField',
		'Part Field',
		'part',
		'Field with the part (sample) id of each measurement',
	),
	fieldProperty(
		show,
		'operatorField',
		'Operator Field',
		'operator',
		'Field with the operator (appraiser) of each measurement',
	),
	fieldProperty(
		show,
		'valueField',
		'Value Field',
		'value',
		'Field with the measured value (a number or numeric text)',
	),
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{
				name: 'ANOVA',
				value: 'anova',
				description: "Two-way ANOVA with interaction, as Minitab's crossed Gage R&R",
			},
			{
				name: 'Average and Range',
				value: 'average-range',
				description: 'The AIAG MSA manual form (EV, AV, PV from ranges and K constants)',
			},
		],
		default: 'anova',
		displayOptions: { show: { operation: show } },
	},
	{
		displayName: 'Chart Image',
		name: 'chartImage',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'PNG', value: 'png' },
			{ name: 'SVG', value: 'svg' },
		],
		default: 'none',
		description: "Attach the Gage R&R report chart in Minitab's six-panel layout as binary data",
		displayOptions: { show: { operation: show } },
	},
	{
		displayName: 'HTML Report',
		name: 'htmlReport',
		type: 'boolean',
		default: false,
		description:
			'Whether to add an email-ready HTML report (verdict, ANOVA, variance components) as `html` and as binary data',
		displayOptions: { show: { operation: show } },
	},
	optionsCollection(
		[
			{
				displayName: 'Tolerance (USL − LSL)',
				name: 'tolerance',
				type: 'number',
				default: 0,
				description: 'Width of the specification, for %Tolerance; 0 for none',
			},
			{
				displayName: 'Study Variation Multiplier',
				name: 'studyVarMultiplier',
				type: 'number',
				default: 6,
				description:
					'Study variation = this × SD: 6 (Minitab, AIAG 4th ed.) or 5.15 (older manuals)',
			},
			{
				displayName: 'Interaction Alpha',
				name: 'alphaInteraction',
				type: 'number',
				default: 0.05,
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 3 },
				description:
					'Operator × part is pooled into repeatability when its p-value is at least this (Minitab 0.05, qualityTools 0.25)',
			},
			{
				displayName: 'Ndc Factor',
				name: 'ndcFactor',
				type: 'number',
				default: 1.41,
				typeOptions: { numberPrecision: 6 },
				description:
					'Number of distinct categories = floor(factor × SD part / SD gage): 1.41 (AIAG, Minitab) or 1.414214 (√2)',
			},
			{
				displayName: 'F Test Denominator',
				name: 'fDenominator',
				type: 'options',
				options: [
					{ name: 'Interaction Mean Square (Minitab)', value: 'interaction' },
					{ name: 'Repeatability Mean Square (Fixed Effects)', value: 'repeatability' },
				],
				default: 'interaction',
				description: 'What F of part and operator divides by in the model with interaction',
			},
			{
				displayName: 'Judge %GRR On',
				name: 'acceptanceBasis',
				type: 'options',
				options: [
					{ name: '%Study Variation', value: 'studyVar' },
					{ name: '%Tolerance', value: 'tolerance' },
				],
				default: 'studyVar',
				description: 'AIAG: under 10 % acceptable, up to 30 % marginal, above unacceptable',
			},
			{
				displayName: 'Report Title',
				name: 'reportTitle',
				type: 'string',
				default: 'Gage R&R study',
			},
			{
				displayName: 'Chart Source in HTML',
				name: 'chartSrc',
				type: 'string',
				default: '',
				placeholder: 'cid:gage-chart',
				description:
					'Image source of the chart in the HTML report (a cid: of the mail attachment or a URL); empty for no image',
			},
			{
				displayName: 'Chart Binary Property',
				name: 'chartProperty',
				type: 'string',
				default: 'chart',
			},
			{
				displayName: 'HTML Binary Property',
				name: 'htmlProperty',
				type: 'string',
				default: 'report',
			},
		],
		{ show: { operation: show } },
	),
];

interface CrossedOptions {
	tolerance?: number;
	studyVarMultiplier?: number;
	alphaInteraction?: number;
	ndcFactor?: number;
	fDenominator?: GageRRInput['fDenominator'];
	acceptanceBasis?: GageRRInput['acceptanceBasis'];
	reportTitle?: string;
	chartSrc?: string;
	chartProperty?: string;
	htmlProperty?: string;
}

/** One line for people (and for an agent calling the node as a tool). */
function summary(r: GageRRResult): string {
	const basis = r.pctGrr === r.components.grr.pctStudyVar ? 'of study variation' : 'of tolerance';
	return `%GRR ${r.pctGrr.toFixed(2)} % ${basis} (${r.acceptance}), ndc ${r.ndc}${r.ndcAdequate ? '' : ' (below 5)'}; ${r.parts} parts x ${r.operators} operators x ${r.trials} trials, ${r.method === 'anova' ? 'ANOVA' : 'average and range'}`;
}

/** The chart and HTML report the parameters ask for. */
async function attachments(
	this: IExecuteFunctions,
	index: number,
	result: GageRRResult,
	measurements: Measurement[],
	options: CrossedOptions,
	json: IDataObject,
): Promise<IBinaryKeyData | undefined> {
	const binary: IBinaryKeyData = {};
	const format = this.getNodeParameter('chartImage', index) as string;
	if (format !== 'none') {
		const image = await renderChart(gageChartSpec(result, measurements), { png: format === 'png' });
		binary[options.chartProperty || 'chart'] = await chartBinary.call(
			this,
			image,
			'gage-rr',
			format === 'png',
		);
	}
	if (this.getNodeParameter('htmlReport', index) as boolean) {
		const html = gageHtml(result, {
			title: options.reportTitle || undefined,
			chartSrc: options.chartSrc || undefined,
		});
		json.html = html;
		binary[options.htmlProperty || 'report'] = await textBinary.call(
			this,
			html,
			'gage-rr.html',
			'text/html',
		);
	}
	return Object.keys(binary).length > 0 ? binary : undefined;
}

/** The crossed study of one set of rows, routed by its AIAG acceptance. */
async function study(
	this: IExecuteFunctions,
	rows: Record<string, unknown>[],
	index: number,
): Promise<OperationResult> {
	const options = this.getNodeParameter('options', index, {}) as CrossedOptions;
	const measurements = rows as unknown as Measurement[];
	const result = gageRR({
		measurements,
		method: this.getNodeParameter('method', index) as GageRRInput['method'],
		...(options.tolerance ? { tolerance: options.tolerance } : {}),
		studyVarMultiplier: options.studyVarMultiplier,
		alphaInteraction: options.alphaInteraction,
		ndcFactor: options.ndcFactor,
		fDenominator: options.fDenominator,
		acceptanceBasis: options.acceptanceBasis,
	});
	const base =
		this.getNodeParameter('inputMode', 0) === 'table' ? this.getInputData()[index].json : {};
	const json: IDataObject = { ...base, summary: summary(result), gageRR: asItemData(result) };
	const binary = await attachments.call(this, index, result, measurements, options, json);
	return { output: OUTPUT[result.acceptance], json, ...(binary ? { binary } : {}) };
}

/** Crossed Gage R&R over the items (one measurement each) or over each item's table. */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	const fields = {
		part: this.getNodeParameter('partField', 0) as string,
		operator: this.getNodeParameter('operatorField', 0) as string,
		value: this.getNodeParameter('valueField', 0) as string,
	};
	await runStudies.call(this, routing, fields, ['value'], (rows, index) =>
		study.call(this, rows, index),
	);
}
