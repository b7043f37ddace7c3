/** lib/intake: signatures (window, rotation, constant-time compare), payload validation, idempotency. */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';

import {
	caseIdFor,
	parseComplaintPayload,
	rememberMessage,
	signPayload,
	verifySignature,
	type SeenIds,
} from '../../../lib/intake';

const NOW = Date.parse('2026-03-02T01:15:00Z');
const TS = String(NOW / 1000);
const BODY = '{"messageId":"crm-4711","text":"外箱破损, housing cracked","customer":"Contoso"}';

describe('signPayload / verifySignature', () => {
	test('known answer: HMAC-SHA256 over "<timestamp>.<body>"', () => {
		const expected = createHmac('sha256', 'whsec_test').update(`${TS}.${BODY}`).digest('hex');
		expect(signPayload('whsec_test', TS, BODY)).toBe(`sha256=${expected}`);
		expect(signPayload('whsec_test', TS, Buffer.from(BODY))).toBe(`sha256=${expected}`);
	});

	test('a signed request within the window passes; bare hex and upper case too', () => {
		const signature = signPayload('whsec_test', TS, BODY);
		expect(
			verifySignature({ body: BODY, timestamp: TS, signature, secrets: ['whsec_test'], now: NOW }),
		).toEqual({ ok: true, timestamp: NOW / 1000 });
		expect(
			verifySignature({
				body: BODY,
				timestamp: TS,
				signature: signature.slice(7).toUpperCase(),
				secrets: ['whsec_test'],
				now: NOW,
			}).ok,
		).toBe(true);
	});

	test('refusals name what is wrong, all 401', () => {
		const signature = signPayload('whsec_test', TS, BODY);
		const check = (over: Partial<Parameters<typeof verifySignature>[0]>) =>
			verifySignature({
				body: BODY,
				timestamp: TS,
				signature,
				secrets: ['whsec_test'],
				now: NOW,
				...over,
			});
		expect(check({ signature: undefined })).toMatchObject({
			ok: false,
			status: 401,
			code: 'missing_signature',
		});
		expect(check({ timestamp: undefined })).toMatchObject({
			status: 401,
			code: 'missing_timestamp',
		});
		expect(check({ timestamp: '2026-03-02T01:15:00Z' })).toMatchObject({ code: 'bad_timestamp' });
		expect(check({ now: NOW + 301_000 })).toMatchObject({ code: 'stale_timestamp' });
		expect(check({ now: NOW - 301_000 })).toMatchObject({ code: 'stale_timestamp' });
		expect(check({ now: NOW + 299_000 }).ok).toBe(true);
		expect(check({ body: BODY.replace('4711', '4712') })).toMatchObject({ code: 'bad_signature' });
		expect(check({ secrets: ['other'] })).toMatchObject({ code: 'bad_signature' });
		expect(check({ secrets: [''] })).toMatchObject({ code: 'bad_signature' });
		expect(check({ signature: 'sha256=xyz' })).toMatchObject({ code: 'bad_signature' });
		// the timestamp is signed: a fresh timestamp on an old signature does not verify
		const later = String(NOW / 1000 + 60);
		expect(check({ timestamp: later, now: NOW + 60_000 })).toMatchObject({ code: 'bad_signature' });
	});

	test('secret rotation: the previous secret still verifies; several offered signatures are tried', () => {
		const old = signPayload('old', TS, BODY);
		expect(
			verifySignature({
				body: BODY,
				timestamp: TS,
				signature: old,
				secrets: ['new', 'old'],
				now: NOW,
			}).ok,
		).toBe(true);
		const both = `${signPayload('wrong', TS, BODY)}, ${signPayload('new', TS, BODY)}`;
		expect(
			verifySignature({ body: BODY, timestamp: TS, signature: both, secrets: ['new'], now: NOW })
				.ok,
		).toBe(true);
	});

	test('property: only the exact body, timestamp and secret verify; garbage headers never throw', () => {
		fc.assert(
			fc.property(
				fc.string(),
				fc.string({ minLength: 1 }),
				fc.string(),
				fc.string(),
				(body, secret, sigGarbage, tsGarbage) => {
					const good = signPayload(secret, TS, body);
					expect(
						verifySignature({ body, timestamp: TS, signature: good, secrets: [secret], now: NOW })
							.ok,
					).toBe(true);
					expect(
						verifySignature({
							body: `${body} `,
							timestamp: TS,
							signature: good,
							secrets: [secret],
							now: NOW,
						}).ok,
					).toBe(false);
					expect(
						verifySignature({
							body,
							timestamp: tsGarbage,
							signature: sigGarbage,
							secrets: [secret],
							now: NOW,
						}).ok,
					).toBe(false);
				},
			),
			{ numRuns: 300 },
		);
	});
});

describe('parseComplaintPayload', () => {
	test('a valid complaint: known fields typed, others kept in extra', () => {
		const r = parseComplaintPayload(
			`{"messageId":"crm-1","text":"Housing cracked","receivedAt":"2026-03-02T09:15:00+08:00","tier":"vip","ticket":{"id":7}}`,
			'application/json; charset=utf-8',
		);
		expect(r).toEqual({
			ok: true,
			complaint: {
				messageId: 'crm-1',
				text: 'Housing cracked',
				receivedAt: '2026-03-02T09:15:00+08:00',
				tier: 'vip',
				extra: { ticket: { id: 7 } },
			},
		});
	});

	test.each([
		['text/plain', '{"messageId":"a","text":"x"}', 415, 'unsupported_media_type'],
		[undefined, '{"messageId":"a","text":"x"}', 415, 'unsupported_media_type'],
		['application/json', '{"messageId":"a","text":', 400, 'invalid_json'],
		['application/json', '', 400, 'invalid_json'],
		['application/json', '[1,2]', 422, 'invalid_payload'],
		['application/json', 'null', 422, 'invalid_payload'],
		['application/json', '{"text":"x"}', 422, 'invalid_payload'],
		['application/json', '{"messageId":"a b","text":"x"}', 422, 'invalid_payload'],
		['application/json', '{"messageId":"a","text":"  "}', 422, 'invalid_payload'],
		[
			'application/json',
			'{"messageId":"a","text":"x","receivedAt":"yesterday"}',
			422,
			'invalid_payload',
		],
		[
			'application/json',
			'{"messageId":"a","text":"x","receivedAt":"2026-03-02T09:15:00"}',
			422,
			'invalid_payload',
		],
		['application/json', '{"messageId":"a","text":"x","customer":42}', 422, 'invalid_payload'],
	])('%s %s -> %d', (type, body, status, code) => {
		expect(parseComplaintPayload(body, type)).toMatchObject({ ok: false, status, code });
	});

	test('422 lists every bad field by name', () => {
		const r = parseComplaintPayload(
			'{"text":"","receivedAt":"soon","customer":[]}',
			'application/json',
		);
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.problems.map((p) => p.field)).toEqual([
				'messageId',
				'text',
				'customer',
				'receivedAt',
			]);
	});

	test('limits: 413 for a large body, 422 for a long text', () => {
		expect(
			parseComplaintPayload(`{"messageId":"a","text":"${'x'.repeat(2000)}"}`, 'application/json', {
				maxBytes: 1000,
			}),
		).toMatchObject({ status: 413 });
		expect(
			parseComplaintPayload(`{"messageId":"a","text":"${'x'.repeat(2000)}"}`, 'application/json', {
				maxTextLength: 1000,
			}),
		).toMatchObject({ status: 422, problems: [{ field: 'text' }] });
	});

	test('__proto__ / constructor fields are refused by name and pollute nothing', () => {
		const r = parseComplaintPayload(
			'{"messageId":"a","text":"x","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
			'application/json',
		);
		expect(r).toMatchObject({ ok: false, status: 422 });
		if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(['__proto__', 'constructor']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	test('property: arbitrary bodies never throw; accepted complaints have a usable id and text', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.json(),
					fc.record({ messageId: fc.string(), text: fc.string() }).map((o) => JSON.stringify(o)),
				),
				(body) => {
					const r = parseComplaintPayload(body, 'application/json');
					if (r.ok) {
						expect(r.complaint.messageId).toMatch(/^[A-Za-z0-9]/);
						expect(r.complaint.text.trim()).not.toBe('');
					} else {
						expect([400, 413, 415, 422]).toContain(r.status);
						expect(r.message.length).toBeGreaterThan(0);
					}
				},
			),
			{ numRuns: 500 },
		);
	});
});

describe('caseIdFor / rememberMessage', () => {
	test('case ids are stable per message and scope, distinct otherwise', () => {
		expect(caseIdFor('crm-1', 'wf/intake')).toBe(caseIdFor('crm-1', 'wf/intake'));
		expect(caseIdFor('crm-1', 'wf/intake')).toMatch(/^CMP-[0-9A-F]{16}$/);
		expect(caseIdFor('crm-2', 'wf/intake')).not.toBe(caseIdFor('crm-1', 'wf/intake'));
		expect(caseIdFor('crm-1', 'other')).not.toBe(caseIdFor('crm-1', 'wf/intake'));
		expect(caseIdFor('crm-1', '', 'Q')).toMatch(/^Q-/);
	});

	test('first copy is new, later copies are duplicates with the first case id', () => {
		const store: SeenIds = {};
		expect(rememberMessage(store, 'm1', 'CMP-1', 1000)).toEqual({
			duplicate: false,
			caseId: 'CMP-1',
			firstSeenAt: 1000,
		});
		expect(rememberMessage(store, 'm1', 'CMP-X', 2000)).toEqual({
			duplicate: true,
			caseId: 'CMP-1',
			firstSeenAt: 1000,
		});
		expect(rememberMessage(store, '__proto__', 'CMP-P', 2000).duplicate).toBe(false);
		expect(rememberMessage(store, '__proto__', 'CMP-P', 2001).duplicate).toBe(true);
		expect(JSON.parse(JSON.stringify(store))).toEqual(store);
	});

	test('bounded: at most max ids, the oldest go first; expired ids are forgotten', () => {
		const store: SeenIds = {};
		for (let i = 0; i < 50; i++) rememberMessage(store, `m${i}`, `C${i}`, 1000 + i, 20);
		expect(store.seen).toHaveLength(20);
		expect(rememberMessage(store, 'm49', 'x', 2000, 20).duplicate).toBe(true);
		expect(rememberMessage(store, 'm0', 'x', 2000, 20).duplicate).toBe(false);
		expect(rememberMessage(store, 'm49', 'x', 1049 + 10_001, 20, 10_000).duplicate).toBe(false);
	});

	test('a corrupted store is repaired, not trusted', () => {
		const store = { seen: [['m1', 'C1', 5], 'junk', [1, 2, 3], null] } as unknown as SeenIds;
		expect(rememberMessage(store, 'm1', 'C9', 10).duplicate).toBe(true);
		expect(store.seen).toEqual([['m1', 'C1', 5]]);
	});
});
