import { evaluateGate, type EightDReport } from '../../../lib/eightd';
import { completeReport } from './helpers';

const NOW = '2026-03-26T12:00:00+08:00';
const FMEA_REVIEWED = {
	discipline: 'D7',
	rule: 'D7.fmea-reviewed',
	field: 'disciplines.D7.fmea',
	reason: 'FMEA reviewed (IDs of the FMEA rows touched) missing',
	reasons: {
		en: 'FMEA reviewed (IDs of the FMEA rows touched) missing',
		zh: '缺少FMEA 评审（涉及的 FMEA 条目编号）',
	},
};

/** The complete fixture at D7 with `fmea` as its D7 FMEA rows (undefined: none recorded). */
function atD7(fmea: unknown): EightDReport {
	const report = completeReport({ stage: 'D7' });
	const d7 = { ...report.disciplines.D7 };
	if (fmea === undefined) delete d7.fmea;
	else d7.fmea = fmea as NonNullable<typeof d7.fmea>;
	report.disciplines.D7 = d7;
	return report;
}

describe('D7 "FMEA reviewed": the FMEA row ids touched by the 8D', () => {
	it('a report that names no FMEA row is blocked at D7, the item named', () => {
		const gate = evaluateGate(atD7(undefined), 'D8', { now: NOW });
		expect(gate.allowed).toBe(false);
		expect(gate.missing).toEqual([FMEA_REVIEWED]);
	});

	it('an empty list of rows counts as not reviewed (in Chinese too)', () => {
		const gate = evaluateGate(atD7([]), 'D8', { now: NOW, language: 'zh' });
		expect(gate.missing).toEqual([{ ...FMEA_REVIEWED, reason: FMEA_REVIEWED.reasons.zh }]);
	});

	it('passes with the rows touched: a revised row and a row added for a new failure mode', () => {
		const gate = evaluateGate(
			atD7([
				{ id: 'CH-010', failureMode: '功率管焊点虚焊', severity: 9, occurrence: 3, detection: 4 },
				{ id: 'CH-090', failureMode: 'Cable strain relief torn', action: 'Row added from 8D' },
			]),
			'D8',
			{ now: NOW },
		);
		expect(gate.missing).toEqual([]);
		expect(gate.allowed).toBe(true);
	});

	it('a row without its id fails the report schema, naming the field', () => {
		expect(() =>
			evaluateGate(atD7([{ failureMode: 'Weld joint resistance high' }]), 'D8', { now: NOW }),
		).toThrow(/disciplines\.D7\.fmea\[0\].*id/);
	});

	it('customer sets that extend the default inherit it (Northwind Motors)', () => {
		const report = { ...atD7(undefined), customer: 'Northwind Motors' };
		const gate = evaluateGate(report, 'D8', { now: NOW });
		expect(gate.ruleSet).toBe('northwind-motors');
		expect(gate.missing.map((m) => m.rule)).toContain('D7.fmea-reviewed');
	});
});
