import { inflateSync } from 'node:zlib';

/**
 * PNG decoding for embedding as a PDF image (PNG spec, ISO/IEC 15948: chunks, zlib data, scanline
 * filters 0-4): 8-bit grey, grey+alpha, RGB and RGBA, not interlaced. The alpha channel comes
 * apart, as a PDF soft mask (ISO 32000-1, 11.6.5.3) must be a separate image.
 */
export interface DecodedPng {
	width: number;
	height: number;
	/** Colour samples, `channels` bytes per pixel, no filter bytes. */
	color: Buffer;
	channels: 1 | 3;
	/** One byte per pixel, when the PNG had alpha. */
	alpha?: Buffer;
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Paeth predictor (PNG spec 9.4). */
function paeth(a: number, b: number, c: number): number {
	const p = a + b - c;
	const pa = Math.abs(p - a);
	const pb = Math.abs(p - b);
	const pc = Math.abs(p - c);
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes a PNG; throws for the kinds it does not support (palette, 16-bit, interlaced).
 *
 * @example
 * const { width, height, color, alpha } = decodePng(chart.png);
 */
export function decodePng(file: Buffer): DecodedPng {
	if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('PNG: bad signature');
	let p = 8;
	let width = 0;
	let height = 0;
	let type = -1;
	const data: Buffer[] = [];
	while (p < file.length) {
		const length = file.readUInt32BE(p);
		const kind = file.toString('latin1', p + 4, p + 8);
		const body = file.subarray(p + 8, p + 8 + length);
		if (kind === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			type = body[9];
			if (body[8] !== 8 || CHANNELS[type] === undefined || body[12] !== 0)
				throw new Error(
					`PNG: only 8-bit grey/RGB(A), non-interlaced images are supported (bit depth ${body[8]}, colour type ${type}, interlace ${body[12]})`,
				);
		} else if (kind === 'IDAT') data.push(body);
		else if (kind === 'IEND') break;
		p += 12 + length;
	}
	const bpp = CHANNELS[type];
	const raw = inflateSync(Buffer.concat(data));
	const stride = width * bpp;
	const pixels = Buffer.alloc(stride * height);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
		const out = y * stride;
		for (let x = 0; x < stride; x++) {
			const left = x >= bpp ? pixels[out + x - bpp] : 0;
			const up = y > 0 ? pixels[out - stride + x] : 0;
			const corner = y > 0 && x >= bpp ? pixels[out - stride + x - bpp] : 0;
			const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, corner)][filter];
			if (predictor === undefined) throw new Error(`PNG: unknown filter ${filter} on line ${y}`);
			pixels[out + x] = (line[x] + predictor) & 0xff;
		}
	}
	const channels = bpp >= 3 ? 3 : 1;
	if (bpp === channels) return { width, height, color: pixels, channels };
	const color = Buffer.alloc(width * height * channels);
	const alpha = Buffer.alloc(width * height);
	for (let i = 0; i < width * height; i++) {
		pixels.copy(color, i * channels, i * bpp, i * bpp + channels);
		alpha[i] = pixels[i * bpp + channels];
	}
	return { width, height, color, channels, alpha };
}
