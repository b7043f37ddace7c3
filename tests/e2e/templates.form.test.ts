/**
 * The 8D review form filled in and submitted in headless Chromium, page 1 (case, discipline, name)
 * and the discipline's page 2: a step the gate allows, one it blocks, and a case taken from D0 to
 * closed through the form alone, every discipline's page filled in, the answer pages checked, the
 * report links followed and the closure mail's PDF read with pdftotext. Also takes screenshots of the templates in the editor and of the form answers: into
 * the e2e work folder, or into docs/ for the README when `npm run screenshots` sets
 * QMS_SCREENSHOTS_DIR (so a test run never rewrites tracked files).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import formAnswers from '../fixtures/8d-review-form/answers.json';
import { launchBrowser } from './support/browser';
import { pdfText } from './support/pdf';
import { authCookie, executions, rest, tableRows, waitFor } from './support/rest';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import {
	INTAKE_TOKEN,
	STAFF,
	TEMPLATE_FILES,
	importAndPublish,
	importCredentials,
	loadTemplate,
	node,
	staffAuthorization,
	testCopy,
	type Template,
} from './support/templates';
import { importWorkflow, state } from './n8n';

jest.setTimeout(600000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const qms = require('../../dist/lib') as {
	evaluateGate(
		report: unknown,
		target: string,
		options?: unknown,
	): { allowed: boolean; missing: Array<{ discipline: string; reason: string }> };
	verifyHistory(report: unknown): { valid: boolean; brokenAt?: number };
};

interface CaseRow {
	caseId: string;
	customer: string;
	customerEmail: string;
	severity: string;
	stage: string;
	status: string;
	closedAt: string;
	updatedBy: string;
	report: string;
}

const work = process.env.QMS_E2E_WORK ?? path.join(__dirname, '.work');
const docs = process.env.QMS_SCREENSHOTS_DIR ?? path.join(work, 'screenshots');
let browser: Browser;
const staff = { username: STAFF.user, password: STAFF.password };

const cases = () => tableRows<CaseRow>('qms_cases');
let template: Template;
let smtp: SmtpSink;
const ANSWER = /^(Advanced to (D\d|closed)|Not advanced: \d+ item\(s\) missing|Case not found)$/;

interface FormField {
	fieldName: string;
	fieldLabel: string;
	fieldType?: string;
}

/** The fields of a page: the Form Trigger (page 1) or the discipline's Form page. */
function pageFields(page: string): FormField[] {
	return (node(template, page).parameters.formFields as { values: FormField[] }).values;
}

/** Types `values` (by field name) into the fields of the page open in `page`. */
async function fill(page: Page, fields: FormField[], values: Record<string, string>) {
	for (const [name, value] of Object.entries(values)) {
		const spec = fields.find((f) => f.fieldName === name);
		if (!spec) throw new Error(`no form field named ${name}`);
		const field = page.getByLabel(spec.fieldLabel, { exact: true });
		if (spec.fieldType === 'dropdown') await field.selectOption(value);
		else await field.fill(value);
	}
}

/**
 * Page 1 (case, discipline, name), then the discipline's page 2 with `answers`; returns the text of
 * the answer page (or of page 1's answer for an unknown case).
 */
async function fillAndSubmit(
	page: Page,
	first: { caseId: string; discipline: string; name: string; language?: string },
	answers: Record<string, string> = {},
	shots: { first?: string; second?: string } = {},
): Promise<string> {
	await page.goto(`${state().url}/form/qms-8d-review`);
	await page.getByText('8D review', { exact: true }).first().waitFor();
	await fill(page, pageFields('8D review form'), first);
	if (shots.first) await page.screenshot({ path: shots.first, fullPage: true });
	await page.getByRole('button', { name: 'Next / 下一步' }).click();
	const second = page.getByRole('button', { name: 'Submit to the gate / 提交' });
	const answered = page.getByText(ANSWER);
	await Promise.race([second.waitFor({ timeout: 60000 }), answered.waitFor({ timeout: 60000 })]);
	if (await second.isVisible()) {
		await fill(page, pageFields(`${first.discipline} page`), answers);
		if (shots.second) await page.screenshot({ path: shots.second, fullPage: true });
		await second.click();
		await answered.waitFor({ timeout: 60000 });
	}
	return page.locator('body').innerText();
}

beforeAll(async () => {
	await waitFor('the seeded cases', async () => (await cases()).length >= 12, 120000);
	smtp = await startSmtpSink();
	await importCredentials({ smtpPort: smtp.port });
	template = loadTemplate('8d-review-form.json');
	await importAndPublish(template);
	browser = await launchBrowser();
	fs.mkdirSync(docs, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await smtp?.close();
});

test('the form serves its page at /form/qms-8d-review to staff only', async () => {
	const page = await waitFor('the published form', async () => {
		const response = await fetch(`${state().url}/form/qms-8d-review`, {
			headers: { authorization: staffAuthorization },
		});
		return response.status === 200 ? response.text() : undefined;
	});
	const anonymous = await fetch(`${state().url}/form/qms-8d-review`);
	expect(anonymous.status).toBe(401);
	expect(await anonymous.text()).not.toContain('Next / 下一步');
	const wrong = await fetch(`${state().url}/form/qms-8d-review`, {
		headers: { authorization: `Basic ${Buffer.from(`${STAFF.user}:wrong`).toString('base64')}` },
	});
	expect(wrong.status).toBe(401);
	const anonymousSubmit = await fetch(`${state().url}/form/qms-8d-review`, {
		method: 'POST',
		body: new URLSearchParams({ 'field-0': '8D-20260301-00000000' }),
	});
	expect([401, 403]).toContain(anonymousSubmit.status);
	expect(page).toContain('8D review');
	expect(page).toContain('Next / 下一步');
	// The report webhook asks for the same login.
	const report = await fetch(`${state().url}/webhook/qms-8d-report?case=x&format=pdf`);
	expect(report.status).toBe(401);
});

test('an allowed step: D0 of a minor complaint is submitted, the page says advanced, the case has the new history entry', async () => {
	const target = (await cases()).find(
		(c) => c.customer === 'Litware Medical' && c.stage === 'D0' && c.severity !== 'critical',
	);
	expect(target).toBeDefined();
	const page = await browser.newPage({
		viewport: { width: 900, height: 420 },
		httpCredentials: staff,
	});
	const text = await fillAndSubmit(
		page,
		{ caseId: target!.caseId, discipline: 'D0', name: 'Li Na' },
		{ emergencyNeeded: 'No / 否' },
		{ first: path.join(docs, 'form-filled.png') },
	);
	expect(text).toContain('Advanced to D1');
	expect(text).toContain(`Case ${target!.caseId} moved from D0 to D1 by Li Na`);
	await page.screenshot({ path: path.join(docs, 'form-advanced.png') });
	await page.close();

	const row = (await cases()).find((c) => c.caseId === target!.caseId)!;
	expect(row).toMatchObject({ stage: 'D1', updatedBy: 'Li Na' });
	const report = JSON.parse(row.report);
	expect(report.history).toHaveLength(2);
	expect(report.history[1]).toMatchObject({ from: 'D0', to: 'D1', actor: 'Li Na' });
	expect(qms.verifyHistory(report)).toEqual({ valid: true });
});

test('a blocked step: D1 of a critical complaint lists exactly what the gate misses; the case stays at D0 with the answers kept as a draft', async () => {
	const target = (await cases()).find(
		(c) => c.customer === 'Contoso Appliances' && c.severity === 'critical' && c.stage === 'D0',
	);
	expect(target).toBeDefined();
	const before = target!.report;
	const page = await browser.newPage({
		viewport: { width: 900, height: 320 },
		httpCredentials: staff,
	});
	const text = await fillAndSubmit(
		page,
		{ caseId: target!.caseId, discipline: 'D1', name: 'Wang Wei' },
		{ team: 'Wang Wei; leader; Quality\nZhao Min; engineer; Production' },
	);
	await page.screenshot({ path: path.join(docs, 'form-blocked.png') });
	await page.close();

	// What the engine itself says about the submitted report: every missing item is on the page.
	const submitted = JSON.parse(before);
	submitted.disciplines.D1 = {
		team: [
			{ name: 'Wang Wei', role: 'leader', department: 'Quality' },
			{ name: 'Zhao Min', role: 'engineer', department: 'Production' },
		],
	};
	const gate = qms.evaluateGate(submitted, 'D2');
	expect(gate.allowed).toBe(false);
	expect(gate.missing.map((m) => m.discipline)).toEqual(expect.arrayContaining(['D0', 'D1']));
	expect(text).toContain(`Not advanced: ${gate.missing.length} item(s) missing`);
	expect(text).toContain(`Case ${target!.caseId} stays at D0. To reach D2 it still needs:`);
	for (const m of gate.missing) expect(text).toContain(`${m.discipline}: ${m.reason}`);

	expect(text).toContain('Your answers are kept in the case as a draft.');

	// The stage stays, the answers are kept as a draft: the report is the submitted one.
	const row = (await cases()).find((c) => c.caseId === target!.caseId)!;
	expect(row).toMatchObject({ stage: 'D0', updatedBy: 'Wang Wei' });
	expect(JSON.parse(row.report)).toEqual(submitted);
});

test('an unknown case ID is answered on the page', async () => {
	const page = await browser.newPage({ httpCredentials: staff });
	const text = await fillAndSubmit(page, {
		caseId: '8D-19990101-00000000',
		discipline: 'D1',
		name: 'Li Na',
	});
	expect(text).toContain('Case not found');
	await page.close();
});

test('a case from D0 to closed through the form alone: every discipline page, the answer pages, the report links, the closure mail with the PDF', async () => {
	const target = (await cases()).find((c) => c.customer === 'Fabrikam Tools' && c.stage === 'D0');
	expect(target).toBeDefined();
	const caseId = target!.caseId;
	const pages = formAnswers.pages as Record<string, Record<string, string>>;
	const page = await browser.newPage({
		viewport: { width: 900, height: 600 },
		httpCredentials: staff,
	});
	const disciplines = Object.keys(pages);
	let links: string[] = [];
	for (const [i, discipline] of disciplines.entries()) {
		const to = discipline === 'D8' ? 'closed' : `D${i + 1}`;
		const text = await fillAndSubmit(
			page,
			{ caseId, discipline, name: formAnswers.name },
			pages[discipline],
			discipline === 'D4' ? { second: path.join(docs, 'form-page-d4.png') } : {},
		);
		expect([discipline, text]).toEqual([discipline, expect.stringContaining(`Advanced to ${to}`)]);
		expect(text).toContain(`Case ${caseId} moved from ${discipline} to ${to} by Li Na`);
		expect(text).toContain('Current report: PDF · HTML');
		links = await page
			.getByRole('link', { name: /^(PDF|HTML)$/ })
			.evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
		const row = (await cases()).find((c) => c.caseId === caseId)!;
		expect([discipline, row.stage, row.updatedBy]).toEqual([
			discipline,
			discipline === 'D8' ? 'D8' : to,
			'Li Na',
		]);
		if (discipline === 'D3') await page.screenshot({ path: path.join(docs, 'form-advanced.png') });
	}
	await page.close();

	// The final case row: closed, every discipline as typed, the history intact.
	const row = (await cases()).find((c) => c.caseId === caseId)!;
	expect(row).toMatchObject({ stage: 'D8', status: 'closed', updatedBy: 'Li Na' });
	expect(Date.parse(row.closedAt)).not.toBeNaN();
	const report = JSON.parse(row.report);
	expect(qms.verifyHistory(report)).toEqual({ valid: true });
	expect(report.history.map((h: { to: string }) => h.to)).toEqual([
		'D0',
		...disciplines.slice(1),
		'closed',
	]);
	expect(report.disciplines.D1.team).toHaveLength(4);
	expect(report.disciplines.D3.quantities).toHaveLength(4);
	expect(report.disciplines.D4.rootCauses.map((c: { type: string }) => c.type)).toEqual([
		'occurrence',
		'escape',
	]);
	expect(report.disciplines.D8.customerAcceptance).toMatchObject({
		accepted: true,
		by: 'J. Miller (Fabrikam Tools)',
	});
	expect(report.approvals.map((a: { discipline: string }) => a.discipline)).toEqual(['D5', 'D8']);

	// The answer page links the current report, PDF and HTML, behind the staff login.
	expect(links).toHaveLength(2);
	const [pdfLink, htmlLink] = links;
	expect(pdfLink).toContain(`/webhook/qms-8d-report?case=${encodeURIComponent(caseId)}&format=pdf`);
	const pdfReply = await fetch(pdfLink, { headers: { authorization: staffAuthorization } });
	expect(pdfReply.status).toBe(200);
	expect(pdfReply.headers.get('content-type')).toContain('application/pdf');
	const served = Buffer.from(await pdfReply.arrayBuffer());
	expect(served.subarray(0, 5).toString()).toBe('%PDF-');
	const htmlReply = await fetch(htmlLink, { headers: { authorization: staffAuthorization } });
	expect(htmlReply.status).toBe(200);
	expect(htmlReply.headers.get('content-type')).toContain('text/html');
	const html = await htmlReply.text();
	expect(html).toContain(`8D report ${caseId}`);
	expect(html).toContain('Stack at most two high, corner posts on every pallet');
	const missing = await fetch(`${state().url}/webhook/qms-8d-report?case=8D-none&format=pdf`, {
		headers: { authorization: staffAuthorization },
	});
	expect(missing.status).toBe(404);

	// Closing mailed the report PDF to the customer; its text layer holds the report's content.
	const [mail] = await smtp.waitFor(new RegExp(`^8D report ${caseId}: closed`));
	expect(mail.to).toEqual([target!.customerEmail]);
	const attachment = mail.attachments.find((a) => a.contentType === 'application/pdf');
	expect(attachment?.filename).toBe(`${caseId}.pdf`);
	const text = pdfText(attachment!.content).replace(/\s+/g, ' ');
	for (const expected of [
		`8D report ${caseId}`,
		'Fabrikam Tools',
		'D1 Team',
		'Zhang Wei',
		'赵敏',
		'Cartons crushed and parts bent on arrival at Fabrikam Tools',
		'Sort all brackets of lot 2611-03',
		'Pallets stacked three high exceed the carton',
		'Outgoing inspection, shipping dock',
		'Stack at most two high, corner posts on every pallet',
		'Three shipments without damage',
		'WI-PACK-07',
		'Packaging specs state the stacking limit',
		'J. Miller (Fabrikam Tools)',
		'Logistics and quality team thanked at the plant meeting',
	])
		expect([expected, text.includes(expected)]).toEqual([expected, true]);
	expect(mail.html).toContain(`8D report ${caseId}`);
	fs.writeFileSync(path.join(work, `${caseId}.pdf`), attachment!.content);
	console.log(
		`closure PDF ${attachment!.content.length} bytes, served PDF ${served.length} bytes (${caseId})`,
	);
});

test('D6 proven by SPC: the form names the characteristic, the SPC monitor attaches the measurements after the fix, the gate then passes D6 on the proof alone', async () => {
	const target = (await cases()).find((c) => c.customer === '华东电器' && c.stage === 'D0');
	expect(target).toBeDefined();
	const caseId = target!.caseId;
	const pages = formAnswers.pages as Record<string, Record<string, string>>;
	const page = await browser.newPage({ httpCredentials: staff });
	const submit = (discipline: string, answers: Record<string, string>) =>
		fillAndSubmit(page, { caseId, discipline, name: formAnswers.name, language: '中文' }, answers);
	for (const discipline of ['D0', 'D1', 'D2', 'D3', 'D4', 'D5'])
		expect(await submit(discipline, pages[discipline])).toContain(
			`Advanced to D${Number(discipline.slice(1)) + 1}`,
		);
	const characteristic = 'weld-depth';
	const spcProof = {
		implementedOn: '2026-12-08',
		characteristic,
		fixedOn: '2026-12-08',
		lsl: '8.8',
		usl: '11.2',
		containmentRemovedOn: '2026-12-10',
	};
	// No measurements after the fix yet: blocked, in Chinese, with the proof kept as a draft.
	const blocked = await submit('D6', spcProof);
	expect(blocked).toMatch(/Not advanced: \d+ item\(s\) missing/);
	expect(blocked).toContain('D6');
	const draft = JSON.parse((await cases()).find((c) => c.caseId === caseId)!.report);
	expect(draft.disciplines.D6.spc).toEqual({
		characteristic,
		fixedAt: '2026-12-08T12:00:00Z',
		lsl: 8.8,
		usl: 11.2,
	});
	expect(qms.evaluateGate(draft, 'D7').missing.map((m) => m.reason)).toContain(
		'D6: 0 of 25 points after the fix',
	);

	// 25 points after the fix, in control, Cpk 1.2 / (3 x 0.2843) = 1.41, posted to the SPC monitor.
	const monitor = testCopy(loadTemplate('spc-monitor.json'), 'qmsSpcMonitor', {
		remove: ['Every hour'],
	});
	const monitorId = await importAndPublish(monitor);
	const stable = [10.0, 10.3, 9.9, 10.1, 9.7];
	const measurements = Array.from({ length: 25 }, (_, i) => ({
		characteristic,
		value: stable[i % 5],
		measuredAt: new Date(Date.parse('2026-12-08T13:00:00Z') + i * 3_600_000).toISOString(),
		line: 'L3',
		unit: 'mm',
	}));
	// Right after publishing, the webhook may not be registered yet (404: nothing was stored).
	const posted = await waitFor('the measurements webhook', async () => {
		const reply = await fetch(`${state().url}/webhook/qms/measurements`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'X-QMS-Token': INTAKE_TOKEN },
			body: JSON.stringify({ measurements }),
		});
		return reply.status === 404 ? undefined : reply;
	});
	expect(posted.status).toBe(200);
	const attached = await waitFor('the SPC proof attached to the case', async () => {
		const row = (await cases()).find((c) => c.caseId === caseId)!;
		const report = JSON.parse(row.report);
		return report.disciplines.D6.spc.measurements?.length === 25 ? { row, report } : undefined;
	});
	expect(attached.row.updatedBy).toBe('spc-monitor');
	expect(attached.report.evidence).toContainEqual(
		expect.objectContaining({ id: 'D6-SPC', discipline: 'D6', kind: 'measurement' }),
	);
	const [run] = await waitFor('the monitor run to finish', async () => {
		const runs = (await executions(monitorId)).filter(
			(e) => !['running', 'new'].includes(e.status),
		);
		return runs.length ? runs : undefined;
	});
	expect(run.status).toBe('success');

	// The same D6 page again: the gate passes D6 on the SPC proof alone, no typed validation.
	const advanced = await submit('D6', spcProof);
	expect(advanced).toContain('Advanced to D7');
	const row = (await cases()).find((c) => c.caseId === caseId)!;
	expect(row.stage).toBe('D7');
	const report = JSON.parse(row.report);
	expect(report.disciplines.D6.actions.every((a: object) => !('validation' in a))).toBe(true);
	expect(report.disciplines.D6.spc.measurements).toHaveLength(25);

	// The report document shows the SPC evidence with the after-fix chart.
	const html = await (
		await fetch(
			`${state().url}/webhook/qms-8d-report?case=${encodeURIComponent(caseId)}&format=html&lang=zh`,
			{ headers: { authorization: staffAuthorization } },
		)
	).text();
	expect(html).toContain('修复后数据点');
	expect(html).toContain('src="data:image/png;base64,');
	const pdf = Buffer.from(
		await (
			await fetch(
				`${state().url}/webhook/qms-8d-report?case=${encodeURIComponent(caseId)}&format=pdf&lang=zh`,
				{ headers: { authorization: staffAuthorization } },
			)
		).arrayBuffer(),
	);
	const text = pdfText(pdf).replace(/\s+/g, ' ');
	expect(text).toContain(characteristic);
	expect(text).toContain('修复后数据点');
	console.log(`Chinese report PDF with the D6 chart: ${pdf.length} bytes (${caseId})`);
	await page.close();
});

test('screenshots of every template in the editor', async () => {
	const existing = new Set(
		(await rest<Array<{ id: string }>>('GET', '/workflows?limit=200')).map((w) => w.id),
	);
	const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
	const { name, value } = await authCookie();
	await context.addCookies([{ name, value, url: state().url }]);
	const page = await context.newPage();
	for (const file of TEMPLATE_FILES) {
		const template = loadTemplate(file);
		if (!existing.has(template.id)) await importWorkflow(template);
		await page.goto(`${state().url}/workflow/${template.id}`);
		await page.locator('.vue-flow__node').first().waitFor({ timeout: 60000 });
		await page.keyboard.press('Escape');
		await page.waitForTimeout(1500);
		const shot = path.join(docs, 'templates', file.replace(/\.json$/, '.png'));
		fs.mkdirSync(path.dirname(shot), { recursive: true });
		await page.screenshot({ path: shot });
		expect(fs.statSync(shot).size).toBeGreaterThan(20000);
	}
	await context.close();
});
