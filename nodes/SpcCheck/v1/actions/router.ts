import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import * as aggregate from './aggregate.operation';
import * as perItem from './perItem.operation';

/** Output 0 "In Control", 1 "Out of Control". */
const OUT_OF_CONTROL = 1;

/** A node error naming the item; engine errors already name the field and index. */
function nodeError(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	prefix: boolean,
): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	const message = (error as Error).message;
	return new NodeOperationError(
		this.getNode(),
		prefix ? `Item ${itemIndex}: ${message}` : message,
		{ itemIndex },
	);
}

/**
 * Runs the chosen mode and routes results to "In Control" / "Out of Control", each paired with
 * its input item(s). A bad item fails the node with the item and field named, or with "Continue
 * On Fail" comes out on "Out of Control" carrying `error` (bad data is not a process in control).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('operation', 0) as string;
	const outputs: INodeExecutionData[][] = [[], []];
	const items = this.getInputData();
	if (mode === 'aggregate') {
		try {
			const { output, item } = await aggregate.execute.call(this);
			outputs[output].push(item);
		} catch (caught) {
			const at = (caught as { itemIndex?: number }).itemIndex;
			const error = nodeError.call(this, caught, at ?? 0, false);
			if (!this.continueOnFail()) throw error;
			outputs[OUT_OF_CONTROL].push({
				json: { error: error.message },
				pairedItem: items.map((_, item) => ({ item })),
			});
		}
		return outputs;
	}
	if (mode !== 'perItem') throw new NodeOperationError(this.getNode(), `Unknown mode "${mode}"`);
	for (let index = 0; index < items.length; index++) {
		try {
			const { output, item } = await perItem.execute.call(this, index);
			outputs[output].push(item);
		} catch (caught) {
			const error = nodeError.call(this, caught, index, true);
			if (!this.continueOnFail()) throw error;
			outputs[OUT_OF_CONTROL].push({
				json: { ...items[index].json, error: error.message },
				pairedItem: { item: index },
			});
		}
	}
	return outputs;
}
