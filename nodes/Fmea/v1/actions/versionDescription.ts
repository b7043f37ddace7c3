import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import * as analyze from './analyze.operation';
import * as matchComplaints from './matchComplaints.operation';
import * as revise from './revise.operation';

/**
 * The outputs of each operation. n8n evaluates this function (as an expression on the node's
 * parameters) in the editor and in the engine, so it must stay plain JavaScript without imports.
 */
const configuredOutputs = (parameters: { operation?: string }) => {
	const byOperation: Record<string, string[]> = {
		analyze: ['High', 'Medium', 'Low', 'Summary'],
		matchComplaints: ['Known Failure Mode', 'New Failure Mode', 'Summary'],
		revise: ['Changed', 'Unchanged', 'Failed'],
	};
	const names = byOperation[parameters.operation || 'analyze'] || ['Output'];
	return names.map((displayName) => ({ type: 'main', displayName }));
};

/** What version 1 adds to the node's identity (in the V1 class): outputs and parameters. */
export const versionDescription = {
	version: 1,
	defaults: { name: 'FMEA' },
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
					name: 'Analyze',
					value: 'analyze',
					description:
						'Rate worksheet rows (one per item) by AIAG-VDA Action Priority and RPN, rank them and flag the ones that need action',
					action: 'Analyze FMEA rows',
				},
				{
					name: 'Match Complaints',
					value: 'matchComplaints',
					description:
						'Match classified complaints against the FMEA: known failure modes with underrating flags, and new failure modes',
					action: 'Match complaints against an FMEA',
				},
				{
					name: 'Revise',
					value: 'revise',
					description:
						'Apply revised ratings from 8D actions (D6/D7) and show each row’s AP and RPN before and after',
					action: 'Revise FMEA ratings',
				},
			],
			default: 'analyze',
		},
		...analyze.description,
		...matchComplaints.description,
		...revise.description,
	],
} satisfies Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'>;
