/**
 * The Complaint Intake trigger's webhook() with a stand-in webhook context: the answers for
 * signed, unsigned, stale, replayed, malformed and hostile requests, and what starts the workflow.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { signPayload } from '../../lib/intake';
import { ComplaintIntake } from '../../nodes/ComplaintIntake/ComplaintIntake.node';
import { ComplaintIntakeV1 } from '../../nodes/ComplaintIntake/v1/ComplaintIntakeV1.node';

const SECRET = 'whsec_0123456789abcdef';
const node = new ComplaintIntake();
const v1 = node.nodeVersions[1] as ComplaintIntakeV1;

interface Call {
	body: string;
	headers?: Record<string, string | undefined>;
	sign?: boolean;
	timestamp?: number;
	options?: IDataObject;
	secret?: string;
}

function context(call: Call, staticData: IDataObject) {
	const now = Math.floor(Date.now() / 1000);
	const ts = call.timestamp ?? now;
	const headers: Record<string, string | undefined> = {
		'content-type': 'application/json',
		'x-qms-timestamp': String(ts),
		...(call.sign === false
			? {}
			: { 'x-qms-signature': signPayload(call.secret ?? SECRET, ts, call.body) }),
		...(call.headers ?? {}),
	};
	const sent: { status?: number; body?: unknown } = {};
	const res = {
		status(code: number) {
			sent.status = code;
			return this;
		},
		json(body: unknown) {
			sent.body = body;
			return this;
		},
	};
	const ctx = {
		getRequestObject: () => ({ headers, rawBody: Buffer.from(call.body) }),
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback?: unknown) =>
			name === 'options' ? (call.options ?? {}) : name === 'path' ? 'complaints' : fallback,
		getCredentials: async () => ({ secret: SECRET, previousSecret: '' }),
		getWorkflow: () => ({ id: 'wf-1', name: 'intake', active: true }),
		getWorkflowStaticData: () => staticData,
	} as unknown as IWebhookFunctions;
	return { ctx, sent };
}

async function call(c: Call, staticData: IDataObject = {}) {
	const { ctx, sent } = context(c, staticData);
	const result: IWebhookResponseData = await v1.webhook.call(ctx);
	return { result, sent, staticData };
}

const good = JSON.stringify({
	messageId: 'crm-4711',
	text: 'The carton was crushed, 外箱破损',
	customer: 'Contoso',
	receivedAt: '2026-03-02T09:15:00+08:00',
});

describe('Complaint Intake webhook()', () => {
	test('the description: trigger, POST webhook answering 202 on receipt, signing credential with a test', () => {
		expect(node.description.name).toBe('complaintIntake');
		expect(v1.description.group).toEqual(['trigger']);
		expect(v1.description.webhooks).toEqual([
			expect.objectContaining({
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseCode: '={{202}}',
				isFullPath: true,
			}),
		]);
		expect(v1.description.credentials).toEqual([
			{ name: 'complaintIntakeApi', required: true, testedBy: 'complaintIntakeSecret' },
		]);
	});

	test('signed and valid: starts the workflow with one item and answers accepted with the case id', async () => {
		const { result, sent } = await call({ body: good });
		expect(sent.status).toBeUndefined();
		const caseId = (result.webhookResponse as IDataObject).caseId as string;
		expect(result.webhookResponse).toEqual({ status: 'accepted', caseId, messageId: 'crm-4711' });
		expect(caseId).toMatch(/^CMP-[0-9A-F]{16}$/);
		expect(result.workflowData).toHaveLength(1);
		expect(result.workflowData![0]).toHaveLength(1);
		expect(result.workflowData![0][0].json).toMatchObject({
			caseId,
			messageId: 'crm-4711',
			text: 'The carton was crushed, 外箱破损',
			customer: 'Contoso',
			receivedAt: '2026-03-02T09:15:00+08:00',
			extra: {},
		});
	});

	test('the same message again: 200 duplicate with the same case id, no workflow start', async () => {
		const staticData: IDataObject = {};
		const body = good.replace('crm-4711', 'crm-dup-1');
		const first = await call({ body }, staticData);
		expect(first.result.webhookResponse).toMatchObject({ status: 'accepted' });
		const again = await call({ body }, staticData);
		expect(again.result).toEqual({ noWebhookResponse: true });
		expect(again.sent).toEqual({
			status: 200,
			body: expect.objectContaining({
				status: 'duplicate',
				caseId: (first.result.webhookResponse as IDataObject).caseId,
			}),
		});
	});

	test.each([
		['unsigned', { body: good, sign: false }, 401, 'missing_signature'],
		['wrong secret', { body: good, secret: 'not-the-secret-at-all' }, 401, 'bad_signature'],
		[
			'stale (replayed after 10 minutes)',
			{ body: good, timestamp: Math.floor(Date.now() / 1000) - 600 },
			401,
			'stale_timestamp',
		],
		[
			'timestamp from the future',
			{ body: good, timestamp: Math.floor(Date.now() / 1000) + 600 },
			401,
			'stale_timestamp',
		],
		[
			'body changed after signing',
			{
				body: good,
				headers: {
					'x-qms-signature': signPayload(
						SECRET,
						Math.floor(Date.now() / 1000),
						good.replace('4711', '4712'),
					),
				},
			},
			401,
			'bad_signature',
		],
		['not JSON', { body: '{"messageId": "crm-1", "text": ' }, 400, 'invalid_json'],
		[
			'wrong content type',
			{ body: good, headers: { 'content-type': 'text/plain' } },
			415,
			'unsupported_media_type',
		],
		['missing fields', { body: '{"customer":"Contoso"}' }, 422, 'invalid_payload'],
		[
			'prototype keys',
			{ body: '{"messageId":"crm-1","text":"x","__proto__":{"admin":true}}' },
			422,
			'invalid_payload',
		],
		[
			'too large',
			{
				body: JSON.stringify({ messageId: 'crm-1', text: 'x'.repeat(5000) }),
				options: { maxBytes: 2048 },
			},
			413,
			'too_large',
		],
	])('%s: answered with its 4xx code, nothing started', async (_, c, status, code) => {
		const staticData: IDataObject = {};
		const { result, sent } = await call(c as Call, staticData);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(status);
		expect(sent.body).toMatchObject({ error: code });
		expect(staticData).toEqual({});
	});

	test("a repeat is caught by the workflow's static data alone (another process took the first copy)", async () => {
		const body = good.replace('crm-4711', 'crm-elsewhere-1');
		const staticData: IDataObject = {
			seen: [['crm-elsewhere-1', 'CMP-FROMELSEWHERE0', Date.now() - 1000]],
		};
		const { result, sent } = await call({ body }, staticData);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(sent).toEqual({
			status: 200,
			body: expect.objectContaining({ status: 'duplicate', caseId: 'CMP-FROMELSEWHERE0' }),
		});
	});

	test('custom headers and prefix; remembering off still gives the same case id to a repeat', async () => {
		const options = {
			signatureHeader: 'X-Sig',
			timestampHeader: 'X-Ts',
			caseIdPrefix: 'Q',
			rememberIds: 0,
		};
		const ts = Math.floor(Date.now() / 1000);
		const headers = {
			'x-sig': signPayload(SECRET, ts, good),
			'x-ts': String(ts),
			'x-qms-signature': undefined,
		};
		const a = await call({ body: good, headers, options });
		const b = await call({ body: good, headers, options });
		expect((a.result.webhookResponse as IDataObject).caseId).toMatch(/^Q-/);
		expect((b.result.webhookResponse as IDataObject).caseId).toBe(
			(a.result.webhookResponse as IDataObject).caseId,
		);
	});

	test('the credential test refuses short secrets', async () => {
		const test = v1.methods.credentialTest.complaintIntakeSecret;
		expect(
			await test.call({} as never, {
				id: '1',
				name: 'c',
				type: 'complaintIntakeApi',
				data: { secret: 'short' },
			}),
		).toMatchObject({ status: 'Error' });
		expect(
			await test.call({} as never, {
				id: '1',
				name: 'c',
				type: 'complaintIntakeApi',
				data: { secret: SECRET },
			}),
		).toMatchObject({ status: 'OK' });
	});
});
