import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { trainComplaintModel, type LabelledComplaint } from '../../../../lib/complaints';
import { InputError } from '../../../../lib/shared/errors';
import type { Routing } from '../../../shared/routing';

const showTrain = { show: { operation: ['train'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Text Field',
		name: 'textField',
		type: 'string',
		default: 'text',
		required: true,
		displayOptions: showTrain,
		description: 'Field of each input item that holds the complaint text',
	},
	{
		displayName: 'Label Field',
		name: 'labelField',
		type: 'string',
		default: 'category',
		required: true,
		displayOptions: showTrain,
		description: 'Field of each input item that holds the correct category',
	},
	{
		displayName: 'Algorithm',
		name: 'algorithm',
		type: 'options',
		options: [
			{ name: 'Naive Bayes', value: 'bayes', description: 'Fast, works with few examples' },
			{
				name: 'Logistic Regression',
				value: 'logistic-regression',
				description: 'Slower to train; for a few hundred examples at most',
			},
		],
		default: 'bayes',
		displayOptions: showTrain,
	},
];

/** Output 0 "Model", 1 "Failed" (labelled items that cannot be used). */
export const outputs = 2;
export const failedOutput = 1;

/**
 * Trains a model on all input items and outputs it as JSON, paired with every item used; an
 * item without text or label fails on its own.
 */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	const items = this.getInputData();
	const textField = this.getNodeParameter('textField', 0) as string;
	const labelField = this.getNodeParameter('labelField', 0) as string;
	const algorithm = this.getNodeParameter('algorithm', 0) as 'bayes' | 'logistic-regression';
	const examples: LabelledComplaint[] = [];
	const used: number[] = [];
	await routing.eachItem((i) => {
		const text = items[i].json[textField];
		const category = items[i].json[labelField];
		for (const [field, value] of [
			[textField, text],
			[labelField, category],
		] as const)
			if (typeof value !== 'string' || value.trim() === '')
				throw new InputError(`field "${field}"`, 'must be a non-empty string');
		examples.push({ text: text as string, category: category as string });
		used.push(i);
	});
	if (used.length === 0) return;
	let model: ReturnType<typeof trainComplaintModel>;
	try {
		model = trainComplaintModel(examples, algorithm);
	} catch (error) {
		routing.fail(error, undefined, used);
		return;
	}
	routing.route(used, {
		output: 0,
		json: {
			model: JSON.parse(JSON.stringify(model)),
			labels: model.labels,
			examples: model.examples,
		},
	});
}
