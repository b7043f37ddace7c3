import { WordTokenizer } from 'natural/lib/natural/tokenizers';
import { foldText } from './fold';
import { segmentChinese } from './segmenter';
import { stemWord } from './stem';

/** What a unit of the matching stream is. */
export const enum UnitKind {
	Word = 0,
	Han = 1,
	/** End of a clause: `.`, `;`, `!`, `?`, `:`, `。`, newline. */
	Break = 2,
	/** List separator: `、`, and `,` unless Chinese follows. */
	Comma = 3,
}

/**
 * One unit of the stream the matcher runs on: an English token (as its Porter stem), one Chinese
 * character, or a punctuation mark. `start`/`end` index the original text.
 */
export interface Unit {
	key: string;
	kind: UnitKind;
	start: number;
	end: number;
	/** Word index: English tokens and jieba words count one each (filled by assignWords). */
	word: number;
}

const wordTokenizer = new WordTokenizer();
const BREAK_KEY = '\u0000.';
const COMMA_KEY = '\u0000,';

/** True for CJK unified ideographs (BMP blocks and the supplementary planes). */
export function isHanCode(cp: number): boolean {
	return (
		(cp >= 0x4e00 && cp <= 0x9fff) ||
		(cp >= 0x3400 && cp <= 0x4dbf) ||
		(cp >= 0xf900 && cp <= 0xfaff) ||
		(cp >= 0x20000 && cp <= 0x3134f)
	);
}

function punctuationKind(c: number): UnitKind | undefined {
	switch (c) {
		case 0x2e: // .
		case 0x21: // !
		case 0x3f: // ?
		case 0x3b: // ;
		case 0x3a: // :
		case 0x0a: // newline
		case 0x3002: // 。
		case 0x2026: // …
			return UnitKind.Break;
		case 0x2c: // ,
		case 0x3001: // 、
			return UnitKind.Comma;
		default:
			return undefined;
	}
}

/**
 * Turns text into the unit stream: English tokens from natural's WordTokenizer, stemmed with
 * Porter; Chinese one unit per character (so dictionary terms match whatever the segmenter
 * decides); clause punctuation as break units. Full-width and case are folded first.
 * Word indices are per unit here; call assignWords to group Chinese characters into words.
 *
 * @example
 * toUnits('Cracked，划痕').map((u) => u.key) // ['crack', '\u0000.', '划', '痕']
 */
export function toUnits(text: string): Unit[] {
	const folded = foldText(text);
	const units: Unit[] = [];
	let runStart = -1;
	let i = 0;
	while (i < folded.length) {
		const cp = folded.codePointAt(i) as number;
		const width = cp > 0xffff ? 2 : 1;
		const han = isHanCode(cp);
		const punct = han ? undefined : punctuationKind(cp);
		if (han || punct !== undefined) {
			if (runStart >= 0) pushWords(folded, runStart, i, units);
			runStart = -1;
			if (han)
				units.push({
					key: folded.slice(i, i + width),
					kind: UnitKind.Han,
					start: i,
					end: i + width,
					word: units.length,
				});
			else
				units.push({
					key: punct === UnitKind.Break ? BREAK_KEY : COMMA_KEY,
					kind: punct as UnitKind,
					start: i,
					end: i + 1,
					word: units.length,
				});
		} else if (runStart < 0) {
			runStart = i;
		}
		i += width;
	}
	if (runStart >= 0) pushWords(folded, runStart, folded.length, units);
	// Chinese separates clauses with commas and lists with 、: a comma before Chinese ends the clause.
	for (let k = 0; k + 1 < units.length; k++) {
		if (
			units[k].kind === UnitKind.Comma &&
			folded[units[k].start] === ',' &&
			units[k + 1].kind === UnitKind.Han
		) {
			units[k].kind = UnitKind.Break;
			units[k].key = BREAK_KEY;
		}
	}
	return units;
}

/** Tokenises a non-Chinese, punctuation-free run with natural and locates each token in it. */
function pushWords(folded: string, from: number, to: number, units: Unit[]): void {
	const run = folded.slice(from, to);
	let cursor = 0;
	for (const token of wordTokenizer.tokenize(run)) {
		const at = run.indexOf(token, cursor);
		if (at < 0) continue;
		cursor = at + token.length;
		units.push({
			key: stemWord(token),
			kind: UnitKind.Word,
			start: from + at,
			end: from + cursor,
			word: units.length,
		});
	}
}

/**
 * Numbers the words of a unit stream: every English token is a word; contiguous Chinese
 * characters marked in `segment` are grouped into words by jieba, any other Chinese character
 * counts as a word of its own (an upper bound on distances). Word distances measure negation
 * and intensity scope, so only the neighbourhood of a cue needs the segmenter.
 *
 * @example
 * const units = toUnits('没有划痕');
 * assignWords(units, '没有划痕', [1, 1, 1, 1]);
 * units.map((u) => u.word) // [0, 0, 1, 1]
 */
export function assignWords(units: Unit[], text: string, segment?: ArrayLike<number>): void {
	let word = -1;
	let i = 0;
	while (i < units.length) {
		if (units[i].kind !== UnitKind.Han || !segment?.[i]) {
			units[i++].word = ++word;
			continue;
		}
		let j = i;
		while (
			j + 1 < units.length &&
			segment[j + 1] &&
			units[j + 1].kind === UnitKind.Han &&
			units[j + 1].start === units[j].end
		)
			j++;
		let unit = i;
		for (const piece of segmentChinese(text.slice(units[i].start, units[j].end))) {
			word++;
			let left = piece.length;
			while (left > 0 && unit <= j) {
				units[unit].word = word;
				left -= units[unit].end - units[unit].start;
				unit++;
			}
		}
		i = j + 1;
	}
}

/**
 * Bare tokenisation of a complaint: English Porter stems and jieba words for Chinese, in order,
 * without punctuation. Features for the learned model and the benchmark baseline.
 *
 * @example
 * tokenizeComplaint('Screen cracked, 外箱破损') // ['screen', 'crack', '外', '箱', '破损']
 */
export function tokenizeComplaint(text: string): string[] {
	const units = toUnits(text);
	const tokens: string[] = [];
	let i = 0;
	while (i < units.length) {
		const unit = units[i];
		if (unit.kind === UnitKind.Word) tokens.push(unit.key);
		if (unit.kind !== UnitKind.Han) {
			i++;
			continue;
		}
		let j = i;
		while (
			j + 1 < units.length &&
			units[j + 1].kind === UnitKind.Han &&
			units[j + 1].start === units[j].end
		)
			j++;
		for (const piece of segmentChinese(foldText(text.slice(unit.start, units[j].end))))
			tokens.push(piece);
		i = j + 1;
	}
	return tokens;
}
