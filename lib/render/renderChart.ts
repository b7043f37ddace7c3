import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import { SHIPPED_FONT_FAMILY } from './fonts';
import { rasterizeSvg, type RasterizeOptions } from './rasterize';

/**
 * Font used when the spec does not name one: the font the package ships (Latin and CJK), so a
 * chart draws the same on a machine with no fonts at all (n8n's Alpine image).
 *
 * @example
 * renderChart(spec, { fontFamily: DEFAULT_FONT_FAMILY });
 */
export const DEFAULT_FONT_FAMILY = SHIPPED_FONT_FAMILY;

/** Options of {@link renderChart}; the PNG step takes those of {@link rasterizeSvg}. */
export interface RenderOptions extends RasterizeOptions {
	/** Also rasterise the SVG to PNG (default false). */
	png?: boolean;
}

/** A rendered chart. */
export interface RenderedChart {
	/** Standalone SVG document. */
	svg: string;
	/** PNG bytes, present when `options.png` was true. */
	png?: Buffer;
	/** Pixel size of the SVG (the PNG is this times `scale`). */
	width: number;
	height: number;
}

/**
 * Adds a font family to the spec's config unless it sets one, so every text mark names a font
 * that the PNG rasteriser can find (resvg draws no text for unknown families).
 *
 * @example
 * withFont({ mark: 'point' }, 'DejaVu Sans').config; // { font: 'DejaVu Sans' }
 */
export function withFont(spec: TopLevelSpec, fontFamily: string): TopLevelSpec {
	const config = spec.config ?? {};
	if (config.font !== undefined) return spec;
	return { ...spec, config: { ...config, font: fontFamily } };
}

/**
 * Renders a vega-lite spec to SVG (and optionally PNG) on the server: vega-lite compiles it,
 * a headless vega View (renderer 'none') writes the SVG, and resvg rasterises it.
 *
 * @example
 * const { svg, png } = await renderChart(
 *   { data: { values: [{ x: 1, y: 2 }] }, mark: 'point',
 *     encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
 *   { png: true },
 * );
 */
export async function renderChart(
	spec: TopLevelSpec,
	options: RenderOptions = {},
): Promise<RenderedChart> {
	const fontFamily = options.fontFamily ?? DEFAULT_FONT_FAMILY;
	const vegaSpec = compile(withFont(spec, fontFamily)).spec;
	const view = new View(parse(vegaSpec), { renderer: 'none' });
	let svg: string;
	try {
		svg = await view.toSVG();
	} finally {
		view.finalize();
	}
	const { width, height } = svgSize(svg);
	if (!options.png) return { svg, width, height };
	const png = rasterizeSvg(svg, { ...options, fontFamily });
	return { svg, png, width, height };
}

/** Reads width/height from the root element that vega writes. */
function svgSize(svg: string): { width: number; height: number } {
	const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
	const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1] ?? NaN);
	const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1] ?? NaN);
	return { width, height };
}
