import identifierData from './taxonomy/identifiers.json';
import { foldText } from './fold';
import type { Identifier, IdentifierPattern } from './types';

/**
 * Default identifier labels: part, lot and order numbers in English and Chinese
 * (`taxonomy/identifiers.json`).
 *
 * @example
 * defaultIdentifierPatterns.map((p) => p.kind) // ['part', 'lot', 'order']
 */
export const defaultIdentifierPatterns: IdentifierPattern[] = identifierData as IdentifierPattern[];

/** Longest value accepted after a label; also bounds the work per label. */
const MAX_VALUE = 40;
/** How far separators (`: # no.` ...) may sit between label and value. */
const MAX_GAP = 6;

/**
 * Checks identifier patterns and throws an Error naming the offending field.
 *
 * @example
 * validateIdentifierPatterns([{ kind: 'serial', shapes: ['SN-######'] }]) // ok
 */
export function validateIdentifierPatterns(
	patterns: unknown,
	field = 'identifiers',
): asserts patterns is IdentifierPattern[] {
	if (!Array.isArray(patterns))
		throw new Error(`${field} must be an array of { kind, labels?, shapes? }`);
	patterns.forEach((p: unknown, i) => {
		const at = `${field}[${i}]`;
		if (typeof p !== 'object' || p === null) throw new Error(`${at} must be an object`);
		const { kind, labels, shapes } = p as Record<string, unknown>;
		if (typeof kind !== 'string' || kind === '')
			throw new Error(`${at}.kind must be a non-empty string`);
		for (const [name, list] of [
			['labels', labels],
			['shapes', shapes],
		] as const) {
			if (list === undefined) continue;
			if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || s.trim() === '')) {
				throw new Error(`${at}.${name} must be an array of non-empty strings`);
			}
		}
		if (Array.isArray(shapes))
			shapes.forEach((s: string, j) => compileShape(s, `${at}.shapes[${j}]`));
	});
}

/**
 * The value after a label found at `labelEnd`: optional separators, then a run of letters,
 * digits and `-_/.` that contains a digit. Linear: at most MAX_GAP + MAX_VALUE characters read.
 *
 * @example
 * valueAfterLabel('Lot no.: 23A-0457, qty 5', 3) // { value: '23A-0457', start: 9, end: 17 }
 */
export function valueAfterLabel(
	text: string,
	labelEnd: number,
): { value: string; start: number; end: number } | undefined {
	const folded = foldText(text.slice(labelEnd, labelEnd + MAX_GAP + MAX_VALUE + 1));
	let i = 0;
	while (i < folded.length && i < MAX_GAP) {
		// "no" / "nr" between label and value ("PO no 4500...", "Lot no.: 23A...").
		if (
			(folded.startsWith('no', i) || folded.startsWith('nr', i)) &&
			/[\s.:#0-9]/.test(folded[i + 2] ?? '')
		)
			i += 2;
		else if (' \t:#=.-(（[：为是号'.includes(folded[i])) i++;
		else break;
	}
	const start = i;
	while (i < folded.length && i - start <= MAX_VALUE && isValueChar(folded.charCodeAt(i))) i++;
	let end = i;
	while (end > start && '-_/.'.includes(folded[end - 1])) end--;
	if (end - start < 3 || end - start > MAX_VALUE || !/[0-9]/.test(folded.slice(start, end)))
		return undefined;
	// A value glued to more letters/digits beyond the limit is something else.
	if (i < folded.length && isValueChar(folded.charCodeAt(i)) && i - start > MAX_VALUE)
		return undefined;
	return {
		value: text.slice(labelEnd + start, labelEnd + end),
		start: labelEnd + start,
		end: labelEnd + end,
	};
}

function isValueChar(c: number): boolean {
	return (
		(c >= 0x30 && c <= 0x39) ||
		(c >= 0x61 && c <= 0x7a) ||
		(c >= 0x41 && c <= 0x5a) ||
		c === 0x2d ||
		c === 0x5f ||
		c === 0x2f ||
		c === 0x2e
	);
}

type ShapeClass = 'digit' | 'letter' | 'alnum' | { literal: string };

/**
 * Compiles a fixed-length shape template (`#` digit, `A` letter, `X` letter or digit, `\`
 * escapes, other characters literal; case-insensitive). A template has no repetition or
 * alternation, so matching cannot backtrack.
 *
 * @example
 * compileShape('PO-45########', 'shape').length // 13
 */
export function compileShape(shape: string, field: string): ShapeClass[] {
	const classes: ShapeClass[] = [];
	const folded = foldText(shape);
	for (let i = 0; i < folded.length; i++) {
		const c = shape[i];
		if (c === '\\') {
			if (i + 1 >= folded.length) throw new Error(`${field}: '\\' at the end escapes nothing`);
			classes.push({ literal: folded[++i] });
		} else if (c === '#') classes.push('digit');
		else if (c === 'A') classes.push('letter');
		else if (c === 'X') classes.push('alnum');
		else classes.push({ literal: folded[i] });
	}
	if (classes.length < 3 || classes.length > MAX_VALUE)
		throw new Error(`${field} must describe 3 to ${MAX_VALUE} characters`);
	return classes;
}

function fits(cls: ShapeClass, c: string): boolean {
	if (cls === 'digit') return c >= '0' && c <= '9';
	if (cls === 'letter') return c >= 'a' && c <= 'z';
	if (cls === 'alnum') return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
	return cls.literal === c;
}

function isAlnum(c: string | undefined): boolean {
	return c !== undefined && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));
}

/**
 * Finds identifiers: values after the labels found by the classifier's matcher, and shape
 * templates tried at every word start (O(text length x template length)).
 *
 * @example
 * extractIdentifiers('PO 4500012345, lot 23A0457', [{ kind: 'order', start: 0, end: 2 }, { kind: 'lot', start: 15, end: 18 }], [])
 * // [{ kind: 'order', value: '4500012345', start: 3, end: 13 }, { kind: 'lot', value: '23A0457', start: 19, end: 26 }]
 */
export function extractIdentifiers(
	text: string,
	labels: { kind: string; start: number; end: number }[],
	patterns: IdentifierPattern[],
): Identifier[] {
	if (labels.length === 0 && !patterns.some((p) => p.shapes?.length)) return [];
	const found: Identifier[] = [];
	const taken = new Set<number>();
	for (const label of labels) {
		const value = valueAfterLabel(text, label.end);
		if (!value || taken.has(value.start)) continue;
		taken.add(value.start);
		found.push({ kind: label.kind, ...value });
	}
	const shapes = patterns.flatMap((p, i) =>
		(p.shapes ?? []).map((s, j) => ({
			kind: p.kind,
			classes: compileShape(s, `identifiers[${i}].shapes[${j}]`),
		})),
	);
	if (shapes.length > 0) {
		const folded = foldText(text);
		for (let at = 0; at < folded.length; at++) {
			if (isAlnum(folded[at - 1]) || taken.has(at)) continue;
			for (const shape of shapes) {
				const n = shape.classes.length;
				let k = 0;
				while (k < n && at + k < folded.length && fits(shape.classes[k], folded[at + k])) k++;
				if (k === n && !isAlnum(folded[at + n])) {
					found.push({ kind: shape.kind, value: text.slice(at, at + n), start: at, end: at + n });
					taken.add(at);
					break;
				}
			}
		}
	}
	return found.sort((a, b) => a.start - b.start);
}
