/**
 * Runs a template's Code-node program (workflows/src/code/<template>/<node>.js) the way n8n's Code
 * node (JavaScript, task runner, n8n 2.x) does, for unit tests without an n8n:
 *
 * - the program is the body of an async function, run in a fresh `vm` context with the data proxy
 *   of its mode: `$input`, `$json`, `$('Node')`, `$now`, `DateTime` ..., plus `items` ("Run Once
 *   for All Items") or `item` ("Run Once for Each Item", once per input item);
 * - "Each Item" programs may not call `$input.all()/first()/last()/itemMatching()`, as n8n refuses;
 * - the result is checked and normalised as n8n does: all items: an array of items or plain
 *   objects (wrapped in `json`) or one object, `null` meaning no items; each item: one object
 *   (not an array) paired with its input item, `null` skipping it.
 *
 * The data of other nodes (`$('Settings').first()`) comes from `nodes`; the item paired with the
 * current one (`$('Node').item`) is the one at the same index, as in a linear workflow.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

import { DateTime, Duration, Interval } from 'luxon';
import { normalizeItems } from 'n8n-core';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

export type CodeMode = 'runOnceForAllItems' | 'runOnceForEachItem';
type ItemsLike = Array<IDataObject | INodeExecutionData>;

export interface CodeRun {
	/** Items arriving at the Code node (plain objects are taken as their json). */
	input: ItemsLike;
	/** Output items of the nodes the program reads with `$('Name')`. */
	nodes?: Record<string, ItemsLike>;
	/** `$now` (default: the real time). */
	now?: DateTime;
}

const N8N_ITEM_KEYS = new Set(['json', 'binary', 'pairedItem', 'error', 'index']);
const codeRoot = path.resolve(__dirname, '../../workflows/src/code');

/** The source of workflows/src/code/<template>/<program>.js, as the template ships it. */
export function codeProgram(template: string, program: string): string {
	return fs.readFileSync(path.join(codeRoot, template, `${program}.js`), 'utf8');
}

const asItems = (items: ItemsLike): INodeExecutionData[] =>
	items.map((i) =>
		'json' in i && typeof i.json === 'object'
			? (i as INodeExecutionData)
			: { json: i as IDataObject },
	);

/** The task runner hands the program copies: what it changes never reaches other nodes. */
const copy = <T>(value: T): T => structuredClone(value);

function itemsAccessor(items: INodeExecutionData[], index?: number) {
	return {
		all: () => copy(items),
		first: () => copy(items[0]),
		last: () => copy(items[items.length - 1]),
		get item() {
			if (index === undefined)
				throw new Error("Can't use .item here: it is 'Run Once for Each Item' only");
			return copy(items[index]);
		},
	};
}

function context(run: CodeRun, input: INodeExecutionData[], index?: number): vm.Context {
	const now = run.now ?? DateTime.now();
	const nodes = Object.fromEntries(
		Object.entries(run.nodes ?? {}).map(([name, items]) => [name, asItems(items)]),
	);
	const $ = (name: string) => {
		if (!(name in nodes)) throw new Error(`Referenced node doesn't exist: ${name}`);
		return itemsAccessor(nodes[name], index ?? 0);
	};
	const current = index === undefined ? input[0] : input[index];
	const globals: Record<string, unknown> = {
		$,
		$input: itemsAccessor(input, index),
		$json: current ? copy(current.json) : undefined,
		$binary: current?.binary ? copy(current.binary) : {},
		$now: now,
		$today: now.startOf('day'),
		$itemIndex: index ?? 0,
		$runIndex: 0,
		DateTime,
		Duration,
		Interval,
		console: { log: () => undefined, warn: () => undefined, error: () => undefined },
	};
	if (index === undefined) globals.items = copy(input);
	else globals.item = copy(input[index]);
	return vm.createContext(globals);
}

async function execute(code: string, ctx: vm.Context): Promise<unknown> {
	return await vm.runInContext(`(async function VmCodeWrapper() {${code}\n})()`, ctx, {
		timeout: 5000,
	});
}

function checkItem(item: INodeExecutionData, index: number): void {
	if (typeof item.json !== 'object' || item.json === null || Array.isArray(item.json))
		throw new Error(`Item ${index}: A 'json' property isn't an object`);
	const keys = Object.keys(item);
	if (keys.some((k) => N8N_ITEM_KEYS.has(k)) && keys.some((k) => !N8N_ITEM_KEYS.has(k)))
		throw new Error(
			`Item ${index}: Unknown top-level item key: ${keys.find((k) => !N8N_ITEM_KEYS.has(k))}`,
		);
}

/** Runs the program in the given mode and returns the node's output items. */
export async function runCode(
	code: string,
	mode: CodeMode,
	run: CodeRun,
): Promise<INodeExecutionData[]> {
	const input = asItems(run.input);
	if (mode === 'runOnceForAllItems') {
		const result = await execute(code, context(run, input));
		if (result === null) return [];
		if (typeof result !== 'object' || result === undefined)
			throw new Error("Code doesn't return items properly");
		if (Array.isArray(result)) {
			if (result.some((i) => typeof i !== 'object' || i === null || Array.isArray(i)))
				throw new Error("Code doesn't return items properly");
			if (result.some((i) => Object.keys(i).some((k) => N8N_ITEM_KEYS.has(k))))
				result.forEach((i, index) => checkItem(i as INodeExecutionData, index));
		}
		const items = normalizeItems(result as INodeExecutionData[]);
		items.forEach(checkItem);
		return items;
	}
	const disallowed = /\$input\.(first|last|all|itemMatching)\b/.exec(
		code
			.split('\n')
			.filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
			.join('\n'),
	);
	if (disallowed) throw new Error(`Can't use .${disallowed[1]}() here`);
	const output: INodeExecutionData[] = [];
	for (let index = 0; index < input.length; index++) {
		const result = await execute(code, context(run, input, index));
		if (result === null || result === undefined) continue;
		if (typeof result !== 'object') throw new Error(`Item ${index}: Code doesn't return an object`);
		if (Array.isArray(result))
			throw new Error(`Item ${index}: Code doesn't return a single object`);
		const [item] = normalizeItems([result as INodeExecutionData]);
		checkItem(item, index);
		output.push({ ...item, json: item.json, pairedItem: { item: index } });
	}
	return output;
}
