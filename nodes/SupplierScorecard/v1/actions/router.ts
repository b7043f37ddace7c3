import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as scoreMetrics from './scoreMetrics.operation';
import * as scoreRows from './scoreRows.operation';

/** Runs the chosen operation; both read all input items at once (scores are relative: ranks, trends). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	if (operation === 'scoreMetrics') return scoreMetrics.execute.call(this);
	return scoreRows.execute.call(this);
}
