/**
 * The report document as a list of blocks, written once and laid out three ways (HTML, plain
 * text, PDF), so every edition holds the same content. Blocks hold plain text; each renderer
 * escapes it for its medium.
 */

/** A tone that colours a row or paragraph: a met deadline, a failed check. */
export type Tone = 'good' | 'bad' | 'muted';

/** One block of the document. */
export type ReportBlock =
	| { kind: 'title'; text: string; subtitle?: string }
	| { kind: 'heading'; text: string; level: 2 | 3; note?: string; tone?: Tone }
	| { kind: 'fields'; rows: [label: string, value: string][] }
	| {
			kind: 'table';
			head: string[];
			rows: string[][];
			widths?: number[];
			tones?: (Tone | undefined)[];
	  }
	| { kind: 'paragraph'; text: string; tone?: Tone }
	| { kind: 'list'; items: string[]; numbered?: boolean }
	| { kind: 'image'; id: string; png: Buffer; alt: string; width: number; height: number };

/** The whole document: its blocks and the texts the layouts need besides them. */
export interface ReportDocument {
	language: 'en' | 'zh';
	title: string;
	blocks: ReportBlock[];
	/** "Generated ... " line for the foot of the document. */
	footer: string;
}
