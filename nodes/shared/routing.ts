import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type IPairedItemData,
} from 'n8n-workflow';

import { InputError } from '../../lib/shared/errors';
import type { OperationResult } from './types';

/** The input items an output item stands for: one index or several. */
export type Items = number | readonly number[];

function pairing(items: Items): IPairedItemData | IPairedItemData[] {
	return typeof items === 'number' ? { item: items } : items.map((item) => ({ item }));
}

/**
 * The node error for a failure of input item `item` (none: the run as a whole), its message
 * prefixed "Item <n>: ". Engine errors already name the field; an error that is already a node
 * error is kept as it is.
 *
 * @example
 * throw itemError(this, new InputError('report.stage', 'required'), 2);
 * // NodeOperationError 'Item 2: report.stage: required', itemIndex 2
 */
export function itemError(
	ctx: IExecuteFunctions,
	caught: unknown,
	item: number | undefined,
): NodeOperationError {
	if (caught instanceof NodeOperationError) return caught;
	const message = caught instanceof Error ? caught.message : String(caught);
	if (item === undefined) return new NodeOperationError(ctx.getNode(), message);
	return new NodeOperationError(ctx.getNode(), `Item ${item}: ${message}`, { itemIndex: item });
}

/** What a failure says as data: the item, and for engine input errors the field, index and reason. */
function failureDetails(caught: unknown, item: number | undefined): IDataObject {
	const details: IDataObject = item === undefined ? {} : { item };
	if (caught instanceof InputError) {
		details.field = caught.field;
		if (caught.index !== undefined) details.index = caught.index;
		if (caught.subIndex !== undefined) details.subIndex = caught.subIndex;
		details.reason = caught.reason;
	}
	return details;
}

/**
 * The outputs of one node run, filled item by item, with the rule for failed items:
 * - without "Continue On Fail" the first failure stops the node (a node error naming the item);
 * - "Continue (using error output)": the item holds only `error` and `details`, so n8n moves it
 *   to its own error output;
 * - "Continue (regular output)": the input item plus `error` goes to the operation's failed
 *   output, never to one that means "passed".
 */
export class Routing {
	readonly outputs: INodeExecutionData[][];

	constructor(
		private readonly ctx: IExecuteFunctions,
		outputCount: number,
		private readonly failedOutput: number,
	) {
		this.outputs = Array.from({ length: outputCount }, () => []);
	}

	/** The indices of all input items, for results that stand for the whole input. */
	allItems(): number[] {
		return this.ctx.getInputData().map((_, index) => index);
	}

	/** Puts a result on its output, paired with the input item(s) it comes from. */
	route(items: Items, result: OperationResult): void {
		const item: INodeExecutionData = { json: result.json, pairedItem: pairing(items) };
		if (result.binary) item.binary = result.binary;
		this.outputs[result.output].push(item);
	}

	/**
	 * Records a failure of input item `item` (undefined: of the run as a whole), paired with
	 * `items` (default: that item, or all items). Throws the node error unless "Continue On Fail"
	 * is set.
	 */
	fail(caught: unknown, item: number | undefined, items: Items = item ?? this.allItems()): void {
		const error = itemError(this.ctx, caught, item);
		if (!this.ctx.continueOnFail()) throw error;
		let json: IDataObject;
		if (this.ctx.getNode().onError === 'continueErrorOutput')
			json = { error: error.message, details: failureDetails(caught, item) };
		else if (typeof items === 'number')
			json = { ...this.ctx.getInputData()[items].json, error: error.message };
		else json = { error: error.message };
		const failed: INodeExecutionData = { json, pairedItem: pairing(items) };
		const binary = typeof items === 'number' ? this.ctx.getInputData()[items].binary : undefined;
		if (binary && !('details' in json)) failed.binary = binary;
		this.outputs[this.failedOutput].push(failed);
	}

	/** The item loop: runs `execute` on every input item and routes or fails each. */
	async eachItem(
		execute: (index: number) => OperationResult | Promise<OperationResult>,
	): Promise<void> {
		const count = this.ctx.getInputData().length;
		for (let index = 0; index < count; index++) {
			let result: OperationResult;
			try {
				result = await execute(index);
			} catch (caught) {
				this.fail(caught, index);
				continue;
			}
			this.route(index, result);
		}
	}
}
