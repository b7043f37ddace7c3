import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import * as classify from './classify.operation';
import * as pareto from './pareto.operation';
import * as train from './train.operation';

/**
 * Outputs: one per category (`defaults`, the default taxonomy; custom taxonomy JSON or trained
 * model labels) plus Unclassified, then Summary when the Pareto summary is on; or Complaints,
 * Summary when on, and Failed. Training has Model and Failed; the Pareto of classified items
 * Pareto and Failed.
 * n8n evaluates this function (as an expression on the node's parameters) in the editor and in
 * the engine, so it must stay plain JavaScript without imports; the default categories are
 * written into the expression from the taxonomy.
 */
const configuredOutputs = (
	parameters: {
		operation?: string;
		routing?: string;
		taxonomy?: string;
		taxonomyJson?: unknown;
		extendDefault?: boolean;
		modelJson?: unknown;
		summary?: boolean;
	},
	defaults: string[],
) => {
	if (parameters.operation === 'train')
		return ['Model', 'Failed'].map((displayName) => ({ type: 'main', displayName }));
	if (parameters.operation === 'pareto')
		return ['Pareto', 'Failed'].map((displayName) => ({ type: 'main', displayName }));
	const parse = (value: unknown) => {
		try {
			return typeof value === 'string' ? JSON.parse(value) : value;
		} catch {
			return undefined;
		}
	};
	let ids = defaults;
	if (parameters.taxonomy === 'custom') {
		const custom = parse(parameters.taxonomyJson);
		const own =
			custom && Array.isArray(custom.categories)
				? custom.categories.map((c: { id?: unknown }) => String(c.id))
				: [];
		ids =
			parameters.extendDefault === false
				? own
				: defaults.concat(own.filter((id: string) => !defaults.includes(id)));
	} else if (parameters.taxonomy === 'model') {
		const model = parse(parameters.modelJson);
		const labels = model && Array.isArray(model.labels) ? model.labels.map(String) : [];
		ids = defaults.concat(labels.filter((id: string) => !defaults.includes(id)));
	}
	const summary = parameters.summary ? ['Summary'] : [];
	const names =
		parameters.routing === 'single'
			? ['Complaints'].concat(summary, ['Failed'])
			: ids.concat(['unclassified'], summary);
	return names.map((displayName) => ({ type: 'main', displayName }));
};

export const versionDescription = {
	version: 1,
	defaults: { name: 'Complaint Classifier' },
	inputs: [NodeConnectionTypes.Main],
	outputs: `={{(${configuredOutputs})($parameter, ${JSON.stringify(classify.DEFAULT_CATEGORY_IDS)})}}`,
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Classify',
					value: 'classify',
					description: 'Classify and route complaints',
					action: 'Classify complaints',
				},
				{
					name: 'Pareto of Classified Items',
					value: 'pareto',
					description:
						'Count items that already have a category (e.g. saved cases) for a Pareto chart, with severities and customers',
					action: 'Count classified complaints for a pareto chart',
				},
				{
					name: 'Train Model',
					value: 'train',
					description: 'Train a model on labelled complaints (all input items)',
					action: 'Train a complaint model',
				},
			],
			default: 'classify',
		},
		...classify.description,
		...pareto.description,
		...train.description,
	],
} satisfies Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'>;
