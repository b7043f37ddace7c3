import { loadTrueTypeFont, PdfDocument, type Rgb } from '../../pdf';
import { shippedFontPath } from '../../render/fonts';
import type { ReportDocument, Tone } from './blocks';

const TONE: Record<Tone, Rgb> = {
	good: [0.09, 0.4, 0.2],
	bad: [0.73, 0.11, 0.11],
	muted: [0.42, 0.45, 0.5],
};
const FILL: Record<Tone, Rgb> = {
	good: [0.93, 0.99, 0.96],
	bad: [1, 0.95, 0.95],
	muted: [0.98, 0.98, 0.98],
};

/**
 * The document as an A4 PDF with the shipped font embedded as a subset, so Chinese and Latin text
 * both show and extract (`pdftotext`) as written.
 *
 * @example
 * reportPdf(buildReportDocument(report, { language: 'zh', now })).subarray(0, 8).toString(); // '%PDF-1.7'
 */
export function reportPdf(doc: ReportDocument, creationDate: string): Buffer {
	const zh = doc.language === 'zh';
	const pdf = new PdfDocument({
		font: loadTrueTypeFont(shippedFontPath()),
		footer: (page, pages) =>
			`${doc.footer}   ${zh ? `第 ${page} 页，共 ${pages} 页` : `Page ${page} of ${pages}`}`,
		info: { title: doc.title, subject: '8D', creationDate },
		language: zh ? 'zh-CN' : 'en',
	});
	for (const b of doc.blocks) {
		switch (b.kind) {
			case 'title':
				pdf.heading(b.text, 1);
				if (b.subtitle) pdf.paragraph(b.subtitle, { size: 11.5 });
				break;
			case 'heading':
				pdf.heading(b.text, b.level);
				if (b.note) pdf.paragraph(b.note, { size: 8.5, color: b.tone ? TONE[b.tone] : TONE.muted });
				break;
			case 'fields':
				pdf.table(undefined, b.rows, { widths: [1, 3], labelColumn: true });
				break;
			case 'table':
				pdf.table(b.head, b.rows, {
					widths: b.widths,
					rowFill: (row) => {
						const tone = b.tones?.[row];
						return tone ? FILL[tone] : undefined;
					},
				});
				break;
			case 'paragraph':
				pdf.paragraph(b.text, b.tone ? { color: TONE[b.tone] } : {});
				break;
			case 'list':
				pdf.list(b.numbered ? b.items.map((item, i) => `${i + 1}. ${item}`) : b.items);
				break;
			case 'image':
				pdf.image(b.png);
				break;
		}
	}
	return pdf.toBuffer();
}
