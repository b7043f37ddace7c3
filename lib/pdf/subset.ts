import type { TrueTypeFont } from './trueType';
import { writeSfnt, type SfntTables } from './sfnt';

/** Composite glyph flags (OpenType spec, "glyf", composite glyph description). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Byte offsets of the component glyph ids in a composite glyph, and the ids. */
function components(data: Buffer): { at: number; glyph: number }[] {
	if (data.length === 0 || data.readInt16BE(0) >= 0) return [];
	const found: { at: number; glyph: number }[] = [];
	let p = 10;
	for (;;) {
		const flags = data.readUInt16BE(p);
		found.push({ at: p + 2, glyph: data.readUInt16BE(p + 2) });
		p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
		if (flags & WE_HAVE_A_SCALE) p += 2;
		else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
		else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
		if (!(flags & MORE_COMPONENTS)) return found;
	}
}

/** A font cut down to some glyphs: new glyph 0 is .notdef, new glyph i (1..n) draws `wanted[i - 1]`. */
export interface FontSubset {
	/** The TrueType file (tables head, hhea, maxp, hmtx, loca, glyf, post, and cvt/fpgm/prep if present). */
	data: Buffer;
	/** Glyph id in the original font of each new glyph id. */
	glyphs: number[];
}

/**
 * Subsets a TrueType font to the given glyphs, in the order given after `.notdef` (a glyph may be
 * wanted twice, e.g. for two characters the font draws alike that must extract as different
 * text): the components of composite glyphs are added after them and every composite's component
 * ids are rewritten to the new numbering, so new glyph id i draws original glyph `glyphs[i]`. Without
 * `cmap` the result is only usable where the embedding maps ids itself, as a PDF CIDFontType2
 * with `/CIDToGIDMap /Identity` does (ISO 32000-1, 9.7.4.2).
 *
 * @example
 * const { data, glyphs } = subsetTrueType(font, [font.cmap.get(0x4e2d)!]);
 * glyphs.length; // 2: .notdef and 中 (plus components, if 中 were composite)
 */
export function subsetTrueType(font: TrueTypeFont, wanted: readonly number[]): FontSubset {
	const glyphs = [0, ...wanted];
	const index = new Map<number, number>();
	glyphs.forEach((glyph, i) => {
		if (!index.has(glyph)) index.set(glyph, i);
	});
	// components may themselves be composite: walk the list as it grows
	for (let i = 0; i < glyphs.length; i++) {
		for (const { glyph } of components(font.glyph(glyphs[i]))) {
			if (index.has(glyph)) continue;
			index.set(glyph, glyphs.length);
			glyphs.push(glyph);
		}
	}

	const outlines = glyphs.map((glyph) => {
		const data = Buffer.from(font.glyph(glyph));
		for (const c of components(data)) data.writeUInt16BE(index.get(c.glyph) as number, c.at);
		// glyph data is kept 4-byte aligned so long loca offsets stay aligned
		return data.length % 4 ? Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]) : data;
	});
	const loca = Buffer.alloc(4 * (glyphs.length + 1));
	let offset = 0;
	outlines.forEach((outline, i) => {
		loca.writeUInt32BE(offset, 4 * i);
		offset += outline.length;
	});
	loca.writeUInt32BE(offset, 4 * glyphs.length);

	const original = font.tables;
	const hmtxIn = original.get('hmtx') as Buffer;
	const metrics = (original.get('hhea') as Buffer).readUInt16BE(34);
	const hmtx = Buffer.alloc(4 * glyphs.length);
	glyphs.forEach((glyph, i) => {
		hmtx.writeUInt16BE(font.advance(glyph), 4 * i);
		const lsb = glyph < metrics ? 4 * glyph + 2 : 4 * metrics + 2 * (glyph - metrics);
		hmtx.writeInt16BE(hmtxIn.readInt16BE(lsb), 4 * i + 2);
	});
	const head = Buffer.from(original.get('head') as Buffer);
	head.writeInt16BE(1, 50); // indexToLocFormat: long offsets
	const hhea = Buffer.from(original.get('hhea') as Buffer);
	hhea.writeUInt16BE(glyphs.length, 34);
	const maxp = Buffer.from(original.get('maxp') as Buffer);
	maxp.writeUInt16BE(glyphs.length, 4);
	// post format 3: no glyph names
	const post = Buffer.from((original.get('post') as Buffer).subarray(0, 32));
	post.writeUInt32BE(0x00030000, 0);

	const tables: SfntTables = new Map([
		['head', head],
		['hhea', hhea],
		['maxp', maxp],
		['hmtx', hmtx],
		['loca', loca],
		['glyf', Buffer.concat(outlines)],
		['post', post],
	]);
	for (const tag of ['cvt ', 'fpgm', 'prep']) {
		const hinting = original.get(tag);
		if (hinting) tables.set(tag, hinting);
	}
	return { data: writeSfnt(tables), glyphs };
}
