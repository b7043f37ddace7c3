/**
 * Masks e-mail addresses and phone numbers with `*`, keeping the text's length so keyword
 * offsets stay valid on the masked text. E-mail: the first character of the local part and
 * the domain stay. Phone: the last two digits stay. Spans in `keep` (e.g. extracted order
 * numbers) are left alone. Linear scans, no regular expressions over the input.
 *
 * @example
 * maskPii('Mail li.wei@example.com or call +86 138-1234-5678')
 * // 'Mail l*****@example.com or call +** ***-****-**78'
 */
export function maskPii(text: string, keep: { start: number; end: number }[] = []): string {
	const chars = text.split('');
	maskEmails(text, chars);
	maskPhones(text, chars, keep);
	return chars.join('');
}

const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;

function maskEmails(text: string, chars: string[]): void {
	let from = 0;
	for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
		let s = at;
		while (s > from && LOCAL.test(text[s - 1])) s--;
		let e = at + 1;
		while (e < text.length && DOMAIN.test(text[e])) e++;
		while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
		const domain = text.slice(at + 1, e);
		const dot = domain.lastIndexOf('.');
		// The next scan starts after this domain, so every character is read a bounded number of times.
		from = e;
		if (s === at || dot <= 0 || domain.length - dot - 1 < 2) continue;
		for (let i = s + 1; i < at; i++) chars[i] = '*';
	}
}

function isDigit(c: string | undefined): boolean {
	return c !== undefined && c >= '0' && c <= '9';
}

function isWordChar(c: string | undefined): boolean {
	return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

/**
 * A phone: 7 to 15 digits joined by spaces, `-`, `.`, `()` with an optional leading `+`, not
 * glued to letters or digits, and not a date such as 2026-11-23.
 */
function maskPhones(text: string, chars: string[], keep: { start: number; end: number }[]): void {
	let i = 0;
	while (i < text.length) {
		const startsHere =
			(text[i] === '+' || text[i] === '(' || isDigit(text[i])) && !isWordChar(text[i - 1]);
		if (!startsHere) {
			i++;
			continue;
		}
		let j = i;
		let digits = 0;
		let lastDigit = i;
		while (
			j < text.length &&
			(isDigit(text[j]) || ' -.()'.includes(text[j]) || (j === i && text[j] === '+'))
		) {
			if (isDigit(text[j])) {
				digits++;
				lastDigit = j;
			}
			// Two separators in a row end the number ("5 - 10 pcs").
			if (
				!isDigit(text[j]) &&
				j > i &&
				!isDigit(text[j - 1]) &&
				text[j - 1] !== '+' &&
				text[j] !== '('
			)
				break;
			j++;
		}
		const end = lastDigit + 1;
		const span = text.slice(i, end);
		const glued = isWordChar(text[end]);
		const isDate =
			/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(span) || /^\d{1,2}[-./]\d{1,2}[-./]\d{4}$/.test(span);
		const kept = keep.some((k) => k.start < end && k.end > i);
		if (digits >= 7 && digits <= 15 && !glued && !isDate && !kept) {
			let left = 2;
			for (let k = end - 1; k >= i; k--) {
				if (!isDigit(text[k])) continue;
				if (left > 0) left--;
				else chars[k] = '*';
			}
		}
		i = Math.max(end, i + 1);
	}
}
