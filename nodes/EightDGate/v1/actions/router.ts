import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import * as advance from './advance.operation';
import * as checkDeadlines from './checkDeadlines.operation';
import * as evaluateGate from './evaluateGate.operation';
import * as openFromComplaint from './openFromComplaint.operation';
import * as verifyHistory from './verifyHistory.operation';

/** What an operation makes of one item: which output it goes to, and its JSON. */
export interface OperationResult {
	output: number;
	json: IDataObject;
}

interface Operation {
	outputs: number;
	execute(this: IExecuteFunctions, index: number): OperationResult;
}

const OPERATIONS: Record<string, Operation> = {
	evaluateGate,
	advance,
	checkDeadlines,
	openFromComplaint,
	verifyHistory,
};

/**
 * Runs the chosen operation on every item and routes each to its output, paired with its input.
 * A bad item fails the node with the item and field named, or with "Continue On Fail" comes out
 * on the first output carrying `error`.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const name = this.getNodeParameter('operation', 0) as string;
	const operation = OPERATIONS[name];
	if (!operation) throw new NodeOperationError(this.getNode(), `Unknown operation "${name}"`);
	const outputs: INodeExecutionData[][] = Array.from({ length: operation.outputs }, () => []);
	const items = this.getInputData();
	for (let index = 0; index < items.length; index++) {
		try {
			const { output, json } = operation.execute.call(this, index);
			outputs[output].push({ json, pairedItem: { item: index } });
		} catch (caught) {
			const error =
				caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(this.getNode(), `Item ${index}: ${(caught as Error).message}`, {
							itemIndex: index,
						});
			if (!this.continueOnFail()) throw error;
			outputs[0].push({ json: { error: error.message }, pairedItem: { item: index } });
		}
	}
	return outputs;
}
