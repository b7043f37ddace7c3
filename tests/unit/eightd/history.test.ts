import { createHash } from 'node:crypto';

import valid from '../../fixtures/eightd/history-valid.json';
import tampered from '../../fixtures/eightd/tampered.json';
import { advance, evaluateGate, verifyHistory, type EightDReport } from '../../../lib/eightd';
import { canonicalJson, hashHistoryEntry } from '../../../lib/eightd/history';
import { applyEdits, type Edit } from './helpers';

const report = valid as EightDReport;

describe('verifyHistory', () => {
	it('accepts the stored chain (a record written by an earlier run still verifies)', () => {
		expect(verifyHistory(report)).toEqual({ valid: true });
	});

	it('hashes an entry as SHA-256 of its JSON with sorted keys, without its own hash', () => {
		const entry = report.history?.[1];
		const text = `{"action":"advance","actor":"Li Na","at":"2026-03-02T10:00:00.000+08:00","decision":"allowed","from":"D0","prevHash":"${entry?.prevHash}","reasons":[],"ruleSet":"default","seq":1,"to":"D1"}`;
		expect(entry?.hash).toBe(createHash('sha256').update(text).digest('hex'));
		expect(canonicalJson({ b: [{ z: 1, a: null }], a: 'x', u: undefined })).toBe(
			'{"a":"x","b":[{"a":null,"z":1}]}',
		);
	});

	it.each(tampered.cases.map((c) => [c.name, c] as const))('detects: %s', (_name, c) => {
		const altered = applyEdits(report, c.edits as Edit[]);
		for (const index of (c as { rehash?: number[] }).rehash ?? []) {
			const entry = altered.history?.[index];
			if (entry) entry.hash = hashHistoryEntry(entry);
		}
		expect(verifyHistory(altered)).toEqual({
			valid: false,
			brokenAt: c.brokenAt,
			reason: c.reason,
		});
		// The gate blocks an altered record, and advance refuses to extend it.
		const gate = evaluateGate(altered, 'D6', { now: '2026-03-16T10:00:00+08:00' });
		expect(gate.missing.map((m) => m.rule)).toContain('history');
		expect(() => advance(altered, 'D6', 'Li Na', { now: '2026-03-16T10:00:00+08:00' })).toThrow(
			/history/,
		);
	});

	it('a missing report is an error naming it', () => {
		expect(() => verifyHistory(undefined)).toThrow('report: missing');
	});
});
