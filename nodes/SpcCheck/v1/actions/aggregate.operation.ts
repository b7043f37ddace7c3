import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { InputError } from '../../../../lib/shared/errors';
import { readPath } from '../../../../lib/shared/paths';
import type { ChartInput, ChartType } from '../../../../lib/spc';
import type { Routing } from '../../../shared/routing';
import {
	SIZED,
	analyse,
	asNumber,
	chartBinary,
	chartOptions,
	inUserTerms,
	resultJson,
	ruleSelection,
	type SpcOptions,
} from './common';

const show = { operation: ['aggregate'] };
const GROUPABLE: ChartType[] = ['xbar-r', 'xbar-s', 'ewma', 'cusum'];

export const description: INodeProperties[] = [
	{
		displayName: 'Value Field',
		name: 'valueField',
		type: 'string',
		default: 'value',
		required: true,
		displayOptions: { show },
		description:
			'Numeric field read from every input item, in item order (measurement, or defect/defective count for p, np, c, u)',
	},
	{
		displayName: 'Subgroup Key Field',
		name: 'subgroupField',
		type: 'string',
		default: '',
		displayOptions: { show: { ...show, chartType: GROUPABLE } },
		description:
			'Items with the same value in this field (e.g. a batch or hour) form one subgroup, in order of first appearance; empty to use Subgroup Size',
	},
	{
		displayName: 'Subgroup Size',
		name: 'subgroupSize',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 2 },
		displayOptions: { show: { ...show, chartType: ['xbar-r', 'xbar-s'], subgroupField: [''] } },
		description: 'Without a key field, consecutive items form subgroups of this size',
	},
	{
		displayName: 'Sample Size Field',
		name: 'sizeField',
		type: 'string',
		default: '',
		displayOptions: { show: { ...show, chartType: SIZED } },
		description: 'Field with the sample size of each item; empty to use the Sample Size option',
	},
];

/** A failure of one input item inside a chart over all of them. */
class ItemFailure extends Error {
	constructor(
		readonly item: number,
		readonly cause: unknown,
	) {
		super((cause as Error).message);
	}
}

/** A number read from one item's field; a failure of that item otherwise. */
function itemNumber(json: IDataObject, field: string, index: number): number {
	const value = asNumber(readPath(json, field));
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
		throw new ItemFailure(
			index,
			new InputError(`field "${field}"`, `must be a number, got ${shown}`),
		);
	}
	return value;
}

/** Subgroups by key (order of first appearance), or consecutive runs of `size` items. */
function groupItems(
	items: INodeExecutionData[],
	values: number[],
	keyField: string,
	size: number,
): number[][] {
	if (!keyField) {
		const groups: number[][] = [];
		for (let i = 0; i < values.length; i += size) groups.push(values.slice(i, i + size));
		return groups;
	}
	const byKey = new Map<string, number[]>();
	items.forEach((item, i) => {
		const key = readPath(item.json, keyField);
		if (key === undefined || key === null || key === '')
			throw new ItemFailure(i, new InputError(`subgroup key field "${keyField}"`, 'is empty'));
		const k = typeof key === 'object' ? JSON.stringify(key) : String(key);
		const group = byKey.get(k) ?? [];
		group.push(values[i]);
		byKey.set(k, group);
	});
	return [...byKey.values()];
}

/** Output 0 "In Control", 1 "Out of Control": a chart that cannot be drawn is not in control. */
export const outputs = 2;
export const failedOutput = 1;

/**
 * One chart over all input items: the value field of every item in order (grouped into subgroups
 * by key or size for X-bar charts). One output item, paired with every input item, goes to
 * output 0 "In Control" or 1 "Out of Control". A failure (naming the item where one is to
 * blame) is paired with every input item too: no chart was drawn for any of them.
 */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	try {
		await chartAll.call(this, routing);
	} catch (caught) {
		if (caught instanceof ItemFailure) routing.fail(caught.cause, caught.item, routing.allItems());
		else routing.fail(caught, undefined);
	}
}

async function chartAll(this: IExecuteFunctions, routing: Routing): Promise<void> {
	const items = this.getInputData();
	if (items.length === 0) return;
	const chart = this.getNodeParameter('chartType', 0) as ChartType;
	const options = this.getNodeParameter('options', 0, {}) as SpcOptions;
	const field = this.getNodeParameter('valueField', 0) as string;
	const values = items.map((item, i) => itemNumber(item.json, field, i));
	const rules = ruleSelection.call(this, 0, chart);
	const input: ChartInput = { ...chartOptions(chart, rules, options) };
	const keyField = GROUPABLE.includes(chart)
		? (this.getNodeParameter('subgroupField', 0, '') as string)
		: '';
	if (chart === 'xbar-r' || chart === 'xbar-s' || keyField) {
		const size = keyField ? 0 : (this.getNodeParameter('subgroupSize', 0, 5) as number);
		input.subgroups = groupItems(items, values, keyField, size);
	} else {
		input.values = values;
	}
	if (SIZED.includes(chart)) {
		const sizeField = this.getNodeParameter('sizeField', 0, '') as string;
		if (sizeField) input.sizes = items.map((item, i) => itemNumber(item.json, sizeField, i));
		else if (options.sampleSize !== undefined) input.sizes = options.sampleSize;
		else
			throw new InputError(
				'Sample Size Field',
				`a ${chart} chart needs sample sizes: set "Sample Size Field" or the Sample Size option`,
			);
	}
	let analysed: ReturnType<typeof analyse>;
	try {
		analysed = analyse(input, options);
	} catch (error) {
		let itemIndex: number | undefined;
		const reworded = inUserTerms(error, (name, i, j) => {
			if (i === undefined) return name === 'sizes' ? 'sample sizes' : `field "${field}"`;
			if (name === 'subgroups')
				return `subgroup ${i + 1}${j === undefined ? '' : `, value ${j + 1}`}`;
			// A point of an individuals or attribute chart is one input item.
			itemIndex = i;
			return name === 'sizes' ? 'sample size' : `field "${field}"`;
		});
		throw itemIndex === undefined ? reworded : new ItemFailure(itemIndex, reworded);
	}
	const { result, cap } = analysed;
	const json = { spc: resultJson(result, rules, options, cap), itemCount: items.length };
	const binary = await chartBinary.call(this, 0, result, options);
	routing.route(routing.allItems(), {
		output: result.violations.length === 0 ? 0 : 1,
		json,
		...(binary ? { binary } : {}),
	});
}
