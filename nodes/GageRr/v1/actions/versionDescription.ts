import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import * as attributeAgreement from './attributeAgreement.operation';
import * as crossedStudy from './crossedStudy.operation';

/** What version 1 adds to the node's identity (in the V1 class): outputs and parameters. */
export const versionDescription = {
	version: 1,
	defaults: { name: 'Gage R&R' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	outputNames: ['Acceptable', 'Marginal', 'Unacceptable'],
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Attribute Agreement',
					value: 'attributeAgreement',
					description:
						"Agreement of appraisers' pass/fail or graded ratings: within, between, against the standard, with kappa",
					action: 'Analyse attribute agreement',
				},
				{
					name: 'Crossed Study',
					value: 'crossedStudy',
					description:
						'Gage repeatability and reproducibility: every operator measures every part several times',
					action: 'Run a crossed gage study',
				},
			],
			default: 'crossedStudy',
		},
		...crossedStudy.description,
		...attributeAgreement.description,
	],
} satisfies Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'>;
