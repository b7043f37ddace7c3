import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../../lib/shared/errors';
import { readPath } from '../../../../lib/shared/paths';
import type { ChartInput, ChartType } from '../../../../lib/spc';
import type { OperationResult } from '../../../shared/types';
import {
	SIZED,
	analyse,
	asNumber,
	chartBinary,
	chartOptions,
	inUserTerms,
	numbers,
	resultJson,
	ruleSelection,
	type SpcOptions,
} from './common';

const show = { operation: ['perItem'] };
const SUBGROUPED: ChartType[] = ['xbar-r', 'xbar-s'];

export const description: INodeProperties[] = [
	{
		displayName: 'Series Field',
		name: 'seriesField',
		type: 'string',
		default: 'values',
		required: true,
		displayOptions: { show },
		description:
			'Field holding the series: an array of numbers (measurements; defect or defective counts for p, np, c, u), or an array of subgroups (arrays) for X-bar charts. Dots reach into nested fields.',
		hint: 'EWMA and CUSUM take either numbers or subgroups',
	},
	{
		displayName: 'Sample Sizes Field',
		name: 'sizesField',
		type: 'string',
		default: '',
		displayOptions: { show: { ...show, chartType: SIZED } },
		description:
			'Field holding the sample size of each point (an array) or of all points (a number); empty to use the Sample Size option',
	},
];

/** Output 0 "In Control", 1 "Out of Control": bad data is not a process in control. */
export const outputs = 2;
export const failedOutput = 1;

/**
 * One chart per item from the series in the item's field. The item keeps its fields and gains
 * `spc`; it goes to output 0 "In Control" or 1 "Out of Control".
 */
export async function execute(this: IExecuteFunctions, index: number): Promise<OperationResult> {
	const item = this.getInputData()[index];
	const chart = this.getNodeParameter('chartType', index) as ChartType;
	const options = this.getNodeParameter('options', index, {}) as SpcOptions;
	const field = this.getNodeParameter('seriesField', index) as string;
	const series = readPath(item.json, field);
	if (!Array.isArray(series)) {
		throw new InputError(
			`field "${field}"`,
			`must hold an array, got ${series === undefined ? 'nothing' : typeof series}`,
		);
	}
	const rules = ruleSelection.call(this, index, chart);
	const input: ChartInput = { ...chartOptions(chart, rules, options) };
	const isSubgroups =
		SUBGROUPED.includes(chart) ||
		((chart === 'ewma' || chart === 'cusum') && series.some(Array.isArray));
	if (isSubgroups) input.subgroups = numbers(series) as number[][];
	else input.values = numbers(series) as number[];
	if (SIZED.includes(chart)) {
		const sizesField = this.getNodeParameter('sizesField', index, '') as string;
		const sizes = sizesField ? readPath(item.json, sizesField) : options.sampleSize;
		if (sizes === undefined)
			throw new InputError(
				'Sample Sizes Field',
				`a ${chart} chart needs sample sizes: set "Sample Sizes Field" or the Sample Size option`,
			);
		input.sizes = (Array.isArray(sizes) ? numbers(sizes) : asNumber(sizes)) as number | number[];
	}
	const sizesName =
		(this.getNodeParameter('sizesField', index, '') as string) || 'Sample Size option';
	let analysed: ReturnType<typeof analyse>;
	try {
		analysed = analyse(input, options);
	} catch (error) {
		throw inUserTerms(error, (name, i, j) => {
			const where = name === 'sizes' ? `"${sizesName}"` : `field "${field}"`;
			if (i === undefined) return where;
			return `${where}, ${name === 'subgroups' ? 'subgroup' : 'point'} ${i + 1}${j === undefined ? '' : `, value ${j + 1}`} (index ${i}${j === undefined ? '' : `][${j}`})`;
		});
	}
	const { result, cap } = analysed;
	const out: OperationResult = {
		output: result.violations.length === 0 ? 0 : 1,
		json: { ...item.json, spc: resultJson(result, rules, options, cap) },
	};
	const binary = await chartBinary.call(this, index, result, options);
	if (binary) out.binary = { ...(item.binary ?? {}), ...binary };
	else if (item.binary) out.binary = item.binary;
	return out;
}
