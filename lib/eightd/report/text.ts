import type { ReportBlock, ReportDocument } from './blocks';

/** An underline as long as the text is wide (CJK characters count twice, as in a monospace terminal). */
function underline(text: string, char: string): string {
	let width = 0;
	for (const c of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c) ? 2 : 1;
	return char.repeat(width);
}

function block(b: ReportBlock): string {
	switch (b.kind) {
		case 'title':
			return [b.text, underline(b.text, '='), ...(b.subtitle ? [b.subtitle] : [])].join('\n');
		case 'heading': {
			const text = b.note ? `${b.text} [${b.note}]` : b.text;
			return b.level === 2 ? `\n${text}\n${underline(text, '-')}` : `${text}:`;
		}
		case 'fields':
			return b.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
		case 'table':
			return [b.head.join(' | '), ...b.rows.map((row) => row.map((c) => c || '–').join(' | '))]
				.map((line) => `  ${line}`)
				.join('\n');
		case 'paragraph':
			return b.text;
		case 'list':
			return b.items.map((item, i) => `  ${b.numbered ? `${i + 1}.` : '-'} ${item}`).join('\n');
		case 'image':
			return `[${b.alt}]`;
	}
}

/**
 * The document as plain text (the text/plain part of a mail, or a log): headings underlined,
 * label: value lines, tables as `a | b | c` rows.
 *
 * @example
 * reportText(buildReportDocument(report, { language: 'en', now })).split('\n')[0]; // '8D report 8D-2026-0142'
 */
export function reportText(doc: ReportDocument): string {
	return `${doc.blocks.map(block).join('\n\n')}\n\n${doc.footer}\n`;
}
