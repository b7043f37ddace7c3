import { createHash } from 'node:crypto';

import { name, type PdfRef, type PdfWriter } from './objects';
import { subsetTrueType } from './subset';
import { toUnicodeCMap } from './toUnicode';
import type { TrueTypeFont } from './trueType';

/**
 * A TrueType font as a PDF composite font: Type0 with `Identity-H` over a CIDFontType2 whose CIDs
 * are the glyph ids of a subset holding only the glyphs used (ISO 32000-1, 9.7 Composite Fonts,
 * 9.7.4 CIDFonts, 9.9 Embedded Font Programs). Each character gets a code on first use, so the
 * subset is numbered compactly; the `W` array gives each CID's width and the ToUnicode CMap its
 * text. Codes are per character, not per glyph: where the font draws two characters with one
 * glyph (· and •, or a missing glyph), each still extracts as itself.
 *
 * @example
 * const font = new EmbeddedFont(loadTrueTypeFont(path));
 * const hex = font.encode('中文 text'); // '0001000200030004...'
 * font.write(pdf, fontRef);
 */
export class EmbeddedFont {
	/** Original glyph id of each code (code 0 is .notdef). */
	private readonly glyphOfCode: number[] = [0];
	/** The text each code stands for, for ToUnicode. */
	private readonly textOfCode: string[] = [''];
	private readonly codeOfChar = new Map<string, number>();

	constructor(readonly font: TrueTypeFont) {}

	/** The glyph drawing a character (0, .notdef, when the font has none). */
	glyphFor(char: string): number {
		return this.font.cmap.get(char.codePointAt(0) as number) ?? 0;
	}

	/** Width of a text at a font size, in the same unit as the size. */
	width(text: string, size: number): number {
		let units = 0;
		for (const char of text) units += this.font.advance(this.glyphFor(char));
		return (units * size) / this.font.unitsPerEm;
	}

	/** The text as a hex string of 2-byte codes, for `Tj` (9.4.3); registers the glyphs used. */
	encode(text: string): string {
		let hex = '';
		for (const char of text) {
			let code = this.codeOfChar.get(char);
			if (code === undefined) {
				code = this.glyphOfCode.length;
				this.codeOfChar.set(char, code);
				this.glyphOfCode.push(this.glyphFor(char));
				this.textOfCode.push(char);
			}
			hex += code.toString(16).padStart(4, '0');
		}
		return hex;
	}

	/** Writes the font objects; `ref` is the Type0 font the pages' resources name. */
	write(pdf: PdfWriter, ref: PdfRef): void {
		const { font } = this;
		const subset = subsetTrueType(font, this.glyphOfCode.slice(1));
		const scale = 1000 / font.unitsPerEm;
		// a subset font's name starts with six capital letters and '+' (9.6.4)
		const tag = createHash('sha256')
			.update(Buffer.from(Uint32Array.from(this.glyphOfCode).buffer))
			.digest()
			.subarray(0, 6)
			.reduce((text, byte) => text + String.fromCharCode(65 + (byte % 26)), '');
		const baseFont = name(`${tag}+${font.postScriptName}`);
		const fontFile = pdf.addStream({ Length1: subset.data.length }, subset.data);
		const descriptor = pdf.add({
			Type: name('FontDescriptor'),
			FontName: baseFont,
			Flags: 4, // symbolic: glyphs outside the standard Latin set
			FontBBox: font.bbox.map((v) => Math.round(v * scale)),
			ItalicAngle: 0,
			Ascent: Math.round(font.ascender * scale),
			Descent: Math.round(font.descender * scale),
			CapHeight: Math.round(font.capHeight * scale),
			StemV: 80,
			FontFile2: fontFile,
		});
		// only the codes handed out are used; components added by the subset have no code
		const widths = this.glyphOfCode.map((glyph) => Math.round(font.advance(glyph) * scale));
		const cidFont = pdf.add({
			Type: name('Font'),
			Subtype: name('CIDFontType2'),
			BaseFont: baseFont,
			CIDSystemInfo: { Registry: 'Adobe', Ordering: 'Identity', Supplement: 0 },
			FontDescriptor: descriptor,
			DW: 1000,
			W: [0, widths],
			CIDToGIDMap: name('Identity'),
		});
		const toUnicode = pdf.addStream({}, Buffer.from(toUnicodeCMap(this.textOfCode), 'latin1'));
		pdf.add(
			{
				Type: name('Font'),
				Subtype: name('Type0'),
				BaseFont: baseFont,
				Encoding: name('Identity-H'),
				DescendantFonts: [cidFont],
				ToUnicode: toUnicode,
			},
			ref,
		);
	}
}
