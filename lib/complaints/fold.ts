/**
 * Folds full-width forms to half-width and upper to lower case, one UTF-16 unit for one, so
 * that every offset in the folded text is also an offset in the original text.
 *
 * Characters whose lower case has another length (e.g. 'İ') are left as they are.
 *
 * @example
 * foldText('ＰＯ＃１２３ Cracked\u3000箱') // 'po#123 cracked 箱'
 */
export function foldText(text: string): string {
	let out = '';
	let runStart = 0;
	for (let i = 0; i < text.length; i++) {
		const folded = foldUnit(text.charCodeAt(i));
		if (folded === -1) continue;
		out += text.slice(runStart, i) + String.fromCharCode(folded);
		runStart = i + 1;
	}
	return out + text.slice(runStart);
}

/** Returns the folded code unit, or -1 when the unit stays as it is. */
function foldUnit(c: number): number {
	if (c >= 0x41 && c <= 0x5a) return c + 32;
	if (c < 0x80) return -1;
	// Full-width ASCII block U+FF01..U+FF5E maps onto U+0021..U+007E.
	if (c >= 0xff01 && c <= 0xff5e) {
		const half = c - 0xfee0;
		return half >= 0x41 && half <= 0x5a ? half + 32 : half;
	}
	if (c === 0x3000) return 0x20;
	// CJK, kana and hangul have no case: skip the costly generic lower-casing below.
	if (c >= 0x3001 && c < 0xa640) return -1;
	// Typographic apostrophes, so "doesn’t" matches "doesn't".
	if (c === 0x2019 || c === 0x2018) return 0x27;
	if (c >= 0xd800 && c <= 0xdfff) return -1;
	const ch = String.fromCharCode(c);
	const lower = ch.toLowerCase();
	return lower.length === 1 && lower !== ch ? lower.charCodeAt(0) : -1;
}
