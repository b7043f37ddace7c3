import type { Violation } from './types';

/**
 * Merges two violation lists that are each in point order into one list in point order
 * (primary first at equal index).
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
