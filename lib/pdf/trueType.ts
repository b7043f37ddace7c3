import { readFileSync } from 'node:fs';

import { parseCmap } from './cmap';
import { readSfnt, type SfntTables } from './sfnt';

/**
 * A TrueType font read for layout and embedding: metrics from `head`, `hhea`, `hmtx`, `OS/2`,
 * outlines located through `loca` into `glyf`, characters through `cmap` (OpenType spec, the
 * tables of the same names).
 */
export interface TrueTypeFont {
	tables: SfntTables;
	/** PostScript name (name id 6). */
	postScriptName: string;
	unitsPerEm: number;
	numGlyphs: number;
	ascender: number;
	descender: number;
	capHeight: number;
	/** xMin, yMin, xMax, yMax in font units. */
	bbox: [number, number, number, number];
	/** Glyph id per Unicode code point (empty for a font without `cmap`). */
	cmap: Map<number, number>;
	/** Advance width of a glyph in font units. */
	advance(glyph: number): number;
	/** The outline bytes of a glyph (empty for a glyph without contours). */
	glyph(glyph: number): Buffer;
}

const loaded = new Map<string, TrueTypeFont>();

/**
 * Loads a TrueType font file once per process (a CJK font is megabytes; its cmap takes a while).
 *
 * @example
 * const font = loadTrueTypeFont(shippedFontPath());
 * font.advance(font.cmap.get(0x4e2d) ?? 0); // 1000 (a CJK ideograph is one em wide)
 */
export function loadTrueTypeFont(path: string): TrueTypeFont {
	let font = loaded.get(path);
	if (!font) {
		font = parseTrueType(readFileSync(path));
		loaded.set(path, font);
	}
	return font;
}

/** The table a font must have; throws naming it. */
function table(tables: SfntTables, tag: string): Buffer {
	const found = tables.get(tag);
	if (!found) throw new Error(`font: no "${tag}" table`);
	return found;
}

/**
 * Parses a TrueType font held in memory.
 *
 * @example
 * parseTrueType(readFileSync(path)).unitsPerEm; // 1000
 */
export function parseTrueType(file: Buffer): TrueTypeFont {
	const tables = readSfnt(file);
	const head = table(tables, 'head');
	const hhea = table(tables, 'hhea');
	const maxp = table(tables, 'maxp');
	const hmtx = table(tables, 'hmtx');
	const loca = table(tables, 'loca');
	const glyf = table(tables, 'glyf');
	const os2 = tables.get('OS/2');
	const numGlyphs = maxp.readUInt16BE(4);
	const longLoca = head.readInt16BE(50) === 1;
	const metrics = hhea.readUInt16BE(34);
	const offset = (glyph: number): number =>
		longLoca ? loca.readUInt32BE(4 * glyph) : 2 * loca.readUInt16BE(2 * glyph);
	const ascender = hhea.readInt16BE(4);
	return {
		tables,
		postScriptName: postScriptName(tables.get('name')) ?? 'Font',
		unitsPerEm: head.readUInt16BE(18),
		numGlyphs,
		ascender,
		descender: hhea.readInt16BE(6),
		// sCapHeight exists from OS/2 version 2 on
		capHeight: os2 && os2.readUInt16BE(0) >= 2 ? os2.readInt16BE(88) : ascender,
		bbox: [head.readInt16BE(36), head.readInt16BE(38), head.readInt16BE(40), head.readInt16BE(42)],
		// a font subset for embedding has no cmap: it is read back without one
		cmap: tables.has('cmap') ? parseCmap(table(tables, 'cmap')) : new Map(),
		advance: (glyph) => hmtx.readUInt16BE(4 * Math.min(glyph, metrics - 1)),
		glyph: (glyph) => {
			if (glyph < 0 || glyph >= numGlyphs) throw new Error(`font: no glyph ${glyph}`);
			return glyf.subarray(offset(glyph), offset(glyph + 1));
		},
	};
}

/** Name id 6 (PostScript name) from the Windows Unicode record of the `name` table. */
function postScriptName(name: Buffer | undefined): string | undefined {
	if (!name) return undefined;
	const count = name.readUInt16BE(2);
	const strings = name.readUInt16BE(4);
	for (let i = 0; i < count; i++) {
		const record = 6 + 12 * i;
		if (name.readUInt16BE(record) !== 3 || name.readUInt16BE(record + 6) !== 6) continue;
		const start = strings + name.readUInt16BE(record + 10);
		const bytes = Buffer.from(name.subarray(start, start + name.readUInt16BE(record + 8)));
		return bytes.swap16().toString('utf16le');
	}
	return undefined;
}
