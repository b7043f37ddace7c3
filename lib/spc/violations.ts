import type { Violation } from './types';

/**
 * Merges two violation lists that are each in point order into one list in point order
 * (the first list first at the same point).
 *
 * @example
 * mergeByIndex([{ index: 2 } as Violation], [{ index: 1 } as Violation]).map((v) => v.index); // [1, 2]
 */
export function mergeByIndex(a: Violation[], b: Violation[]): Violation[] {
	if (b.length === 0) return a;
	if (a.length === 0) return b;
	const out: Violation[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (j >= b.length || (i < a.length && a[i].index <= b[j].index)) out.push(a[i++]);
		else out.push(b[j++]);
	}
	return out;
}

/**
 * Report lists, each in point order, merged pairwise into `out` in point order (an earlier list
 * first at the same point).
 *
 * @example
 * const out: Violation[] = [];
 * mergeLists([[{ index: 3 } as Violation], [{ index: 1 } as Violation]], out); // out: indices 1, 3
 */
export function mergeLists(lists: Violation[][], out: Violation[]): void {
	let level = lists;
	while (level.length > 1) {
		const next: Violation[][] = [];
		for (let l = 0; l < level.length; l += 2)
			next.push(l + 1 < level.length ? mergeByIndex(level[l], level[l + 1]) : level[l]);
		level = next;
	}
	for (const v of level[0] ?? []) out.push(v);
}
