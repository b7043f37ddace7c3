import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as classify from './classify.operation';

/** The node has one operation: classify (and route) every input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return classify.execute.call(this);
}
