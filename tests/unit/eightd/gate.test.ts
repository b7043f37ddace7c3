import gaps from '../../fixtures/eightd/gaps.json';
import {
	evaluateGate,
	type EightDReport,
	type EightDRuleSetSource,
	type Discipline,
} from '../../../lib/eightd';
import { applyEdits, completeReport, type Edit } from './helpers';

const NOW = '2026-03-02T12:00:00+08:00';
const STAGES: Discipline[] = ['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'];

describe('evaluateGate on the complete report', () => {
	it.each(STAGES.map((stage, i) => [stage, i < 8 ? STAGES[i + 1] : 'closed'] as const))(
		'%s -> %s is allowed',
		(stage, target) => {
			const gate = evaluateGate(completeReport({ stage }), target, { now: NOW });
			expect(gate.missing).toEqual([]);
			expect(gate).toMatchObject({
				allowed: true,
				current: stage,
				target,
				ruleSet: 'default',
				checked: [stage],
			});
			expect(gate.warnings).toEqual(['the report has no history yet; the first advance starts it']);
		},
	);

	it('a jump D0 -> D8 runs the rules of D0..D7 and passes on complete content', () => {
		const gate = evaluateGate(completeReport(), 'D8', { now: NOW });
		expect(gate.allowed).toBe(true);
		expect(gate.checked).toEqual(['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7']);
	});

	it('refuses a target at or behind the stage, and a closed report', () => {
		const back = evaluateGate(completeReport({ stage: 'D5' }), 'D4', { now: NOW });
		expect(back.allowed).toBe(false);
		expect(back.missing).toEqual([
			expect.objectContaining({
				rule: 'stage',
				reason: 'the report is already at D5; moving back to D4 is a reopen',
			}),
		]);
		const closed = evaluateGate(completeReport({ stage: 'D8', status: 'closed' }), 'closed', {
			now: NOW,
			language: 'zh',
		});
		expect(closed.missing[0]).toMatchObject({
			rule: 'status',
			reason: '报告已关闭；需重新打开才能更改',
		});
	});
});

describe('evaluateGate finds each kind of gap (tests/fixtures/eightd/gaps.json)', () => {
	it.each(gaps.cases.map((c) => [c.name, c] as const))('%s', (_name, gap) => {
		const report = applyEdits(
			completeReport({ stage: gap.stage as Discipline }),
			gap.edits as Edit[],
		);
		const en = evaluateGate(report, gap.target, { now: NOW });
		expect(en.allowed).toBe(false);
		expect(
			en.missing.map(({ discipline, rule, field, reason }) => ({
				discipline,
				rule,
				field,
				reason,
			})),
		).toEqual(
			gap.missing.map(({ discipline, rule, field, en: reason }) => ({
				discipline,
				rule,
				field,
				reason,
			})),
		);
		const zh = evaluateGate(report, gap.target, { now: NOW, language: 'zh' });
		expect(zh.missing.map((m) => m.reason)).toEqual(gap.missing.map((m) => m.zh));
	});
});

describe('rule sets', () => {
	it('a customer-specific set is chosen by customer and is stricter', () => {
		// The complete report's escape chain has 3 levels: enough for default, not for Northwind's 5.
		const report = completeReport({ stage: 'D4', customer: 'Northwind Motors' });
		const gate = evaluateGate(report, 'D5', { now: NOW });
		expect(gate.ruleSet).toBe('northwind-motors');
		expect(gate.missing.map((m) => m.reason)).toEqual([
			'5-Why chain of escape root cause RC2 has 3 level(s), needs at least 5',
			'D4 needs approval by the customer-sqe',
		]);
		expect(evaluateGate(report, 'D5', { now: NOW, ruleSet: 'default' }).allowed).toBe(true);
	});

	it('keeps the inherited rules of the set it extends, in order', () => {
		const gate = evaluateGate(completeReport({ stage: 'D3', customer: 'northwind motors' }), 'D4', {
			now: NOW,
		});
		expect(gate.missing.map((m) => m.rule)).toEqual(['D3.scope', 'D3.evidence']);
		expect(gate.missing[0].reason).toBe('containment scope: in-transit not covered');
	});

	it('takes a rule set as JSON: extend the default, remove a rule, add a conditional one', () => {
		const ruleSet: EightDRuleSetSource = {
			id: 'contoso',
			extends: 'default',
			remove: ['D1.size'],
			disciplines: {
				D1: [
					{
						id: 'D1.safety-expert',
						check: 'teamRoles',
						roles: ['safety'],
						when: { path: 'disciplines.D0.complaint.severity', equals: 'critical' },
					},
				],
			},
		};
		const twoPeople = applyEdits(completeReport({ stage: 'D1' }), [
			{
				set: ['disciplines', 'D1', 'team'],
				value: [
					{ name: 'Zhang Wei', role: 'champion' },
					{ name: 'Li Na', role: 'leader' },
				],
			},
		]);
		expect(
			evaluateGate(twoPeople, 'D2', { now: NOW, ruleSet }).missing.map((m) => m.reason),
		).toEqual(['team has no safety']);
		const minor = applyEdits(twoPeople, [
			{ set: ['disciplines', 'D0', 'complaint', 'severity'], value: 'minor' },
		]);
		expect(evaluateGate(minor, 'D2', { now: NOW, ruleSet }).allowed).toBe(true);
	});

	it('a rule message replaces the generated reason', () => {
		const ruleSet: EightDRuleSetSource = {
			id: 'msg',
			disciplines: {
				D1: [
					{
						id: 'x',
						check: 'minItems',
						path: 'disciplines.D1.team',
						min: 9,
						message: { en: 'nine people, please', zh: '需要九人' },
					},
				],
			},
		};
		const gate = evaluateGate(completeReport({ stage: 'D1' }), 'D2', {
			now: NOW,
			ruleSet,
			language: 'zh',
		});
		expect(gate.missing.map((m) => m.reason)).toEqual(['需要九人']);
	});

	it.each([
		[{ id: 'x', disciplines: { D9: [] } }, 'ruleSet.disciplines.D9: unknown key "D9"'],
		[
			{ id: 'x', disciplines: { D4: [{ id: 'r', check: 'fiveWhy', types: ['occurrence'] }] } },
			'ruleSet.disciplines.D4[0].minLevels: is required',
		],
		[
			{ id: 'x', disciplines: { D4: [{ id: 'r', check: 'sixSigma' }] } },
			'ruleSet.disciplines.D4[0].check: must be one of',
		],
		[{ id: 'x', extends: 'nope', disciplines: {} }, 'ruleSet.extends: unknown rule set "nope"'],
		['{"id": ', 'ruleSet: not valid JSON'],
	])('rejects a bad rule set %#, naming the field', (ruleSet, message) => {
		expect(() =>
			evaluateGate(completeReport({ stage: 'D1' }), 'D2', { now: NOW, ruleSet: ruleSet as never }),
		).toThrow(message);
	});
});

describe('bad input names the field', () => {
	const report = completeReport();
	it.each([
		[undefined, 'D1', 'report: missing'],
		[{ ...report, stage: 'D9' }, 'D1', 'report.stage: must be one of'],
		[
			{ ...report, disciplines: { ...report.disciplines, D9: {} } },
			'D1',
			'report.disciplines.D9: unknown key "D9"',
		],
		[
			{ ...report, openedAt: '2026-02-30T09:00:00+08:00' },
			'D1',
			'report.openedAt: must match format "date-time"',
		],
		[{ ...report, openedAt: '2026-03-02 09:15' }, 'D1', 'report.openedAt'],
		[
			applyEdits(report, [{ set: ['approvals', 0, 'at'], value: 'last Friday' }]),
			'D1',
			'report.approvals[0].at',
		],
		[
			applyEdits(report, [{ remove: ['disciplines', 'D3', 'actions', 0, 'id'] }]),
			'D1',
			'report.disciplines.D3.actions[0].id: is required',
		],
		[report, 'D10', 'target: unknown discipline "D10"'],
		[report, 'D0', 'target: D0 is where a report starts'],
		[report, undefined, 'target: unknown discipline undefined'],
	])('case %#', (input, target, message) => {
		expect(() => evaluateGate(input, target, { now: NOW })).toThrow(message);
	});

	it('a malformed clock or unknown language', () => {
		expect(() => evaluateGate(report, 'D1', { now: '2026-13-01T00:00:00Z' })).toThrow(
			'options.now',
		);
		expect(() => evaluateGate(report, 'D1', { now: NOW, language: 'fr' as never })).toThrow(
			'options.language',
		);
	});
});

it('the fixture report itself is a valid record with no surprise fields', () => {
	const report: EightDReport = completeReport();
	expect(evaluateGate(report, 'D1', { now: NOW }).allowed).toBe(true);
});
