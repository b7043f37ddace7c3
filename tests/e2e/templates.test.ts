/**
 * Every shipped template imported into the real n8n 2.40.7 and run against local stand-ins: an
 * SMTP sink and a chat webhook sink on 127.0.0.1, webhooks called over HTTP, Data Tables read back
 * over n8n's REST API. The QMS sample data was seeded at server start (scripts/seed.js).
 */
import * as path from 'node:path';

import { signPayload } from '../../lib/intake';
import { state } from './n8n';
import { startHttpSink, type HttpSink } from './support/http-sink';
import { startImap } from './support/imap';
import {
	dataTableNames,
	deleteRowsLike,
	executions,
	insertRows,
	request,
	tableRows,
	unpublish,
	waitFor,
} from './support/rest';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import {
	INTAKE_SECRET,
	INTAKE_TOKEN,
	STAFF,
	configure,
	importAndPublish,
	importCredentials,
	loadTemplate,
	node,
	staffAuthorization,
	testCopy,
} from './support/templates';

jest.setTimeout(180000);

interface CaseRow {
	caseId: string;
	source: string;
	customer: string;
	customerEmail: string;
	supplier: string;
	category: string;
	severity: string;
	stage: string;
	status: string;
	escalation: string | null;
	report: string;
	receivedAt: string;
	responseDueAt: string;
	d8DueAt: string;
}

const work = process.env.QMS_E2E_WORK ?? path.join(__dirname, '.work');
let smtp: SmtpSink;
let chat: HttpSink;

async function post(
	urlPath: string,
	body: unknown,
	headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown; text: string }> {
	const response = await request(`${state().url}${urlPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, json, text };
}

const cases = () => tableRows<CaseRow>('qms_cases');

/** Waits until the workflow has `count` finished executions and returns them (newest first). */
async function finishedRuns(workflowId: string, count: number) {
	return waitFor(`${count} finished run(s) of ${workflowId}`, async () => {
		const runs = (await executions(workflowId)).filter(
			(e) => e.status !== 'running' && e.status !== 'new',
		);
		return runs.length >= count ? runs : undefined;
	});
}

beforeAll(async () => {
	smtp = await startSmtpSink();
	chat = await startHttpSink();
	await importCredentials({ smtpPort: smtp.port });
	// Seeded at start: 15 sample complaints, 76 measurements, 329 supplier rows.
	await waitFor(
		'the sample data',
		async () => {
			const [c, m, s] = await Promise.all([
				cases(),
				tableRows('qms_measurements'),
				tableRows('qms_supplier_rows'),
			]);
			return c.length >= 15 && m.length >= 76 && s.length >= 329;
		},
		120000,
	);
});

afterAll(async () => {
	await smtp?.close();
	await chat?.close();
});

describe('templates in n8n 2.40.7', () => {
	test('setup: publishing creates the five Data Tables (and keeps existing rows)', async () => {
		const before = (await cases()).length;
		const id = await importAndPublish(loadTemplate('qms-setup-data-tables.json'));
		const [run] = await finishedRuns(id, 1);
		expect(run.status).toBe('success');
		expect((await cases()).length).toBe(before);
		expect((await tableRows('qms_measurements')).length).toBeGreaterThanOrEqual(76);
		expect((await tableRows('qms_fmea')).length).toBeGreaterThanOrEqual(1);
		expect(await dataTableNames()).toEqual(
			expect.arrayContaining([
				'qms_cases',
				'qms_measurements',
				'qms_supplier_rows',
				'qms_msa_studies',
				'qms_fmea',
			]),
		);
	});

	test('seeded complaints went through the classifier and the 8D gate', async () => {
		const seeded = (await cases()).filter((c) => c.source === 'mail');
		expect(seeded.length).toBeGreaterThanOrEqual(15);
		const fire = seeded.find((c) => c.customer === '华东电器' && c.severity === 'critical');
		expect(fire).toBeDefined();
		const report = JSON.parse(fire!.report);
		expect(report).toMatchObject({ id: fire!.caseId, stage: 'D0', status: 'open' });
		expect(report.history).toHaveLength(1);
	});

	test('complaint intake (webhook): signed pushes become acknowledged cases once; unsigned, stale and malformed calls are refused', async () => {
		const template = configure(loadTemplate('complaint-intake-webhook.json'), {
			chatWebhookUrl: chat.url,
		});
		const id = await importAndPublish(template);
		const send = (
			payload: unknown,
			{ sign = true, timestamp = Math.floor(Date.now() / 1000), secret = INTAKE_SECRET } = {},
		) => {
			const body = JSON.stringify(payload);
			const headers: Record<string, string> = { 'X-QMS-Timestamp': String(timestamp) };
			if (sign) headers['X-QMS-Signature'] = signPayload(secret, timestamp, body);
			return request(`${state().url}/webhook/qms/complaints`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body,
			}).then(async (r) => ({
				status: r.status,
				json: (await r.json()) as Record<string, string>,
			}));
		};
		const fire = {
			messageId: `crm-e2e-${Date.now()}`,
			text: 'Two of the chargers from order PO-99120 caught fire and started to smoke during charging.',
			customer: 'Contoso Appliances',
			contact: 'buyer@contoso.example',
			tier: 'vip',
		};

		expect((await send(fire, { sign: false })).status).toBe(401);
		expect((await send(fire, { secret: 'whsec_not_the_shared_secret_0000' })).status).toBe(401);
		expect((await send(fire, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(
			401,
		);
		const malformed = await send({ messageId: 'crm-e2e-bad', text: '' });
		expect(malformed.status).toBe(422);
		expect(JSON.stringify(malformed.json)).toContain('text');
		expect((await executions(id)).length).toBe(0);

		const accepted = await send(fire);
		expect(accepted.status).toBe(202);
		const caseId = accepted.json.caseId;
		expect(caseId).toMatch(/^CMP-[0-9A-F]{16}$/);

		const [ack] = await smtp.waitFor(new RegExp(`registered as ${caseId}`));
		expect(ack.to).toEqual(['buyer@contoso.example']);
		expect(ack.text).toContain('感谢您的反馈');
		const [escalation] = await smtp.waitFor(new RegExp(`\\[CRITICAL\\] ${caseId}`));
		expect(escalation.to).toEqual(['quality@example.com']);
		expect(escalation.text).toContain('caught fire');
		// The evidence is quoted: why it is critical and the hazards found, with their terms
		expect(escalation.text).toContain('Why critical: critical: fire_thermal hazard "caught fire"');
		expect(escalation.text).toContain(
			'Hazards: fire_thermal: "caught fire" (actual); fire_thermal: "smoke" (actual)',
		);
		const post = await waitFor('the chat post', async () =>
			chat.posts.find((p) => JSON.stringify(p.body).includes(caseId)),
		);
		expect((post.body as { text: string }).text).toContain(
			'| Hazards: fire_thermal: "caught fire" (actual); fire_thermal: "smoke" (actual)',
		);

		// The sender delivers the same message again once the case exists: same case ID, and (checked
		// below) no second case or mail
		await waitFor('the case row', async () => (await cases()).some((c) => c.caseId === caseId));
		const replayed = await send(fire);
		expect(replayed).toEqual({ status: 202, json: expect.objectContaining({ caseId }) });

		const rows = (await cases()).filter((c) => c.caseId === caseId);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			source: 'webhook',
			customer: 'Contoso Appliances',
			customerEmail: 'buyer@contoso.example',
			severity: 'critical',
			stage: 'D0',
			status: 'open',
		});
		const report = JSON.parse(rows[0].report);
		expect(report.id).toBe(caseId);
		expect(report.disciplines.D0.emergencyResponse).toEqual({ needed: true, actions: [] });
		// vip: answer within 24 h of receipt
		expect(Date.parse(rows[0].responseDueAt) - Date.parse(rows[0].receivedAt)).toBe(
			24 * 3600 * 1000,
		);

		const minor = await send({
			messageId: `crm-e2e-minor-${Date.now()}`,
			text: '收到的外壳表面有划痕，批次 L250101，约20件。',
			customer: '华东电器',
			contact: 'zhiliang@huadong.example',
		});
		expect(minor.status).toBe(202);
		await smtp.waitFor(new RegExp(`registered as ${minor.json.caseId}`));
		const minorRow = await waitFor('the minor case', async () =>
			(await cases()).find((c) => c.caseId === minor.json.caseId),
		);
		expect(minorRow).toMatchObject({ category: 'production', source: 'webhook' });
		expect(minorRow.severity).not.toBe('critical');
		expect(smtp.mails.some((m) => m.subject.includes(`[CRITICAL] ${minor.json.caseId}`))).toBe(
			false,
		);
		// one execution per accepted delivery (the refused calls started none); the repeat stopped at "New case?"
		const runs = await finishedRuns(id, 3);
		expect(runs.map((r) => r.status)).toEqual(['success', 'success', 'success']);
		expect((await executions(id)).length).toBe(3);
		expect(smtp.mails.filter((m) => m.subject.includes(`registered as ${caseId}`))).toHaveLength(1);
		expect(smtp.mails.filter((m) => m.subject.includes(`[CRITICAL] ${caseId}`))).toHaveLength(1);
		expect((await cases()).filter((c) => c.caseId === caseId)).toHaveLength(1);
	});

	test('complaint to CAPA (mail): a mail arriving in the IMAP inbox (Dovecot on loopback) becomes an acknowledged case', async () => {
		const imap = await startImap(work);
		const id = 'qmsTestMailIntake';
		try {
			await importCredentials({ smtpPort: smtp.port, imap });
			// The shipped template without its hourly deadline check (tested on its own below).
			const template = testCopy(
				configure(loadTemplate('complaint-to-capa-mail.json'), { chatWebhookUrl: chat.url }),
				id,
				{ remove: ['Every hour'] },
			);
			await importAndPublish(template);
			// The trigger only takes mails that arrive after it opened the inbox.
			await imap.waitForLogins(1);
			await imap.deliver(
				[
					'From: Northwind SQE <sqe@northwind-motors.example>',
					'To: complaints@qms.example',
					'Subject: Cracked housings in lot H-4410',
					`Date: ${new Date().toUTCString()}`,
					'Message-ID: <e2e-imap-1@northwind-motors.example>',
					'Content-Type: text/plain; charset=utf-8',
					'',
					'Hello, 18 of the 200 housings from lot H-4410 have cracks at the mounting boss after assembly. Please send an 8D.',
					'',
				].join('\n'),
			);
			const [ack] = await waitFor(
				'the acknowledgement of the mailed complaint',
				async () => {
					const found = smtp.mails.filter(
						(m) =>
							m.to.includes('sqe@northwind-motors.example') && /registered as 8D-/.test(m.subject),
					);
					return found.length > 0 ? found : undefined;
				},
				90000,
			);
			const caseId = /registered as (8D-\d{8}-[0-9a-f]{8})/.exec(ack.subject)![1];
			const row = (await cases()).find((c) => c.caseId === caseId);
			expect(row).toMatchObject({
				source: 'mail',
				customer: 'Northwind SQE',
				customerEmail: 'sqe@northwind-motors.example',
				stage: 'D0',
				status: 'open',
			});
			expect(JSON.parse(row!.report).disciplines.D0.symptom).toContain(
				'Cracked housings in lot H-4410',
			);
		} finally {
			await unpublish(id).catch(() => undefined);
			await imap.close();
		}
	});

	test('complaint to CAPA (mail): the deadline schedule escalates overdue 8D reports once per level', async () => {
		// A case whose report cannot be read goes to its own mail and stops no other escalation.
		const unreadable = `8D-19990101-${Date.now().toString(16).slice(-8)}`;
		await insertRows('qms_cases', [
			{ caseId: unreadable, source: 'mail', status: 'open', stage: 'D0', report: '{"stage": 3' },
		]);
		const template = testCopy(loadTemplate('complaint-to-capa-mail.json'), 'qmsTestDeadlines', {
			webhookFor: { 'Every hour': 'test/deadlines' },
			remove: ['Complaint mail'],
		});
		await importAndPublish(template);
		const first = await post('/webhook/test/deadlines', {});
		expect(first.status).toBe(200);

		// The oldest sample complaint (45 days) is past its D8 date: the highest level is mailed.
		const overdue = (await cases()).filter(
			(c) => c.source === 'mail' && c.status === 'open' && Date.parse(c.d8DueAt) < Date.now(),
		);
		expect(overdue.length).toBeGreaterThan(0);
		const mails = await smtp.waitFor(/^\[8D overdue: /, overdue.length);
		const oldest = overdue.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))[0];
		const mail = mails.find((m) => m.subject.includes(oldest.caseId));
		expect(mail).toBeDefined();
		expect(mail!.text).toMatch(/D3 was due .* h late/);
		const level = /\[8D overdue: (\w+)\]/.exec(mail!.subject)![1];
		expect(['owner', 'manager', 'director']).toContain(level);
		expect(mail!.to).toEqual([
			{
				owner: 'quality@example.com',
				manager: 'quality-manager@example.com',
				director: 'quality-director@example.com',
			}[level],
		]);
		const recorded = (await cases()).find((c) => c.caseId === oldest.caseId);
		expect(recorded!.escalation).toBe(level);
		const [broken] = await smtp.waitFor(new RegExp(`^\\[8D report unreadable\\] ${unreadable}$`));
		expect(broken.to).toEqual(['quality@example.com']);
		expect(broken.text).toContain(`case ${unreadable}`);

		// Same level on the next run: no second mail.
		const count = smtp.mails.filter((m) => m.subject.startsWith('[8D overdue: ')).length;
		expect((await post('/webhook/test/deadlines', {})).status).toBe(200);
		expect(smtp.mails.filter((m) => m.subject.startsWith('[8D overdue: ')).length).toBe(count);
	});

	test('chat escalation: only staff may chat; the chat answers with case, category and deadline; critical ones escalate', async () => {
		const template = configure(loadTemplate('chat-escalation.json'), { chatWebhookUrl: chat.url });
		await importAndPublish(template);
		const webhookId = node(template, 'Complaint chat').webhookId;
		const message = {
			action: 'sendMessage',
			sessionId: 'e2e-session-1',
			chatInput: '客户反馈充电器使用时冒烟起火，批次 C-2207，请立即处理。',
		};
		expect((await post(`/webhook/${webhookId}/chat`, message)).status).toBe(401);
		expect(
			(
				await post(`/webhook/${webhookId}/chat`, message, {
					authorization: `Basic ${Buffer.from(`${STAFF.user}:wrong`).toString('base64')}`,
				})
			).status,
		).toBe(403);
		const reply = await post(`/webhook/${webhookId}/chat`, message, {
			authorization: staffAuthorization,
		});
		expect(reply.status).toBe(200);
		const answer = reply.json as { output: string; caseId: string };
		expect(answer.output).toMatch(
			/^Case 8D-\d{8}-[0-9a-f]{8} opened: \w+, critical\. We answer by \d{4}-\d\d-\d\dT/,
		);
		expect(answer.output).toContain('The quality team has been alerted.');
		const [escalation] = await smtp.waitFor(new RegExp(`\\[CRITICAL\\] ${answer.caseId}`));
		expect(escalation.text).toContain(
			'Hazards: fire_thermal: "冒烟" (actual); fire_thermal: "起火" (actual)',
		);
		expect(escalation.text).toContain('Why critical: critical: fire_thermal hazard "冒烟"');
		const alert = await waitFor('the chat post', async () =>
			chat.posts.find((p) => JSON.stringify(p.body).includes(answer.caseId)),
		);
		expect((alert.body as { text: string }).text).toContain(
			'| Hazards: fire_thermal: "冒烟" (actual)',
		);
		const row = (await cases()).find((c) => c.caseId === answer.caseId);
		expect(row).toMatchObject({
			source: 'chat',
			customer: 'chat e2e-session-1',
			severity: 'critical',
		});
	});

	test('SPC monitor: posted measurements are stored, the out-of-control characteristic opens one case and mails its chart', async () => {
		const template = testCopy(configure(loadTemplate('spc-monitor.json'), {}), 'qmsSpcMonitor', {
			remove: ['Every hour'],
		});
		const id = await importAndPublish(template);
		// Another suite's monitor run may have opened today's shaft-length case already.
		await deleteRowsLike('qms_cases', 'caseId', 'SPC-shaft-length-%');
		const before = (await tableRows('qms_measurements')).length;
		const body = {
			measurements: [1, 2].map((i) => ({
				characteristic: 'shaft-length',
				value: 50.1 + i / 100,
				measuredAt: `2026-10-01T23:0${i}:00Z`,
				line: 'L2',
				unit: 'mm',
			})),
		};
		const accepted = await post('/webhook/qms/measurements', body, { 'X-QMS-Token': INTAKE_TOKEN });
		expect(accepted.status).toBe(200);
		const [run] = await finishedRuns(id, 1);
		expect(run.status).toBe('success');
		expect((await tableRows('qms_measurements')).length).toBe(before + 2);

		const [mail] = await smtp.waitFor(/^\[SPC\] shaft-length out of control/);
		const caseId = /case (SPC-shaft-length-\d{8})/.exec(mail.subject)![1];
		expect(mail.text).toMatch(/beyond|sigma|limit/i);
		const png = mail.attachments.find((a) => a.contentType === 'image/png');
		expect(png).toBeDefined();
		expect(png!.content.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(png!.content.length).toBeGreaterThan(2000);
		expect(smtp.mails.some((m) => m.subject.includes('bore-diameter'))).toBe(false);
		const row = (await cases()).find((c) => c.caseId === caseId);
		expect(row).toMatchObject({
			source: 'spc',
			category: 'production',
			stage: 'D0',
			status: 'open',
		});
		expect(JSON.parse(row!.report).id).toBe(caseId);

		// Still out of control on the next post, but the case of the day exists: no second case, no second mail.
		expect(
			(
				await post(
					'/webhook/qms/measurements',
					{
						measurements: [
							{ characteristic: 'shaft-length', value: 50.12, measuredAt: '2026-10-01T23:05:00Z' },
						],
					},
					{ 'X-QMS-Token': INTAKE_TOKEN },
				)
			).status,
		).toBe(200);
		const runs = await finishedRuns(id, 2);
		expect(runs[0].status).toBe('success');
		expect((await cases()).filter((c) => c.caseId === caseId)).toHaveLength(1);
		expect(smtp.mails.filter((m) => m.subject.startsWith('[SPC] shaft-length'))).toHaveLength(1);
	});

	test('weekly supplier scorecard: HTML scorecard to purchasing, scorecards per buyer, SCAR cases and requests for C and D grades once per period', async () => {
		const template = testCopy(loadTemplate('supplier-scorecard-weekly.json'), 'qmsTestScorecard', {
			webhookFor: { 'Every Monday 07:00': 'test/scorecard' },
		});
		await importAndPublish(template);
		const run = await post('/webhook/test/scorecard', {});
		expect(run.status).toBe(200);

		const [mail] = await smtp.waitFor(/^Supplier scorecard 2026-10: 1 A, 1 B, 1 C, 1 D$/);
		expect(mail.to).toEqual(['purchasing@example.com']);
		for (const supplier of [
			'Acme Castings',
			'Bolt &amp; Nut Co',
			'Cheap Seals Ltd',
			'Delta Plastics',
		])
			expect(mail.html).toContain(supplier);
		expect(mail.attachments.map((a) => a.contentType).sort()).toEqual(['image/png', 'text/html']);

		// Each buyer gets their suppliers' scorecards.
		const buyers = await smtp.waitFor(/^Supplier scorecard 2026-10 for your suppliers: /, 4);
		const toBuyer = (address: string) => buyers.find((m) => m.to.includes(address))!;
		expect(toBuyer('buyer.rubber@example.com').subject).toBe(
			'Supplier scorecard 2026-10 for your suppliers: Cheap Seals Ltd C',
		);
		expect(toBuyer('buyer.fasteners@example.com').html).toContain('Bolt &amp; Nut Co');
		expect(toBuyer('buyer.plastics@example.com').text.trim()).toMatch(
			/^Delta Plastics: \d+\.\d \(D\)$/,
		);

		const scars = await smtp.waitFor(/^SCAR SCAR-/, 2);
		expect(scars.map((m) => [m.subject, m.to]).sort()).toEqual([
			['SCAR SCAR-Cheap-Seals-Ltd-2026-10: Cheap Seals Ltd graded C', ['buyer.rubber@example.com']],
			['SCAR SCAR-Delta-Plastics-2026-10: Delta Plastics graded D', ['buyer.plastics@example.com']],
		]);
		const rows = (await cases()).filter((c) => c.source === 'scar');
		expect(rows.map((r) => [r.caseId, r.supplier, r.severity]).sort()).toEqual([
			['SCAR-Cheap-Seals-Ltd-2026-10', 'Cheap Seals Ltd', 'major'],
			['SCAR-Delta-Plastics-2026-10', 'Delta Plastics', 'critical'],
		]);

		expect((await post('/webhook/test/scorecard', {})).status).toBe(200);
		expect((await cases()).filter((c) => c.source === 'scar')).toHaveLength(2);
		await smtp.waitFor(/^Supplier scorecard 2026-10: 1 A/, 2);
		expect(smtp.mails.filter((m) => m.subject.startsWith('SCAR SCAR-'))).toHaveLength(2);
	});

	test('weekly complaint Pareto: counts by category, severity and customer with the 8D on-time rate', async () => {
		const template = testCopy(
			configure(loadTemplate('complaint-pareto-weekly.json'), { windowDays: '60' }),
			'qmsTestPareto',
			{
				webhookFor: { 'Every Monday 08:00': 'test/pareto' },
			},
		);
		await importAndPublish(template);
		expect((await post('/webhook/test/pareto', {})).status).toBe(200);

		const complaints = (await cases()).filter(
			(c) =>
				['mail', 'webhook', 'chat'].includes(c.source) &&
				Date.parse(c.receivedAt) >= Date.now() - 60 * 86400000,
		);
		const byCategory = new Map<string, number>();
		for (const c of complaints) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
		const top = Math.max(...byCategory.values());
		const [mail] = await smtp.waitFor(
			new RegExp(
				`^Complaint Pareto: ${complaints.length} complaints, top (\\w+), 8D on time \\d+ %$`,
			),
		);
		expect(byCategory.get(/top (\w+),/.exec(mail.subject)![1])).toBe(top);
		expect(mail.to).toEqual(['management@example.com']);

		// One text line per category, most frequent first, ending at 100 % cumulative.
		const lines = mail.text
			.trim()
			.split('\n')
			.map((line) => /^(\w+): (\d+) \((\d+) % cumulative\)$/.exec(line.trim())!);
		expect(Object.fromEntries(lines.map((m) => [m[1], Number(m[2])]))).toEqual(
			Object.fromEntries(byCategory),
		);
		expect(lines.map((m) => Number(m[2]))).toEqual(
			lines.map((m) => Number(m[2])).sort((x, y) => y - x),
		);
		expect(lines[lines.length - 1][3]).toBe('100');

		const onTime = complaints.filter((c) => Date.now() <= Date.parse(c.d8DueAt)).length;
		expect(mail.html).toContain(`(${onTime} of ${complaints.length})`);
		expect(mail.html).toContain(
			`critical: ${complaints.filter((c) => c.severity === 'critical').length}`,
		);
		expect(mail.html).toContain('<table');
		expect(mail.html).toContain('Complaint Pareto, last 60 days');
	});
});
