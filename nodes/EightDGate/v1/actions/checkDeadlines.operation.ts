import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	checkEightDDeadlines,
	eightDDeadlineProfileChoices,
	type DeadlineOptions,
} from '../../../../lib/eightd';
import { parseJsonParameter } from '../../../../lib/shared/json';
import type { OperationResult } from '../../../shared/types';
import { optionsCollection, readReport } from './common';

const show = ['checkDeadlines'];

export const description: INodeProperties[] = [
	{
		displayName: 'Deadline Profile',
		name: 'profileSource',
		type: 'options',
		options: [
			{
				name: "Report's Own",
				value: 'report',
				description: 'The due dates stored in the report when it was opened (or its named profile)',
			},
			...eightDDeadlineProfileChoices,
			{ name: 'JSON', value: 'json', description: 'A profile written here' },
		],
		default: 'report',
		displayOptions: { show: { operation: show } },
	},
	{
		displayName: 'Profile JSON',
		name: 'profileJson',
		type: 'json',
		default:
			'{\n  "zone": "Asia/Shanghai",\n  "businessDays": { "weekend": [6, 7], "holidays": [] },\n  "deadlines": [\n    { "discipline": "D3", "within": { "hours": 24 } },\n    { "discipline": "D4", "within": { "businessDays": 7 } },\n    { "discipline": "D8", "within": { "businessDays": 20 } }\n  ],\n  "escalation": [\n    { "level": "owner", "after": { "hours": 0 } },\n    { "level": "manager", "after": { "businessDays": 2 } },\n    { "level": "director", "after": { "businessDays": 5 } }\n  ]\n}',
		description:
			'A deadline profile in JSON, as the deadline profile schema shipped with the package describes it',
		displayOptions: { show: { operation: show, profileSource: ['json'] } },
	},
	optionsCollection(show),
];

/** Output 0 "On Time", 1 "Due Soon", 2 "Overdue": a report that cannot be checked is not on time. */
export const outputs = 3;
export const failedOutput = 2;

const OUTPUT = { 'on-time': 0, 'due-soon': 1, overdue: 2 } as const;

export function execute(this: IExecuteFunctions, index: number): OperationResult {
	const report = readReport.call(this, index);
	const source = this.getNodeParameter('profileSource', index) as string;
	const options: DeadlineOptions = {
		now: (this.getNodeParameter('options.now', index, '') as string) || undefined,
	};
	if (source === 'json')
		options.profile = parseJsonParameter(
			this.getNodeParameter('profileJson', index),
			'Profile JSON',
		) as DeadlineOptions['profile'];
	else if (source !== 'report') options.profile = source;
	const result = checkEightDDeadlines(report, options);
	const deadlines = {
		status: result.status,
		escalation: result.escalation,
		next: result.next ? { ...result.next } : null,
		overdue: result.overdue.map((o) => ({ ...o })),
		deadlines: result.deadlines.map((d) => ({ ...d })),
		now: result.now,
	};
	return { output: OUTPUT[result.status], json: { ...this.getInputData()[index].json, deadlines } };
}
