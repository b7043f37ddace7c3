/**
 * Aho-Corasick automaton over sequences of string keys (stems, Chinese characters). Matching is
 * linear in the length of the input plus the number of matches; patterns are literals, never
 * regular expressions.
 */
export class KeyAutomaton<P> {
	private readonly next: Map<string, number>[] = [new Map()];
	private readonly fail: number[] = [0];
	/** Patterns ending at each state: own outputs plus those reached by failure links. */
	private readonly out: { length: number; payload: P }[][] = [[]];
	private built = false;

	/**
	 * Adds a literal key sequence with its payload.
	 *
	 * @example
	 * const a = new KeyAutomaton<string>();
	 * a.add(['deep', 'scratch'], 'production');
	 */
	add(keys: readonly string[], payload: P): void {
		if (this.built) throw new Error('KeyAutomaton: add() after build()');
		if (keys.length === 0) return;
		let state = 0;
		for (const key of keys) {
			let to = this.next[state].get(key);
			if (to === undefined) {
				to = this.next.length;
				this.next.push(new Map());
				this.fail.push(0);
				this.out.push([]);
				this.next[state].set(key, to);
			}
			state = to;
		}
		this.out[state].push({ length: keys.length, payload });
	}

	/**
	 * Computes failure links (breadth first); call once after the last add().
	 *
	 * @example
	 * a.build();
	 */
	build(): void {
		const queue: number[] = [];
		for (const child of this.next[0].values()) queue.push(child);
		for (let head = 0; head < queue.length; head++) {
			const state = queue[head];
			for (const [key, child] of this.next[state]) {
				let f = this.fail[state];
				while (f !== 0 && !this.next[f].has(key)) f = this.fail[f];
				const target = this.next[f].get(key);
				this.fail[child] = target !== undefined && target !== child ? target : 0;
				this.out[child] = this.out[child].concat(this.out[this.fail[child]]);
				queue.push(child);
			}
		}
		this.built = true;
	}

	/**
	 * Calls `onMatch(first, last, payload)` for every pattern occurrence, with the inclusive
	 * indices of its first and last key in `keys`; `from`/`to` (inclusive) limit the scan to a
	 * stretch of `keys` without copying it.
	 *
	 * @example
	 * a.scan(['a', 'deep', 'scratch'], (first, last, p) => console.log(first, last, p)); // 1 2 'production'
	 */
	scan(
		keys: readonly string[],
		onMatch: (first: number, last: number, payload: P) => void,
		from = 0,
		to = keys.length - 1,
	): void {
		if (!this.built) throw new Error('KeyAutomaton: scan() before build()');
		let state = 0;
		for (let i = from; i <= to; i++) {
			const key = keys[i];
			let to = this.next[state].get(key);
			while (to === undefined && state !== 0) {
				state = this.fail[state];
				to = this.next[state].get(key);
			}
			state = to ?? 0;
			for (const hit of this.out[state]) onMatch(i - hit.length + 1, i, hit.payload);
		}
	}
}
