/** Every 8D Gate operation under the fail-safe rule: a bad report never comes out as passed. */
import complete from '../fixtures/eightd/complete.json';
import historyValid from '../fixtures/eightd/history-valid.json';
import { expectFailSafe } from './failSafe';

const TYPE = 'n8n-nodes-qms.eightDGate';
const NOW = { now: '2026-03-02T20:00:00+08:00' };
const report = (stage: string, extra: object = {}) => ({
	...structuredClone(complete),
	stage,
	...extra,
});

describe('8D Gate fails safe', () => {
	it('Evaluate Gate: malformed, missing and unparsable reports go to Blocked, never Allowed', async () => {
		const { regular } = await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'evaluateGate', target: 'next', options: NOW },
			items: [
				{ report: report('D3') },
				{ report: report('D3', { openedAt: 'yesterday' }) },
				{ ticket: 'no report' },
				{ report: '{ "stage": ' },
			],
			bad: [1, 2, 3],
			failedOutput: 1,
			reason: 'report.openedAt: must match format "date-time"',
		});
		expect(regular.run.outputCounts(regular.node)).toEqual([1, 3]);
		const [, blocked] = [0, 1].map((o) => regular.run.output(regular.node, o));
		expect(blocked.map((i) => i.json.error)).toEqual([
			expect.stringMatching(/^Item 1: report\.openedAt: must match format "date-time"/),
			'Item 2: field "report": no report on this item',
			expect.stringMatching(/^Item 3: field "report": not valid JSON \(/),
		]);
		// The item keeps its own fields beside the error.
		expect(blocked[1].json).toEqual({
			ticket: 'no report',
			error: 'Item 2: field "report": no report on this item',
		});
	});

	it('Evaluate Gate: with the error output, n8n gets only error and details', async () => {
		const { toErrorOutput } = await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'evaluateGate', target: 'D4', options: NOW },
			items: [{ report: report('D3') }, { report: '{ nope' }],
			bad: [1],
			failedOutput: 1,
		});
		const { run, node } = toErrorOutput;
		expect(run.outputCounts(node)).toEqual([1, 0, 1]);
		const [failed] = run.output(node, 2);
		expect(failed.pairedItem).toEqual({ item: 1 });
		// n8n merges the input item back in on its error output.
		expect(failed.json).toEqual({
			report: '{ nope',
			error: expect.stringMatching(/^Item 1: field "report": not valid JSON/),
			details: {
				item: 1,
				field: 'field "report"',
				reason: expect.stringMatching(/^not valid JSON/),
			},
		});
	});

	it('Advance: a bad report goes to Blocked, never Advanced', async () => {
		await expectFailSafe({
			type: TYPE,
			parameters: {
				operation: 'advance',
				target: 'next',
				actor: 'Li Na',
				options: { now: '2026-03-16T10:00:00+08:00' },
			},
			items: [
				{ report: historyValid },
				{ report: { ...structuredClone(historyValid), history: 7 } },
			],
			bad: [1],
			failedOutput: 1,
		});
	});

	it('Check Deadlines: a report that cannot be checked goes to Overdue', async () => {
		await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'checkDeadlines', options: NOW },
			items: [{ report: report('D3') }, { report: report('D3', { openedAt: 42 }) }],
			bad: [1],
			failedOutput: 2,
		});
	});

	it('Open From Complaint: a complaint no report can come from goes to Failed', async () => {
		const { regular } = await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'openFromComplaint', options: { now: '2026-03-02T10:00:00+08:00' } },
			items: [
				{ text: 'Smudged labels', severity: 'minor' },
				{ text: 'Smoke from unit', severity: 'urgent' },
			],
			bad: [1],
			failedOutput: 1,
		});
		expect(regular.run.output(regular.node, 1)[0].json).toEqual({
			text: 'Smoke from unit',
			severity: 'urgent',
			error: 'Item 1: complaint.severity: "urgent" is not one of critical, major, minor',
		});
	});

	it('Verify History: a report that cannot be read goes to Invalid, never Valid', async () => {
		await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'verifyHistory' },
			items: [{ report: historyValid }, { report: 'not json' }, { other: 1 }],
			bad: [1, 2],
			failedOutput: 1,
		});
	});
});
