/** The FMEA node through n8n-core's engine: Analyze, Match Complaints and Revise, in both fail-safe modes. */
import type { IDataObject } from 'n8n-workflow';

import sample from '../../workflows/sample-data/fmea.json';
import { classifyComplaint } from '../../lib/complaints';
import { analyzeFmea } from '../../lib/fmea';
import { expectFailSafe } from './failSafe';
import analyzeFixture from './fixtures/fmea-analyze.json';
import reviewFixture from './fixtures/fmea-review.json';
import { binaryBuffer, runNode, runWorkflow, type WorkflowFixture } from './harness';

jest.setTimeout(60_000);

const TYPE = 'n8n-nodes-qms.fmea';
const rows = sample.rows as IDataObject[];
const classified = (text: string, caseId: string) => ({
	caseId,
	text,
	complaint: { ...classifyComplaint(text) },
});

describe('FMEA Analyze', () => {
	it('routes every row to High, Medium or Low in rank order, with a Summary holding the HTML worksheet and the AP chart', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { operation: 'analyze', options: { explain: true } },
			items: rows,
		});
		expect(run.error).toBeUndefined();
		const expected = analyzeFmea(rows);
		const [high, medium, low, summary] = [0, 1, 2, 3].map((o) => run.output(node, o));
		expect(high.map((i) => i.json.id)).toEqual(
			expected.rows.filter((r) => r.ap === 'H').map((r) => r.id),
		);
		expect(medium.map((i) => i.json.id)).toEqual(
			expected.rows.filter((r) => r.ap === 'M').map((r) => r.id),
		);
		expect(low).toHaveLength(expected.summary.low);
		// CH-060: S 10, O 2, D 9 is H and first; CH-020: S 10, O 2, D 3 is L but requires action
		expect(high[0].json).toMatchObject({ id: 'CH-060', ap: 'H', rank: 1, rpn: 180 });
		expect(low.find((i) => i.json.id === 'CH-020')!.json).toMatchObject({
			ap: 'L',
			actionRequired: true,
			actionReasons: ['severity'],
		});
		expect((high[0].json.explanation as IDataObject).severity).toMatch(/^S 10 \(Very high\)/);
		// every row paired with its own input item
		for (const item of [...high, ...medium, ...low])
			expect(item.pairedItem).toEqual({ item: rows.findIndex((r) => r.id === item.json.id) });
		expect(summary).toHaveLength(1);
		expect(summary[0].json.summary).toEqual({ ...expected.summary, failed: 0 });
		expect(summary[0].json.html).toContain('CH-060');
		const png = await binaryBuffer(summary[0], 'chart');
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect((await binaryBuffer(summary[0], 'worksheet')).toString('utf8')).toBe(
			summary[0].json.html,
		);
		expect((summary[0].pairedItem as { item: number }[]).map((p) => p.item)).toEqual(
			rows.map((_, i) => i),
		);
	});

	it('reads the row id from another field (Data Tables keep their own id)', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { operation: 'analyze', idField: 'fmeaId', options: { chart: 'none' } },
			items: rows.slice(0, 2).map(({ id, ...row }, n) => ({ ...row, id: n + 1, fmeaId: id })),
		});
		expect(run.error).toBeUndefined();
		const out = [0, 1, 2].flatMap((o) => run.output(node, o));
		expect(out.map((i) => [i.json.fmeaId, i.json.id])).toEqual(
			expect.arrayContaining([
				['CN-010', 1],
				['CN-020', 2],
			]),
		);
	});

	it('fails safe: a row that cannot be rated goes to High with its error, never to Medium or Low', async () => {
		const items = [
			rows[0],
			{ ...rows[1], severity: 11 },
			rows[2],
			{ ...rows[3], failureMode: '' },
			{ ...rows[4], id: rows[0].id },
		];
		const { regular } = await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'analyze', options: { chart: 'none' } },
			items,
			bad: [1, 3, 4],
			failedOutput: 0,
			aggregate: true,
			reason: 'row 1 (id "CN-020"), severity: must be an integer from 1 to 10, got 11',
		});
		const { run, node } = regular;
		const failed = run.output(node, 0).filter((i) => i.json.error);
		expect(failed.map((i) => i.json.error)).toEqual([
			'Item 1: row 1 (id "CN-020"), severity: must be an integer from 1 to 10, got 11',
			'Item 3: row 3 (id "CN-040"), failureMode: must be non-empty text',
			'Item 4: row 4 (id "CN-010"), id: duplicates the id of row 0',
		]);
		expect(run.output(node, 3)[0].json.summary).toMatchObject({ rows: 2, failed: 3 });
	});

	it('with the error output, n8n gets the field, index and reason as data', async () => {
		const { toErrorOutput } = await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'analyze', options: { chart: 'none', html: false } },
			items: [rows[0], { ...rows[1], occurrence: 2.5 }],
			bad: [1],
			failedOutput: 0,
			aggregate: true,
		});
		const { run, node } = toErrorOutput;
		const [failed] = run.output(node, 4);
		expect(failed.json.details).toEqual({
			item: 1,
			field: 'occurrence',
			index: 1,
			reason: 'must be an integer from 1 to 10, got 2.5',
		});
	});
});

describe('FMEA Match Complaints', () => {
	const complaints = [
		classified(
			'The USB-C port of the charger is loose and wobbles, charging cuts in and out.',
			'Q-1',
		),
		classified('充电器冒烟起火，过温保护没有起作用。', 'Q-2'),
		classified('交货延迟了一周，影响我们的生产计划。', 'Q-3'),
		classified('连接器端子压接不良，导线一拉就脱出。', 'Q-4'),
	];
	const parameters = {
		operation: 'matchComplaints',
		fmeaRows: JSON.stringify(rows),
		options: { complaintIdField: 'caseId', unitsShipped: 1000 },
	};

	it('sends known failure modes with their row and underrating flags, new ones apart, and a review', async () => {
		const { run, node } = await runNode({ type: TYPE, parameters, items: complaints });
		expect(run.error).toBeUndefined();
		const [known, fresh, summary] = [0, 1, 2].map((o) => run.output(node, o));
		expect(known.map((i) => [i.json.caseId, (i.json.fmea as IDataObject).rowId])).toEqual([
			['Q-1', 'CH-050'],
			['Q-2', 'CH-060'],
			['Q-4', 'CN-010'],
		]);
		expect(fresh.map((i) => i.json.caseId)).toEqual(['Q-3']);
		expect(fresh[0].pairedItem).toEqual({ item: 2 });
		// 1 complaint in 1,000 units = 1,000 ppm: O 5 > CH-050's O 5? no; > CN-010's O 4: yes
		const cn010 = known[2].json.fmea as IDataObject;
		expect(cn010.occurrenceAboveRating).toMatchObject({
			count: 1,
			rate: 1000,
			impliedOccurrence: 5,
			ratedOccurrence: 4,
		});
		// critical (smoke, fire) on CH-060 rated S 10: no severity flag; O 2 -> 5 flags it
		const ch060 = known[1].json.fmea as IDataObject;
		expect(ch060.severityAboveRating).toBeUndefined();
		expect(ch060).toMatchObject({ underrated: true, suggested: { occurrence: 5, ap: 'H' } });
		const review = summary[0].json;
		expect(review.summary).toMatchObject({ complaints: 4, matched: 3, newFailureModes: 1 });
		expect(review.newFailureModes).toEqual([2]);
		expect(review.html).toContain('交货延迟了一周');
		expect((await binaryBuffer(summary[0], 'review')).toString('utf8')).toBe(review.html);
	});

	it('fails safe: a complaint that cannot be read goes to New Failure Mode with its error', async () => {
		const { regular } = await expectFailSafe({
			type: TYPE,
			parameters,
			items: [
				complaints[0],
				{ caseId: 'Q-9', text: 'x', complaint: { ...complaints[0].complaint, severity: 'urgent' } },
				{ caseId: 'Q-10', complaint: { category: 'design' } },
			],
			bad: [1, 2],
			failedOutput: 1,
			aggregate: true,
			reason: 'complaint 1, severity: must be critical, major or minor, got "urgent"',
		});
		const { run, node } = regular;
		expect(run.output(node, 0).map((i) => i.json.caseId)).toEqual(['Q-1']);
	});

	it('a bad FMEA row stops the run, naming the row and the field', async () => {
		const { run } = await runNode({
			type: TYPE,
			parameters: { ...parameters, fmeaRows: JSON.stringify([{ ...rows[0], detection: 0 }]) },
			items: complaints.slice(0, 1),
		});
		expect(run.error?.message).toBe(
			'FMEA Rows[0].detection: must be an integer from 1 to 10, got 0',
		);
		const regular = await runNode({
			type: TYPE,
			parameters: { ...parameters, fmeaRows: '[{' },
			items: complaints.slice(0, 2),
			continueOnFail: true,
		});
		const failed = regular.run.output(regular.node, 1);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/^FMEA Rows: not valid JSON/);
		expect(regular.run.output(regular.node, 0)).toEqual([]);
	});
});

describe('FMEA Revise', () => {
	const parameters = { operation: 'revise', fmeaRows: JSON.stringify(rows) };

	it('applies 8D revisions and shows AP and RPN before and after', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { ...parameters, revisionsField: 'fmeaRevisions' },
			items: [
				{
					caseId: '8D-0042',
					fmeaRevisions: [
						{
							rowId: 'CN-020',
							detection: 4,
							action: 'Terminal position assurance checked by camera',
							reference: '8D-0042 D6',
						},
						{ rowId: 'CH-060', occurrence: 1, reference: '8D-0042 D7' },
					],
				},
			],
		});
		expect(run.error).toBeUndefined();
		const [changed, unchanged] = [0, 1].map((o) => run.output(node, o));
		expect(changed.map((i) => i.json.id)).toEqual(['CN-020', 'CH-060']);
		expect(changed[0].json).toMatchObject({
			before: { severity: 7, occurrence: 5, detection: 8, rpn: 280, ap: 'H' },
			after: { severity: 7, occurrence: 5, detection: 4, rpn: 140, ap: 'M' },
			changed: true,
		});
		expect(changed[1].json).toMatchObject({
			before: { ap: 'H' },
			after: { occurrence: 1, ap: 'L' },
		});
		expect(changed[0].pairedItem).toEqual([{ item: 0 }]);
		expect(unchanged).toHaveLength(rows.length - 2);
	});

	it('fails safe: a revision naming no row or with a bad rating goes to Failed', async () => {
		await expectFailSafe({
			type: TYPE,
			parameters,
			items: [
				{ rowId: 'CN-010', occurrence: 2 },
				{ rowId: 'CN-999', occurrence: 2 },
				{ rowId: 'CN-030', severity: 'high' },
			],
			bad: [1, 2],
			failedOutput: 2,
			aggregate: true,
			reason: 'revision 1 (id "CN-999"), id: names no row of the FMEA',
		});
	});
});

describe('FMEA fixtures (also run in a real n8n by tests/e2e/nodes.test.ts)', () => {
	it('fmea-review: classified complaints matched against the connector and charger PFMEA', async () => {
		const run = await runWorkflow(reviewFixture as unknown as WorkflowFixture);
		expect(run.error).toBeUndefined();
		const known = run
			.output('FMEA', 0)
			.map((i) => [i.json.caseId, (i.json.fmea as IDataObject).rowId]);
		expect(known).toEqual([
			['Q-101', 'CH-050'],
			['Q-102', 'CH-060'],
			['Q-104', 'CN-010'],
			['Q-105', 'CN-030'],
		]);
		expect(run.output('FMEA', 1).map((i) => i.json.caseId)).toEqual(['Q-103']);
		// one complaint in 2,000 units = 500 ppm: O 5 for CH-060 (rated 2) and CN-030 (rated 3)
		const [summary] = run.output('FMEA', 2);
		const underrated = (summary.json.underrated as IDataObject[]).map(
			(r) => (r.row as IDataObject).id,
		);
		expect(underrated).toEqual(expect.arrayContaining(['CH-060', 'CN-030', 'CN-010']));
		expect(summary.json.html).toContain('complaints per million units shipped');
	});

	it('fmea-analyze: the sample PFMEA in Chinese with rating explanations', async () => {
		const run = await runWorkflow(analyzeFixture as unknown as WorkflowFixture);
		expect(run.error).toBeUndefined();
		expect(run.outputCounts('FMEA')).toEqual([3, 5, 8, 1]);
		const [first] = run.output('FMEA', 0);
		expect((first.json.explanation as IDataObject).severity).toMatch(/^S 10 \(很高\)：/);
		const [summary] = run.output('FMEA', 3);
		expect(summary.json.html).toContain('FMEA 工作表');
		expect(summary.json.html).toContain('src="cid:fmea-ap-chart"');
		expect(summary.binary?.chart.mimeType).toBe('image/png');
	});
});
