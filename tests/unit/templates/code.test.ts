/**
 * The templates' Code-node programs (workflows/src/code/), each run on sample items the way n8n's
 * Code node runs it (tests/support/code-node.ts), with hand-worked expectations.
 */
import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { codeProgram, runCode } from '../../support/code-node';

describe('the Code-node runner behaves as n8n 2.x', () => {
	it('All Items: plain objects are wrapped in json, one object is one item, null is none', async () => {
		const input = [{ a: 1 }, { a: 2 }];
		expect(
			await runCode('return $input.all().map((i) => ({ b: i.json.a }));', 'runOnceForAllItems', {
				input,
			}),
		).toEqual([{ json: { b: 1 } }, { json: { b: 2 } }]);
		expect(await runCode('return { n: items.length };', 'runOnceForAllItems', { input })).toEqual([
			{ json: { n: 2 } },
		]);
		expect(await runCode('return null;', 'runOnceForAllItems', { input })).toEqual([]);
		await expect(
			runCode('return [{ json: {}, extra: 1 }];', 'runOnceForAllItems', { input }),
		).rejects.toThrow('Unknown top-level item key: extra');
	});

	it('Each Item: one object per item, paired; no arrays; no $input.all()', async () => {
		const input = [{ a: 1 }, { a: 2 }];
		expect(
			await runCode('return { json: { b: $json.a * 10 } };', 'runOnceForEachItem', { input }),
		).toEqual([
			{ json: { b: 10 }, pairedItem: { item: 0 } },
			{ json: { b: 20 }, pairedItem: { item: 1 } },
		]);
		await expect(runCode('return [$json];', 'runOnceForEachItem', { input })).rejects.toThrow(
			"Code doesn't return a single object",
		);
		await expect(
			runCode('return $input.all()[0];', 'runOnceForEachItem', { input }),
		).rejects.toThrow("Can't use .all() here");
	});

	it('hands the program copies: changing them leaves the input alone', async () => {
		const input = [{ list: [1] }];
		await runCode('$json.list.push(2); return $json;', 'runOnceForEachItem', { input });
		expect(input).toEqual([{ list: [1] }]);
	});
});

describe('8D review form: Merge submission (each item)', () => {
	const code = codeProgram('8d-review-form', 'merge-submission');
	const report = {
		id: '8D-20260301-1a2b3c4d',
		stage: 'D0',
		disciplines: { D0: { symptom: 'smoke' } },
	};
	const row = { caseId: report.id, report: JSON.stringify(report) };
	const submit = (form: Record<string, string>) =>
		runCode(code, 'runOnceForEachItem', {
			input: [row],
			nodes: { '8D review form': [{ 'Case ID': report.id, 'Your name': 'Li Na', ...form }] },
		});

	it('D0: the emergency response with one action per line; target D1', async () => {
		const [out] = await submit({
			Discipline: 'D0',
			'Emergency response needed?': 'Yes',
			'Actions (one per line)': 'Stop shipment\r\n\r\n  Sort stock at customer  ',
		});
		expect(out.pairedItem).toEqual({ item: 0 });
		expect(out.json).toMatchObject({
			caseId: report.id,
			actor: 'Li Na',
			discipline: 'D0',
			target: 'D1',
		});
		expect((out.json.report as typeof report).disciplines.D0).toEqual({
			symptom: 'smoke',
			emergencyResponse: {
				needed: true,
				actions: [{ description: 'Stop shipment' }, { description: 'Sort stock at customer' }],
			},
		});
	});

	it('D1: team members "name, role" (ASCII or Chinese comma), role in lower case', async () => {
		const [out] = await submit({
			Discipline: 'D1',
			'Team members (one per line: name, role)': 'Wang Wei, Leader\n赵敏，engineer\nZhou Li',
		});
		expect((out.json.report as { disciplines: Record<string, unknown> }).disciplines.D1).toEqual({
			team: [
				{ name: 'Wang Wei', role: 'leader' },
				{ name: '赵敏', role: 'engineer' },
				{ name: 'Zhou Li' },
			],
		});
		expect(out.json.target).toBe('D2');
	});

	it('more content as JSON is merged into the discipline; D8 targets closed', async () => {
		const [out] = await submit({
			Discipline: 'D8',
			'More content (JSON, optional)': '{ "recognition": "team thanked", "closedBy": "Li Na" }',
		});
		expect(out.json.target).toBe('closed');
		expect((out.json.report as { disciplines: Record<string, unknown> }).disciplines.D8).toEqual({
			recognition: 'team thanked',
			closedBy: 'Li Na',
		});
	});

	it('JSON that does not parse fails with a message saying so', async () => {
		await expect(
			submit({ Discipline: 'D3', 'More content (JSON, optional)': '{ actions: [' }),
		).rejects.toThrow(/^More content is not valid JSON: /);
	});
});

describe('SPC monitor: Series per characteristic (all items)', () => {
	const code = codeProgram('spc-monitor', 'series-per-characteristic');

	it('one series per characteristic in time order (ties by row id), rows without a value left out', async () => {
		const input = [
			{
				id: 3,
				characteristic: 'bore',
				value: 12.03,
				measuredAt: '2026-03-01T10:00:00Z',
				line: 'L1',
				unit: 'mm',
			},
			{
				id: 1,
				characteristic: 'bore',
				value: 12.01,
				measuredAt: '2026-03-01T08:00:00Z',
				line: 'L1',
				unit: 'mm',
			},
			{ id: 7, characteristic: 'shaft', value: '50.1', measuredAt: '2026-03-01T09:00:00Z' },
			{ id: 2, characteristic: 'bore', value: null, measuredAt: '2026-03-01T09:00:00Z' },
			{
				id: 5,
				characteristic: 'bore',
				value: 12.02,
				measuredAt: '2026-03-01T10:00:00Z',
				line: 'L2',
				unit: 'mm',
			},
			{ id: 6, value: 1, measuredAt: '2026-03-01T10:00:00Z' },
		];
		expect(await runCode(code, 'runOnceForAllItems', { input })).toEqual([
			{
				json: {
					characteristic: 'bore',
					line: 'L2',
					unit: 'mm',
					values: [12.01, 12.03, 12.02],
					lastMeasuredAt: '2026-03-01T10:00:00Z',
				},
			},
			{
				json: {
					characteristic: 'shaft',
					line: '',
					unit: '',
					values: [50.1],
					lastMeasuredAt: '2026-03-01T09:00:00Z',
				},
			},
		]);
	});

	it('keeps the last 100 points of a long series', async () => {
		const input = Array.from({ length: 130 }, (_, i) => ({
			id: i,
			characteristic: 'bore',
			value: i,
			measuredAt: DateTime.fromISO('2026-03-01T00:00:00Z', { zone: 'utc' })
				.plus({ minutes: i })
				.toISO(),
		}));
		const [series] = await runCode(code, 'runOnceForAllItems', { input });
		expect(series.json.values).toEqual(Array.from({ length: 100 }, (_, i) => i + 30));
	});
});

describe('Weekly complaint Pareto: 8D on-time rate (all items)', () => {
	const code = codeProgram('complaint-pareto-weekly', 'eight-d-on-time');
	const now = DateTime.fromISO('2026-03-20T12:00:00Z', { zone: 'utc' });
	const pareto = {
		total: 6,
		pareto: [{ category: 'production', count: 6 }],
		html: '<div>pareto</div>',
	};
	const run = (cases: IDataObject[]) =>
		runCode(code, 'runOnceForAllItems', {
			input: [pareto],
			nodes: { 'Complaints of the window': cases },
			now,
		});

	it('on time = closed by the D8 date or open and not past it; containment overdue = D0-D2 past D3', async () => {
		const [out] = await run([
			// closed a day before its D8 date: on time
			{
				caseId: 'A',
				stage: 'closed',
				d8DueAt: '2026-03-15T00:00:00Z',
				closedAt: '2026-03-14T00:00:00Z',
			},
			// closed after it: late
			{
				caseId: 'B',
				stage: 'closed',
				d8DueAt: '2026-03-10T00:00:00Z',
				closedAt: '2026-03-12T00:00:00Z',
			},
			// open, D8 ahead; still in D1 with D3 past: containment overdue
			{
				caseId: 'C',
				stage: 'D1',
				d8DueAt: '2026-04-01T00:00:00Z',
				d3DueAt: '2026-03-19T00:00:00Z',
			},
			// open and past D8: late; D3 passed but in D4 already: contained
			{
				caseId: 'D',
				stage: 'D4',
				d8DueAt: '2026-03-19T00:00:00Z',
				d3DueAt: '2026-03-01T00:00:00Z',
			},
			// no D8 date: not judged; D0 with D3 still ahead
			{ caseId: 'E', stage: 'D0', d3DueAt: '2026-03-21T00:00:00Z' },
			// the empty item a Filter passes on when nothing is left
			{},
		]);
		expect(out.json.eightD).toEqual({
			judged: 4,
			onTime: 2,
			onTimeRate: 0.5,
			containmentOverdue: 1,
		});
		expect(out.json).toMatchObject({ total: 6, pareto: pareto.pareto });
		expect(out.json.html).toBe(
			'<div>pareto</div><p style="font-family:Arial,Helvetica,sans-serif;font-size:14px;">' +
				'8D on time: 50 % (2 of 4). Containment overdue: 1.</p>',
		);
	});

	it('no complaints in the window: rate n/a', async () => {
		const [out] = await run([{}]);
		expect(out.json.eightD).toEqual({
			judged: 0,
			onTime: 0,
			onTimeRate: null,
			containmentOverdue: 0,
		});
		expect(out.json.html).toContain('8D on time: n/a (0 of 0)');
	});
});
