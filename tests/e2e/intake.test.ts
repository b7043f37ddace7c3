/**
 * The Complaint Intake trigger in the real n8n 2.40.7 (packed package installed as a community
 * package): a published workflow Intake -> Complaint Classifier -> HTTP post to a loopback sink.
 * Signed, unsigned, tampered, stale, replayed, duplicate and malformed calls get their answers,
 * and exactly the accepted ones start an execution.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { signPayload } from '../../lib/intake';
import { cli, state } from './n8n';
import { startHttpSink, type HttpSink } from './support/http-sink';
import { executions, publish, request, unpublish, waitFor } from './support/rest';

jest.setTimeout(180000);

const WORKFLOW_ID = 'qmsHostileIntakeE2e';
const CREDENTIAL_ID = 'qmsHostileIntakeSecret';
const SECRET = 'whsec_e2e_0123456789abcdef';
const PATH = 'qms-intake-e2e';
const work = process.env.QMS_E2E_WORK ?? path.join(__dirname, '.work');

let sink: HttpSink;
let url: string;

function workflow(sinkUrl: string) {
	return {
		id: WORKFLOW_ID,
		name: 'QMS intake e2e (signed webhook)',
		nodes: [
			{
				id: 'intake',
				name: 'Complaint Intake',
				type: 'n8n-nodes-qms.complaintIntake',
				typeVersion: 1,
				position: [0, 0],
				webhookId: '6f1d2c7e-8a44-4c55-9a3e-3b0f2a1d9e01',
				parameters: { path: PATH, options: {} },
				credentials: {
					complaintIntakeApi: { id: CREDENTIAL_ID, name: 'Intake signing secret (e2e)' },
				},
			},
			{
				id: 'classify',
				name: 'Complaint Classifier',
				type: 'n8n-nodes-qms.complaintClassifier',
				typeVersion: 1,
				position: [220, 0],
				parameters: { text: '={{ $json.text }}', routing: 'single' },
			},
			{
				id: 'record',
				name: 'Record case',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [440, 0],
				parameters: {
					method: 'POST',
					url: sinkUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody:
						'={{ JSON.stringify({ caseId: $json.caseId, messageId: $json.messageId, category: $json.complaint.category, severity: $json.complaint.severity }) }}',
					options: { timeout: 10000 },
				},
			},
		],
		connections: {
			'Complaint Intake': { main: [[{ node: 'Complaint Classifier', type: 'main', index: 0 }]] },
			'Complaint Classifier': { main: [[{ node: 'Record case', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

interface Sent {
	status: number;
	body: Record<string, unknown>;
}

/** POSTs `body` to the intake; `sign` false leaves the signature out, a number signs with that timestamp. */
async function send(
	body: string,
	{
		sign = true as boolean | number,
		secret = SECRET,
		contentType = 'application/json',
		headers = {} as Record<string, string>,
	} = {},
): Promise<Sent> {
	const ts = typeof sign === 'number' ? sign : Math.floor(Date.now() / 1000);
	const all: Record<string, string> = {
		'content-type': contentType,
		'x-qms-timestamp': String(ts),
	};
	if (sign !== false) all['x-qms-signature'] = signPayload(secret, ts, body);
	Object.assign(all, headers);
	const response = await request(`${url}/webhook/${PATH}`, { method: 'POST', headers: all, body });
	const text = await response.text();
	let parsed: Record<string, unknown> = {};
	try {
		parsed = JSON.parse(text) as Record<string, unknown>;
	} catch {
		parsed = { raw: text };
	}
	return { status: response.status, body: parsed };
}

const complaint = (messageId: string, text: string) =>
	JSON.stringify({
		messageId,
		text,
		customer: 'Contoso Appliances',
		receivedAt: '2026-03-02T09:15:00+08:00',
	});

beforeAll(async () => {
	url = state().url;
	sink = await startHttpSink();
	const credentials = path.join(work, 'intake-credentials.json');
	fs.writeFileSync(
		credentials,
		JSON.stringify([
			{
				id: CREDENTIAL_ID,
				name: 'Intake signing secret (e2e)',
				type: 'complaintIntakeApi',
				data: { secret: SECRET },
			},
		]),
	);
	await cli(['import:credentials', `--input=${credentials}`]);
	const file = path.join(work, 'intake-workflow.json');
	fs.writeFileSync(file, JSON.stringify(workflow(sink.url)));
	await cli(['import:workflow', `--input=${file}`]);
	await publish(WORKFLOW_ID);
});

afterAll(async () => {
	await unpublish(WORKFLOW_ID).catch(() => undefined);
	await sink?.close();
});

describe('Complaint Intake in a real n8n', () => {
	let accepted: Sent;

	test('signed: 202 with a case id, and the case reaches the end of the workflow', async () => {
		accepted = await send(
			complaint('crm-e2e-1', 'The charger started to smoke and the housing melted. 外壳烧焦。'),
		);
		expect(accepted.status).toBe(202);
		expect(accepted.body).toEqual({
			status: 'accepted',
			caseId: expect.stringMatching(/^CMP-[0-9A-F]{16}$/),
			messageId: 'crm-e2e-1',
		});
		const post = await waitFor('the recorded case', async () =>
			sink.posts.find((p) => (p.body as { messageId?: string }).messageId === 'crm-e2e-1'),
		);
		expect(post.body).toEqual({
			caseId: accepted.body.caseId,
			messageId: 'crm-e2e-1',
			category: expect.any(String),
			severity: 'critical',
		});
	});

	test('the same message again (a retry, freshly signed): 200 duplicate, same case id, no second case', async () => {
		const again = await send(
			complaint('crm-e2e-1', 'The charger started to smoke and the housing melted. 外壳烧焦。'),
		);
		expect(again.status).toBe(200);
		expect(again.body).toMatchObject({
			status: 'duplicate',
			caseId: accepted.body.caseId,
			messageId: 'crm-e2e-1',
		});
	});

	test('replayed byte for byte within the window: answered as the duplicate it is', async () => {
		const body = complaint('crm-e2e-2', 'Carton crushed on arrival');
		const ts = Math.floor(Date.now() / 1000);
		const first = await send(body, { sign: ts });
		const replay = await send(body, { sign: ts });
		expect(first.status).toBe(202);
		expect(replay).toEqual({
			status: 200,
			body: expect.objectContaining({ status: 'duplicate', caseId: first.body.caseId }),
		});
	});

	test.each([
		[
			'unsigned',
			() => send(complaint('crm-e2e-u', 'x'), { sign: false }),
			401,
			'missing_signature',
		],
		[
			'signed with another secret',
			() => send(complaint('crm-e2e-w', 'x'), { secret: 'someone-elses-secret-123' }),
			401,
			'bad_signature',
		],
		[
			'tampered after signing',
			() =>
				send(complaint('crm-e2e-t', 'x'), {
					headers: {
						'x-qms-signature': signPayload(
							SECRET,
							Math.floor(Date.now() / 1000),
							complaint('crm-e2e-t', 'y'),
						),
					},
				}),
			401,
			'bad_signature',
		],
		[
			'replayed after 10 minutes (stale timestamp)',
			() => send(complaint('crm-e2e-s', 'x'), { sign: Math.floor(Date.now() / 1000) - 600 }),
			401,
			'stale_timestamp',
		],
		[
			'signed but missing its fields',
			() => send(JSON.stringify({ customer: 'Contoso' })),
			422,
			'invalid_payload',
		],
		[
			'signed with a prototype key',
			() => send('{"messageId":"crm-e2e-p","text":"x","__proto__":{"admin":true}}'),
			422,
			'invalid_payload',
		],
		[
			'signed but not JSON content',
			() => send(complaint('crm-e2e-c', 'x'), { contentType: 'text/plain' }),
			415,
			'unsupported_media_type',
		],
	])('%s: refused, nothing started', async (_, call, status, code) => {
		const answer = await call();
		expect(answer.status).toBe(status);
		expect(answer.body).toMatchObject({ error: code });
	});

	test("signed broken JSON: a 4xx from n8n's body parser before the node, nothing started", async () => {
		const answer = await send('{"messageId":"crm-e2e-j","text":');
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(answer.status).toBeLessThan(500);
	});

	test('exactly the two accepted complaints started executions, and each made one case', async () => {
		const runs = await waitFor('two finished executions', async () => {
			const list = await executions(WORKFLOW_ID);
			return list.length >= 2 && list.every((e) => e.status !== 'running' && e.status !== 'new')
				? list
				: undefined;
		});
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect((await executions(WORKFLOW_ID)).length).toBe(2);
		expect(runs.map((e) => e.status)).toEqual(['success', 'success']);
		const cases = sink.posts.map((p) => (p.body as { caseId: string }).caseId);
		expect(cases.sort()).toEqual([...new Set(cases)].sort());
		expect(cases).toHaveLength(2);
	});
});
