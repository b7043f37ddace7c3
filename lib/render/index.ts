/** Server-side chart rendering shared by the nodes: vega-lite spec in, SVG/PNG out. */
export { renderChart, withFont, DEFAULT_FONT_FAMILY } from './renderChart';
export type { RenderOptions, RenderedChart } from './renderChart';
export { SHIPPED_FONT_FAMILY, SHIPPED_FONT_FILE, shippedFontPath } from './fonts';
export { rasterizeSvg, type RasterizeOptions } from './rasterize';
