import {
	advance,
	checkEightDDeadlines,
	evaluateGate,
	GateBlockedError,
	regateReport,
	reopenReport,
	skipDiscipline,
	verifyHistory,
	type EightDReport,
	type EightDTarget,
} from '../../../lib/eightd';
import { applyEdits, completeReport, deepFreeze } from './helpers';

/** When the team moved the complete report on (Shanghai time). */
const STEPS: [EightDTarget, string][] = [
	['D1', '2026-03-02T10:00:00+08:00'],
	['D2', '2026-03-02T10:30:00+08:00'],
	['D3', '2026-03-02T11:00:00+08:00'],
	['D4', '2026-03-02T20:00:00+08:00'],
	['D5', '2026-03-09T10:00:00+08:00'],
	['D6', '2026-03-16T10:00:00+08:00'],
	['D7', '2026-03-25T10:00:00+08:00'],
	['D8', '2026-03-27T10:00:00+08:00'],
	['closed', '2026-03-30T10:00:00+08:00'],
];

function walk(report: EightDReport, until: EightDTarget): EightDReport {
	let current = report;
	for (const [target, now] of STEPS) {
		current = advance(current, target, 'Li Na', { now });
		if (target === until) break;
	}
	return current;
}

describe('advance', () => {
	it('walks the complete report from D0 to closed without touching its input', () => {
		const start = deepFreeze(completeReport());
		const closed = walk(start, 'closed');
		expect(start.stage).toBe('D0');
		expect(start.history).toBeUndefined();
		expect(closed).toMatchObject({
			stage: 'D8',
			status: 'closed',
			closedAt: '2026-03-30T10:00:00.000+08:00',
		});
		expect(closed.completedAt).toEqual({
			D0: '2026-03-02T10:00:00.000+08:00',
			D1: '2026-03-02T10:30:00.000+08:00',
			D2: '2026-03-02T11:00:00.000+08:00',
			D3: '2026-03-02T20:00:00.000+08:00',
			D4: '2026-03-09T10:00:00.000+08:00',
			D5: '2026-03-16T10:00:00.000+08:00',
			D6: '2026-03-25T10:00:00.000+08:00',
			D7: '2026-03-27T10:00:00.000+08:00',
			D8: '2026-03-30T10:00:00.000+08:00',
		});
		expect(closed.history?.map((e) => [e.seq, e.action, e.from, e.to, e.decision])).toEqual([
			[0, 'open', null, 'D0', 'opened'],
			[1, 'advance', 'D0', 'D1', 'allowed'],
			[2, 'advance', 'D1', 'D2', 'allowed'],
			[3, 'advance', 'D2', 'D3', 'allowed'],
			[4, 'advance', 'D3', 'D4', 'allowed'],
			[5, 'advance', 'D4', 'D5', 'allowed'],
			[6, 'advance', 'D5', 'D6', 'allowed'],
			[7, 'advance', 'D6', 'D7', 'allowed'],
			[8, 'advance', 'D7', 'D8', 'allowed'],
			[9, 'advance', 'D8', 'closed', 'allowed'],
		]);
		expect(verifyHistory(closed)).toEqual({ valid: true });
		// D3 done 10:45 h after opening (due 24 h), D4 on day 7 (due day 10), closed on day 28 (due day 30).
		expect(
			checkEightDDeadlines(closed, { now: '2026-04-30T00:00:00Z' }).deadlines.map((d) => d.status),
		).toEqual(['met', 'met', 'met']);
	});

	it('throws a GateBlockedError that carries the missing list', () => {
		const report = applyEdits(walk(completeReport(), 'D3'), [
			{ remove: ['disciplines', 'D3', 'actions', 1, 'verification'] },
		]);
		let error: unknown;
		try {
			advance(report, 'D4', 'Li Na', { now: '2026-03-02T20:00:00+08:00' });
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(GateBlockedError);
		expect((error as GateBlockedError).missing).toEqual([
			expect.objectContaining({
				discipline: 'D3',
				rule: 'D3.verified',
				field: 'disciplines.D3.actions[1].verification',
			}),
		]);
		expect((error as Error).message).toBe(
			'8D gate D3 -> D4 blocked: D3 containment action C2 is not verified (effective)',
		);
	});

	it('records the actor with role and the note; refuses a clock before the last entry', () => {
		const atD3 = walk(completeReport(), 'D3');
		const next = advance(
			atD3,
			'D4',
			{ name: 'Li Na', role: 'leader' },
			{ now: '2026-03-02T20:00:00+08:00', reason: 'all stock sorted' },
		);
		expect(next.history?.at(-1)).toMatchObject({
			actor: 'Li Na (leader)',
			reasons: ['all stock sorted'],
			ruleSet: 'default',
		});
		expect(() => advance(atD3, 'D4', 'Li Na', { now: '2026-03-02T10:59:00+08:00' })).toThrow(
			'options.now: 2026-03-02T10:59:00.000+08:00 is before the last history entry (2026-03-02T11:00:00.000+08:00)',
		);
		expect(() => advance(atD3, 'D4', '  ', { now: '2026-03-02T20:00:00+08:00' })).toThrow(
			'actor: required',
		);
		expect(() => advance(atD3, 'D2', 'Li Na', { now: '2026-03-02T20:00:00+08:00' })).toThrow(
			'moving back to D2 is a reopen',
		);
	});

	it('refuses to start a history for a report that claims completions', () => {
		expect(() =>
			advance(
				completeReport({ stage: 'D3', completedAt: { D0: '2026-03-02T10:00:00+08:00' } }),
				'D4',
				'Li Na',
			),
		).toThrow(GateBlockedError);
	});
});

describe('skipDiscipline', () => {
	const atD3 = () =>
		applyEdits(walk(completeReport(), 'D3'), [
			{ set: ['disciplines', 'D3', 'actions'], value: [] },
		]);

	it('skips containment with a reason; the gate then lets D3 pass with a warning', () => {
		const skipped = skipDiscipline(
			atD3(),
			'D3',
			'Zhang Wei',
			'no suspect product left: lot 2602-117 fully consumed',
			{ now: '2026-03-02T12:00:00+08:00' },
		);
		expect(skipped.skipped).toEqual({
			D3: {
				by: 'Zhang Wei',
				at: '2026-03-02T12:00:00.000+08:00',
				reason: 'no suspect product left: lot 2602-117 fully consumed',
			},
		});
		expect(skipped.history?.at(-1)).toMatchObject({
			action: 'skip',
			from: 'D3',
			to: 'D3',
			discipline: 'D3',
			decision: 'skipped',
		});
		const gate = evaluateGate(skipped, 'D4', { now: '2026-03-02T13:00:00+08:00' });
		expect(gate).toMatchObject({ allowed: true, checked: [] });
		expect(gate.warnings).toEqual([
			'D3 was skipped by Zhang Wei at 2026-03-02T12:00:00.000+08:00: no suspect product left: lot 2602-117 fully consumed',
		]);
		const moved = advance(skipped, 'D4', 'Li Na', { now: '2026-03-02T13:00:00+08:00' });
		expect(moved.history?.at(-1)?.reasons).toEqual(gate.warnings);
		expect(verifyHistory(moved)).toEqual({ valid: true });
		expect(evaluateGate(atD3(), 'D4', { now: '2026-03-02T13:00:00+08:00' }).allowed).toBe(false);
	});

	it.each([
		[
			'D4',
			'a reason',
			{},
			'discipline: D4 may not be skipped under rule set "default" (skippable: D0, D3)',
		],
		['D3', '', {}, 'reason: required'],
		[
			'D1',
			'a reason',
			{ ruleSet: { id: 'loose', extends: 'default', skippable: ['D1'], disciplines: {} } },
			'discipline: D1 is already behind the report (at D3); reopen it first',
		],
		[
			'D3',
			'a reason',
			{ ruleSet: 'northwind-motors' },
			'discipline: D3 may not be skipped under rule set "northwind-motors" (skippable: D0)',
		],
		['D11', 'a reason', {}, 'discipline: unknown discipline "D11"'],
	])('refuses to skip %s (%s)', (discipline, reason, options, message) => {
		expect(() =>
			skipDiscipline(atD3(), discipline, 'Zhang Wei', reason, {
				now: '2026-03-02T12:00:00+08:00',
				...(options as object),
			}),
		).toThrow(message);
	});
});

describe('reopenReport and regateReport', () => {
	it('reopens a closed report at D4: completions from D4 undone, stale approvals no longer count', () => {
		const closed = walk(completeReport(), 'closed');
		const reopened = reopenReport(
			closed,
			'D4',
			'Zhang Wei',
			'customer reports recurrence on lot 2604-020',
			{ now: '2026-04-20T09:00:00+08:00' },
		);
		expect(reopened).toMatchObject({ stage: 'D4', status: 'open' });
		expect(reopened.closedAt).toBeUndefined();
		expect(Object.keys(reopened.completedAt ?? {})).toEqual(['D0', 'D1', 'D2', 'D3']);
		expect(reopened.history?.at(-1)).toMatchObject({
			action: 'reopen',
			from: 'closed',
			to: 'D4',
			decision: 'reopened',
			reasons: ['customer reports recurrence on lot 2604-020'],
		});
		expect(verifyHistory(reopened)).toEqual({ valid: true });

		const atD5 = advance(reopened, 'D5', 'Li Na', { now: '2026-04-24T09:00:00+08:00' });
		const gate = evaluateGate(atD5, 'D6', { now: '2026-04-25T09:00:00+08:00' });
		expect(gate.missing.map((m) => m.reason)).toEqual([
			'D5 approval by champion Zhang Wei predates the reopening at 2026-04-20T09:00:00.000+08:00; approve again',
		]);
		const approvedAgain = applyEdits(atD5, [
			{
				set: ['approvals', 2],
				value: {
					discipline: 'D5',
					role: 'champion',
					name: 'Zhang Wei',
					at: '2026-04-25T08:00:00+08:00',
				},
			},
		]);
		expect(evaluateGate(approvedAgain, 'D6', { now: '2026-04-25T09:00:00+08:00' }).allowed).toBe(
			true,
		);
	});

	it('refuses to reopen forward or without a reason', () => {
		const atD3 = walk(completeReport(), 'D3');
		expect(() =>
			reopenReport(atD3, 'D5', 'Zhang Wei', 'x', { now: '2026-03-03T00:00:00+08:00' }),
		).toThrow('target: D5 is not behind the report (at D3); moving forward is an advance');
		expect(() =>
			reopenReport(atD3, 'D1', 'Zhang Wei', ' ', { now: '2026-03-03T00:00:00+08:00' }),
		).toThrow('reason: required');
	});

	it('re-gates the passed disciplines against another rule set and records the outcome', () => {
		const atD5 = walk(completeReport(), 'D5');
		const { report, passed, missing } = regateReport(atD5, 'Quality audit', {
			now: '2026-03-10T09:00:00+08:00',
			ruleSet: 'northwind-motors',
		});
		expect(passed).toBe(false);
		expect(missing.map((m) => `${m.discipline} ${m.rule}`)).toEqual([
			'D3 D3.scope',
			'D3 D3.evidence',
			'D4 D4.five-why',
			'D4 D4.customer-approval',
		]);
		expect(report.stage).toBe('D5');
		expect(report.history?.at(-1)).toMatchObject({
			action: 'regate',
			from: 'D5',
			to: 'D5',
			discipline: 'D4',
			decision: 'failed',
			ruleSet: 'northwind-motors',
			reasons: [
				'D3 containment scope: in-transit not covered',
				'D3 D3 needs at least 1 evidence attachment(s), 0 attached',
				'D4 5-Why chain of escape root cause RC2 has 3 level(s), needs at least 5',
				'D4 D4 needs approval by the customer-sqe',
			],
		});
		expect(verifyHistory(report)).toEqual({ valid: true });
		const again = regateReport(atD5, 'Quality audit', { now: '2026-03-10T09:00:00+08:00' });
		expect(again.passed).toBe(true);
		expect(again.report.history?.at(-1)?.decision).toBe('passed');
	});
});
