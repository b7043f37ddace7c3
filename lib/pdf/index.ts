/** A small PDF writer: flowing documents with one embedded, subset TrueType font (CJK included). */
export {
	PdfDocument,
	pdfDate,
	type PdfDocumentOptions,
	type Rgb,
	type TableOptions,
	type TextStyle,
} from './document';
export { loadTrueTypeFont, parseTrueType, type TrueTypeFont } from './trueType';
export { subsetTrueType, type FontSubset } from './subset';
export { wrapText } from './lineBreak';
export { decodePng, type DecodedPng } from './png';
