/**
 * The Gage R&R study template in n8n 2.40.7: the AIAG MSA 4th ed. study (10 parts x 3 appraisers
 * x 3 trials, tests/fixtures/msa/) written as a CSV with an `appraiser` column, uploaded through
 * the form in headless Chromium with the operator column mapped to it. The answer page, the
 * report mail (SMTP sink on 127.0.0.1) and the row of qms_msa_studies must carry the result
 * Minitab publishes for that data: %GRR 27.86 % of study variation, ndc 4, so Marginal. The
 * screenshots go to the e2e work folder, or to docs/templates/ under `npm run screenshots`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { launchBrowser } from './support/browser';
import { tableRows, waitFor } from './support/rest';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import {
	STAFF,
	configure,
	importAndPublish,
	importCredentials,
	loadTemplate,
	staffAuthorization,
} from './support/templates';
import { state } from './n8n';

jest.setTimeout(240000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const qms = require('../../dist/lib') as {
	gageRR(input: { measurements: Array<{ part: string; operator: string; value: number }> }): {
		pctGrr: number;
		ndc: number;
		acceptance: string;
	};
};

interface StudyRow {
	gauge: string;
	studiedAt: string;
	method: string;
	parts: number;
	operators: number;
	trials: number;
	pctGrr: number;
	pctTolerance: number | null;
	ndc: number;
	acceptance: string;
	tolerance: number | null;
	csvFile: string;
	summary: string;
}

interface AiagFixture {
	tolerance_used_by_minitab_example: number;
	data_long: Array<{ appraiser: string; trial: number; part: number; value: number }>;
	expected: {
		anova_method: {
			published_minitab: { pct_studyvar: { total_grr: number }; ndc: number };
			computed_varcomp_pooled_sigma6_tol8: { total_grr: { pct_tolerance: number } };
		};
	};
}

const aiag = JSON.parse(
	fs.readFileSync(path.join(__dirname, '../fixtures/msa/aiag_msa4_10x3x3.json'), 'utf8'),
) as AiagFixture;
const published = aiag.expected.anova_method.published_minitab;

const work = process.env.QMS_E2E_WORK ?? path.join(__dirname, '.work');
const shots = path.join(
	process.env.QMS_SCREENSHOTS_DIR ?? path.join(work, 'screenshots'),
	'templates',
);
const formUrl = () => `${state().url}/form/qms-gage-rr`;
const SENDER = 'msa@qms-e2e.local';
const RECIPIENT = 'metrology@qms-e2e.local';

let smtp: SmtpSink;
let browser: Browser;

const studies = () => tableRows<StudyRow>('qms_msa_studies');

/**
 * The fixture's long data as a CSV file with the columns part, appraiser, trial, value (or the
 * given header), each value passed through `value`.
 */
function writeCsv(
	file: string,
	{
		header = 'part,appraiser,trial,value',
		value = (m: AiagFixture['data_long'][number]) => m.value,
	} = {},
): string {
	const lines = [header];
	for (const m of aiag.data_long) lines.push(`${m.part},${m.appraiser},${m.trial},${value(m)}`);
	fs.writeFileSync(file, `${lines.join('\n')}\n`);
	return file;
}

/** Fills the form (text fields by label, the CSV into the file input), submits, returns the answer page's text. */
async function submit(
	page: Page,
	csv: string,
	values: Record<string, string>,
	filledShot?: string,
): Promise<string> {
	await page.goto(formUrl());
	await page.getByRole('button', { name: 'Run the study' }).waitFor();
	await page.locator('input[type="file"]').setInputFiles(csv);
	for (const [label, value] of Object.entries(values))
		await page.getByLabel(label, { exact: true }).fill(value);
	if (filledShot) await page.screenshot({ path: filledShot, fullPage: true });
	await page.getByRole('button', { name: 'Run the study' }).click();
	await page
		.getByText(/^((Acceptable|Marginal|Unacceptable): %GRR [\d.]+ %|Study not run)$/)
		.waitFor({ timeout: 90000 });
	return page.locator('body').innerText();
}

beforeAll(async () => {
	smtp = await startSmtpSink();
	await importCredentials({ smtpPort: smtp.port });
	// The sample data workflow creates the Data Tables of the setup template when n8n starts.
	await waitFor(
		'the seeded cases',
		async () => (await tableRows('qms_cases')).length >= 12,
		120000,
	);
	await importAndPublish(configure(loadTemplate('gage-rr-study.json'), { senderEmail: SENDER }));
	browser = await launchBrowser();
	fs.mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await smtp?.close();
});

test('the form serves its page at /form/qms-gage-rr to staff only', async () => {
	const page = await waitFor('the published form', async () => {
		const response = await fetch(formUrl(), { headers: { authorization: staffAuthorization } });
		return response.status === 200 ? response.text() : undefined;
	});
	expect(page).toContain('Run the study');
	const anonymous = await fetch(formUrl());
	expect(anonymous.status).toBe(401);
	expect(await anonymous.text()).not.toContain('Run the study');
});

test('the AIAG study as CSV: page Marginal, mail with %GRR 27.86, ndc 4 and the chart, same in the table', async () => {
	const csv = writeCsv(path.join(work, 'aiag-msa4.csv'));
	// One study of this gauge per n8n instance: every e2e run starts a fresh one.
	const gauge = 'Caliper C-0421, bore diameter';
	const page = await browser.newPage({
		viewport: { width: 900, height: 900 },
		httpCredentials: { username: STAFF.user, password: STAFF.password },
	});
	const text = await submit(
		page,
		csv,
		{
			Gauge: gauge,
			'Operator column': 'appraiser',
			'Tolerance (USL - LSL)': String(aiag.tolerance_used_by_minitab_example),
			'Send the report to': RECIPIENT,
		},
		path.join(shots, 'gage-rr-study-form.png'),
	);
	await page.setViewportSize({ width: 900, height: 420 });
	await page.screenshot({ path: path.join(shots, 'gage-rr-study-result.png') });
	const grr = published.pct_studyvar.total_grr.toFixed(2);
	expect(text).toContain(`Marginal: %GRR ${grr} %`);
	expect(text).toContain(
		`%GRR ${grr} % of study variation (marginal), ndc ${published.ndc} (below 5); ` +
			'10 parts x 3 operators x 3 trials, ANOVA',
	);
	expect(text).toContain(`The report with the chart was mailed to ${RECIPIENT}.`);

	const [mail] = await smtp.waitFor(/^\[MSA\] Caliper C-0421/);
	expect(mail.subject).toBe(`[MSA] ${gauge}: Marginal, %GRR ${grr} %, ndc ${published.ndc}`);
	expect(mail.to).toEqual([RECIPIENT]);
	expect(mail.from).toContain(SENDER);
	expect(mail.text).toContain(`Gage R&R study of ${gauge} (aiag-msa4.csv):`);
	expect(mail.text).toContain(`%GRR ${grr} % of study variation (marginal), ndc ${published.ndc}`);
	expect(mail.html).toContain(`Gage R&amp;R study: ${gauge}</h1>`);
	expect(mail.html.trimEnd()).toMatch(/<\/html>$/);
	expect(mail.html).toContain(grr);
	expect(mail.html).toContain('src="cid:chart"');
	const png = mail.attachments.find((a) => a.contentType === 'image/png');
	expect(png).toBeDefined();
	expect(png!.filename).toBe('gage-rr.png');
	expect(png!.content.subarray(1, 4).toString('latin1')).toBe('PNG');
	expect(png!.content.length).toBeGreaterThan(20000);
	expect(mail.raw).toMatch(/Content-ID: <chart>/i);

	// The mail as a reader sees it: the HTML with the attached chart in place of its cid.
	const inline = `data:image/png;base64,${png!.content.toString('base64')}`;
	await page.setViewportSize({ width: 1000, height: 900 });
	await page.setContent(mail.html.replace('cid:chart', inline));
	await page.screenshot({ path: path.join(shots, 'gage-rr-study-mail.png'), fullPage: true });
	await page.close();

	const row = await waitFor('the stored study', async () =>
		(await studies()).find((s) => s.gauge === gauge),
	);
	expect(row).toMatchObject({
		method: 'anova',
		parts: 10,
		operators: 3,
		trials: 3,
		ndc: published.ndc,
		acceptance: 'marginal',
		tolerance: aiag.tolerance_used_by_minitab_example,
		csvFile: 'aiag-msa4.csv',
	});
	expect(row.pctGrr).toBeCloseTo(published.pct_studyvar.total_grr, 2);
	expect(row.pctTolerance).toBeCloseTo(
		aiag.expected.anova_method.computed_varcomp_pooled_sigma6_tol8.total_grr.pct_tolerance,
		2,
	);
	expect(Number.isNaN(Date.parse(row.studiedAt))).toBe(false);
	expect(row.summary).toContain(`%GRR ${grr} %`);
});

test('appraiser C reading 0.5 low: Unacceptable is mailed and stored as well, without %Tolerance', async () => {
	const biased = (m: AiagFixture['data_long'][number]) =>
		m.appraiser === 'C' ? Number((m.value - 0.5).toFixed(2)) : m.value;
	const csv = writeCsv(path.join(work, 'aiag-msa4-biased.csv'), {
		header: 'Part,Appraiser,Trial,Measurement',
		value: biased,
	});
	const expected = qms.gageRR({
		measurements: aiag.data_long.map((m) => ({
			part: String(m.part),
			operator: m.appraiser,
			value: biased(m),
		})),
	});
	expect(expected.acceptance).toBe('unacceptable');
	const grr = expected.pctGrr.toFixed(2);
	const gauge = 'Caliper C-0423, biased appraiser';
	const page = await browser.newPage({
		httpCredentials: { username: STAFF.user, password: STAFF.password },
	});
	const text = await submit(page, csv, {
		Gauge: gauge,
		'Part column': 'Part',
		'Operator column': 'Appraiser',
		'Value column': 'Measurement',
		'Send the report to': RECIPIENT,
	});
	await page.close();
	expect(text).toContain(`Unacceptable: %GRR ${grr} %`);
	const [mail] = await smtp.waitFor(/^\[MSA\] Caliper C-0423/);
	expect(mail.subject).toBe(`[MSA] ${gauge}: Unacceptable, %GRR ${grr} %, ndc ${expected.ndc}`);
	expect(mail.attachments.map((a) => a.contentType)).toEqual(['image/png']);
	const row = await waitFor('the stored study', async () =>
		(await studies()).find((s) => s.gauge === gauge),
	);
	expect(row).toMatchObject({
		acceptance: 'unacceptable',
		ndc: expected.ndc,
		tolerance: null,
		pctTolerance: null,
	});
	expect(row.pctGrr).toBeCloseTo(expected.pctGrr, 6);
});

test('an operator column the CSV does not have: the page names the field, nothing is mailed or stored', async () => {
	const csv = writeCsv(path.join(work, 'aiag-msa4-unmapped.csv'));
	const gauge = 'Caliper C-0422, unmapped columns';
	const mailsBefore = smtp.mails.length;
	const page = await browser.newPage({
		httpCredentials: { username: STAFF.user, password: STAFF.password },
	});
	const text = await submit(page, csv, { Gauge: gauge, 'Send the report to': RECIPIENT });
	await page.close();
	expect(text).toContain('Study not run');
	expect(text).toMatch(/The measurements could not be analysed: Item 0: field "operator"/);
	// Give a wrongly routed run time to mail or store before asserting that it did not.
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(smtp.mails.length).toBe(mailsBefore);
	expect((await studies()).find((s) => s.gauge === gauge)).toBeUndefined();
});
