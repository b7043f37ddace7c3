/**
 * The sfnt container of TrueType fonts: a table directory followed by the tables
 * (OpenType spec, "Organization of an OpenType font"; Apple TrueType Reference Manual, ch. 6).
 */

/** The tables of a font file by tag (`head`, `glyf` ...), each a view into the file. */
export type SfntTables = Map<string, Buffer>;

/**
 * Reads the table directory of a TrueType (sfnt version 0x00010000 or `true`) font.
 *
 * @example
 * readSfnt(readFileSync('NotoSansSC_400Regular.ttf')).get('head')?.length; // 54
 */
export function readSfnt(file: Buffer): SfntTables {
	const version = file.readUInt32BE(0);
	if (version !== 0x00010000 && version !== 0x74727565) {
		throw new Error(
			`font: not a TrueType font (sfnt version 0x${version.toString(16)}; CFF-based OpenType is not supported)`,
		);
	}
	const tables: SfntTables = new Map();
	const count = file.readUInt16BE(4);
	for (let i = 0; i < count; i++) {
		const entry = 12 + 16 * i;
		const tag = file.toString('latin1', entry, entry + 4);
		const offset = file.readUInt32BE(entry + 8);
		const length = file.readUInt32BE(entry + 12);
		tables.set(tag, file.subarray(offset, offset + length));
	}
	return tables;
}

/** The sfnt checksum: the sum of the data as big-endian uint32 words, zero-padded, modulo 2^32. */
function checksum(data: Buffer): number {
	let sum = 0;
	const padded =
		data.length % 4 ? Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]) : data;
	for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
	return sum;
}

/**
 * Writes tables into a TrueType file: directory sorted by tag, 4-byte aligned tables, table
 * checksums, and `head.checkSumAdjustment` = 0xB1B0AFBA minus the checksum of the whole file.
 *
 * @example
 * const file = writeSfnt(new Map([['head', head], ['glyf', glyf], ...]));
 * readSfnt(file).get('glyf')?.equals(glyf); // true
 */
export function writeSfnt(tables: SfntTables): Buffer {
	const tags = [...tables.keys()].sort();
	const count = tags.length;
	const entrySelector = Math.floor(Math.log2(count));
	const searchRange = 2 ** entrySelector * 16;
	const header = Buffer.alloc(12 + 16 * count);
	header.writeUInt32BE(0x00010000, 0);
	header.writeUInt16BE(count, 4);
	header.writeUInt16BE(searchRange, 6);
	header.writeUInt16BE(entrySelector, 8);
	header.writeUInt16BE(count * 16 - searchRange, 10);
	const bodies: Buffer[] = [];
	let offset = header.length;
	let headOffset = -1;
	tags.forEach((tag, i) => {
		const data = Buffer.from(tables.get(tag) as Buffer);
		if (tag === 'head') {
			data.writeUInt32BE(0, 8);
			headOffset = offset;
		}
		const entry = 12 + 16 * i;
		header.write(tag, entry, 'latin1');
		header.writeUInt32BE(checksum(data), entry + 4);
		header.writeUInt32BE(offset, entry + 8);
		header.writeUInt32BE(data.length, entry + 12);
		const padding = (4 - (data.length % 4)) % 4;
		bodies.push(data, Buffer.alloc(padding));
		offset += data.length + padding;
	});
	const file = Buffer.concat([header, ...bodies]);
	if (headOffset >= 0) file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headOffset + 8);
	return file;
}
