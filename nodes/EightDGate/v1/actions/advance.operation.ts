import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { advance, evaluateGate } from '../../../../lib/eightd';
import type { OperationResult } from '../../../shared/types';
import {
	gateOptions,
	languageProperty,
	measurementsOption,
	optionsCollection,
	readReport,
	resolveTarget,
	ruleSetProperties,
	targetProperty,
} from './common';
import { gateJson } from './evaluateGate.operation';

const show = ['advance'];

export const description: INodeProperties[] = [
	targetProperty(show),
	{
		displayName: 'Actor',
		name: 'actor',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Li Na',
		description: 'Who advances the report; recorded in its history',
		displayOptions: { show: { operation: show } },
	},
	...ruleSetProperties(show),
	languageProperty(show),
	optionsCollection(show, [
		measurementsOption,
		{
			displayName: 'Note',
			name: 'reason',
			type: 'string',
			default: '',
			description: 'A note recorded with the history entry',
		},
	]),
];

/** Output 0 "Advanced", 1 "Blocked"; a report that cannot be read is Blocked. */
export const outputs = 2;
export const failedOutput = 1;

export function execute(this: IExecuteFunctions, index: number): OperationResult {
	const report = readReport.call(this, index);
	const field = this.getNodeParameter('reportField', index) as string;
	const target = resolveTarget(this.getNodeParameter('target', index) as string, report);
	const actor = this.getNodeParameter('actor', index) as string;
	const reason = (this.getNodeParameter('options.reason', index, '') as string) || undefined;
	const json = this.getInputData()[index].json;
	const options = { ...gateOptions.call(this, index, report), reason };
	// A blocked gate is an answer, not a failure: route the item with what is missing.
	const gate = evaluateGate(report, target, options);
	if (!gate.allowed) return { output: 1, json: { ...json, gate: gateJson(gate) } };
	const next = advance(report, target, actor, options);
	const entry = next.history?.[next.history.length - 1];
	return {
		output: 0,
		json: {
			...json,
			[field]: next as never,
			advanced: { from: entry?.from, to: entry?.to, at: entry?.at, actor: entry?.actor },
		},
	};
}
