/**
 * The 8D review form filled in and submitted in headless Chromium, for a step the gate allows and
 * one it blocks; the page must show what the gate decided and the case must carry the audited
 * history. Also takes screenshots of the templates in the editor and of the form answers: into
 * the e2e work folder, or into docs/ for the README when `npm run screenshots` sets
 * QMS_SCREENSHOTS_DIR (so a test run never rewrites tracked files).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { launchBrowser } from './support/browser';
import { authCookie, rest, tableRows, waitFor } from './support/rest';
import {
	STAFF,
	TEMPLATE_FILES,
	importAndPublish,
	importCredentials,
	loadTemplate,
	staffAuthorization,
} from './support/templates';
import { importWorkflow, state } from './n8n';

jest.setTimeout(240000);

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
	severity: string;
	stage: string;
	updatedBy: string;
	report: string;
}

const work = process.env.QMS_E2E_WORK ?? path.join(__dirname, '.work');
const docs = process.env.QMS_SCREENSHOTS_DIR ?? path.join(work, 'screenshots');
let browser: Browser;
const staff = { username: STAFF.user, password: STAFF.password };

const cases = () => tableRows<CaseRow>('qms_cases');

async function fillAndSubmit(
	page: Page,
	values: Record<string, string>,
	filledShot?: string,
): Promise<string> {
	await page.goto(`${state().url}/form/qms-8d-review`);
	await page.getByText('8D review', { exact: true }).first().waitFor();
	for (const [label, value] of Object.entries(values)) {
		const field = page.getByLabel(label, { exact: true });
		if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
		else await field.fill(value);
	}
	if (filledShot) await page.screenshot({ path: filledShot, fullPage: true });
	await page.getByRole('button', { name: 'Submit to the gate' }).click();
	await page
		.getByText(/^(Advanced to D\d|Not advanced: \d+ item\(s\) missing|Case not found)$/)
		.waitFor({ timeout: 60000 });
	return page.locator('body').innerText();
}

beforeAll(async () => {
	await waitFor('the seeded cases', async () => (await cases()).length >= 12, 120000);
	await importCredentials({});
	await importAndPublish(loadTemplate('8d-review-form.json'));
	browser = await launchBrowser();
	fs.mkdirSync(docs, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
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
	expect(await anonymous.text()).not.toContain('Submit to the gate');
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
	expect(page).toContain('Submit to the gate');
});

test('an allowed step: D0 of a minor complaint is submitted, the page says advanced, the case has the new history entry', async () => {
	const target = (await cases()).find(
		(c) => c.customer === 'Litware Medical' && c.stage === 'D0' && c.severity !== 'critical',
	);
	expect(target).toBeDefined();
	const page = await browser.newPage({
		viewport: { width: 900, height: 320 },
		httpCredentials: staff,
	});
	const text = await fillAndSubmit(
		page,
		{
			'Case ID': target!.caseId,
			Discipline: 'D0',
			'Your name': 'Li Na',
			'Emergency response needed?': 'No',
		},
		path.join(docs, 'form-filled.png'),
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

test('a blocked step: D1 of a critical complaint lists exactly what the gate misses, and the case is unchanged', async () => {
	const target = (await cases()).find(
		(c) => c.customer === 'Contoso Appliances' && c.severity === 'critical' && c.stage === 'D0',
	);
	expect(target).toBeDefined();
	const before = target!.report;
	const page = await browser.newPage({
		viewport: { width: 900, height: 320 },
		httpCredentials: staff,
	});
	const text = await fillAndSubmit(page, {
		'Case ID': target!.caseId,
		Discipline: 'D1',
		'Your name': 'Wang Wei',
		'Team members (one per line: name, role)': 'Wang Wei, leader\nZhao Min, engineer',
	});
	await page.screenshot({ path: path.join(docs, 'form-blocked.png') });
	await page.close();

	// What the engine itself says about the submitted report: every missing item is on the page.
	const submitted = JSON.parse(before);
	submitted.disciplines.D1 = {
		team: [
			{ name: 'Wang Wei', role: 'leader' },
			{ name: 'Zhao Min', role: 'engineer' },
		],
	};
	const gate = qms.evaluateGate(submitted, 'D2');
	expect(gate.allowed).toBe(false);
	expect(gate.missing.map((m) => m.discipline)).toEqual(expect.arrayContaining(['D0', 'D1']));
	expect(text).toContain(`Not advanced: ${gate.missing.length} item(s) missing`);
	expect(text).toContain(`Case ${target!.caseId} stays at D0. To reach D2 it still needs:`);
	for (const m of gate.missing) expect(text).toContain(`${m.discipline}: ${m.reason}`);

	const row = (await cases()).find((c) => c.caseId === target!.caseId)!;
	expect(row.stage).toBe('D0');
	expect(row.report).toBe(before);
});

test('an unknown case ID is answered on the page', async () => {
	const page = await browser.newPage({ httpCredentials: staff });
	const text = await fillAndSubmit(page, {
		'Case ID': '8D-19990101-00000000',
		Discipline: 'D1',
		'Your name': 'Li Na',
	});
	expect(text).toContain('Case not found');
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
