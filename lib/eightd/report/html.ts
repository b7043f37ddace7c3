import { escapeHtml } from '../../shared/html';
import type { ReportBlock, ReportDocument, Tone } from './blocks';

/** Options of {@link reportHtml}. */
export interface ReportHtmlOptions {
	/** Image source per image id, e.g. `cid:d6-spc-chart` for an inline attachment; default a data: URI. */
	imageSrc?: (id: string, png: Buffer) => string;
}

const FONT =
	"font-family:Arial,'Helvetica Neue','PingFang SC','Microsoft YaHei','Noto Sans SC',sans-serif;";
const TEXT = `${FONT}font-size:13px;line-height:1.45;color:#1f2937;`;
const CELL = `${TEXT}padding:5px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top;text-align:left;white-space:pre-wrap;`;
const HEAD = `${FONT}font-size:12px;font-weight:bold;padding:5px 8px;border-bottom:2px solid #9ca3af;background:#f3f4f6;color:#111827;text-align:left;vertical-align:bottom;`;
const TONE_TEXT: Record<Tone, string> = { good: '#166534', bad: '#b91c1c', muted: '#6b7280' };
const TONE_FILL: Record<Tone, string> = { good: '#ecfdf5', bad: '#fef2f2', muted: '#f9fafb' };

/** Escaped text; the record's line breaks stay (cells use pre-wrap). */
const esc = (text: string): string => escapeHtml(text);

function table(
	head: string[] | undefined,
	rows: string[][],
	widths?: number[],
	tones?: (Tone | undefined)[],
	labelColumn = false,
): string {
	const total = widths?.reduce((a, b) => a + b, 0);
	const width = (i: number) =>
		widths && total ? ` width="${Math.round((widths[i] / total) * 100)}%"` : '';
	const thead = head
		? `<thead><tr>${head.map((h, i) => `<th${width(i)} style="${HEAD}">${esc(h)}</th>`).join('')}</tr></thead>`
		: '';
	const body = rows
		.map((row, r) => {
			const tone = tones?.[r];
			const fill = tone ? `background:${TONE_FILL[tone]};` : '';
			const cells = row
				.map((cell, i) =>
					labelColumn && i === 0
						? `<th scope="row"${width(i)} style="${CELL}font-weight:bold;color:#374151;">${esc(cell)}</th>`
						: `<td${width(i)} style="${CELL}${fill}${tone && i === row.length - 1 ? `color:${TONE_TEXT[tone]};` : ''}">${esc(cell)}</td>`,
				)
				.join('');
			return `<tr>${cells}</tr>`;
		})
		.join('');
	return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:4px 0 12px 0;">${thead}<tbody>${body}</tbody></table>`;
}

function block(b: ReportBlock, options: ReportHtmlOptions): string {
	switch (b.kind) {
		case 'title':
			return (
				`<h1 style="${FONT}font-size:22px;margin:0 0 4px 0;color:#14325c;">${esc(b.text)}</h1>` +
				(b.subtitle
					? `<p style="${TEXT}font-size:15px;margin:0 0 12px 0;">${esc(b.subtitle)}</p>`
					: '')
			);
		case 'heading': {
			const note = b.note
				? ` <span style="${FONT}font-size:12px;font-weight:normal;color:${b.tone ? TONE_TEXT[b.tone] : '#4b5563'};">${esc(b.note)}</span>`
				: '';
			return b.level === 2
				? `<h2 style="${FONT}font-size:17px;margin:22px 0 6px 0;padding-bottom:3px;border-bottom:2px solid #14325c;color:#14325c;">${esc(b.text)}${note}</h2>`
				: `<h3 style="${FONT}font-size:14px;margin:12px 0 4px 0;color:#14325c;">${esc(b.text)}${note}</h3>`;
		}
		case 'fields':
			return table(undefined, b.rows, [1, 3], undefined, true);
		case 'table':
			return table(b.head, b.rows, b.widths, b.tones);
		case 'paragraph':
			return `<p style="${TEXT}margin:4px 0 8px 0;white-space:pre-wrap;${b.tone ? `color:${TONE_TEXT[b.tone]};` : ''}">${esc(b.text)}</p>`;
		case 'list': {
			const tag = b.numbered ? 'ol' : 'ul';
			return `<${tag} style="${TEXT}margin:4px 0 10px 0;padding-left:22px;">${b.items.map((i) => `<li style="margin:2px 0;">${esc(i)}</li>`).join('')}</${tag}>`;
		}
		case 'image': {
			const src = options.imageSrc
				? options.imageSrc(b.id, b.png)
				: `data:image/png;base64,${b.png.toString('base64')}`;
			return `<p style="margin:6px 0 12px 0;"><img src="${esc(src)}" width="${b.width}" alt="${esc(b.alt)}" style="display:block;max-width:100%;height:auto;border:1px solid #e5e7eb;"></p>`;
		}
	}
}

/**
 * The document as an e-mail-ready HTML page: one centered 760 px column of tables with inline
 * styles (what Outlook's Word engine and Gmail keep), every text escaped.
 *
 * @example
 * reportHtml(buildReportDocument(report, { language: 'en', now })).startsWith('<!DOCTYPE html>'); // true
 */
export function reportHtml(doc: ReportDocument, options: ReportHtmlOptions = {}): string {
	const lang = doc.language === 'zh' ? 'zh-CN' : 'en';
	return [
		'<!DOCTYPE html>',
		`<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.title)}</title></head>`,
		'<body style="margin:0;padding:0;background:#f3f4f6;">',
		'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;"><tr><td align="center" style="padding:16px;">',
		'<table role="presentation" width="760" cellpadding="0" cellspacing="0" style="width:100%;max-width:760px;background:#ffffff;border:1px solid #e5e7eb;"><tr><td style="padding:24px;text-align:left;">',
		...doc.blocks.map((b) => block(b, options)),
		`<p style="${TEXT}font-size:11px;color:#6b7280;margin:24px 0 0 0;">${esc(doc.footer)}</p>`,
		'</td></tr></table>',
		'</td></tr></table>',
		'</body></html>',
	].join('\n');
}
