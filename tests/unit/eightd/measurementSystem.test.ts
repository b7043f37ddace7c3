import { builtInEightDRuleSets, evaluateGate, resolveEightDRuleSet } from '../../../lib/eightd';
import { completeReport } from './helpers';

const NOW = '2026-03-02T12:00:00+08:00';
const msaEvidence = (discipline: 'D4' | 'D6') => ({
	id: `MSA-${discipline}`,
	discipline,
	kind: 'msa',
	name: 'Gage R&R weld resistance tester: %GRR 18.4 % (marginal), ndc 7',
});

describe('rule set "measurement-system": measurement system verified (%GRR <= 30 %) at D4 and D6', () => {
	it('ships as a built-in set extending the default', () => {
		expect(builtInEightDRuleSets.map((s) => s.id)).toContain('measurement-system');
		const set = resolveEightDRuleSet('measurement-system');
		expect(set.disciplines.D4.map((r) => r.id)).toContain('D4.measurement-system');
		expect(set.disciplines.D6.map((r) => r.id)).toContain('D6.measurement-system');
		// every default rule is still there
		expect(set.disciplines.D4.length).toBe(
			resolveEightDRuleSet('default').disciplines.D4.length + 1,
		);
	});

	it.each(['D4', 'D6'] as const)(
		'blocks leaving %s without a Gage R&R study as evidence',
		(stage) => {
			const next = stage === 'D4' ? 'D5' : 'D7';
			const gate = evaluateGate(completeReport({ stage }), next, {
				now: NOW,
				ruleSet: 'measurement-system',
			});
			expect(gate.allowed).toBe(false);
			expect(gate.missing).toEqual([
				expect.objectContaining({
					discipline: stage,
					field: 'evidence',
					reason: expect.stringContaining('measurement system is verified (%GRR ≤ 30 %)'),
				}),
			]);
		},
	);

	it.each(['D4', 'D6'] as const)('lets %s pass with the study attached', (stage) => {
		const next = stage === 'D4' ? 'D5' : 'D7';
		const report = completeReport({ stage });
		report.evidence = [...(report.evidence ?? []), msaEvidence(stage)];
		const gate = evaluateGate(report, next, { now: NOW, ruleSet: 'measurement-system' });
		expect(gate.missing).toEqual([]);
		expect(gate.allowed).toBe(true);
	});

	it('does not change the default set', () => {
		expect(evaluateGate(completeReport({ stage: 'D4' }), 'D5', { now: NOW }).allowed).toBe(true);
	});
});
