import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as classify from './classify.operation';
import * as pareto from './pareto.operation';
import * as train from './train.operation';

/** Classify (and route) every item, count classified items for a Pareto, or train a model. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0, 'classify') as string;
	if (operation === 'train') return train.execute.call(this);
	if (operation === 'pareto') return pareto.execute.call(this);
	return classify.execute.call(this);
}
