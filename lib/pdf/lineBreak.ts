/**
 * Line breaking for mixed Chinese and Latin text, a simplification of UAX #14: Latin words break
 * at spaces, CJK text between any two characters, except that closing punctuation (，。、）…) may
 * not start a line and opening punctuation (（《“…) may not end one (the kinsoku rules of
 * GB/T 15834 and JIS X 4051). A word wider than the line breaks between characters.
 */

const CJK =
	'\\u2e80-\\u2fff\\u3000-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const CLOSING = '、。，．：；！？）」』】〕〉》”’％,.:;!?)\\]}';
const OPENING = '（「『【〔〈《“‘([{';
/** A space run, or one CJK character with its trailing closing punctuation, or a Latin word. */
const TOKEN = new RegExp(
	`\\s+|[${OPENING}]*[${CJK}][${CLOSING}]*|[${OPENING}]*[^\\s${CJK}]+[${CLOSING}]*`,
	'gu',
);

/**
 * Splits a text into lines no wider than `maxWidth` by `measure`; `\n` forces a break.
 *
 * @example
 * wrapText('质量 quality report', 30, (s) => s.length * 6); // ['质量', 'quality', 'report']
 */
export function wrapText(
	text: string,
	maxWidth: number,
	measure: (text: string) => number,
): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split(/\r?\n/)) {
		let line = '';
		for (const token of paragraph.match(TOKEN) ?? []) {
			if (/^\s+$/.test(token)) {
				if (line !== '') line += ' ';
				continue;
			}
			if (measure(line + token) <= maxWidth) {
				line += token;
				continue;
			}
			if (line.trim() !== '') lines.push(line.trimEnd());
			line = '';
			// a token wider than a line: break it between characters
			for (const char of token) {
				if (line !== '' && measure(line + char) > maxWidth) {
					lines.push(line);
					line = '';
				}
				line += char;
			}
		}
		lines.push(line.trimEnd());
	}
	return lines;
}
