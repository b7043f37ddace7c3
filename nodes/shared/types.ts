import type { IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Routing } from './routing';

/** What an operation makes of one item (or of a group of items): its output and its data. */
export interface OperationResult {
	/** Index of the output the item goes to. */
	output: number;
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/** A number fixed by the operation, or read from the node's parameters when the node runs. */
export type ParameterDependent = number | ((this: IExecuteFunctions) => number);

/** What every operation declares: how many outputs it has and which one means "did not pass". */
interface OperationOutputs {
	outputs: ParameterDependent;
	/**
	 * The output a failed item goes to with "Continue (regular output)": the one that means "did
	 * not pass" (Blocked, Invalid, Out of Control, grade D ...) or a dedicated "Failed" output.
	 */
	failedOutput: ParameterDependent;
}

/** An operation that turns each input item into one output item. */
export interface ItemOperation extends OperationOutputs {
	execute(this: IExecuteFunctions, index: number): OperationResult | Promise<OperationResult>;
}

/**
 * An operation over all input items (a chart over all measurements, a scorecard of many rows, a
 * summary). It routes its results itself and must pair every input item with some output item,
 * the failed ones included.
 */
export interface AggregateOperation extends OperationOutputs {
	aggregate(this: IExecuteFunctions, routing: Routing): void | Promise<void>;
}

export type Operation = ItemOperation | AggregateOperation;
