import { NodeHelpers, Workflow, type IDataObject, type INode, type INodeTypes } from 'n8n-workflow';

import { SupplierScorecard } from '../../nodes/SupplierScorecard/SupplierScorecard.node';
import { HAND_CHECKED_ROWS } from '../fixtures/suppliers/handChecked';
import { binaryBuffer, runNode, runWorkflow, type WorkflowFixture } from './harness';
import scorecardFixture from './fixtures/supplier-scorecard.json';

const TYPE = 'supplierScorecard';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const rowsOf = (supplier: string) =>
	HAND_CHECKED_ROWS.flatMap((r, item) => (r.supplier === supplier ? [{ item }] : []));
const brief = (json: IDataObject) => [
	json.supplier,
	json.period,
	json.score,
	json.grade,
	json.rank,
];

describe('Supplier Scorecard outputs', () => {
	const nodeType = new SupplierScorecard();
	const types: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};

	it.each([
		['byGrade', ['A', 'B', 'C', 'D', 'Summary']],
		['single', ['Scorecards', 'Summary', 'Failed']],
	])('%s -> %j', (outputMode, names) => {
		const node: INode = {
			id: '1',
			name: 'Supplier Scorecard',
			type: `n8n-nodes-qms.${TYPE}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { outputMode },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: types,
		});
		const description = NodeHelpers.getVersionedNodeType(nodeType, 1).description;
		expect(NodeHelpers.getNodeOutputs(workflow, node, description)).toEqual(
			names.map((displayName) => ({ type: 'main', displayName })),
		);
	});

	it('is usable as a tool and has an icon', () => {
		expect(nodeType.description.usableAsTool).toBe(true);
		expect(nodeType.description.icon).toEqual({
			light: 'file:supplierScorecard.svg',
			dark: 'file:supplierScorecard.dark.svg',
		});
	});
});

describe('Score Raw Rows: the hand-checked scorecard through n8n', () => {
	// Expected figures: worked out by hand in tests/unit/suppliers/scoreSuppliers.test.ts.
	let run: Awaited<ReturnType<typeof runWorkflow>>;
	beforeAll(async () => {
		run = await runWorkflow(scorecardFixture as unknown as WorkflowFixture);
	}, 60_000);

	it('routes one item per supplier and period by grade', () => {
		expect(run.error).toBeUndefined();
		expect(run.outputCounts('Supplier Scorecard')).toEqual([1, 1, 2, 2, 1]);
		expect(run.output('Supplier Scorecard', 0).map((i) => brief(i.json))).toEqual([
			['Alpha', '2026-03', 100, 'A', 1],
		]);
		expect(run.output('Supplier Scorecard', 1).map((i) => brief(i.json))).toEqual([
			['Delta', '2026-03', 89.12, 'B', 2],
		]);
		expect(run.output('Supplier Scorecard', 2).map((i) => brief(i.json))).toEqual([
			['Gamma', '2026-02', 77.94, 'C', 1],
			['Gamma', '2026-03', 70.59, 'C', 3],
		]);
		expect(run.output('Supplier Scorecard', 3).map((i) => brief(i.json))).toEqual([
			['Alpha', '2026-02', 61.18, 'D', 2],
			['Beta', '2026-03', 57.75, 'D', 4],
		]);
	});

	it('explains every metric and pairs each scorecard with all the rows it used', () => {
		const beta = run.output('Supplier Scorecard', 3)[1];
		expect(
			(beta.json.metrics as IDataObject[]).map((m) => [
				m.id,
				m.value,
				m.score,
				m.weight,
				m.contribution,
			]),
		).toEqual([
			['ppm', 200, 80, 0.25, 20],
			['lot_acceptance', expect.closeTo(0.95, 12), 50, 0.1, 5],
			['otd', 0.95, 75, 0.25, 18.75],
			['scar_on_time', 0.5, 0, 0.1, 0],
			['scar_response', 0.5, 0, 0.05, 0],
			['complaints', 2, 60, 0.15, 9],
			['disruptions', 1, 50, 0.1, 5],
		]);
		expect(beta.json).toMatchObject({
			specialStatus: true,
			flags: ['grade_d', 'critical_complaint'],
			rowCount: rowsOf('Beta').length,
		});
		expect(beta.pairedItem).toEqual(rowsOf('Beta'));
		const gammaMarch = run.output('Supplier Scorecard', 2)[1];
		expect(gammaMarch.json).toMatchObject({
			trend: -7.35,
			previousScore: 77.94,
			previousGrade: 'C',
			flags: ['two_periods_c'],
		});
		expect(gammaMarch.pairedItem).toEqual(
			HAND_CHECKED_ROWS.flatMap((r, item) =>
				r.supplier === 'Gamma' && String(r.date).startsWith('2026-03') ? [{ item }] : [],
			),
		);
	});

	it('summary item: counts, HTML scorecard and PNG chart as binary data, paired with every row', async () => {
		const [summary] = run.output('Supplier Scorecard', 4);
		expect(summary.json).toMatchObject({
			scorecards: 6,
			suppliers: 4,
			periods: ['2026-02', '2026-03'],
			grades: { A: 1, B: 1, C: 2, D: 2 },
			unknownKinds: [],
			unscored: [],
			badRows: [],
		});
		expect(summary.json.specialStatus).toEqual([
			{ supplier: 'Alpha', period: '2026-02', grade: 'D', flags: ['grade_d'] },
			{ supplier: 'Gamma', period: '2026-03', grade: 'C', flags: ['two_periods_c'] },
			{ supplier: 'Beta', period: '2026-03', grade: 'D', flags: ['grade_d', 'critical_complaint'] },
		]);
		expect(summary.pairedItem).toEqual(HAND_CHECKED_ROWS.map((_, item) => ({ item })));
		expect(summary.binary?.scorecard.mimeType).toBe('text/html');
		const html = (await binaryBuffer(summary, 'scorecard')).toString('utf8');
		expect(html).toContain('<title>Supplier scorecard February and March 2026</title>');
		expect(html).toContain('>57.75</td>');
		expect(summary.json.html).toBe(html);
		expect(summary.binary?.chart.mimeType).toBe('image/png');
		expect((await binaryBuffer(summary, 'chart')).subarray(0, 8)).toEqual(PNG_SIGNATURE);
	});
});

describe('Score Raw Rows: one Summary item per group (e.g. per buyer)', () => {
	// Alpha's rows name buyer one until a last (March) row names buyer three: a scorecard belongs to
	// the last non-empty value of the rows it was scored from.
	// Beta & Co's rows name buyer one on some rows only; Gamma's name buyer two; Delta's none.
	const lastAlpha = HAND_CHECKED_ROWS.map((r, i) => [r, i] as const)
		.filter(([r]) => r.supplier === 'Alpha')
		.pop()![1];
	const buyerOf = (r: (typeof HAND_CHECKED_ROWS)[number], i: number): string => {
		if (r.supplier === 'Alpha')
			return i === lastAlpha ? 'buyer.three@example.com' : 'buyer.one@example.com';
		if (r.supplier === 'Beta') return i % 2 ? 'buyer.one@example.com' : '';
		return r.supplier === 'Gamma' ? ' buyer.two@example.com ' : '';
	};
	const items: IDataObject[] = HAND_CHECKED_ROWS.map((r, i) => ({
		...(r as IDataObject),
		supplier: r.supplier === 'Beta' ? 'Beta & <Co>' : String(r.supplier),
		buyer: buyerOf(r, i),
	}));
	const supplierRows = (supplier: string) =>
		items.flatMap((r, item) => (r.supplier === supplier ? [{ item }] : []));

	it('after the overall Summary: one item per value in name order, with its scorecards, HTML and rows', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'scoreRows',
				outputMode: 'single',
				htmlReport: true,
				chart: 'trend',
				options: { summaryGroupField: 'buyer' },
			},
			items,
		});
		expect(run.error).toBeUndefined();
		const [overall, ...groups] = run.output(node, 1);
		expect(overall.json.group).toBeUndefined();
		expect(overall.json.ranking).toHaveLength(6);
		expect(overall.binary?.chart).toBeDefined();
		expect(groups.map((g) => [g.json.group, g.json.ranking, g.json.grades])).toEqual([
			[
				'buyer.one@example.com',
				[
					{ supplier: 'Alpha', period: '2026-02', rank: 2, score: 61.18, grade: 'D' },
					{ supplier: 'Beta & <Co>', period: '2026-03', rank: 4, score: 57.75, grade: 'D' },
				],
				{ A: 0, B: 0, C: 0, D: 2 },
			],
			[
				'buyer.three@example.com',
				[{ supplier: 'Alpha', period: '2026-03', rank: 1, score: 100, grade: 'A' }],
				{ A: 1, B: 0, C: 0, D: 0 },
			],
			[
				'buyer.two@example.com',
				[
					{ supplier: 'Gamma', period: '2026-02', rank: 1, score: 77.94, grade: 'C' },
					{ supplier: 'Gamma', period: '2026-03', rank: 3, score: 70.59, grade: 'C' },
				],
				{ A: 0, B: 0, C: 2, D: 0 },
			],
		]);
		const alphaMarch = supplierRows('Alpha').filter(({ item }) =>
			String(items[item].date).startsWith('2026-03'),
		);
		expect(groups[1].pairedItem).toEqual(alphaMarch);
		expect(groups[2].pairedItem).toEqual(supplierRows('Gamma'));
		const html = String(groups[0].json.html);
		expect(html).toContain('Beta &amp; &lt;Co&gt;');
		expect(html).not.toContain('<Co>');
		expect(html).not.toContain('Gamma');
		expect(groups[0].binary?.scorecard.mimeType).toBe('text/html');
		// The chart stays with the overall Summary.
		expect(groups.some((g) => g.binary?.chart)).toBe(false);
	});
});

describe('Score Raw Rows: mapping, bad rows, odd names', () => {
	it("maps the user's field names and fills the kind of rows without one", async () => {
		// Receipts of 1000 with 1 and 0 rejected: ppm 500 -> 50, lot acceptance 1/2 -> 0; weights 25 and 10: 1250 / 35 = 35.71.
		const items = [
			{ vendor: 'V1', posted: '2026-05-04', qty: 1000, ng: 1 },
			{ vendor: 'V1', posted: '2026-05-05', qty: 1000, ng: 0 },
		];
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'scoreRows',
				kindWhenMissing: 'receipt',
				fieldNames: { supplier: 'vendor', date: 'posted', received: 'qty', rejected: 'ng' },
				metrics: ['ppm', 'lot_acceptance'],
				outputMode: 'single',
			},
			items,
		});
		expect(run.error).toBeUndefined();
		expect(
			run
				.output(node, 0)
				.map((i) => [i.json.supplier, i.json.period, i.json.score, i.json.grade, i.pairedItem]),
		).toEqual([['V1', '2026-05', 35.71, 'D', [{ item: 0 }, { item: 1 }]]]);
	});

	const rows = [
		{ kind: 'receipt', supplier: 'A', date: '2026-03-02', received: 1000, rejected: 0 },
		{ kind: 'receipt', supplier: 'A', date: '2026-03-03', received: 'lots', rejected: 0 },
		{ kind: 'receipt', supplier: '__proto__', date: '2026-03-03', received: 1000, rejected: 1 },
		{ kind: 'receipt', supplier: 'constructor', date: '2026-03-03', received: 1000, rejected: 0 },
	];
	const parameters = { operation: 'scoreRows', metrics: ['ppm'], outputMode: 'single' };

	it('a bad row fails the node naming the item and the field', async () => {
		const { run } = await runNode({ type: TYPE, parameters, items: rows });
		expect(run.error?.message).toBe('Item 1: field "received": must be a number >= 0, got "lots"');
	});

	it('with Continue On Fail the bad row goes to Failed, paired to it; the rest are scored', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters,
			items: rows,
			continueOnFail: true,
		});
		expect(run.error).toBeUndefined();
		expect(run.output(node, 0).map((i) => [i.json.supplier, i.json.score, i.pairedItem])).toEqual([
			['A', 100, [{ item: 0 }]],
			['constructor', 100, [{ item: 3 }]],
			['__proto__', 0, [{ item: 2 }]],
		]);
		expect(run.output(node, 2).map((i) => [i.json.error, i.pairedItem])).toEqual([
			['Item 1: field "received": must be a number >= 0, got "lots"', { item: 1 }],
		]);
		expect(run.output(node, 1)[0].json.badRows).toEqual([
			{
				row: 1,
				field: 'received',
				reason: 'must be a number >= 0, got "lots"',
				message: 'Row 1: field "received" must be a number >= 0, got "lots"',
			},
		]);
	});

	it('unknown kinds fail by default and are listed in the summary when skipped', async () => {
		const items = [
			...rows.filter((_, i) => i !== 1),
			{ kind: 'audit', supplier: 'A', date: '2026-03-04' },
		];
		const failing = await runNode({ type: TYPE, parameters, items });
		expect(failing.run.error?.message).toBe(
			'Item 3: field "kind": is not a known kind (receipt, delivery, scar, complaint, disruption, cost, premium_freight), got "audit"',
		);
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { ...parameters, options: { onUnknownKind: 'skip' } },
			items,
		});
		expect(run.output(node, 0)).toHaveLength(3);
		expect(run.output(node, 1)[0].json.unknownKinds).toEqual([
			{ kind: 'audit', count: 1, rows: [3] },
		]);
	});

	it('scheme options reach the engine: weights, curves, thresholds, latest period only', async () => {
		// Alpha March: every metric 100 -> 100. Beta March with ppm weight 75 of 150 and curve 0 -> 400:
		// ppm 200 -> 50; (75*50 + 10*50 + 25*75 + 0 + 0 + 15*60 + 10*50) / 150 = 7525 / 150 = 50.17.
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'scoreRows',
				outputMode: 'single',
				chart: 'trend',
				chartFormat: 'svg',
				options: {
					weights: { weight: [{ metric: 'ppm', weight: 75 }] },
					curves: { curve: [{ metric: 'ppm', target: 0, zeroAt: 400 }] },
					gradeC: 50,
					latestPeriodOnly: true,
				},
			},
			items: HAND_CHECKED_ROWS as IDataObject[],
		});
		const beta = run.output(node, 0).find((i) => i.json.supplier === 'Beta')!;
		expect([beta.json.score, beta.json.grade]).toEqual([50.17, 'C']);
		expect(run.output(node, 0).map((i) => i.json.period)).toEqual([
			'2026-03',
			'2026-03',
			'2026-03',
			'2026-03',
		]);
		// The trend chart still spans both months although only March is output.
		const [summary] = run.output(node, 1);
		expect(summary.binary?.chart.mimeType).toBe('image/svg+xml');
		const svg = (await binaryBuffer(summary, 'chart')).toString('utf8');
		expect(svg).toContain('>2026-02<');
		expect(svg).toContain('>2026-03<');
	});
});

describe('Score Pre-Aggregated Metrics', () => {
	// X: ppm 250 -> 75, otd 0.95 -> 75, complaints 1 -> 80, others n/a: (25*75 + 25*75 + 15*80) / 65 = 76.15, C.
	// Y: ppm 0, otd 1, complaints 0 -> 100, A. Z in April alone: otd 0.8 -> 0 -> D.
	const items = [
		{ supplier: 'X', period: '2026-03', ppm: 250, 'OTD share': 0.95, complaints: 1 },
		{ supplier: 'Y', period: '2026-03', ppm: 0, 'OTD share': 1, complaints: 0 },
		{ supplier: 'Z', period: '2026-04', 'OTD share': 0.8 },
	];
	const parameters = {
		operation: 'scoreMetrics',
		metricFields: { otd: 'OTD share' },
		outputMode: 'byGrade',
	};

	it('scores each item, ranks within its period and routes by grade', async () => {
		const { run, node } = await runNode({ type: TYPE, parameters, items });
		expect(run.error).toBeUndefined();
		expect(run.outputCounts(node)).toEqual([1, 0, 1, 1, 1]);
		const all = [0, 2, 3].flatMap((o) => run.output(node, o));
		expect(
			all.map((i) => [
				i.json.supplier,
				i.json.score,
				i.json.grade,
				i.json.rank,
				i.json.rankOf,
				i.pairedItem,
			]),
		).toEqual([
			['Y', 100, 'A', 1, 2, { item: 1 }],
			['X', 76.15, 'C', 2, 2, { item: 0 }],
			['Z', 0, 'D', 1, 1, { item: 2 }],
		]);
		expect((all[1].json.metrics as IDataObject[]).filter((m) => m.na).map((m) => m.id)).toEqual([
			'lot_acceptance',
			'scar_on_time',
			'scar_response',
			'disruptions',
		]);
	});

	it('trend and special status against the previous period in the input', async () => {
		// X February: ppm 250 -> 75, otd 0.95 -> 75, complaints 1 -> 80: 76.15, C.
		// X March: complaints 2 -> 60: (1875 + 1875 + 900) / 65 = 71.54, C again: trend -4.61, two periods of C.
		// Y March: ppm 0 -> 100, otd 1 -> 100, one complaint (critical) -> 80: (2500 + 2500 + 1200) / 65 = 95.38, A,
		// yet on special status for the critical complaint.
		const history = [
			{ supplier: 'X', period: '2026-02', ppm: 250, 'OTD share': 0.95, complaints: 1 },
			{ supplier: 'X', period: '2026-03', ppm: 250, 'OTD share': 0.95, complaints: 2 },
			{
				supplier: 'Y',
				period: '2026-03',
				ppm: 0,
				'OTD share': 1,
				complaints: 1,
				criticalComplaints: 1,
			},
		];
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { ...parameters, outputMode: 'single' },
			items: history,
		});
		expect(
			run
				.output(node, 0)
				.map((i) => [
					i.json.supplier,
					i.json.period,
					i.json.score,
					i.json.grade,
					i.json.trend,
					i.json.flags,
				]),
		).toEqual([
			['X', '2026-02', 76.15, 'C', undefined, []],
			['Y', '2026-03', 95.38, 'A', undefined, ['critical_complaint']],
			['X', '2026-03', 71.54, 'C', -4.61, ['two_periods_c']],
		]);
	});

	it('a bad value names the item and the field; Continue On Fail grades it D, never A', async () => {
		const bad = [...items, { supplier: 'W', period: '2026-03', 'OTD share': 1.2 }];
		const failing = await runNode({ type: TYPE, parameters, items: bad });
		expect(failing.run.error?.message).toBe(
			'Item 3: field "OTD share": must be a share within 0..1, got 1.2',
		);
		const { run, node } = await runNode({
			type: TYPE,
			parameters,
			items: bad,
			continueOnFail: true,
		});
		expect(run.output(node, 0).map((i) => i.json.error ?? i.json.supplier)).toEqual(['Y']);
		expect(run.output(node, 3).map((i) => i.json.error ?? i.json.supplier)).toEqual([
			'Item 3: field "OTD share": must be a share within 0..1, got 1.2',
			'Z',
		]);
		expect(run.output(node, 3)[0].pairedItem).toEqual({ item: 3 });
	});
});
