/**
 * The Code-node programs of "QMS tools (MCP server)" run as n8n's Code node runs them
 * (tests/support/code-node.ts), with hand-worked expectations.
 */
import type { IDataObject } from 'n8n-workflow';

import { codeProgram, runCode } from '../../support/code-node';

describe('QMS tools: Rows named (all items)', () => {
	const code = codeProgram('qms-tools-mcp', 'rows-named');
	// What the Data Table's ILIKE '%acme%' returns: every supplier whose name contains the text.
	const rows = [
		{ id: 1, supplier: 'Acme Castings', kind: 'receipt' },
		{ id: 2, supplier: 'Acme Castings Asia', kind: 'receipt' },
		{ id: 3, supplier: 'Acme Castings', kind: 'delivery' },
	];
	const run = (call: Record<string, string>, input: IDataObject[]) =>
		runCode(code, 'runOnceForAllItems', { input, nodes: { 'Tool call': [call] } });

	it('keeps the rows of exactly the name asked, ignoring case and surrounding spaces', async () => {
		const out = await run({ tool: 'supplier_scorecard', supplier: ' acme castings ' }, rows);
		expect(out.map((i) => i.json.id)).toEqual([1, 3]);
	});

	it('without an exact match: one item found=false with the names that contain it, sorted', async () => {
		expect(await run({ tool: 'supplier_scorecard', supplier: 'Acme' }, rows)).toEqual([
			{
				json: {
					found: false,
					supplier: 'Acme',
					similar: ['Acme Castings', 'Acme Castings Asia'],
				},
			},
		]);
	});

	it('spc_check looks at the characteristic; the empty item of an empty table means no names', async () => {
		const measurements = [
			{ characteristic: 'bore-diameter', value: 12 },
			{ characteristic: 'Bore-Diameter', value: 12.01 },
		];
		const out = await run({ tool: 'spc_check', characteristic: 'BORE-diameter' }, measurements);
		expect(out.map((i) => i.json.value)).toEqual([12, 12.01]);
		expect(await run({ tool: 'spc_check', characteristic: 'bore-diameter' }, [{}])).toEqual([
			{ json: { found: false, characteristic: 'bore-diameter', similar: [] } },
		]);
	});
});

describe('QMS tools: Series and specs (all items)', () => {
	const code = codeProgram('qms-tools-mcp', 'series-and-specs');
	const specs = { 'bore-diameter': { lsl: 11.97, usl: 12.03, target: 12 } };
	const run = (input: IDataObject[]) =>
		runCode(code, 'runOnceForAllItems', { input, nodes: { 'Spec limits': [{ specs }] } });

	it('orders by time, drops empty values, keeps the latest 100, adds the spec limits', async () => {
		const input = Array.from({ length: 103 }, (_, i) => ({
			id: i + 1,
			characteristic: 'bore-diameter',
			// rows 1..103 measured in reverse order of their ids, one minute apart
			measuredAt: `2026-10-01T${String(8 + Math.floor((103 - i) / 60)).padStart(2, '0')}:${String((103 - i) % 60).padStart(2, '0')}:00Z`,
			value: i === 50 ? null : String(12 + i / 1000),
			unit: 'mm',
		}));
		const [out] = await run(input);
		// 102 rows with a value (row 51 has none); the two oldest, rows 103 and 102, fall out.
		const kept = input
			.filter((r) => r.value !== null)
			.sort((a, b) => a.measuredAt.localeCompare(b.measuredAt))
			.slice(-100);
		expect(kept[0].id).toBe(101);
		expect(out.json).toEqual({
			characteristic: 'bore-diameter',
			unit: 'mm',
			values: kept.map((r) => Number(r.value)),
			firstMeasuredAt: '2026-10-01T08:03:00Z',
			lastMeasuredAt: '2026-10-01T09:43:00Z',
			lsl: 11.97,
			usl: 12.03,
			target: 12,
		});
		expect(out.json.values).toHaveLength(100);
	});

	it('a characteristic without spec limits gets none (no capability)', async () => {
		const [out] = await run([
			{ id: 1, characteristic: 'shaft-length', measuredAt: '2026-10-01T08:00:00Z', value: 50 },
		]);
		expect(out.json).toEqual({
			characteristic: 'shaft-length',
			unit: '',
			values: [50],
			firstMeasuredAt: '2026-10-01T08:00:00Z',
			lastMeasuredAt: '2026-10-01T08:00:00Z',
		});
	});
});
