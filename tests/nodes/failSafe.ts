/**
 * The fail-safe rule, asserted through n8n's engine for one operation and a set of items of which
 * some are bad:
 * - without "Continue On Fail" the node fails naming the first bad item;
 * - "Continue (regular output)": every bad item comes out on the operation's failed output,
 *   carrying `error` that names it; nothing else fails, every input item is paired;
 * - "Continue (using error output)": n8n moves every bad item to its error output (the extra
 *   last output), paired with it; no bad item stays on the node's own outputs.
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { runNode, type SingleNodeRun } from './harness';

export interface FailSafeCase extends Omit<SingleNodeRun, 'continueOnFail' | 'onError'> {
	/** Indices of the items that must fail. */
	bad: number[];
	/** The output meaning "did not pass" (or the dedicated Failed output). */
	failedOutput: number;
	/** Text the error of the first bad item contains, after "Item <n>: ". */
	reason?: string | RegExp;
	/** Whether one output item stands for several inputs (aggregating operations). */
	aggregate?: boolean;
}

function paired(item: INodeExecutionData): number[] {
	const pairing = item.pairedItem as IPairedItemData | IPairedItemData[] | undefined;
	if (pairing === undefined) return [];
	return (Array.isArray(pairing) ? pairing : [pairing]).map((p) => p.item);
}

/** Input indices paired by the items of `outputs`, each once per output item. */
function pairedIndices(outputs: INodeExecutionData[][]): number[] {
	return outputs.flatMap((items) => items.flatMap(paired));
}

function allOutputs(
	run: Awaited<ReturnType<typeof runNode>>['run'],
	node: string,
): INodeExecutionData[][] {
	return run.outputCounts(node).map((_, index) => run.output(node, index));
}

/** Runs `spec` in the three modes and asserts the rule; returns the runs for further checks. */
export async function expectFailSafe(spec: FailSafeCase) {
	const first = spec.bad[0];
	const stopped = await runNode(spec);
	const message = stopped.run.nodeError(stopped.node)?.message;
	expect(message).toMatch(new RegExp(`^Item ${first}: `));
	if (spec.reason !== undefined) expect(message).toMatch(spec.reason);

	const regular = await runNode({ ...spec, onError: 'continueRegularOutput' });
	expect(regular.run.error).toBeUndefined();
	const outputs = allOutputs(regular.run, regular.node);
	const failures = outputs.map((items) => items.filter((i) => i.json.error !== undefined));
	failures.forEach((items, output) => {
		if (output !== spec.failedOutput) expect(items).toEqual([]);
	});
	const failed = failures[spec.failedOutput];
	for (const bad of spec.bad) {
		const item = failed.find((i) => String(i.json.error).startsWith(`Item ${bad}: `));
		expect(item).toBeDefined();
		expect(paired(item!)).toContain(bad);
	}
	const inputs = spec.items.map((_, index) => index);
	expect([...new Set(pairedIndices(outputs))].sort((a, b) => a - b)).toEqual(inputs);
	if (!spec.aggregate) expect(pairedIndices(outputs).sort((a, b) => a - b)).toEqual(inputs);

	const toErrorOutput = await runNode({ ...spec, onError: 'continueErrorOutput' });
	expect(toErrorOutput.run.error).toBeUndefined();
	const routed = allOutputs(toErrorOutput.run, toErrorOutput.node);
	const errorOutput = routed[routed.length - 1];
	routed.slice(0, -1).forEach((items) => {
		expect(items.filter((i) => i.json.error !== undefined)).toEqual([]);
	});
	for (const bad of spec.bad) {
		const item = errorOutput.find((i) => String(i.json.error).startsWith(`Item ${bad}: `));
		expect(item).toBeDefined();
		expect(paired(item!)).toContain(bad);
		expect((item!.json.details as IDataObject).item).toBe(bad);
	}
	expect([...new Set(pairedIndices(routed))].sort((a, b) => a - b)).toEqual(inputs);
	return { regular, toErrorOutput };
}
