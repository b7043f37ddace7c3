/**
 * The template "FMEA review from field complaints" in the real n8n 2.40.7: on the seeded cases
 * (qms_cases) and the sample PFMEA (qms_fmea), its review mail to the FMEA owner must list the
 * new failure modes and underrated rows that lib/fmea's matchComplaints finds on the same rows.
 * The mail is rendered to PNG in headless Chromium: into the e2e work folder, or into docs/ when
 * `npm run screenshots` sets QMS_SCREENSHOTS_DIR (so a test run never rewrites tracked files).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Browser } from 'playwright-core';

import { escapeHtml } from '../../lib/shared/html';
import { state } from './n8n';
import { launchBrowser } from './support/browser';
import { executions, request, tableRows, waitFor } from './support/rest';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import {
	configure,
	importAndPublish,
	importCredentials,
	loadTemplate,
	testCopy,
} from './support/templates';

jest.setTimeout(240000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const qms = require('../../dist/lib') as typeof import('../../lib');

interface CaseRow {
	caseId: string;
	source: string;
	text: string;
	receivedAt: string;
}

const work = process.env.QMS_E2E_WORK ?? path.join(__dirname, '.work');
const docs = process.env.QMS_SCREENSHOTS_DIR ?? path.join(work, 'screenshots');
const UNITS_SHIPPED = 20000;
const OWNER = 'fmea.owner@example.com';
const FONT_FILE = path.resolve(__dirname, '../../dist/fonts/NotoSansSC_400Regular.ttf');
const FONT_URL = 'http://fonts.qms-e2e.local/noto-sans-sc.ttf';
/** The mail's font families, with Noto Sans SC for the CJK ranges only. */
const CJK_FACES = ['Arial', 'Helvetica']
	.map(
		(family) =>
			`@font-face{font-family:${family};src:url(${FONT_URL});unicode-range:U+3000-303F,U+4E00-9FFF,U+FF00-FFEF;}`,
	)
	.join('');
let smtp: SmtpSink;
let browser: Browser | undefined;

/** Publishes a test copy whose schedule is a webhook at `test/<hook>` and runs it once. */
async function runCopy(id: string, hook: string, settings: Record<string, string>) {
	const template = testCopy(configure(loadTemplate('fmea-review-weekly.json'), settings), id, {
		webhookFor: { 'Every Monday 07:30': `test/${hook}` },
	});
	await importAndPublish(template);
	// The webhook answers when the last node ran (responseMode lastNode): any mail is sent by then.
	const response = await request(`${state().url}/webhook/test/${hook}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	return response.status;
}

/** What lib/fmea finds on the same rows: the week's customer complaints, classified from their text. */
async function expectedReview(windowStart: string) {
	const cases = (await tableRows<CaseRow>('qms_cases')).filter(
		(c) => ['mail', 'webhook', 'chat'].includes(c.source) && c.receivedAt >= windowStart,
	);
	const complaints = cases.map((c) => ({
		...qms.classifyComplaint(c.text),
		text: c.text,
		id: c.caseId,
	}));
	const rows = (await tableRows<Record<string, unknown>>('qms_fmea')).map((r) => ({
		...r,
		id: r.fmeaId,
	}));
	const result = qms.matchComplaints(complaints, rows, {
		occurrence: { unitsShipped: UNITS_SHIPPED },
	});
	return { cases, complaints, result };
}

beforeAll(async () => {
	smtp = await startSmtpSink();
	await importCredentials({ smtpPort: smtp.port });
	// Seeded at start: 15 sample complaints, 16 PFMEA rows (connector and charger).
	await waitFor(
		'the sample cases and FMEA rows',
		async () => {
			const [cases, fmea] = await Promise.all([tableRows('qms_cases'), tableRows('qms_fmea')]);
			return cases.length >= 15 && fmea.length >= 16;
		},
		120000,
	);
});

afterAll(async () => {
	await browser?.close();
	await smtp?.close();
});

test('FMEA review mail: the new failure modes and underrated rows with AP that matchComplaints finds', async () => {
	const windowStart = new Date(Date.now() - 7 * 86400000).toISOString();
	const status = await runCopy('qmsTestFmeaReview', 'fmea-review', {
		fmeaOwnerEmail: OWNER,
		unitsShipped: String(UNITS_SHIPPED),
		windowDays: '7',
	});
	expect(status).toBe(200);
	const [mail] = await smtp.waitFor(/^FMEA review \d{4}-W\d{2}: /);
	const { cases, complaints, result } = await expectedReview(windowStart);
	const { summary } = result;
	console.log(
		`FMEA review of ${cases.length} complaints: ${summary.matched} matched, ${summary.newFailureModes} new ` +
			`failure modes, ${summary.rowsHit} rows hit, ${summary.underrated} underrated`,
	);

	// The sample week, checked by hand: the service no-show and the cracked rubber seals have no
	// row; CH-010 (S 8) meets a critical complaint (S 9-10): AP M -> H; CN-070 (O 3) has two
	// complaints in 20 000 units = 100 per million, the O 4 band: AP L -> M.
	const newIds = result.newFailureModes.map((i) => String(complaints[i].id));
	const newTexts = result.newFailureModes.map((i) => complaints[i].text);
	expect(newTexts).toEqual(
		expect.arrayContaining([
			expect.stringContaining('service engineer did not show up'),
			expect.stringContaining('Rubber seals from lot 5521 crack'),
		]),
	);
	const underrated = result.rows.filter((r) => r.underrated);
	expect(
		underrated.map((r) => [r.row.id, r.row.ap, r.suggested?.ap, r.suggested?.severity]),
	).toEqual(
		expect.arrayContaining([
			['CH-010', 'M', 'H', 9],
			['CN-070', 'L', 'M', 5],
		]),
	);

	expect(mail.to).toEqual([OWNER]);
	expect(mail.subject).toMatch(
		new RegExp(
			`: ${summary.newFailureModes} new failure mode\\(s\\), ${summary.underrated} underrated row\\(s\\) ` +
				`from ${summary.complaints} complaints$`,
		),
	);
	// The text part: one line per new failure mode (case id first) and per underrated row with AP.
	const lines = mail.text.split('\n').map((l) => l.trim());
	const listed = (pattern: RegExp) =>
		lines.map((l) => pattern.exec(l)).filter((m): m is RegExpExecArray => m !== null);
	expect(listed(/^- (\S+) \((\w+), (\w+)\): /).map((m) => m[1])).toEqual(newIds);
	expect(
		listed(
			/^- (\S+) .*: S O D (\d+ \d+ \d+) AP ([HML]), suggested S O D (\d+ \d+ \d+) AP ([HML])$/,
		).map((m) => m.slice(1)),
	).toEqual(
		underrated.map((r) => [
			String(r.row.id),
			`${r.row.severity} ${r.row.occurrence} ${r.row.detection}`,
			r.row.ap,
			`${r.suggested!.severity} ${r.suggested!.occurrence} ${r.suggested!.detection}`,
			r.suggested!.ap,
		]),
	);

	// The HTML part is the engine's review of the same result, every value escaped.
	const html = qms.fmeaReviewHtml(result, complaints);
	const rowsOf = (doc: string) => doc.match(/<tr>.*?<\/tr>/g) ?? [];
	expect(new Set(rowsOf(mail.html))).toEqual(new Set(rowsOf(html)));
	expect(mail.html).toContain(
		escapeHtml(
			`${summary.complaints} complaints: ${summary.matched} match an FMEA row, ` +
				`${summary.newFailureModes} are new failure modes; ${summary.underrated} rows look underrated.`,
		),
	);
	for (const r of underrated) {
		expect(mail.html).toContain(`>${r.row.ap}</td>`);
		expect(mail.html).toContain(escapeHtml(r.row.failureMode));
	}

	browser = await launchBrowser();
	const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
	// Chromium here has no CJK font: the package's Noto Sans SC draws the Chinese FMEA rows.
	await page.route(FONT_URL, (route) =>
		route.fulfill({ contentType: 'font/ttf', body: fs.readFileSync(FONT_FILE) }),
	);
	await page.setContent(mail.html.replace('</head>', `<style>${CJK_FACES}</style></head>`));
	await page.evaluate('document.fonts.ready.then(() => true)');
	const shot = path.join(docs, 'templates', 'fmea-review-mail.png');
	fs.mkdirSync(path.dirname(shot), { recursive: true });
	await page.screenshot({ path: shot, fullPage: true });
	expect(fs.statSync(shot).size).toBeGreaterThan(20000);
	await page.close();
});

test('FMEA review: a window without complaints mails nothing', async () => {
	const before = smtp.mails.filter((m) => m.subject.startsWith('FMEA review ')).length;
	const status = await runCopy('qmsTestFmeaQuiet', 'fmea-quiet', { windowDays: '0' });
	expect(status).toBe(200);
	const [run] = await waitFor('the quiet run', async () => {
		const runs = (await executions('qmsTestFmeaQuiet')).filter((e) => e.status !== 'running');
		return runs.length ? runs : undefined;
	});
	expect(run.status).toBe('success');
	expect(smtp.mails.filter((m) => m.subject.startsWith('FMEA review ')).length).toBe(before);
});
