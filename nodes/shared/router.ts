import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { Routing } from './routing';
import type { Operation, ParameterDependent } from './types';

function resolve(ctx: IExecuteFunctions, value: ParameterDependent): number {
	return typeof value === 'number' ? value : value.call(ctx);
}

/**
 * The router of a node: picks the operation named by the `parameter` parameter from `operations`
 * (an unknown name throws), then runs it item by item ({@link Routing.eachItem}) or over all
 * items ({@link AggregateOperation}), and returns its outputs.
 *
 * @example
 * export const router = operationRouter({ evaluateGate, advance });
 * // in the version class: execute() { return router.call(this); }
 */
export function operationRouter(
	operations: Readonly<Record<string, Operation>>,
	parameter = 'operation',
): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	return async function router(this: IExecuteFunctions) {
		const name = this.getNodeParameter(parameter, 0) as string;
		const operation = Object.prototype.hasOwnProperty.call(operations, name)
			? operations[name]
			: undefined;
		if (!operation) throw new NodeOperationError(this.getNode(), `Unknown operation "${name}"`);
		const routing = new Routing(
			this,
			resolve(this, operation.outputs),
			resolve(this, operation.failedOutput),
		);
		if ('aggregate' in operation) await operation.aggregate.call(this, routing);
		else await routing.eachItem((index) => operation.execute.call(this, index));
		return routing.outputs;
	};
}
