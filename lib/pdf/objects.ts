import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * PDF objects and the file structure (ISO 32000-1, 7.3 Objects and 7.5 File Structure): numbers,
 * names, strings, arrays, dictionaries, streams and indirect references, written with a
 * cross-reference table and trailer.
 */

/** A name object, `/Type` (7.3.5). */
export class PdfName {
	constructor(readonly name: string) {}
}

/** An indirect reference, `12 0 R` (7.3.10). */
export class PdfRef {
	constructor(readonly id: number) {}
}

/** A string written as hex (7.3.4.3), for bytes that are not text. */
export class PdfHex {
	constructor(readonly bytes: Buffer) {}
}

/** Any direct object; a plain JS string is a literal text string (7.3.4.2). */
export type PdfValue =
	| number
	| boolean
	| null
	| string
	| PdfName
	| PdfRef
	| PdfHex
	| PdfValue[]
	| { [key: string]: PdfValue | undefined };

/**
 * Shorthand for a name object.
 *
 * @example
 * serialize({ Type: name('Page') }); // '<</Type /Page>>'
 */
export const name = (value: string): PdfName => new PdfName(value);

/**
 * A number as PDF writes it: integers plain, reals with at most 3 decimals, no exponent (7.3.3).
 *
 * @example
 * formatNumber(1 / 3); // '0.333'
 */
export function formatNumber(value: number): string {
	if (!Number.isFinite(value)) throw new Error(`PDF: not a finite number: ${value}`);
	if (Number.isInteger(value)) return String(value);
	const fixed = value.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
	return fixed === '-0' ? '0' : fixed;
}

/** A literal string with `\`, `(` and `)` escaped; text beyond printable ASCII goes as UTF-16BE with a BOM (7.9.2.2). */
function literal(text: string): string {
	if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
	const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
	return `<${utf16.toString('hex')}>`;
}

/**
 * Writes a direct object.
 *
 * @example
 * serialize([1, 0.5, name('A'), new PdfRef(3), 'a(b)']); // '[1 0.5 /A 3 0 R (a\\(b\\))]'
 */
export function serialize(value: PdfValue): string {
	if (value === null) return 'null';
	if (typeof value === 'number') return formatNumber(value);
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'string') return literal(value);
	if (value instanceof PdfName) return `/${value.name}`;
	if (value instanceof PdfRef) return `${value.id} 0 R`;
	if (value instanceof PdfHex) return `<${value.bytes.toString('hex')}>`;
	if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
	const entries = Object.entries(value).filter(([, v]) => v !== undefined);
	return `<<${entries.map(([k, v]) => `/${k} ${serialize(v as PdfValue)}`).join(' ')}>>`;
}

/**
 * Collects indirect objects and writes the file: header, body, cross-reference table, trailer
 * (7.5.2-7.5.5). Streams are Flate-compressed unless already filtered.
 *
 * @example
 * const pdf = new PdfWriter();
 * const catalog = pdf.add({ Type: name('Catalog'), Pages: pages });
 * pdf.toBuffer(catalog);
 */
export class PdfWriter {
	private readonly bodies: (Buffer | undefined)[] = [];

	/** Reserves an object number, for objects that refer to each other. */
	reserve(): PdfRef {
		this.bodies.push(undefined);
		return new PdfRef(this.bodies.length);
	}

	/** Adds a direct object as a new indirect object (or fills a reserved one). */
	add(value: PdfValue, ref: PdfRef = this.reserve()): PdfRef {
		this.bodies[ref.id - 1] = Buffer.from(serialize(value), 'latin1');
		return ref;
	}

	/** Adds a stream (7.3.8); `compress: false` for data that carries its own `Filter`. */
	addStream(
		dict: { [key: string]: PdfValue | undefined },
		data: Buffer,
		{ compress = true, ref = this.reserve() }: { compress?: boolean; ref?: PdfRef } = {},
	): PdfRef {
		const body = compress ? deflateSync(data) : data;
		const head = serialize({
			...dict,
			...(compress && { Filter: name('FlateDecode') }),
			Length: body.length,
		});
		this.bodies[ref.id - 1] = Buffer.concat([
			Buffer.from(`${head}\nstream\n`, 'latin1'),
			body,
			Buffer.from('\nendstream', 'latin1'),
		]);
		return ref;
	}

	/** The whole file; `info` is the document information dictionary (14.3.3). */
	toBuffer(root: PdfRef, info?: PdfRef): Buffer {
		const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
		let offset = parts[0].length;
		const offsets: number[] = [];
		this.bodies.forEach((body, i) => {
			if (!body) throw new Error(`PDF: object ${i + 1} was reserved but never written`);
			const object = Buffer.concat([
				Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
				body,
				Buffer.from('\nendobj\n', 'latin1'),
			]);
			offsets.push(offset);
			parts.push(object);
			offset += object.length;
		});
		const id = new PdfHex(createHash('md5').update(Buffer.concat(parts)).digest());
		const xref = [
			'xref',
			`0 ${offsets.length + 1}`,
			'0000000000 65535 f\r',
			...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r`),
			'trailer',
			serialize({ Size: offsets.length + 1, Root: root, Info: info, ID: [id, id] }),
			'startxref',
			String(offset),
			'%%EOF',
			'',
		].join('\n');
		parts.push(Buffer.from(xref, 'latin1'));
		return Buffer.concat(parts);
	}
}
