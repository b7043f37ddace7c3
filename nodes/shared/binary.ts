import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

/** A binary property holding UTF-8 text: an HTML mail or report, an SVG chart. */
export async function textBinary(
	this: IExecuteFunctions,
	text: string,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	return await this.helpers.prepareBinaryData(Buffer.from(text, 'utf8'), fileName, mimeType);
}

/**
 * A rendered chart as one binary property, `<baseName>.png` when PNG was asked for and rendered,
 * otherwise `<baseName>.svg`.
 */
export async function chartBinary(
	this: IExecuteFunctions,
	image: { png?: Buffer; svg: string },
	baseName: string,
	png: boolean,
): Promise<IBinaryData> {
	if (png && image.png)
		return await this.helpers.prepareBinaryData(image.png, `${baseName}.png`, 'image/png');
	return await textBinary.call(this, image.svg, `${baseName}.svg`, 'image/svg+xml');
}
