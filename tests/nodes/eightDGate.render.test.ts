/**
 * 8D Gate "Render Report" through n8n's engine: the PDF as binary data, HTML and text in the item,
 * the D6 chart as a binary field for cid: mail images; measurements handed in by the workflow
 * (the SPC monitor's rows) reach the D6 SPC proof of the document and of the gate.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { EightDReport } from '../../lib/eightd';
import { documentReport, FIX, hourly, STABLE } from '../unit/eightd/helpers';
import { expectFailSafe } from './failSafe';
import { binaryBuffer, runNode } from './harness';

// the first render loads the font and the rasteriser
jest.setTimeout(60_000);

const TYPE = 'n8n-nodes-qms.eightDGate';
const NOW = '2026-04-02T10:00:00+08:00';
const poppler = spawnSync('pdftotext', ['-v']).status === 0;

/** The text layer of a PDF as pdftotext reads it. */
function pdfText(pdf: Buffer): string {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'render-report-')), 'report.pdf');
	writeFileSync(file, pdf);
	return spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
}

/** The closed document report with its D6 measurements taken out (the workflow supplies them). */
function withoutMeasurements(report: EightDReport): EightDReport {
	const copy = structuredClone(report);
	delete copy.disciplines.D6?.spc?.measurements;
	return copy;
}

describe('8D Gate: Render Report', () => {
	const closed = documentReport();

	it('PDF and HTML: <id>.pdf as binary, html with the chart as cid:, the chart as binary', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { operation: 'renderReport', options: { now: NOW } },
			items: [{ caseId: closed.id, report: JSON.stringify(closed) }],
		});
		expect(run.outputCounts(node)).toEqual([1, 0]);
		const [item] = run.output(node, 0);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json.caseId).toBe(closed.id);
		expect(item.binary?.data).toMatchObject({
			fileName: '8D-2026-0142.pdf',
			mimeType: 'application/pdf',
		});
		expect(item.binary?.['d6-spc-chart']).toMatchObject({
			fileName: '8D-2026-0142-d6-spc-chart.png',
			mimeType: 'image/png',
		});
		const pdf = await binaryBuffer(item, 'data');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(item.json.pdfBytes).toBe(pdf.length);
		const png = await binaryBuffer(item, 'd6-spc-chart');
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		const html = item.json.html as string;
		expect(html).toContain('src="cid:d6-spc-chart"');
		expect(html).not.toContain('data:image/png');
		expect(item.json.text).toContain('8D report 8D-2026-0142');
		expect(item.json.text).toContain('D6 Implementation and validation');
		if (poppler) {
			const text = pdfText(pdf);
			expect(text).toContain('8D report 8D-2026-0142');
			expect(text).toContain('PA-65 charger housing');
		}
	});

	it('Chinese, HTML only, charts embedded: no binary data, the chart inside the HTML', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'renderReport',
				documentLanguage: 'zh',
				format: 'html',
				options: { now: NOW, images: 'data' },
			},
			items: [{ report: closed }],
		});
		const [item] = run.output(node, 0);
		expect(item.binary).toBeUndefined();
		expect(item.json.pdfBytes).toBeUndefined();
		expect(item.json.html).toContain('<html lang="zh-CN">');
		expect(item.json.html).toContain('src="data:image/png;base64,');
		expect(item.json.text).toContain('修复后数据点');
	});

	it("Measurements Field: table rows (measuredAt, value) replace the report's, for the document and the gate", async () => {
		const bare = withoutMeasurements(closed);
		const rows = hourly(STABLE).map(({ at, value }) => ({
			characteristic: bare.disciplines.D6?.spc?.characteristic,
			measuredAt: at,
			value: String(value),
		}));
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'renderReport',
				format: 'html',
				options: { now: NOW, measurementsField: 'rows' },
			},
			items: [
				{ report: bare, rows },
				{ report: bare, rows: [] },
			],
		});
		const [withRows, without] = run.output(node, 0);
		const line = (text: unknown) =>
			String(text)
				.split('\n')
				.find((l) => l.includes('Points after the fix'));
		expect(line(withRows.json.text)).toBe('Points after the fix: 25 (needed 25)');
		expect(line(without.json.text)).toBe('Points after the fix: 0 (needed 25)');
		expect(withRows.binary?.['d6-spc-chart']).toBeDefined();
		expect(without.binary).toBeUndefined();

		// The same rows let Evaluate Gate pass D6 on the SPC proof alone.
		const atD6 = withoutMeasurements(documentReport('D6'));
		const gate = await runNode({
			type: TYPE,
			parameters: {
				operation: 'evaluateGate',
				target: 'D7',
				options: { now: '2026-03-25T10:00:00+08:00', measurementsField: 'rows' },
			},
			items: [
				{ report: atD6, rows },
				{ report: atD6, rows: [] },
			],
		});
		const [allowed] = gate.run.output(gate.node, 0);
		const [blocked] = gate.run.output(gate.node, 1);
		expect(allowed.pairedItem).toEqual({ item: 0 });
		expect(blocked.pairedItem).toEqual({ item: 1 });
		expect(blocked.json.gate).toMatchObject({
			summary: expect.stringContaining('D6: 0 of 25 points after the fix'),
		});
	});

	it('fails safe: unreadable reports and bad measurements go to Failed or the error output', async () => {
		const bare = withoutMeasurements(closed);
		await expectFailSafe({
			type: TYPE,
			parameters: {
				operation: 'renderReport',
				format: 'html',
				options: { now: NOW, measurementsField: 'rows' },
			},
			items: [
				{ report: bare, rows: [] },
				{ report: { ...bare, stage: 'D9' }, rows: [] },
				{ report: bare, rows: [{ measuredAt: FIX, value: 'n/a' }] },
				{ report: bare },
			],
			bad: [1, 2, 3],
			failedOutput: 1,
			reason: /report\.stage/,
		});
	});
});
