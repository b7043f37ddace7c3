import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { trainComplaintModel, type LabelledComplaint } from '../../../../lib/complaints';

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

/** Trains a model on all input items and outputs it as JSON, paired with every item used. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const textField = this.getNodeParameter('textField', 0) as string;
	const labelField = this.getNodeParameter('labelField', 0) as string;
	const algorithm = this.getNodeParameter('algorithm', 0) as 'bayes' | 'logistic-regression';
	const examples: LabelledComplaint[] = [];
	const used: { item: number }[] = [];
	items.forEach((item, i) => {
		const text = item.json[textField];
		const category = item.json[labelField];
		const bad =
			typeof text !== 'string' || text.trim() === ''
				? textField
				: typeof category !== 'string' || category.trim() === ''
					? labelField
					: undefined;
		if (bad !== undefined) {
			if (this.continueOnFail()) return;
			throw new NodeOperationError(
				this.getNode(),
				`Item ${i}: field '${bad}' must be a non-empty string`,
				{ itemIndex: i },
			);
		}
		examples.push({ text: text as string, category: category as string });
		used.push({ item: i });
	});
	try {
		const model = trainComplaintModel(examples, algorithm);
		return [
			[
				{
					json: {
						model: JSON.parse(JSON.stringify(model)),
						labels: model.labels,
						examples: model.examples,
					},
					pairedItem: used,
				},
			],
		];
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message);
	}
}
