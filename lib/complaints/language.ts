import { UnitKind, type Unit } from './tokenize';

/** Chinese characters per word, on average, to compare Chinese and English amounts. */
const HAN_PER_WORD = 1.7;
/** Below this share the minority language is treated as quotes/terms inside the majority. */
const MIXED_SHARE = 0.1;

/**
 * Language of a complaint from its unit stream: 'zh', 'en' or 'mixed'. Upper-case acronyms and
 * codes (PCB, PO, X200) do not make Chinese text mixed.
 *
 * @example
 * detectLanguage('客户反馈PCB板有划痕', toUnits('客户反馈PCB板有划痕')) // 'zh'
 * detectLanguage('The screen 有划痕 and the box is crushed', toUnits(...)) // 'mixed'
 */
export function detectLanguage(text: string, units: Unit[]): 'zh' | 'en' | 'mixed' {
	let han = 0;
	let english = 0;
	for (const u of units) {
		if (u.kind === UnitKind.Han) han++;
		else if (u.kind === UnitKind.Word && isProseWord(text, u.start, u.end)) english++;
	}
	const zhWords = han / HAN_PER_WORD;
	if (zhWords + english === 0) return 'en';
	const enShare = english / (english + zhWords);
	if (enShare <= MIXED_SHARE) return han > 0 ? 'zh' : 'en';
	if (enShare >= 1 - MIXED_SHARE) return 'en';
	return 'mixed';
}

/** At least two letters, no digits, not an all-capitals acronym. */
function isProseWord(text: string, start: number, end: number): boolean {
	if (end - start < 2) return false;
	let upper = 0;
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return false;
		if ((c >= 0x41 && c <= 0x5a) || (c >= 0xff21 && c <= 0xff3a)) upper++;
	}
	return upper < end - start || end - start > 5;
}
