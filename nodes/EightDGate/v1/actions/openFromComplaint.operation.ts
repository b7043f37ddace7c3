import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	eightDDeadlineProfileChoices,
	eightDRuleSetChoices,
	openFromComplaint,
	type OpenOptions,
} from '../../../../lib/eightd';
import type { OperationResult } from '../../../shared/types';
import { optionsCollection, requiredField } from './common';

const show = ['openFromComplaint'];

export const description: INodeProperties[] = [
	{
		displayName: 'Complaint Field',
		name: 'complaintField',
		type: 'string',
		default: '',
		description:
			'Field holding the classified complaint ({ text, customer, receivedAt, category, severity, keywords, language, confidence }); empty means the whole item, as the Complaint Classifier outputs it',
		displayOptions: { show: { operation: show } },
	},
	{
		displayName: 'Output Field',
		name: 'outputField',
		type: 'string',
		default: 'report',
		required: true,
		description: 'Field that receives the new 8D report',
		displayOptions: { show: { operation: show } },
	},
	{
		displayName: 'Deadline Profile',
		name: 'profile',
		type: 'options',
		options: [...eightDDeadlineProfileChoices],
		default: 'default',
		description:
			'How the due dates of containment, root cause and closure are counted from receipt',
		displayOptions: { show: { operation: show } },
	},
	optionsCollection(show, [
		{
			displayName: 'Opened By',
			name: 'actor',
			type: 'string',
			default: '',
			description: 'Recorded in the first history entry (default: complaint-classifier)',
		},
		{
			displayName: 'Owner',
			name: 'owner',
			type: 'string',
			default: '',
			description: 'Who owns the report: the first level of escalation',
		},
		{
			displayName: 'Report ID',
			name: 'id',
			type: 'string',
			default: '',
			description: 'Default: 8D-, the date received and a short hash of the complaint',
		},
		{
			displayName: 'Rule Set Name',
			name: 'ruleSet',
			type: 'options',
			options: [{ name: 'By Customer', value: '' }, ...eightDRuleSetChoices],
			default: '',
			description: 'Rule set the report is gated by (recorded in the report)',
		},
	]),
];

/** Output 0 "Report", 1 "Failed" (a complaint no report could be opened from). */
export const outputs = 2;
export const failedOutput = 1;

export function execute(this: IExecuteFunctions, index: number): OperationResult {
	const json = this.getInputData()[index].json;
	const field = this.getNodeParameter('complaintField', index) as string;
	const complaint = field ? requiredField.call(this, index, field, 'complaint') : json;
	const options = this.getNodeParameter('options', index, {}) as {
		now?: string;
		actor?: string;
		owner?: string;
		id?: string;
		ruleSet?: string;
	};
	const open: OpenOptions = { profile: this.getNodeParameter('profile', index) as string };
	if (options.now) open.now = options.now;
	if (options.actor) open.actor = options.actor;
	if (options.owner) open.owner = options.owner;
	if (options.id) open.id = options.id;
	if (options.ruleSet) open.ruleSet = options.ruleSet;
	const report = openFromComplaint(complaint, open);
	return {
		output: 0,
		json: { ...json, [this.getNodeParameter('outputField', index) as string]: report as never },
	};
}
