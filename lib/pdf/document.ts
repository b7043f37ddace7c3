import { deflateSync } from 'node:zlib';

import { EmbeddedFont } from './embeddedFont';
import { wrapText } from './lineBreak';
import { formatNumber as n, name, PdfWriter, type PdfRef } from './objects';
import { decodePng, type DecodedPng } from './png';
import type { TrueTypeFont } from './trueType';

/** An RGB colour, components 0..1. */
export type Rgb = [number, number, number];

/** Options of a {@link PdfDocument}. */
export interface PdfDocumentOptions {
	font: TrueTypeFont;
	/** Page size in points (default A4, 595.28 x 841.89). */
	pageSize?: [number, number];
	/** Page margin in points (default 48). */
	margin?: number;
	/** Body text size in points (default 9.5). */
	fontSize?: number;
	/** Footer text of a page, e.g. "Page 2 of 5"; drawn once the page count is known. */
	footer?: (page: number, pages: number) => string;
	/** Document information (ISO 32000-1, 14.3.3); `creationDate` as ISO-8601. */
	info?: { title?: string; subject?: string; creationDate?: string };
	/** Document language tag for the catalog (14.9.2), e.g. 'zh-CN'. */
	language?: string;
}

/** Text style of a paragraph or cell. */
export interface TextStyle {
	size?: number;
	color?: Rgb;
	bold?: boolean;
}

/** Options of {@link PdfDocument.table}. */
export interface TableOptions {
	/** Relative column widths (default equal). */
	widths?: number[];
	/** First column in bold (label/value tables). */
	labelColumn?: boolean;
	/** Background of each body row, e.g. to mark a missed deadline. */
	rowFill?: (row: number) => Rgb | undefined;
}

const BLACK: Rgb = [0.1, 0.1, 0.1];
const RULE: Rgb = [0.7, 0.72, 0.75];
const HEAD_FILL: Rgb = [0.92, 0.93, 0.95];
const LINE_HEIGHT = 1.4;
const CELL_PAD = 3;

/** One embedded image: its XObject and its pixels. */
interface ImageEntry {
	ref: PdfRef;
	image: DecodedPng;
}

/**
 * A flowing A4 document: headings, wrapped paragraphs, tables that break across pages (repeating
 * their header row), PNG images, and page footers, written as PDF 1.7 with one embedded, subset
 * TrueType font (ISO 32000-1: 7.7.3 page tree, 8.4-8.5 graphics state and paths, 8.9 images,
 * 9.4 text objects). Bold is simulated with fill-and-stroke text (render mode 2, 9.3.6) since one
 * font weight is shipped.
 *
 * @example
 * const doc = new PdfDocument({ font: loadTrueTypeFont(shippedFontPath()) });
 * doc.heading('8D 报告 8D report', 1);
 * doc.paragraph('问题描述 Problem description');
 * const pdf = doc.toBuffer();
 */
export class PdfDocument {
	private readonly pdf = new PdfWriter();
	private readonly font: EmbeddedFont;
	private readonly fontRef: PdfRef;
	private readonly pages: string[][] = [];
	private readonly images: ImageEntry[] = [];
	private readonly width: number;
	private readonly height: number;
	private readonly margin: number;
	private readonly size: number;
	/** Baseline cursor: the top of the next block, from the bottom of the page. */
	private y = 0;

	constructor(private readonly options: PdfDocumentOptions) {
		this.font = new EmbeddedFont(options.font);
		this.fontRef = this.pdf.reserve();
		[this.width, this.height] = options.pageSize ?? [595.28, 841.89];
		this.margin = options.margin ?? 48;
		this.size = options.fontSize ?? 9.5;
		this.newPage();
	}

	/** Width between the margins. */
	get contentWidth(): number {
		return this.width - 2 * this.margin;
	}

	/** Starts a new page. */
	newPage(): void {
		this.pages.push([]);
		this.y = this.height - this.margin;
	}

	/** Vertical space in points (a page break when it would not fit). */
	space(points: number): void {
		if (this.y - points < this.bottom) this.newPage();
		else this.y -= points;
	}

	/** A heading; a level-1 heading draws a rule under it. It stays with a few lines of what follows. */
	heading(text: string, level: 1 | 2 | 3 = 2): void {
		const size = [0, 16, 12.5, 10.5][level];
		this.ensure(size * LINE_HEIGHT + 60);
		this.space(level === 1 ? 0 : size * 0.6);
		this.lines(
			wrapText(text, this.contentWidth, (s) => this.font.width(s, size)),
			this.margin,
			{
				size,
				bold: true,
				color: [0.08, 0.2, 0.36],
			},
		);
		if (level === 1) {
			this.line(
				this.margin,
				this.y + 2,
				this.width - this.margin,
				this.y + 2,
				[0.08, 0.2, 0.36],
				1,
			);
			this.y -= 6;
		}
		this.y -= 2;
	}

	/** A wrapped paragraph. */
	paragraph(text: string, style: TextStyle = {}, indent = 0): void {
		const size = style.size ?? this.size;
		const width = this.contentWidth - indent;
		this.lines(
			wrapText(text, width, (s) => this.font.width(s, size)),
			this.margin + indent,
			style,
		);
		this.y -= size * 0.35;
	}

	/** A bulleted list. */
	list(items: readonly string[], style: TextStyle = {}): void {
		const size = style.size ?? this.size;
		for (const item of items) {
			const lines = wrapText(item, this.contentWidth - 12, (s) => this.font.width(s, size));
			this.ensure(size * LINE_HEIGHT);
			this.text('•', this.margin + 2, this.y - size, size, style);
			this.lines(lines, this.margin + 12, style);
		}
		this.y -= size * 0.35;
	}

	/** A table with an optional header row (repeated after a page break). */
	table(
		head: readonly string[] | undefined,
		rows: readonly (readonly string[])[],
		options: TableOptions = {},
	): void {
		const columns = head?.length ?? rows[0]?.length ?? 0;
		if (columns === 0) return;
		const weights = options.widths ?? Array(columns).fill(1);
		const total = weights.reduce((a, b) => a + b, 0);
		const widths = weights.map((w) => (w / total) * this.contentWidth);
		const size = this.size - 0.5;
		const layout = (cells: readonly string[]) =>
			cells.map((cell, i) =>
				wrapText(cell, widths[i] - 2 * CELL_PAD, (s) => this.font.width(s, size)),
			);
		const rowHeight = (lines: string[][]) =>
			Math.max(...lines.map((l) => l.length)) * size * LINE_HEIGHT + 2 * CELL_PAD;
		const headLines = head ? layout(head) : undefined;
		const lineHeight = size * LINE_HEIGHT;
		/** Draws a row that fits in the space left on the page. */
		const drawPart = (lines: string[][], fill: Rgb | undefined, bold: (col: number) => boolean) => {
			const h = rowHeight(lines);
			const top = this.y;
			if (fill) this.rect(this.margin, top - h, this.contentWidth, h, fill);
			let x = this.margin;
			lines.forEach((cell, col) => {
				cell.forEach((line, i) =>
					this.text(line, x + CELL_PAD, top - CELL_PAD - (i + 1) * lineHeight + size * 0.3, size, {
						bold: bold(col),
					}),
				);
				x += widths[col];
			});
			this.line(this.margin, top - h, this.width - this.margin, top - h, RULE, 0.5);
			this.y = top - h;
		};
		const drawHead = () => {
			if (!headLines) return;
			this.line(this.margin, this.y, this.width - this.margin, this.y, RULE, 0.5);
			drawPart(headLines, HEAD_FILL, () => true);
		};
		/** Draws a row, continuing it on the next pages (header repeated) while it does not fit. */
		const drawRow = (lines: string[][], fill: Rgb | undefined, bold: (col: number) => boolean) => {
			let rest = lines;
			for (;;) {
				const room = Math.floor((this.y - this.bottom - 2 * CELL_PAD) / lineHeight);
				if (rowHeight(rest) <= this.y - this.bottom) return drawPart(rest, fill, bold);
				if (room >= 1)
					drawPart(
						rest.map((cell) => cell.slice(0, room)),
						fill,
						bold,
					);
				rest = rest.map((cell) => cell.slice(Math.max(room, 0)));
				this.newPage();
				drawHead();
			}
		};
		const pageRoom = this.height - 2 * this.margin - (headLines ? rowHeight(headLines) : 0);
		this.ensure(
			(headLines ? rowHeight(headLines) : 0) +
				(rows[0] ? Math.min(rowHeight(layout(rows[0])), pageRoom / 4) : 0),
		);
		drawHead();
		if (!headLines) this.line(this.margin, this.y, this.width - this.margin, this.y, RULE, 0.5);
		rows.forEach((row, index) => {
			const lines = layout(row);
			// a row that fits on a page starts on a new one rather than split; a taller one is split
			if (rowHeight(lines) <= pageRoom && this.y - rowHeight(lines) < this.bottom) {
				this.newPage();
				drawHead();
			}
			drawRow(lines, options.rowFill?.(index), (col) => col === 0 && options.labelColumn === true);
		});
		this.y -= this.size * 0.8;
	}

	/** A PNG image scaled to `width` points (default and at most: the content width and height). */
	image(png: Buffer, width?: number): void {
		const image = decodePng(png);
		const fullHeight = this.height - 2 * this.margin;
		let w = Math.min(width ?? this.contentWidth, this.contentWidth);
		let h = (image.height / image.width) * w;
		if (h > fullHeight) [w, h] = [(w * fullHeight) / h, fullHeight];
		this.ensure(h);
		const index = this.images.length;
		this.images.push({ ref: this.pdf.reserve(), image });
		this.page.push(`q ${n(w)} 0 0 ${n(h)} ${n(this.margin)} ${n(this.y - h)} cm /Im${index} Do Q`);
		this.y -= h + this.size * 0.6;
	}

	/** The finished file. */
	toBuffer(): Buffer {
		const { pdf } = this;
		const pagesRef = pdf.reserve();
		const footer = this.options.footer;
		const count = this.pages.length;
		const xObjects: Record<string, PdfRef> = {};
		this.images.forEach((image, i) => {
			this.writeImage(image);
			xObjects[`Im${i}`] = image.ref;
		});
		const resources = {
			Font: { F1: this.fontRef },
			...(this.images.length && { XObject: xObjects }),
		};
		const kids = this.pages.map((ops, i) => {
			if (footer) {
				const text = footer(i + 1, count);
				const size = this.size - 1.5;
				const x = this.width - this.margin - this.font.width(text, size);
				ops.push(this.textOp(text, x, this.margin / 2, size, { color: [0.4, 0.4, 0.45] }));
			}
			const content = pdf.addStream({}, Buffer.from(ops.join('\n'), 'latin1'));
			return pdf.add({
				Type: name('Page'),
				Parent: pagesRef,
				MediaBox: [0, 0, this.width, this.height],
				Resources: resources,
				Contents: content,
			});
		});
		pdf.add({ Type: name('Pages'), Kids: kids, Count: count }, pagesRef);
		this.font.write(pdf, this.fontRef);
		const catalog = pdf.add({
			Type: name('Catalog'),
			Pages: pagesRef,
			Lang: this.options.language,
		});
		const info = this.options.info ?? {};
		const infoRef = pdf.add({
			Title: info.title,
			Subject: info.subject,
			Producer: 'n8n-nodes-qms',
			CreationDate: info.creationDate ? pdfDate(info.creationDate) : undefined,
		});
		return pdf.toBuffer(catalog, infoRef);
	}

	/** Bottom edge of the text area (room left for the footer). */
	private get bottom(): number {
		return this.margin;
	}

	private get page(): string[] {
		return this.pages[this.pages.length - 1];
	}

	/** A page break unless `height` points still fit. */
	private ensure(height: number): void {
		if (this.y - height < this.bottom) this.newPage();
	}

	/** Lines of text from the cursor down, breaking pages between lines. */
	private lines(lines: readonly string[], x: number, style: TextStyle): void {
		const size = style.size ?? this.size;
		for (const line of lines) {
			this.ensure(size * LINE_HEIGHT);
			this.text(line, x, this.y - size, size, style);
			this.y -= size * LINE_HEIGHT;
		}
	}

	private text(text: string, x: number, y: number, size: number, style: TextStyle): void {
		this.page.push(this.textOp(text, x, y, size, style));
	}

	/** A text object: font, size, colour, position, the string as 2-byte codes (9.4); inside q/Q so the render mode and colours do not leak (8.4.2). */
	private textOp(text: string, x: number, y: number, size: number, style: TextStyle): string {
		const [r, g, b] = style.color ?? BLACK;
		const bold = style.bold ? `2 Tr ${n(size * 0.035)} w ${n(r)} ${n(g)} ${n(b)} RG ` : '';
		return `q BT /F1 ${n(size)} Tf ${n(r)} ${n(g)} ${n(b)} rg ${bold}${n(x)} ${n(y)} Td <${this.font.encode(text)}> Tj ET Q`;
	}

	private line(
		x1: number,
		y1: number,
		x2: number,
		y2: number,
		[r, g, b]: Rgb,
		width: number,
	): void {
		this.page.push(
			`${n(r)} ${n(g)} ${n(b)} RG ${n(width)} w ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S`,
		);
	}

	private rect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
		this.page.push(`${n(r)} ${n(g)} ${n(b)} rg ${n(x)} ${n(y)} ${n(w)} ${n(h)} re f`);
	}

	/** An image XObject (8.9.5) with its alpha as a soft mask, both Flate-compressed. */
	private writeImage({ ref, image }: ImageEntry): void {
		const base = {
			Type: name('XObject'),
			Subtype: name('Image'),
			Width: image.width,
			Height: image.height,
			BitsPerComponent: 8,
		};
		const mask = image.alpha
			? this.pdf.addStream({ ...base, ColorSpace: name('DeviceGray') }, deflateSync(image.alpha), {
					compress: false,
				})
			: undefined;
		this.pdf.addStream(
			{
				...base,
				ColorSpace: name(image.channels === 3 ? 'DeviceRGB' : 'DeviceGray'),
				SMask: mask,
				Filter: name('FlateDecode'),
			},
			deflateSync(image.color),
			{ compress: false, ref },
		);
	}
}

/**
 * An ISO-8601 time as a PDF date, `D:YYYYMMDDHHmmSS+HH'mm'` (7.9.4).
 *
 * @example
 * pdfDate('2026-03-02T09:15:00+08:00'); // "D:20260302091500+08'00'"
 */
export function pdfDate(iso: string): string {
	const m =
		/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
			iso,
		);
	if (!m) throw new Error(`PDF date: "${iso}" is not ISO-8601`);
	const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}'${m[7].slice(-2)}'`;
	return `D:${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}${m[6] ?? '00'}${zone}`;
}
