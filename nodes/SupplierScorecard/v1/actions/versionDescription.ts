import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import { sharedProperties } from './common';
import * as scoreMetrics from './scoreMetrics.operation';
import * as scoreRows from './scoreRows.operation';

/**
 * Outputs: A, B, C, D and Summary, or Scorecards, Summary and Failed. n8n evaluates this function (as
 * an expression on the node's parameters) in the editor and in the engine, so it must stay
 * plain JavaScript without imports.
 */
const configuredOutputs = (parameters: { outputMode?: string }) => {
	const names =
		parameters.outputMode === 'single'
			? ['Scorecards', 'Summary', 'Failed']
			: ['A', 'B', 'C', 'D', 'Summary'];
	return names.map((displayName) => ({ type: 'main', displayName }));
};

export const versionDescription = {
	version: 1,
	defaults: { name: 'Supplier Scorecard' },
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
					name: 'Score Raw Rows',
					value: 'scoreRows',
					description:
						'Aggregate all input items (receipts, deliveries, SCARs, complaints, disruptions, costs) into one scorecard per supplier and period',
					action: 'Score suppliers from raw rows',
				},
				{
					name: 'Score Pre-Aggregated Metrics',
					value: 'scoreMetrics',
					description:
						'Score items that already hold one supplier-period with its metric values (PPM, OTD ...)',
					action: 'Score already aggregated supplier metrics',
				},
			],
			default: 'scoreRows',
		},
		...scoreRows.description,
		...scoreMetrics.description,
		...sharedProperties,
	],
} satisfies Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'>;
