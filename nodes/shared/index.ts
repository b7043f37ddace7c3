/**
 * The node skeleton every node of the package is built on.
 *
 * A node is a versioned shell, a version class and one file per operation:
 *
 *     // nodes/Fmea/Fmea.node.ts: the shell
 *     const base = baseDescription({ displayName: 'FMEA', name: 'fmea', subtitle, description });
 *     super({ 1: new FmeaV1(base) }, base); // FmeaV1: description = { ...base, ...versionDescription }
 *
 *     // nodes/Fmea/v1/actions/router.ts: the operation table (an unknown operation throws)
 *     export const router = operationRouter({ analyze, actionPriority });
 *
 *     // nodes/Fmea/v1/actions/actionPriority.operation.ts: one item in, one item out
 *     export const outputs = 3; // "High", "Medium", "Low"
 *     export const failedOutput = 0; // a row that cannot be rated is treated as "High"
 *     export function execute(this: IExecuteFunctions, index: number): OperationResult {
 *     	const row = this.getInputData()[index].json;
 *     	const ap = actionPriority(row.severity, row.occurrence, row.detection); // lib throws InputError
 *     	return { output: OUTPUT[ap], json: { ...row, ap } };
 *     }
 *
 *     // or over all items: route results and failures yourself, pairing every input item
 *     export function aggregate(this: IExecuteFunctions, routing: Routing) {
 *     	const result = analyzeFmea(rows); // a failure of row i: routing.fail(error, i, routing.allItems())
 *     	routing.route(routing.allItems(), { output: 0, json: result });
 *     }
 *
 * The item loop, pairing and failures are the skeleton's: an operation throws (engines throw
 * `InputError` from lib/shared/errors with field, index and reason as data) and the skeleton
 * - stops the node with a `NodeOperationError` "Item <n>: <message>" carrying `itemIndex`;
 * - with "Continue (using error output)" emits `{ error, details }` only, so n8n moves the item
 *   to its error output;
 * - with "Continue (regular output)" sends the input item plus `error` to `failedOutput`, the
 *   output that means "did not pass" (or a dedicated "Failed" output), never one that means
 *   "passed".
 * `outputs` and `failedOutput` may be functions of the node's parameters (`this`) where the
 * outputs depend on them. tests/nodes/failSafe.ts asserts the rule for an operation in all modes.
 */
export {
	baseDescription,
	optionsCollection,
	OPTIONS_PLACEHOLDER,
	type NodeIdentity,
} from './description';
export { operationRouter } from './router';
export { itemError, Routing, type Items } from './routing';
export type {
	AggregateOperation,
	ItemOperation,
	Operation,
	OperationResult,
	ParameterDependent,
} from './types';
