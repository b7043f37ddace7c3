import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import * as advance from './advance.operation';
import { reportField } from './common';
import * as checkDeadlines from './checkDeadlines.operation';
import * as evaluateGate from './evaluateGate.operation';
import * as openFromComplaint from './openFromComplaint.operation';
import * as renderReport from './renderReport.operation';
import * as verifyHistory from './verifyHistory.operation';

/**
 * The outputs of each operation. n8n evaluates this function (as an expression on the node's
 * parameters) in the editor and in the engine, so it must stay plain JavaScript without imports.
 */
const configuredOutputs = (parameters: { operation?: string }) => {
	const byOperation: Record<string, string[]> = {
		evaluateGate: ['Allowed', 'Blocked'],
		advance: ['Advanced', 'Blocked'],
		checkDeadlines: ['On Time', 'Due Soon', 'Overdue'],
		openFromComplaint: ['Report', 'Failed'],
		renderReport: ['Report', 'Failed'],
		verifyHistory: ['Valid', 'Invalid'],
	};
	const names = byOperation[parameters.operation || 'evaluateGate'] || ['Output'];
	return names.map((displayName) => ({ type: 'main', displayName }));
};

/** What version 1 adds to the node's identity (in the V1 class): outputs and parameters. */
export const versionDescription = {
	version: 1,
	defaults: { name: '8D Gate' },
	inputs: [NodeConnectionTypes.Main],
	outputs: `={{(${configuredOutputs})($parameter)}}`,
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Advance',
					value: 'advance',
					description:
						'Move a report to a later discipline if its gate allows it, with an audited history entry',
					action: 'Advance an 8D report',
				},
				{
					name: 'Check Deadlines',
					value: 'checkDeadlines',
					description: 'Sort reports into on time, due soon and overdue (with escalation level)',
					action: 'Check 8D deadlines',
				},
				{
					name: 'Evaluate Gate',
					value: 'evaluateGate',
					description: 'Check whether a report may move on and list what is missing',
					action: 'Evaluate an 8D gate',
				},
				{
					name: 'Open From Complaint',
					value: 'openFromComplaint',
					description: 'Start an 8D report from a Complaint Classifier result',
					action: 'Open an 8D report from a complaint',
				},
				{
					name: 'Render Report',
					value: 'renderReport',
					description:
						'The customer-facing 8D report document: PDF as binary data, HTML and text, in English or Chinese',
					action: 'Render an 8D report document',
				},
				{
					name: 'Verify History',
					value: 'verifyHistory',
					description: 'Check that the hash-chained history of a report has not been altered',
					action: 'Verify the history of an 8D report',
				},
			],
			default: 'evaluateGate',
		},
		reportField,
		...evaluateGate.description,
		...advance.description,
		...checkDeadlines.description,
		...openFromComplaint.description,
		...renderReport.description,
		...verifyHistory.description,
	],
} satisfies Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'>;
