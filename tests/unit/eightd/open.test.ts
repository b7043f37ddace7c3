import Ajv from 'ajv';

import complete from '../../fixtures/eightd/complete.json';
import {
	eightDReportSchema,
	eightDRuleSetSchema,
	builtInEightDRuleSets,
	evaluateGate,
	openFromComplaint,
	verifyHistory,
} from '../../../lib/eightd';

/** A Complaint Classifier result for a Chinese safety complaint, as the contract shapes it. */
const smoking = {
	text: '客户反馈：PA-65 充电器外壳在线缆出口处熔化，其中一台冒烟。批次 2602-117。',
	customer: 'Northwind Motors',
	receivedAt: '2026-03-02T09:15:00+08:00',
	category: 'production',
	categories: [
		{ id: 'production', score: 0.82 },
		{ id: 'design', score: 0.11 },
	],
	severity: 'critical' as const,
	keywords: [{ term: '冒烟', category: 'production', start: 26, end: 28 }],
	language: 'zh' as const,
	confidence: 0.82,
};

describe('openFromComplaint', () => {
	const report = openFromComplaint(smoking, { now: '2026-03-02T10:00:00+08:00', actor: 'Li Na' });

	it('pre-fills D0 and the facts of D2, counts deadlines from receipt, picks the customer rule set', () => {
		expect(report).toMatchObject({
			customer: 'Northwind Motors',
			openedAt: '2026-03-02T09:15:00+08:00',
			stage: 'D0',
			status: 'open',
			ruleSet: 'northwind-motors',
			deadlines: {
				D3: '2026-03-03T01:15:00.000Z',
				D4: '2026-03-12T01:15:00.000Z',
				D8: '2026-04-01T01:15:00.000Z',
			},
		});
		expect(report.id).toMatch(/^8D-20260302-[0-9a-f]{8}$/);
		expect(report.disciplines.D0).toEqual({
			symptom: smoking.text,
			complaint: {
				text: smoking.text,
				category: 'production',
				severity: 'critical',
				keywords: smoking.keywords,
				language: 'zh',
				confidence: 0.82,
				customer: 'Northwind Motors',
				receivedAt: '2026-03-02T09:15:00+08:00',
			},
			emergencyResponse: { needed: true, actions: [] },
		});
		expect(report.disciplines.D2).toEqual({
			fiveW2H: { who: 'Northwind Motors', what: smoking.text, when: '2026-03-02T09:15:00+08:00' },
		});
		expect(report.history).toHaveLength(1);
		expect(report.history?.[0]).toMatchObject({
			action: 'open',
			actor: 'Li Na',
			at: '2026-03-02T10:00:00.000+08:00',
			to: 'D0',
			decision: 'opened',
			reasons: ['opened from complaint (category production, severity critical, confidence 0.82)'],
			reportId: report.id,
		});
		expect(verifyHistory(report)).toEqual({ valid: true });
	});

	it('a critical complaint cannot leave D0 before emergency actions are listed; D2 still needs the team', () => {
		const d0 = evaluateGate(report, 'D1', { now: '2026-03-02T10:05:00+08:00', language: 'zh' });
		expect(d0.missing.map((m) => m.reason)).toEqual(['缺少紧急响应措施']);
		const d2 = evaluateGate({ ...report, stage: 'D2' }, 'D3', { now: '2026-03-02T10:05:00+08:00' });
		expect(d2.missing.map((m) => m.rule)).toEqual([
			'D2.statement',
			'D2.5w2h',
			'D2.is-is-not',
			'history',
		]);
		expect(d2.missing[1].reason).toBe('5W2H: where, why, how, how many missing');
	});

	it('the same complaint gets the same id, another text another id', () => {
		expect(openFromComplaint(smoking, { now: '2026-03-02T10:00:00+08:00' }).id).toBe(report.id);
		expect(
			openFromComplaint(
				{ ...smoking, text: `${smoking.text} ` + '另一台' },
				{ now: '2026-03-02T10:00:00+08:00' },
			).id,
		).not.toBe(report.id);
	});

	it('without receivedAt the clock opens it; a named profile and an explicit id are kept', () => {
		const minor = openFromComplaint(
			{ text: 'Label on the carton is smudged.', severity: 'minor' },
			{ now: '2026-04-02T16:00:00+02:00', profile: 'business-de', id: '8D-77' },
		);
		expect(minor).toMatchObject({
			id: '8D-77',
			openedAt: '2026-04-02T16:00:00.000+02:00',
			profile: 'business-de',
			deadlines: { D3: '2026-04-07T16:00:00.000+02:00' },
		});
		expect(minor.ruleSet).toBeUndefined();
		expect(minor.disciplines.D0?.emergencyResponse).toBeUndefined();
	});

	it.each([
		[undefined, 'complaint: missing'],
		[{ text: '   ' }, 'complaint.text: required'],
		[
			{ text: 'x', severity: 'high' },
			'complaint.severity: "high" is not one of critical, major, minor',
		],
		[{ text: 'x', confidence: 1.5 }, 'complaint.confidence: 1.5 is not a number from 0 to 1'],
		[{ text: 'x', language: 'de' }, 'complaint.language'],
		[
			{ text: 'x', receivedAt: '02/03/2026' },
			'complaint.receivedAt: "02/03/2026" is not an ISO-8601 date-time with offset',
		],
		[{ text: 'x', receivedAt: '2026-03-02T09:15:00' }, 'complaint.receivedAt'],
		[
			{ text: 'x', receivedAt: '2026-03-05T09:15:00+08:00' },
			'complaint.receivedAt: 2026-03-05T09:15:00+08:00 is after the time of opening',
		],
		[{ text: 'x', keywords: ['fire'] }, 'complaint.keywords'],
	])('bad complaint %#', (complaint, message) => {
		expect(() => openFromComplaint(complaint, { now: '2026-03-02T10:00:00+08:00' })).toThrow(
			message,
		);
	});
});

describe('published schemas', () => {
	it('the report schema is a valid draft-07 schema that accepts the complete fixture and rejects an unknown discipline', () => {
		const ajv = new Ajv({ strict: false, validateFormats: false });
		const validate = ajv.compile(eightDReportSchema);
		expect(validate(complete)).toBe(true);
		expect(validate({ ...complete, disciplines: { ...complete.disciplines, D9: {} } })).toBe(false);
	});

	it('the built-in rule sets follow the rule set schema', () => {
		const validate = new Ajv({ strict: false }).compile(eightDRuleSetSchema);
		expect(builtInEightDRuleSets.map((set) => [set.id, validate(set)])).toEqual([
			['default', true],
			['measurement-system', true],
			['northwind-motors', true],
		]);
	});
});
