/**
 * Finds single-word terms within one edit (insert, delete, substitute, swap of neighbours) of
 * a token, with a symmetric-delete index: lookup costs one map probe per character of the token.
 * Only keys of at least MIN_LENGTH characters take part; shorter words are too ambiguous.
 */
export class FuzzyIndex<P> {
	static readonly MIN_LENGTH = 5;
	/** Longer tokens are not words; generating their deletions would cost length squared. */
	static readonly MAX_LENGTH = 24;
	private readonly byVariant = new Map<string, Set<string>>();
	private readonly payloads = new Map<string, P[]>();
	private readonly excluded = new Set<string>();
	// Unknown words repeat across complaints; remember answers (bounded).
	private readonly memo = new Map<string, { key: string; payloads: P[] } | undefined>();

	/**
	 * Indexes a term key with its payload.
	 *
	 * @example
	 * const index = new FuzzyIndex<string>();
	 * index.add('scratch', 'production');
	 */
	add(key: string, payload: P): void {
		if (
			key.length < FuzzyIndex.MIN_LENGTH ||
			key.length > FuzzyIndex.MAX_LENGTH ||
			!/^[a-z]+$/.test(key)
		)
			return;
		const list = this.payloads.get(key);
		if (list) {
			list.push(payload);
			return;
		}
		this.payloads.set(key, [payload]);
		for (const variant of [key, ...deletions(key)]) {
			let set = this.byVariant.get(variant);
			if (!set) this.byVariant.set(variant, (set = new Set()));
			set.add(key);
		}
	}

	/**
	 * Keys that are exact words of their own (known vocabulary, real words) are never typos.
	 *
	 * @example
	 * index.exclude(['detect']);
	 */
	exclude(keys: Iterable<string>): void {
		for (const key of keys) this.excluded.add(key);
		this.memo.clear();
	}

	/**
	 * Payloads of the term one edit away from `token`; undefined when none or ambiguous.
	 *
	 * @example
	 * index.lookup('scrach') // { key: 'scratch', payloads: ['production'] }
	 */
	lookup(token: string): { key: string; payloads: P[] } | undefined {
		if (
			token.length < FuzzyIndex.MIN_LENGTH ||
			token.length > FuzzyIndex.MAX_LENGTH ||
			this.excluded.has(token) ||
			this.payloads.has(token)
		)
			return undefined;
		if (this.memo.has(token)) return this.memo.get(token);
		if (this.memo.size >= 50_000) this.memo.clear();
		const result = this.search(token);
		this.memo.set(token, result);
		return result;
	}

	private search(token: string): { key: string; payloads: P[] } | undefined {
		const found = new Set<string>();
		for (const variant of [token, ...deletions(token)]) {
			for (const key of this.byVariant.get(variant) ?? [])
				if (withinOneEdit(token, key)) found.add(key);
		}
		// Two different terms one typo away: no safe guess.
		if (found.size !== 1) return undefined;
		const key = found.values().next().value as string;
		return { key, payloads: this.payloads.get(key) as P[] };
	}
}

function deletions(word: string): string[] {
	const out: string[] = [];
	for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
	return out;
}

/**
 * True when a and b differ by at most one insertion, deletion, substitution or swap of
 * adjacent characters.
 *
 * @example
 * withinOneEdit('recieve', 'receive') // true
 */
export function withinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	const la = a.length;
	const lb = b.length;
	if (Math.abs(la - lb) > 1) return false;
	let i = 0;
	while (i < la && i < lb && a[i] === b[i]) i++;
	if (la === lb) {
		if (a.slice(i + 1) === b.slice(i + 1)) return true;
		return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
	}
	return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
