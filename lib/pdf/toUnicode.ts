/**
 * The ToUnicode CMap of a font: the Unicode text of each character code, so a reader can
 * extract and search the text (ISO 32000-1, 9.10.3; Adobe Technical Note #5411).
 */

/** UTF-16BE hex of a code point (a surrogate pair above U+FFFF). */
function utf16Hex(text: string): string {
	return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

/**
 * A ToUnicode CMap for 2-byte codes (Identity-H CIDs): `bfchar` blocks of at most 100 entries.
 *
 * @example
 * toUnicodeCMap(['', 'A', '中']); // '... <0001> <0041>\n<0002> <4E2D> ...'
 */
export function toUnicodeCMap(textOfCode: readonly string[]): string {
	const entries = textOfCode
		.map((text, code) => ({ text, code }))
		.filter(({ text }) => text !== '')
		.map(
			({ text, code }) =>
				`<${code.toString(16).toUpperCase().padStart(4, '0')}> <${utf16Hex(text)}>`,
		);
	const blocks: string[] = [];
	for (let i = 0; i < entries.length; i += 100) {
		const block = entries.slice(i, i + 100);
		blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
	}
	return [
		'/CIDInit /ProcSet findresource begin',
		'12 dict begin',
		'begincmap',
		'/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
		'/CMapName /Adobe-Identity-UCS def',
		'/CMapType 2 def',
		'1 begincodespacerange',
		'<0000> <FFFF>',
		'endcodespacerange',
		...blocks,
		'endcmap',
		'CMapName currentdict /CMap defineresource pop',
		'end',
		'end',
	].join('\n');
}
