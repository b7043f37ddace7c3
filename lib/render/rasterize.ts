import { Resvg } from '@resvg/resvg-js';

import { SHIPPED_FONT_FAMILY, shippedFontPath } from './fonts';

/** Options of {@link rasterizeSvg}. */
export interface RasterizeOptions {
	/** Scale factor relative to the SVG size (default 2, crisp on high-DPI screens). */
	scale?: number;
	/** Family for text whose family is not loaded (default the shipped font's). */
	fontFamily?: string;
	/** Extra font files (TTF/OTF paths), loaded beside the shipped font. */
	fontFiles?: string[];
	/** Also use the system's fonts (default false: output does not depend on the machine). */
	systemFonts?: boolean;
}

/**
 * SVG to PNG with resvg, synchronously, drawing text with the font the package ships (and only
 * that, unless `systemFonts` is set), so CJK and Latin text look the same everywhere.
 *
 * @example
 * const png = rasterizeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><text y="15">轴径</text></svg>');
 */
export function rasterizeSvg(svg: string, options: RasterizeOptions = {}): Buffer {
	const scale = options.scale ?? 2;
	if (!(scale > 0) || !Number.isFinite(scale)) {
		throw new Error(`options.scale must be a positive number, got ${String(options.scale)}`);
	}
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: scale },
		font: {
			loadSystemFonts: options.systemFonts ?? false,
			fontFiles: [shippedFontPath(), ...(options.fontFiles ?? [])],
			defaultFontFamily: options.fontFamily ?? SHIPPED_FONT_FAMILY,
		},
	});
	return resvg.render().asPng();
}
