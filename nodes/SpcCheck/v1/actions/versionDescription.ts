import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import * as aggregate from './aggregate.operation';
import { sharedProperties } from './common';
import * as perItem from './perItem.operation';

export const versionDescription = {
	version: 1,
	defaults: { name: 'SPC Check' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
	outputNames: ['In Control', 'Out of Control'],
	properties: [
		{
			displayName: 'Mode',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'One Series per Item',
					value: 'perItem',
					description: 'Each item holds a whole series in a field; one chart per item',
					action: 'Check one series per item',
				},
				{
					name: 'Aggregate All Items',
					value: 'aggregate',
					description: 'Each item is one measurement or sample; one chart over all items',
					action: 'Check all items as one series',
				},
			],
			default: 'aggregate',
		},
		...perItem.description,
		...aggregate.description,
		...sharedProperties,
	],
} satisfies Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'>;
