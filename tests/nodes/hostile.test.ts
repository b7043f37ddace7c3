/**
 * Hostile input through the nodes, run by n8n-core's engine: random batches of good and bad items
 * (Continue On Fail off: the run fails naming the bad item; on: every input item comes out,
 * paired, bad ones with `json.error`); `__proto__` / `constructor` keys in items change nothing;
 * text in the HTML scorecard is escaped.
 */
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import complete from '../fixtures/eightd/complete.json';
import { binaryBuffer, runNode } from './harness';
import type { WorkflowRun } from '../support/workflow-run';

jest.setTimeout(120_000);

interface NodeCase {
	type: string;
	parameters: Record<string, object | string | number | boolean>;
	good: fc.Arbitrary<IDataObject>;
	bad: fc.Arbitrary<IDataObject>;
	/** Aggregating nodes pair one output with many inputs; per-item nodes pair each output with one. */
	aggregates?: boolean;
}

const text = fc.constantFrom(
	'The carton was crushed and the housing is scratched.',
	'外箱破损，产品有划痕',
	'Delivery was 3 weeks late',
	'smoke came out of the charger',
);
const CASES: Record<string, NodeCase> = {
	complaintClassifier: {
		type: 'complaintClassifier',
		parameters: { text: '={{ $json.body }}', routing: 'byCategory' },
		good: text.map((body) => ({ body })),
		bad: fc.constantFrom<IDataObject>(
			{ body: '' },
			{ body: '   ' },
			{},
			{ body: null },
			{ other: 'x' },
		),
	},
	spcCheck: {
		type: 'spcCheck',
		parameters: { operation: 'perItem', seriesField: 'x', chartType: 'imr' },
		good: fc
			.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 30 })
			.filter((a) => new Set(a).size > 2)
			.map((x) => ({ x })),
		bad: fc.constantFrom<IDataObject>(
			{ x: 'abc' },
			{ x: [1, 'two', 3] },
			{ x: [] },
			{},
			{ x: null },
			{ x: [1, null, 2] },
			{ x: { length: 3 } },
		),
	},
	eightDGate: {
		type: 'eightDGate',
		parameters: {
			operation: 'evaluateGate',
			target: 'next',
			options: { now: '2026-03-02T12:00:00+08:00' },
		},
		good: fc
			.constantFrom('D0', 'D1', 'D2')
			.map((stage) => ({ report: { ...(structuredClone(complete) as IDataObject), stage } })),
		bad: fc.constantFrom<IDataObject>(
			{ report: 'not json {' },
			{},
			{ report: null },
			{ report: 42 },
			{ report: { stage: 'D9' } },
		),
	},
	supplierScorecard: {
		type: 'supplierScorecard',
		parameters: { operation: 'scoreRows', metrics: ['ppm'], outputMode: 'single' },
		good: fc.record({
			kind: fc.constant('receipt'),
			supplier: fc.constantFrom('A', 'B', 'C'),
			date: fc.constant('2026-03-02'),
			received: fc.integer({ min: 1, max: 1000 }),
			rejected: fc.constant(0),
		}),
		bad: fc.constantFrom<IDataObject>(
			{ kind: 'receipt', supplier: 'A', date: '2026-03-02', received: 'lots', rejected: 0 },
			{ kind: 'receipt', supplier: '', date: '2026-03-02', received: 1, rejected: 0 },
			{ kind: 'receipt', supplier: 'A', date: 'yesterday', received: 1, rejected: 0 },
		),
		aggregates: true,
	},
	gageRr: {
		type: 'gageRr',
		parameters: { operation: 'crossedStudy', inputMode: 'table' },
		good: fc
			.record({
				parts: fc.integer({ min: 2, max: 5 }),
				operators: fc.integer({ min: 2, max: 3 }),
				trials: fc.integer({ min: 2, max: 3 }),
				seed: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 45, maxLength: 45 }),
			})
			.map(({ parts, operators, trials, seed }) => {
				const measurements: IDataObject[] = [];
				for (let p = 0; p < parts; p++)
					for (let o = 0; o < operators; o++)
						for (let t = 0; t < trials; t++)
							measurements.push({
								part: p,
								operator: `op${o}`,
								value: 10 * p + seed[measurements.length] / 10,
							});
				return { measurements };
			}),
		bad: fc.constantFrom<IDataObject>(
			{ measurements: [{ part: 1, operator: 'A', value: 'x' }] },
			{ measurements: 'not json [' },
			{ measurements: { part: 1 } },
			{},
			{
				measurements: [
					{ part: 1, operator: 'A', value: 1 },
					{ part: 1, operator: 'A', value: 2 },
					{ part: 2, operator: 'A', value: 3 },
				],
			},
		),
	},
	fmea: {
		type: 'fmea',
		parameters: { operation: 'analyze', options: { chart: 'none', html: false } },
		good: fc.record({
			id: fc.uuid(),
			failureMode: fc.constantFrom('Crimp height too low', '端子退针', 'Housing cracked'),
			severity: fc.integer({ min: 1, max: 10 }),
			occurrence: fc.integer({ min: 1, max: 10 }),
			detection: fc.integer({ min: 1, max: 10 }),
		}),
		bad: fc.constantFrom<IDataObject>(
			{ id: 'B-1', failureMode: 'Crimp height too low', severity: 11, occurrence: 2, detection: 3 },
			{ failureMode: 'Crimp height too low', severity: 5, occurrence: 2, detection: 3 },
			{ id: 'B-2', failureMode: '', severity: 5, occurrence: 2, detection: 3 },
			{ id: 'B-3', failureMode: 'x', severity: 'high', occurrence: 2, detection: 3 },
			{ id: 'B-4', failureMode: 'x', severity: 5, occurrence: 2.5, detection: 3 },
		),
		aggregates: true,
	},
};

/** Indices of input items each output item is paired with, over all outputs. */
function pairedIndices(
	run: WorkflowRun,
	node: string,
): { outputs: INodeExecutionData[]; indices: number[] } {
	const counts = run.outputCounts(node);
	const outputs = counts.flatMap((_, o) => run.output(node, o));
	const indices = outputs.flatMap((item) => {
		const p = item.pairedItem;
		const list = Array.isArray(p) ? p : p === undefined ? [] : [p];
		return list.map((x) => (typeof x === 'number' ? x : x.item));
	});
	return { outputs, indices };
}

describe.each(Object.entries(CASES))('%s with random good and bad items', (_, c) => {
	const batch = fc.array(
		fc.oneof(
			c.good.map((json) => ({ json, bad: false })),
			c.bad.map((json) => ({ json, bad: true })),
		),
		{ minLength: 1, maxLength: 8 },
	);

	test('Continue On Fail off: fails naming the first bad item, or passes every item through', async () => {
		await fc.assert(
			fc.asyncProperty(batch, async (items) => {
				const { run, node } = await runNode({
					type: c.type,
					parameters: c.parameters,
					items: items.map((i) => i.json),
				});
				const firstBad = items.findIndex((i) => i.bad);
				if (firstBad >= 0) {
					expect(run.error).toBeDefined();
					expect(run.error!.message).toMatch(
						new RegExp(`Item ${firstBad}\\b|item ${firstBad}\\b`, 'i'),
					);
				} else {
					expect(run.error).toBeUndefined();
					const { indices } = pairedIndices(run, node);
					expect(new Set(indices)).toEqual(new Set(items.map((_, i) => i)));
				}
			}),
			{ numRuns: 25 },
		);
	});

	test('Continue On Fail on: every input item comes out paired; bad ones carry an error naming the item', async () => {
		await fc.assert(
			fc.asyncProperty(batch, async (items) => {
				const { run, node } = await runNode({
					type: c.type,
					parameters: c.parameters,
					items: items.map((i) => i.json),
					continueOnFail: true,
				});
				expect(run.error).toBeUndefined();
				const { outputs, indices } = pairedIndices(run, node);
				expect(new Set(indices)).toEqual(new Set(items.map((_, i) => i)));
				const errors = outputs.filter((o) => o.json.error !== undefined);
				const badIndices = items.flatMap((it, i) => (it.bad ? [i] : []));
				const errorIndices = errors
					.map((o) => (o.pairedItem as { item: number }).item)
					.sort((a, b) => a - b);
				expect(errorIndices).toEqual(badIndices);
				if (!c.aggregates) expect(outputs).toHaveLength(items.length);
			}),
			{ numRuns: 25 },
		);
	});
});

describe('__proto__ and constructor keys in input items change nothing', () => {
	const strip = (items: INodeExecutionData[]) =>
		items.map((i) =>
			JSON.parse(
				JSON.stringify(i.json, (k, v) =>
					k === '__proto__' || k === 'constructor' || k === 'receivedAt' || k === 'dueAt'
						? undefined
						: v,
				),
			),
		);

	test.each(Object.entries(CASES))('%s', async (_, c) => {
		const [good] = fc.sample(c.good, { numRuns: 1, seed: 7 });
		const hostile = JSON.parse(
			JSON.stringify(good).replace(
				/^\{/,
				'{"__proto__":{"x":"polluted","body":"fire smoke injury","report":null,"received":0,"kind":"audit"},"constructor":{"prototype":{"polluted":true}},',
			),
		);
		const plain = await runNode({ type: c.type, parameters: c.parameters, items: [good] });
		const attacked = await runNode({ type: c.type, parameters: c.parameters, items: [hostile] });
		expect(attacked.run.error).toBeUndefined();
		expect(attacked.run.outputCounts(attacked.node)).toEqual(plain.run.outputCounts(plain.node));
		const all = (r: typeof plain) =>
			r.run.outputCounts(r.node).flatMap((_, o) => r.run.output(r.node, o));
		expect(strip(all(attacked))).toEqual(strip(all(plain)));
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});
});

describe('Supplier Scorecard HTML report escapes the data', () => {
	test('supplier names with markup come out as text', async () => {
		const evil = [
			'<script>alert(1)</script>',
			'"><img src=x onerror=alert(1)>',
			"O'Brien & Sons </td></table>",
		];
		const { run, node } = await runNode({
			type: 'supplierScorecard',
			parameters: {
				operation: 'scoreRows',
				metrics: ['ppm'],
				outputMode: 'single',
				htmlReport: true,
				options: { reportTitle: '<iframe src=//evil>' },
			},
			items: evil.map((supplier) => ({
				kind: 'receipt',
				supplier,
				date: '2026-03-02',
				received: 100,
				rejected: 1,
			})),
		});
		expect(run.error).toBeUndefined();
		const withHtml = run
			.outputCounts(node)
			.flatMap((_, o) => run.output(node, o))
			.find((i) => i.binary?.scorecard);
		expect(withHtml).toBeDefined();
		const html = (await binaryBuffer(withHtml!, 'scorecard')).toString('utf8');
		expect(html).not.toMatch(/<(script|img|iframe)\b/i);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).not.toContain('</td></table>"');
	});
});
