import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The font file the package ships (Noto Sans SC Regular, SIL Open Font License 1.1): the build
 * copies it to `dist/fonts/`; run from source, it comes from the `@expo-google-fonts/noto-sans-sc`
 * devDependency. Charts and PDFs use it so CJK and Latin text draw on a machine with no fonts.
 */
export const SHIPPED_FONT_FILE = 'NotoSansSC_400Regular.ttf';

/**
 * The family name inside {@link SHIPPED_FONT_FILE}, for SVG/vega `font` settings.
 *
 * @example
 * renderChart(spec, { fontFamily: SHIPPED_FONT_FAMILY });
 */
export const SHIPPED_FONT_FAMILY = 'Noto Sans SC';

/**
 * Path of the shipped font: `dist/fonts/` beside the compiled library, else the devDependency.
 * Throws naming both places when neither holds it (a broken install).
 *
 * @example
 * shippedFontPath(); // '/…/node_modules/n8n-nodes-qms/dist/fonts/NotoSansSC_400Regular.ttf'
 */
export function shippedFontPath(): string {
	// compiled: dist/lib/render/fonts.js -> dist/fonts; from source: lib/render -> fonts (absent)
	const shipped = join(__dirname, '..', '..', 'fonts', SHIPPED_FONT_FILE);
	if (existsSync(shipped)) return shipped;
	try {
		return require.resolve(`@expo-google-fonts/noto-sans-sc/400Regular/${SHIPPED_FONT_FILE}`);
	} catch {
		throw new Error(
			`font ${SHIPPED_FONT_FILE} not found: expected at ${shipped} (copied there by the build) or in @expo-google-fonts/noto-sans-sc`,
		);
	}
}
