/**
 * The `cmap` table: which glyph draws each Unicode code point (OpenType spec, "cmap — Character
 * to Glyph Index Mapping Table", subtable formats 4 and 12).
 */

/**
 * Reads the Unicode mapping of a cmap table: format 12 (platform 3 encoding 10, full Unicode) when
 * present, else format 4 (platform 3 encoding 1 or platform 0, the Basic Multilingual Plane).
 *
 * @example
 * parseCmap(tables.get('cmap')).get(0x4e2d); // glyph id of 中
 */
export function parseCmap(table: Buffer): Map<number, number> {
	const count = table.readUInt16BE(2);
	const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
	for (let i = 0; i < count; i++) {
		const record = 4 + 8 * i;
		const offset = table.readUInt32BE(record + 4);
		subtables.push({
			platform: table.readUInt16BE(record),
			encoding: table.readUInt16BE(record + 2),
			offset,
			format: table.readUInt16BE(offset),
		});
	}
	const full = subtables.find(
		(s) => s.format === 12 && (s.platform === 0 || (s.platform === 3 && s.encoding === 10)),
	);
	if (full) return format12(table, full.offset);
	const bmp = subtables.find(
		(s) => s.format === 4 && (s.platform === 0 || (s.platform === 3 && s.encoding === 1)),
	);
	if (bmp) return format4(table, bmp.offset);
	throw new Error('font: no Unicode cmap subtable (format 4 or 12)');
}

/** Format 12: groups of consecutive code points mapped to consecutive glyphs. */
function format12(table: Buffer, offset: number): Map<number, number> {
	const map = new Map<number, number>();
	const groups = table.readUInt32BE(offset + 12);
	for (let i = 0; i < groups; i++) {
		const group = offset + 16 + 12 * i;
		const start = table.readUInt32BE(group);
		const end = table.readUInt32BE(group + 4);
		const glyph = table.readUInt32BE(group + 8);
		for (let c = start; c <= end; c++) map.set(c, glyph + c - start);
	}
	return map;
}

/** Format 4: segments with a delta or an offset into the glyph id array. */
function format4(table: Buffer, offset: number): Map<number, number> {
	const map = new Map<number, number>();
	const segments = table.readUInt16BE(offset + 6) / 2;
	const ends = offset + 14;
	const starts = ends + 2 * segments + 2;
	const deltas = starts + 2 * segments;
	const rangeOffsets = deltas + 2 * segments;
	for (let s = 0; s < segments; s++) {
		const end = table.readUInt16BE(ends + 2 * s);
		const start = table.readUInt16BE(starts + 2 * s);
		const delta = table.readInt16BE(deltas + 2 * s);
		const rangeAt = rangeOffsets + 2 * s;
		const range = table.readUInt16BE(rangeAt);
		for (let c = start; c <= end && c !== 0xffff; c++) {
			let glyph: number;
			if (range === 0) glyph = (c + delta) & 0xffff;
			else {
				glyph = table.readUInt16BE(rangeAt + range + 2 * (c - start));
				if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
			}
			if (glyph !== 0) map.set(c, glyph);
		}
	}
	return map;
}
