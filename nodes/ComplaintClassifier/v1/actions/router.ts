import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as classify from './classify.operation';
import * as train from './train.operation';

/** Classify (and route) every item, or train a model on labelled items. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0, 'classify') as string;
	if (operation === 'train') return train.execute.call(this);
	return classify.execute.call(this);
}
