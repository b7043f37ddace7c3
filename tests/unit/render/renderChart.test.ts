import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { TopLevelSpec } from 'vega-lite';
import { decodePng } from '../../../lib/pdf';
import { renderChart, SHIPPED_FONT_FAMILY, withFont } from '../../../lib/render';

// the first render loads vega and resvg
jest.setTimeout(30_000);

const spec: TopLevelSpec = {
	width: 200,
	height: 100,
	data: {
		values: [
			{ x: 1, y: 3 },
			{ x: 2, y: 5 },
			{ x: 3, y: 4 },
		],
	},
	mark: { type: 'point', filled: true },
	encoding: {
		x: { field: 'x', type: 'quantitative', title: 'Sample' },
		y: { field: 'y', type: 'quantitative', title: 'Value' },
	},
};

/** Collects every element named `tag` in a parsed XML tree. */
function collect(
	node: unknown,
	tag: string,
	out: Record<string, unknown>[] = [],
): Record<string, unknown>[] {
	if (Array.isArray(node)) node.forEach((n) => collect(n, tag, out));
	else if (node && typeof node === 'object') {
		for (const [key, value] of Object.entries(node)) {
			if (key === tag)
				(Array.isArray(value) ? value : [value]).forEach((v) =>
					out.push(v as Record<string, unknown>),
				);
			collect(value, tag, out);
		}
	}
	return out;
}

describe('renderChart', () => {
	it('writes a well-formed SVG with one symbol per data point and the axis titles', async () => {
		const { svg, png, width, height } = await renderChart(spec);
		expect(png).toBeUndefined();
		expect(XMLValidator.validate(svg)).toBe(true);
		const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
		const symbolGroups = collect(tree, 'g').filter((g) => String(g.class).includes('mark-symbol'));
		expect(symbolGroups).toHaveLength(1);
		expect(collect(symbolGroups[0], 'path')).toHaveLength(3);
		const texts = collect(tree, 'text').map((t) => (typeof t === 'object' ? t['#text'] : t));
		expect(texts).toEqual(expect.arrayContaining(['Sample', 'Value']));
		// plot area 200x100 plus axes: the document is larger than the plot but not absurdly so
		expect(width).toBeGreaterThan(200);
		expect(width).toBeLessThan(300);
		expect(height).toBeGreaterThan(100);
		expect(height).toBeLessThan(200);
	});

	it('names the font on every text so the rasteriser can draw it', async () => {
		const { svg } = await renderChart(spec);
		const fonts = [...svg.matchAll(/<text[^>]*font-family="([^"]+)"/g)].map((m) => m[1]);
		expect(fonts.length).toBeGreaterThan(0);
		expect(new Set(fonts)).toEqual(new Set([SHIPPED_FONT_FAMILY]));
	});

	it('rasterises to a PNG of the SVG size times the scale', async () => {
		const { png, width, height } = await renderChart(spec, { png: true, scale: 2 });
		expect(png).toBeInstanceOf(Buffer);
		const bytes = png as Buffer;
		expect(bytes.subarray(0, 8)).toEqual(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		);
		expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
		expect(bytes.readUInt32BE(16)).toBe(Math.ceil(width * 2));
		expect(bytes.readUInt32BE(20)).toBe(Math.ceil(height * 2));
	});

	it('keeps a font the spec already sets', () => {
		expect(
			withFont({ ...spec, config: { font: 'Liberation Sans' } }, 'DejaVu Sans').config,
		).toEqual({
			font: 'Liberation Sans',
		});
		expect(withFont(spec, 'DejaVu Sans').config).toEqual({ font: 'DejaVu Sans' });
	});

	it('rejects a non-positive scale', async () => {
		await expect(renderChart(spec, { png: true, scale: 0 })).rejects.toThrow('options.scale');
	});

	describe('text with system fonts turned off (the shipped font only)', () => {
		/** The title band of a chart rendered with `title`, as grey levels (0 = white). */
		async function titleInk(title: string): Promise<number[]> {
			const { png } = await renderChart({ ...spec, title }, { png: true, scale: 2 });
			const { width, color, alpha } = decodePng(png as Buffer);
			const rows = 30; // the title sits in the top 15 px of the SVG
			const ink: number[] = [];
			for (let i = 0; i < width * rows; i++) {
				const a = alpha ? alpha[i] / 255 : 1;
				ink.push(Math.round(a * (255 - (color[3 * i] + color[3 * i + 1] + color[3 * i + 2]) / 3)));
			}
			return ink;
		}
		const inked = (ink: number[]) => ink.filter((v) => v > 64).length;

		it('draws Chinese glyphs: the same characters in another order give another image', async () => {
			// Missing glyphs would be drawn as nothing or as identical boxes, so both orders would match.
			const title = await titleInk('轴径 外径 (供应商 深圳精密)');
			const reordered = await titleInk('深圳精密 (供应商 轴径 外径)');
			expect(inked(title)).toBeGreaterThan(1500);
			expect(title).not.toEqual(reordered);
			// same glyphs, so about the same ink in total
			expect(Math.abs(inked(title) - inked(reordered)) / inked(title)).toBeLessThan(0.1);
		});

		it('draws Latin glyphs the same way', async () => {
			const title = await titleInk('Shaft diameter');
			expect(inked(title)).toBeGreaterThan(600);
			expect(title).not.toEqual(await titleInk('diameter Shaft'));
		});

		it('finds little ink in the band of a chart without a title (the measure can fail)', async () => {
			// only the top of the plot frame reaches into the band (measured 114 px; with titles 2382 and 1086)
			expect(inked(await titleInk(''))).toBeLessThan(300);
		});
	});
});
