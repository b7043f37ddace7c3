import type { ActionPriority } from './types';

const AP_ORDER: Record<ActionPriority, number> = { H: 0, M: 1, L: 2 };

/** What ranking reads of a row. */
export interface Rankable {
	ap: ActionPriority;
	severity: number;
	occurrence: number;
	detection: number;
	rpn: number;
}

/**
 * Orders rows most urgent first: AP (H, M, L), then severity, occurrence, detection and RPN,
 * each descending (docs/CONTRACT.md, FMEA). Severity before occurrence follows the handbook's
 * rule that AP weighs S first, then O, then D. Ties keep their input order.
 *
 * @example
 * [lowRow, highRow].sort(compareUrgency); // [highRow, lowRow]
 */
export function compareUrgency(a: Rankable, b: Rankable): number {
	return (
		AP_ORDER[a.ap] - AP_ORDER[b.ap] ||
		b.severity - a.severity ||
		b.occurrence - a.occurrence ||
		b.detection - a.detection ||
		b.rpn - a.rpn
	);
}

/**
 * Returns the rows in urgency order with `rank` 1..n (1 = most urgent); the input is not changed.
 *
 * @example
 * rankRows([{ ap: 'L', severity: 2, occurrence: 2, detection: 2, rpn: 8 },
 *           { ap: 'H', severity: 9, occurrence: 5, detection: 5, rpn: 225 }]).map((r) => r.rank); // [1, 2], H first
 */
export function rankRows<T extends Rankable>(rows: readonly T[]): (T & { rank: number })[] {
	return rows
		.map((row, index) => ({ row, index }))
		.sort((a, b) => compareUrgency(a.row, b.row) || a.index - b.index)
		.map(({ row }, i) => ({ ...row, rank: i + 1 }));
}
