import { NodeHelpers, Workflow, type INode, type INodeTypes, type IDataObject } from 'n8n-workflow';

import complete from '../fixtures/eightd/complete.json';
import historyValid from '../fixtures/eightd/history-valid.json';
import advanceAndVerify from './fixtures/eightd-advance-and-verify.json';
import complaintToGate from './fixtures/eightd-complaint-to-gate.json';
import { EightDGate } from '../../nodes/EightDGate/EightDGate.node';
import { runNode, runWorkflow, type WorkflowFixture } from './harness';

const TYPE = 'n8n-nodes-qms.eightDGate';
const at = (stage: string, extra: IDataObject = {}) => ({
	...structuredClone(complete),
	stage,
	...extra,
});

describe('8D Gate outputs per operation', () => {
	const nodeType = new EightDGate();
	const types: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};

	it.each([
		['evaluateGate', ['Allowed', 'Blocked']],
		['advance', ['Advanced', 'Blocked']],
		['checkDeadlines', ['On Time', 'Due Soon', 'Overdue']],
		['openFromComplaint', ['Report', 'Failed']],
		['renderReport', ['Report', 'Failed']],
		['verifyHistory', ['Valid', 'Invalid']],
	])('%s -> %j', (operation, names) => {
		const node: INode = {
			id: '1',
			name: '8D Gate',
			type: TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { operation },
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
		expect(nodeType.description).toMatchObject({
			name: 'eightDGate',
			usableAsTool: true,
			icon: { light: 'file:eightDGate.svg', dark: 'file:eightDGate.dark.svg' },
		});
	});
});

describe('Evaluate Gate', () => {
	it('routes allowed and blocked reports, blocked ones with the missing list in plain words', async () => {
		const gap = at('D3');
		delete (gap.disciplines.D3.actions[1] as { verification?: unknown }).verification;
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'evaluateGate',
				target: 'next',
				language: 'en',
				options: { now: '2026-03-02T20:00:00+08:00' },
			},
			items: [{ report: at('D3') }, { report: gap, ticket: 'CS-1' }],
		});
		expect(run.outputCounts(node)).toEqual([1, 1]);
		const [allowed] = run.output(node, 0);
		expect(allowed.pairedItem).toEqual({ item: 0 });
		expect(allowed.json.gate).toMatchObject({
			allowed: true,
			current: 'D3',
			target: 'D4',
			missing: [],
			summary: '',
		});
		const [blocked] = run.output(node, 1);
		expect(blocked.pairedItem).toEqual({ item: 1 });
		expect(blocked.json.ticket).toBe('CS-1');
		expect(blocked.json.gate).toMatchObject({
			allowed: false,
			summary: 'D3: containment action C2 is not verified (effective)',
			missing: [
				{
					discipline: 'D3',
					rule: 'D3.verified',
					field: 'disciplines.D3.actions[1].verification',
					reason: 'containment action C2 is not verified (effective)',
				},
			],
		});
	});

	it('speaks Chinese, takes the rule set from a parameter or from an input field', async () => {
		const strict = JSON.stringify({
			id: 'strict',
			extends: 'default',
			disciplines: {
				D4: [
					{ id: 'D4.five-why', check: 'fiveWhy', minLevels: 5, types: ['occurrence', 'escape'] },
				],
			},
		});
		const fromParameter = await runNode({
			type: TYPE,
			parameters: {
				operation: 'evaluateGate',
				target: 'D5',
				language: 'zh',
				ruleSetSource: 'json',
				ruleSetJson: strict,
				options: { now: '2026-03-09T10:00:00+08:00' },
			},
			items: [{ report: at('D4') }],
		});
		expect(
			(fromParameter.run.output(fromParameter.node, 1)[0].json.gate as IDataObject).summary,
		).toBe('D4: 流出根本原因 RC2 的 5-Why 只有 3 层，至少需要 5 层');
		const fromField = await runNode({
			type: TYPE,
			parameters: {
				operation: 'evaluateGate',
				target: 'D5',
				ruleSetSource: 'field',
				ruleSetField: 'rules',
				options: { now: '2026-03-09T10:00:00+08:00' },
			},
			items: [
				{ report: at('D4'), rules: strict },
				{ report: at('D4'), rules: { id: 'lenient', disciplines: {} } },
			],
		});
		expect(fromField.run.outputCounts(fromField.node)).toEqual([1, 1]);
		expect(fromField.run.output(fromField.node, 0)[0].pairedItem).toEqual({ item: 1 });
	});
});

describe('Advance', () => {
	it('moves allowed reports on with a history entry and routes blocked ones', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'advance',
				target: 'next',
				actor: 'Li Na',
				options: { now: '2026-03-16T10:00:00+08:00', reason: 'fix verified on trial run' },
			},
			items: [
				{ record: historyValid },
				{ record: { ...structuredClone(historyValid), approvals: [] } },
			],
		});
		// Report Field is "report" by default; these items keep it under "record".
		expect(run.nodeError(node)?.message).toBe('Item 0: field "report": no report on this item');

		const moved = await runNode({
			type: TYPE,
			parameters: {
				operation: 'advance',
				reportField: 'record',
				target: 'next',
				actor: 'Li Na',
				options: { now: '2026-03-16T10:00:00+08:00', reason: 'fix verified on trial run' },
			},
			items: [
				{ record: historyValid },
				{ record: { ...structuredClone(historyValid), approvals: [] } },
			],
		});
		expect(moved.run.outputCounts(moved.node)).toEqual([1, 1]);
		const [advanced] = moved.run.output(moved.node, 0);
		expect((advanced.json.record as IDataObject).stage).toBe('D6');
		expect(advanced.json.advanced).toEqual({
			from: 'D5',
			to: 'D6',
			at: '2026-03-16T10:00:00.000+08:00',
			actor: 'Li Na',
		});
		const history = (advanced.json.record as { history: IDataObject[] }).history;
		expect(history[history.length - 1]).toMatchObject({
			action: 'advance',
			reasons: ['fix verified on trial run'],
		});
		const [blocked] = moved.run.output(moved.node, 1);
		expect(blocked.pairedItem).toEqual({ item: 1 });
		expect((blocked.json.gate as IDataObject).summary).toBe(
			'D5: D5 needs approval by the champion',
		);
	});
});

describe('Check Deadlines, Open From Complaint, Verify History (workflow fixture)', () => {
	it('opens reports from classified complaints and sends them on', async () => {
		const run = await runWorkflow(complaintToGate as unknown as WorkflowFixture);
		expect(run.error).toBeUndefined();
		const opened = run.output('Open 8D');
		expect(
			opened.map((i) => [
				i.json.ticket,
				(i.json.report as IDataObject).ruleSet ?? 'default',
				(i.json.report as IDataObject).stage,
			]),
		).toEqual([
			['CS-88121', 'northwind-motors', 'D0'],
			['CS-88140', 'default', 'D0'],
		]);
		expect(run.outputCounts('Gate D0')).toEqual([0, 2]);
		expect(run.output('Gate D0', 1).map((i) => (i.json.gate as IDataObject).summary)).toEqual([
			'D0: 缺少紧急响应措施',
			'D0: 缺少紧急响应决定',
		]);
		// Next day 08:00 Shanghai: the critical one's containment is due at 09:15 (due soon), the other's was due 16 h ago.
		expect(run.outputCounts('Deadlines Next Day')).toEqual([0, 1, 1]);
		expect(run.output('Deadlines Next Day', 2)[0].json).toMatchObject({
			ticket: 'CS-88140',
			deadlines: {
				status: 'overdue',
				escalation: 'owner',
				overdue: [
					{ discipline: 'D3', dueAt: '2026-03-02T08:00:00.000Z', by: 16, escalation: 'owner' },
				],
			},
		});
		expect(run.output('Deadlines Next Day', 1)[0].json.deadlines).toMatchObject({
			status: 'due-soon',
			next: { discipline: 'D3', dueAt: '2026-03-03T01:15:00.000Z' },
		});
		expect(run.outputCounts('Verify History')).toEqual([2, 0]);
	});

	it('checks deadlines under another profile, and escalates to the director', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'checkDeadlines',
				profileSource: 'default',
				options: { now: '2026-03-11T02:15:00Z' },
			},
			items: [
				{ report: at('D3') },
				{ report: at('D4', { completedAt: { D3: '2026-03-02T20:00:00+08:00' } }) },
			],
		});
		expect(run.outputCounts(node)).toEqual([0, 1, 1]);
		expect(run.output(node, 2)[0].json.deadlines).toMatchObject({
			escalation: 'director',
			overdue: [{ discipline: 'D3', by: 193 }],
		});
	});

	it('sends an altered report to Invalid with the first broken entry', async () => {
		const altered = structuredClone(historyValid);
		altered.history[4].reasons = ['containment verified by re-check of 500 units'];
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { operation: 'verifyHistory' },
			items: [{ report: historyValid }, { report: JSON.stringify(altered) }],
		});
		expect(run.outputCounts(node)).toEqual([1, 1]);
		expect(run.output(node, 1)[0].json.historyCheck).toEqual({
			valid: false,
			brokenAt: 4,
			reason: 'entry 4: hash does not match its content',
		});
	});
});

describe('bad input', () => {
	it('fails naming the item and the field', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { operation: 'evaluateGate', target: 'D4' },
			items: [{ report: at('D3') }, { report: { ...at('D3'), openedAt: 'yesterday' } }],
		});
		expect(run.nodeError(node)?.message).toBe(
			'Item 1: report.openedAt: must match format "date-time" (ISO-8601 date-time with offset, e.g. 2026-03-07T12:00:00+08:00)',
		);
	});

	it('a rule set field that is not JSON', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { operation: 'evaluateGate', ruleSetSource: 'field', ruleSetField: 'rules' },
			items: [{ report: at('D3'), rules: '{ nope' }],
		});
		expect(run.nodeError(node)?.message).toMatch(/^Item 0: field "rules": not valid JSON \(/);
	});
});

describe('Advance then Verify History (workflow fixture)', () => {
	it('advances the approved report with the actor from the item; the new history verifies', async () => {
		const run = await runWorkflow(advanceAndVerify as unknown as WorkflowFixture);
		expect(run.error).toBeUndefined();
		expect(run.outputCounts('Advance To D6')).toEqual([1, 1]);
		const [advanced] = run.output('Advance To D6', 0);
		expect(advanced.json.advanced).toEqual({
			from: 'D5',
			to: 'D6',
			at: '2026-03-16T10:00:00.000+08:00',
			actor: 'Li Na',
		});
		const [blocked] = run.output('Advance To D6', 1);
		expect(blocked.json.requestedBy).toBe('Wang Fang');
		expect((blocked.json.gate as IDataObject).summary).toBe(
			'D5: D5 needs approval by the champion',
		);
		expect(run.output('Verify History', 0).map((i) => i.json.historyCheck)).toEqual([
			{ valid: true },
		]);
	});
});
