import { crc32, deflateSync, inflateSync } from 'node:zlib';

import {
	decodePng,
	loadTrueTypeFont,
	parseTrueType,
	PdfDocument,
	pdfDate,
	subsetTrueType,
	wrapText,
	type TrueTypeFont,
} from '../../../lib/pdf';
import { formatNumber, name, PdfRef, serialize } from '../../../lib/pdf/objects';
import { readSfnt, writeSfnt } from '../../../lib/pdf/sfnt';
import { rasterizeSvg, shippedFontPath } from '../../../lib/render';

jest.setTimeout(30_000);

const font = (): TrueTypeFont => loadTrueTypeFont(shippedFontPath());
const TEXT = '轴径 外径 (供应商 深圳精密) Shaft';

/** Sum of a font file as big-endian uint32 words: 0xB1B0AFBA when head.checkSumAdjustment is right. */
function fileChecksum(file: Buffer): number {
	let sum = 0;
	for (let i = 0; i < file.length; i += 4) sum = (sum + file.readUInt32BE(i)) >>> 0;
	return sum;
}

describe('TrueType subsetting', () => {
	it('keeps only the glyphs asked for, outlines and widths unchanged', () => {
		const source = font();
		const chars = [...new Set(TEXT)];
		const wanted = chars.map((c) => source.cmap.get(c.codePointAt(0) as number) as number);
		expect(wanted.every((g) => g > 0)).toBe(true);
		const { data, glyphs } = subsetTrueType(source, wanted);
		expect(glyphs).toEqual([0, ...wanted]);
		const subset = parseTrueType(data);
		expect(subset.numGlyphs).toBe(chars.length + 1);
		expect(subset.unitsPerEm).toBe(source.unitsPerEm);
		glyphs.forEach((original, i) => {
			const outline = source.glyph(original);
			expect(subset.glyph(i).subarray(0, outline.length)).toEqual(outline);
			expect(subset.advance(i)).toBe(source.advance(original));
		});
		// an ideograph is one em wide, a Latin letter less
		expect(subset.advance(1)).toBe(1000);
		expect(subset.advance(glyphs.indexOf(source.cmap.get(0x53) as number))).toBeLessThan(700);
		expect(fileChecksum(data)).toBe(0xb1b0afba);
		// 18 glyphs of a 10.5 MB, 30,898-glyph font
		expect(source.numGlyphs).toBe(30898);
		expect(data.length).toBeLessThan(12_000);
	});

	it('adds the components of composite glyphs, components of components too, renumbered', () => {
		// Noto Sans SC has no composite glyphs, so build a font with two: glyph 3 draws glyph 1
		// moved by (100, 0); glyph 4 draws glyph 3
		const source = font();
		const base = parseTrueType(
			subsetTrueType(source, [source.cmap.get(0x41) as number, source.cmap.get(0x42) as number])
				.data,
		);
		const composite = (component: number): Buffer => {
			const data = Buffer.alloc(18);
			data.writeInt16BE(-1, 0); // numberOfContours < 0: composite
			data.writeUInt16BE(0x0003, 10); // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, last component
			data.writeUInt16BE(component, 12);
			data.writeInt16BE(100, 14);
			return data;
		};
		const outlines = [0, 1, 2].map((g) => base.glyph(g));
		outlines.push(composite(1), composite(3));
		const padded = outlines.map((o) =>
			o.length % 4 ? Buffer.concat([o, Buffer.alloc(4 - (o.length % 4))]) : o,
		);
		const loca = Buffer.alloc(4 * (padded.length + 1));
		padded.reduce((offset, o, i) => {
			loca.writeUInt32BE(offset + o.length, 4 * (i + 1));
			return offset + o.length;
		}, 0);
		const hmtx = Buffer.alloc(4 * padded.length);
		padded.forEach((_, i) => hmtx.writeUInt16BE(base.advance(Math.min(i, 2)), 4 * i));
		const tables = new Map(base.tables);
		const maxp = Buffer.from(tables.get('maxp') as Buffer);
		maxp.writeUInt16BE(padded.length, 4);
		const hhea = Buffer.from(tables.get('hhea') as Buffer);
		hhea.writeUInt16BE(padded.length, 34);
		tables.set('glyf', Buffer.concat(padded)).set('loca', loca).set('hmtx', hmtx);
		tables.set('maxp', maxp).set('hhea', hhea);
		const built = parseTrueType(writeSfnt(tables));

		const { data, glyphs } = subsetTrueType(built, [4]);
		// 4 needs 3, 3 needs 1; 2 is left out
		expect(glyphs).toEqual([0, 4, 3, 1]);
		const subset = parseTrueType(data);
		expect(subset.glyph(1).readUInt16BE(12)).toBe(2); // glyph 4 -> its component 3, now 2
		expect(subset.glyph(2).readUInt16BE(12)).toBe(3); // glyph 3 -> its component 1, now 3
		expect(subset.glyph(3).subarray(0, outlines[1].length)).toEqual(outlines[1]);
	});

	it('reads the sfnt table directory it writes', () => {
		const tables = new Map([
			['abcd', Buffer.from([1, 2, 3])],
			['head', Buffer.alloc(54)],
		]);
		const back = readSfnt(writeSfnt(tables));
		expect([...back.keys()]).toEqual(['abcd', 'head']);
		expect(back.get('abcd')).toEqual(Buffer.from([1, 2, 3]));
		expect(() => readSfnt(Buffer.from('OTTO\0\0\0\0\0\0\0\0'))).toThrow(
			'CFF-based OpenType is not supported',
		);
	});
});

describe('PNG decoding', () => {
	it('gives back the pixels resvg drew: colours and alpha apart', () => {
		const svg =
			'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="2">' +
			'<rect x="0" width="2" height="2" fill="#ff0000"/><rect x="2" width="2" height="2" fill="#00ff00"/>' +
			'<rect x="4" width="2" height="2" fill="#0000ff" fill-opacity="0.5"/></svg>';
		const image = decodePng(rasterizeSvg(svg, { scale: 1 }));
		expect(image).toMatchObject({ width: 8, height: 2, channels: 3 });
		const pixel = (x: number, y: number) => [
			...image.color.subarray(3 * (y * 8 + x), 3 * (y * 8 + x) + 3),
			image.alpha?.[y * 8 + x],
		];
		expect(pixel(0, 0)).toEqual([255, 0, 0, 255]);
		expect(pixel(3, 1)).toEqual([0, 255, 0, 255]);
		expect(pixel(4, 1)).toEqual([0, 0, 255, 128]);
		expect(pixel(7, 0)[3]).toBe(0); // nothing drawn: transparent
	});

	it('decodes a chart-sized render', () => {
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#ffffff"/><circle cx="60" cy="30" r="25" fill="#1f3b57"/><text x="4" y="14" font-size="12">轴径 Shaft</text></svg>`;
		const png = rasterizeSvg(svg, { scale: 2 });
		const image = decodePng(png);
		expect([image.width, image.height]).toEqual([240, 120]);
		expect(image.alpha?.every((a) => a === 255)).toBe(true);
		// the circle's center is the fill colour, a corner is white
		const at = (x: number, y: number) => [
			...image.color.subarray(3 * (y * 240 + x), 3 * (y * 240 + x) + 3),
		];
		expect(at(120, 60)).toEqual([0x1f, 0x3b, 0x57]);
		expect(at(239, 119)).toEqual([255, 255, 255]);
	});

	it('undoes each scanline filter (PNG spec 9.2), by hand', () => {
		// grey 3 x 2, pixels 10 20 30 / 15 25 40, written with the filter types below
		const png = (rows: number[][]) => {
			const chunk = (type: string, body: Buffer) => {
				const head = Buffer.alloc(8);
				head.writeUInt32BE(body.length, 0);
				head.write(type, 4, 'latin1');
				const crc = Buffer.alloc(4);
				crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
				return Buffer.concat([head, body, crc]);
			};
			const ihdr = Buffer.from([0, 0, 0, 3, 0, 0, 0, 2, 8, 0, 0, 0, 0]);
			return Buffer.concat([
				Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
				chunk('IHDR', ihdr),
				chunk('IDAT', deflateSync(Buffer.from(rows.flat()))),
				chunk('IEND', Buffer.alloc(0)),
			]);
		};
		const pixels = [10, 20, 30, 15, 25, 40];
		// Sub: 10, 20-10, 30-20; Up: 15-10, 25-20, 40-30
		expect([
			...decodePng(
				png([
					[1, 10, 10, 10],
					[2, 5, 5, 10],
				]),
			).color,
		]).toEqual(pixels);
		// Average (nothing above): 10, 20-5, 30-10; Paeth picks the pixel above each time: 15-10, 25-20, 40-30
		expect([
			...decodePng(
				png([
					[3, 10, 15, 20],
					[4, 5, 5, 10],
				]),
			).color,
		]).toEqual(pixels);
		// None
		expect([
			...decodePng(
				png([
					[0, 10, 20, 30],
					[0, 15, 25, 40],
				]),
			).color,
		]).toEqual(pixels);
		expect(() =>
			decodePng(
				png([
					[5, 0, 0, 0],
					[0, 0, 0, 0],
				]),
			),
		).toThrow('PNG: unknown filter 5 on line 0');
	});

	it('refuses what it does not decode', () => {
		expect(() => decodePng(Buffer.from('not a png'))).toThrow('PNG: bad signature');
	});
});

describe('line breaking', () => {
	const mono = (s: string) => [...s].length * 10;

	it('breaks Latin text at spaces and CJK text between characters', () => {
		expect(wrapText('quality report for the customer', 120, mono)).toEqual([
			'quality',
			'report for',
			'the customer',
		]);
		expect(wrapText('轴径外径供应商深圳精密', 40, mono)).toEqual([
			'轴径外径',
			'供应商深',
			'圳精密',
		]);
		expect(wrapText('供应商 supplier 深圳', 120, mono)).toEqual(['供应商 supplier', '深圳']);
	});

	it('keeps closing punctuation off the start of a line and opening punctuation off its end', () => {
		// "，" may not start a line: it goes down with 述
		expect(wrapText('问题描述，然后', 40, mono)).toEqual(['问题描', '述，然后']);
		expect(wrapText('甲乙丙（丁）', 40, mono)).toEqual(['甲乙丙', '（丁）']);
	});

	it('breaks a word wider than the line, and keeps forced line breaks', () => {
		expect(wrapText('abcdefghij', 40, mono)).toEqual(['abcd', 'efgh', 'ij']);
		expect(wrapText('a\nb', 100, mono)).toEqual(['a', 'b']);
	});
});

describe('PDF objects and file structure', () => {
	it('writes numbers, names, strings, arrays, dictionaries (ISO 32000-1, 7.3)', () => {
		expect(formatNumber(1 / 3)).toBe('0.333');
		expect(formatNumber(-0.0001)).toBe('0');
		expect(formatNumber(12)).toBe('12');
		expect(serialize([1, 0.5, name('A'), new PdfRef(3), 'a(b)\\'])).toBe(
			'[1 0.5 /A 3 0 R (a\\(b\\)\\\\)]',
		);
		expect(serialize({ Type: name('Page'), Skip: undefined, T: '中' })).toBe(
			'<</Type /Page /T <feff4e2d>>>',
		);
		expect(() => formatNumber(NaN)).toThrow('not a finite number');
	});

	it('writes a cross-reference table whose offsets point at their objects (7.5.4)', () => {
		const doc = new PdfDocument({ font: font(), footer: (p, n) => `${p}/${n}` });
		doc.heading('标题 Title', 1);
		for (let i = 0; i < 100; i++) doc.paragraph(`第 ${i} 行 line ${i}`);
		const pdf = doc.toBuffer();
		const text = pdf.toString('latin1');
		const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
		expect(text.slice(startxref, startxref + 4)).toBe('xref');
		const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref)) as RegExpExecArray;
		const entries = text
			.slice(startxref)
			.split('\n')
			.slice(3, 2 + Number(count));
		expect(entries.length).toBe(Number(count) - 1);
		entries.forEach((entry, i) => {
			expect(entry).toMatch(/^\d{10} 00000 n\r$/);
			expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${i + 1} 0 obj\n`)).toBe(true);
		});
		expect(text).toMatch(/\/Type \/Pages \/Kids \[[^\]]+\] \/Count 3>>/);
	});

	it('writes dates as D:YYYYMMDDHHmmSS with the offset (7.9.4)', () => {
		expect(pdfDate('2026-03-02T09:15:00+08:00')).toBe("D:20260302091500+08'00'");
		expect(pdfDate('2026-03-02T09:15:00.000Z')).toBe('D:20260302091500Z');
	});

	it('continues a table row taller than a page on the next pages, inside the margins', () => {
		const doc = new PdfDocument({ font: font() });
		const tall = Array.from({ length: 150 }, (_, i) => `line ${i + 1}`).join('\n');
		doc.table(
			['Field', 'Value'],
			[
				['short', 'one line'],
				['tall', tall],
			],
		);
		const text = doc.toBuffer().toString('latin1');
		// the page content streams (the ones with text objects), inflated
		const pages = [...text.matchAll(/stream\n([\s\S]*?)\nendstream/g)]
			.map((m) => inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1'))
			.filter((content) => content.includes(' Tj ET'));
		expect(pages.length).toBeGreaterThanOrEqual(3);
		const baselines = pages.map((content) =>
			[...content.matchAll(/ ([\d.]+) ([\d.]+) Td /g)].map((m) => Number(m[2])),
		);
		// the 150 lines and their label, the first row's 2 cells, the 2 header cells on each page
		expect(baselines.flat()).toHaveLength(150 + 1 + 2 + 2 * pages.length);
		for (const ys of baselines) {
			expect(Math.min(...ys)).toBeGreaterThanOrEqual(48);
			expect(Math.max(...ys)).toBeLessThanOrEqual(841.89 - 48);
		}
	});

	it('scales an image taller than a page down to fit it', () => {
		const doc = new PdfDocument({ font: font() });
		doc.image(
			rasterizeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="400"/>', {
				scale: 1,
			}),
		);
		const content = [
			...doc
				.toBuffer()
				.toString('latin1')
				.matchAll(/stream\n([\s\S]*?)\nendstream/g),
		]
			.map((m) => inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1'))
			.find((c) => c.includes(' Do Q'));
		// 400 / 10 x 499.28 would be 19,971 pt; the page holds 745.89 pt between the margins
		expect(content).toMatch(/^q 18\.647 0 0 745\.89 48 48 cm \/Im0 Do Q$/);
	});
});
