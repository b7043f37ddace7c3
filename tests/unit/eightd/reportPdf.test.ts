import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { renderEightDReport, type EightDReport } from '../../../lib/eightd';
import { buildReportDocument } from '../../../lib/eightd/report';
import { CHARACTERISTIC, documentReport } from './helpers';

jest.setTimeout(60_000);

const NOW = '2026-04-02T10:00:00+08:00';
/** poppler-utils (pdftotext, pdfinfo, pdffonts): read the PDF as a reader would. */
const poppler = spawnSync('pdftotext', ['-v']).status === 0;
if (!poppler)
	console.warn('pdftotext not found (apt-get install poppler-utils): PDF text-layer tests skipped');
const describePdf = poppler ? describe : describe.skip;

let dir: string;
let report: EightDReport;
const pdfs: Partial<Record<'en' | 'zh', { file: string; bytes: number }>> = {};

/** Runs a poppler tool on a file and returns its stdout. */
function run(tool: string, ...args: string[]): string {
	const result = spawnSync(tool, args, { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${result.stderr}`);
	return result.stdout;
}

/** Text without whitespace: lines wrap differently in the PDF than in the model. */
const squash = (text: string): string => text.replace(/\s+/g, '');

beforeAll(() => {
	if (!poppler) return;
	dir = mkdtempSync(join(tmpdir(), 'qms-report-'));
	report = documentReport();
	for (const language of ['en', 'zh'] as const) {
		const { pdf } = renderEightDReport(report, { language, format: 'pdf', now: NOW });
		const file = join(dir, `${language}.pdf`);
		writeFileSync(file, pdf as Buffer);
		pdfs[language] = { file, bytes: (pdf as Buffer).length };
	}
});

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describePdf('renderEightDReport: the PDF (read back with poppler)', () => {
	it('adds a PDF only when asked', () => {
		expect(renderEightDReport(report, { now: NOW }).pdf).toBeUndefined();
	});

	it.each(['en', 'zh'] as const)(
		'%s: the text layer holds every text of the document',
		(language) => {
			// -raw keeps the order of the content stream: a table cell's lines stay together
			const layer = squash(
				run('pdftotext', '-raw', '-enc', 'UTF-8', pdfs[language]?.file as string, '-'),
			);
			const doc = buildReportDocument(report, { language, now: NOW });
			const texts = doc.blocks.flatMap((b) => {
				switch (b.kind) {
					case 'title':
						return [b.text, b.subtitle ?? ''];
					case 'heading':
						return [b.text, b.note ?? ''];
					case 'fields':
						return b.rows.flat();
					case 'table':
						return [...b.head, ...b.rows.flat()];
					case 'paragraph':
						return [b.text];
					case 'list':
						return b.items;
					case 'image':
						return [];
				}
			});
			expect(texts.length).toBeGreaterThan(200);
			const absent = texts.filter((t) => !layer.includes(squash(t)));
			expect(absent).toEqual([]);
			expect(layer).toContain(squash(doc.footer));
		},
	);

	it('extracts the Chinese and Latin content as written', () => {
		const zh = run('pdftotext', '-enc', 'UTF-8', pdfs.zh?.file as string, '-');
		expect(zh).toContain('8D 报告 8D-2026-0142');
		expect(zh).toContain('D4 根本原因与流出点');
		expect(zh).toContain(CHARACTERISTIC);
		expect(zh).toContain('PA-65 charger housing 充电器外壳');
		expect(zh).toContain('<script>alert("x")</script> & \'quoted\'');
		expect(zh).toMatch(/第 1 页，共 \d 页/);
		const en = run('pdftotext', '-enc', 'UTF-8', pdfs.en?.file as string, '-');
		expect(en).toContain('D6 Implementation and validation');
		expect(en).toContain('1.41 (needed ≥ 1.33)');
		expect(en).toMatch(/Page 1 of \d/);
	});

	it('embeds one subset font with a ToUnicode map, and the chart image', () => {
		for (const language of ['en', 'zh'] as const) {
			const file = pdfs[language]?.file as string;
			const fonts = run('pdffonts', file).trim().split('\n').slice(2);
			expect(fonts).toHaveLength(1);
			// name, type, encoding, emb, sub, uni
			expect(fonts[0]).toMatch(
				/^[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/,
			);
			const images = run('pdfimages', '-list', file).trim().split('\n').slice(2);
			// the chart (RGB) and its soft mask
			expect(images.map((l) => l.split(/\s+/)[3])).toEqual(['image', 'smask']);
			expect(images[0]).toMatch(/^\s*\d+\s+\d+\s+image\s+1280\s+520\s+rgb/);
			const info = run('pdfinfo', file);
			expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
			expect(info).toMatch(/Title:\s+8D (report|报告) 8D-2026-0142/);
		}
	});

	it('stays small: the subset font holds only the glyphs used', () => {
		// the whole font is 10.5 MB; measured 45 kB (en) and 85 kB (zh) with the 1280 x 520 chart
		expect(pdfs.en?.bytes).toBeLessThan(120_000);
		expect(pdfs.zh?.bytes).toBeLessThan(160_000);
	});
});
