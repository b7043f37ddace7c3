/**
 * The templates' Code-node programs (workflows/src/code/), each run on sample items the way n8n's
 * Code node runs it (tests/support/code-node.ts), with hand-worked expectations.
 */
import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import {
	advance,
	evaluateGate,
	evaluateSpcProof,
	openFromComplaint,
	verifyHistory,
	type EightDReport,
	type EightDTarget,
} from '../../../lib/eightd';
import formAnswers from '../../fixtures/8d-review-form/answers.json';
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

const opened = openFromComplaint(
	{
		text: 'The shipment arrived four days late and two cartons were crushed, parts inside are bent.',
		customer: 'Fabrikam Tools',
		severity: 'major',
		category: 'logistics',
	},
	{ id: '8D-FORM-0001' },
);

describe('8D review form: Merge submission (each item)', () => {
	const code = codeProgram('8d-review-form', 'merge-submission');
	type Report = EightDReport & { evidence?: Array<{ id: string; discipline: string }> };
	/** Page 2 of `discipline` submitted on the case `report` by Li Na. */
	async function submit(report: EightDReport, discipline: string, answers: Record<string, string>) {
		const [out] = await runCode(code, 'runOnceForEachItem', {
			input: [answers],
			nodes: {
				'8D review form': [{ caseId: report.id, discipline, name: ' Li Na ' }],
				'Load case': [{ caseId: report.id, report: JSON.stringify(report) }],
			},
		});
		return out;
	}
	const pages = formAnswers.pages as Record<string, Record<string, string>>;

	it('the answers of every page, D0 to D8, take the case through every gate of the default rule set to closed', async () => {
		let report: EightDReport = opened;
		for (const discipline of Object.keys(pages)) {
			const out = await submit(report, discipline, pages[discipline]);
			expect(out.pairedItem).toEqual({ item: 0 });
			const target = discipline === 'D8' ? 'closed' : `D${Number(discipline.slice(1)) + 1}`;
			expect(out.json).toMatchObject({ caseId: report.id, actor: 'Li Na', discipline, target });
			const merged = out.json.report as EightDReport;
			const gate = evaluateGate(merged, target as EightDTarget);
			expect([discipline, gate.missing]).toEqual([discipline, []]);
			report = advance(merged, target as EightDTarget, 'Li Na');
		}
		expect(report).toMatchObject({ status: 'closed', stage: 'D8' });
		expect(verifyHistory(report)).toEqual({ valid: true });
	});

	it('maps the answers onto the record fields: team roles in Chinese, quantities per location, 5-Why, Ishikawa, cited evidence', async () => {
		const d1 = (await submit(opened, 'D1', pages.D1)).json.report as Report;
		expect(d1.disciplines.D1?.team).toEqual([
			{ name: 'Zhang Wei', role: 'champion', department: 'Plant management' },
			{ name: 'Li Na', role: 'leader', department: 'Quality' },
			{ name: 'Wang Fang', role: 'member', department: 'Production' },
			{ name: '赵敏', role: 'expert', department: '工艺' },
		]);
		const d3 = (await submit(opened, 'D3', pages.D3)).json.report as Report;
		expect(d3.disciplines.D3?.quantities).toEqual([
			{ location: 'customer-stock', suspect: 400, sorted: 400, rejected: 12 },
			{ location: 'in-transit', suspect: 200, sorted: 200, rejected: 3 },
			{ location: 'finished-goods', suspect: 600, sorted: 600, rejected: 0 },
			{ location: 'wip', suspect: 150, sorted: 150, rejected: 1 },
		]);
		expect(d3.disciplines.D3?.actions?.[1]).toEqual({
			id: 'C2',
			description: 'Sort all brackets of lot 2611-03, rejected parts quarantined',
			owner: 'Wang Fang',
			implementedAt: '2026-11-20T12:00:00Z',
			scope: 'in-transit',
			quantities: { suspect: 200, sorted: 200, rejected: 3 },
			verification: {
				result: 'effective',
				by: 'Li Na',
				at: '2026-11-21T12:00:00Z',
				method: 'Re-check of 50 sorted parts',
			},
		});
		const d4 = (await submit(opened, 'D4', pages.D4)).json.report as Report;
		const [occurrence, escape] = d4.disciplines.D4?.rootCauses ?? [];
		expect(occurrence).toMatchObject({ id: 'RC1', type: 'occurrence', category: 'method' });
		expect(occurrence.fiveWhy).toHaveLength(3);
		expect(escape).toMatchObject({
			type: 'escape',
			category: 'measurement',
			escapePoint: 'Outgoing inspection, shipping dock',
			verification: { result: 'confirmed', evidence: ['D4-E1', 'D4-E2'] },
		});
		expect(d4.disciplines.D4?.ishikawa).toEqual({
			man: [],
			machine: [],
			method: ['Stacking rule three high', 'No corner posts'],
			material: ['Carton grade B flute'],
			measurement: ['No check of stacking height'],
			environment: [],
		});
		expect(d4.evidence?.map((e) => [e.id, e.discipline])).toEqual([
			['D4-E1', 'D4'],
			['D4-E2', 'D4'],
		]);
		// Sending the page again replaces the discipline's evidence instead of adding to it.
		const again = (await submit(d4, 'D4', pages.D4)).json.report as Report;
		expect(again.evidence).toHaveLength(2);
	});

	it('D6 with the SPC proof: characteristic, fix date and limits, keeping the measurements attached to it', async () => {
		const measurements = [{ at: '2026-12-09T08:00:00Z', value: 12.01 }];
		const report = structuredClone(opened) as EightDReport;
		report.disciplines.D5 = { actions: [{ id: 'PA1', description: 'x' }] };
		report.disciplines.D6 = { spc: { characteristic: 'bore-diameter', measurements } };
		const out = await submit(report, 'D6', {
			implementedOn: '2026-12-08',
			characteristic: 'bore-diameter',
			fixedOn: '2026-12-08',
			lsl: '11,95',
			usl: '12.05',
		});
		expect((out.json.report as Report).disciplines.D6).toEqual({
			actions: [{ actionId: 'PA1', implementedAt: '2026-12-08T12:00:00Z' }],
			spc: {
				characteristic: 'bore-diameter',
				measurements,
				fixedAt: '2026-12-08T12:00:00Z',
				lsl: 11.95,
				usl: 12.05,
			},
		});
	});

	it('a quantity or an FMEA rating that is not one fails naming the value', async () => {
		await expect(submit(opened, 'D3', { customerSuspect: '-4' })).rejects.toThrow(
			'"-4" is not a quantity (a whole number, 0 or more)',
		);
		await expect(submit(opened, 'D7', { fmeaRows: 'PF-1; mode; cause; 11; 2; 3' })).rejects.toThrow(
			'FMEA row 1: severity 11 is not a rating from 1 to 10',
		);
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

describe('SPC monitor: Attach SPC proof (all items)', () => {
	const code = codeProgram('spc-monitor', 'attach-spc-proof');
	const FIX = '2026-10-01T12:00:00Z';
	/** `n` hourly measurements of `characteristic` from `start` (ISO), values 12.00, 12.01, ... */
	const series = (characteristic: string, start: string, n: number) =>
		Array.from({ length: n }, (_, i) => ({
			characteristic,
			value: String(12 + i / 100),
			measuredAt: new Date(Date.parse(start) + i * 3_600_000).toISOString(),
			unit: 'mm',
		}));
	const caseRow = (caseId: string, d6: object) => ({
		caseId,
		report: JSON.stringify({ id: caseId, stage: 'D6', disciplines: { D6: d6 } }),
	});

	it('the 25 points before the fix and all after it, in time order, with an evidence entry; cases without a proof are left out', async () => {
		const before = series('bore-diameter', '2026-09-29T00:00:00Z', 30);
		const after = series('bore-diameter', FIX, 27);
		const other = series('shaft-length', FIX, 5);
		const out = await runCode(code, 'runOnceForAllItems', {
			input: [
				caseRow('8D-A', { spc: { characteristic: 'bore-diameter', fixedAt: FIX } }),
				caseRow('8D-B', { actions: [{ actionId: 'PA1', implementedAt: FIX }] }),
				caseRow('8D-C', {
					actions: [
						{ actionId: 'PA1', implementedAt: '2026-09-01T00:00:00Z' },
						{ actionId: 'PA2', implementedAt: FIX },
					],
					spc: { characteristic: 'shaft-length', measurements: [{ at: FIX, value: 1 }] },
				}),
			],
			nodes: { 'All measurements': [...[...after].reverse(), ...other, ...before] },
		});
		expect(out.map((o) => o.json.caseId)).toEqual(['8D-A', '8D-C']);
		const a = out[0].json as {
			report: EightDReport & { evidence: unknown[] };
			pointsAfterFix: number;
		};
		expect(a.pointsAfterFix).toBe(27);
		const points = a.report.disciplines.D6?.spc?.measurements ?? [];
		expect(points).toHaveLength(25 + 27);
		expect(points[0]).toEqual({ at: before[5].measuredAt, value: Number(before[5].value) });
		expect(points[25]).toEqual({ at: '2026-10-01T12:00:00.000Z', value: 12 });
		expect(points.map((p) => Date.parse(p.at))).toEqual(
			points.map((p) => Date.parse(p.at)).sort((x, y) => x - y),
		);
		expect(a.report.disciplines.D6?.spc?.unit).toBe('mm');
		expect(a.report.evidence).toEqual([
			expect.objectContaining({
				id: 'D6-SPC',
				discipline: 'D6',
				kind: 'measurement',
				name: `SPC monitor: 27 measurements of bore-diameter since the fix of ${FIX}`,
			}),
		]);
		// Without a fix date on the proof, the latest implementation is the fix; old points are replaced.
		const c = out[1].json as { report: EightDReport };
		expect(c.report.disciplines.D6?.spc?.measurements).toEqual(
			other.map((r) => ({ at: r.measuredAt, value: Number(r.value) })),
		);
	});

	it('the proof of a case passes the D6 gate rule with the attached points (25 in control after the fix)', async () => {
		const stable = [10.0, 10.3, 9.9, 10.1, 9.7];
		const rows = Array.from({ length: 25 }, (_, i) => ({
			characteristic: 'bore-diameter',
			value: stable[i % 5],
			measuredAt: new Date(Date.parse(FIX) + (i + 1) * 3_600_000).toISOString(),
		}));
		const report = structuredClone(opened) as EightDReport;
		report.disciplines.D6 = {
			spc: { characteristic: 'bore-diameter', fixedAt: FIX, lsl: 8.8, usl: 11.2 },
		};
		const [out] = await runCode(code, 'runOnceForAllItems', {
			input: [{ caseId: report.id, report: JSON.stringify(report) }],
			nodes: { 'All measurements': rows },
		});
		const proof = evaluateSpcProof(out.json.report as EightDReport);
		expect(proof).toMatchObject({ passed: true, failures: [] });
		expect(proof?.after).toHaveLength(25);
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
