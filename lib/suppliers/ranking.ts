import type { SupplierScore } from './types';

/**
 * Orders scorecards of one period: best score first, then supplier name (code-unit order, so
 * the order does not depend on the locale).
 *
 * @example
 * [b, a].sort(byScoreThenName); // higher score first
 */
export function byScoreThenName(a: SupplierScore, b: SupplierScore): number {
	return b.score - a.score || (a.supplier < b.supplier ? -1 : a.supplier > b.supplier ? 1 : 0);
}

/**
 * Sets `rank` and `rankOf` on scorecards already sorted by period and then by
 * {@link byScoreThenName}: competition ranking within each period, equal scores share a rank
 * (1, 2, 2, 4).
 *
 * @example
 * assignRanks(cards); // cards[i].rank, cards[i].rankOf filled in
 */
export function assignRanks(sorted: SupplierScore[]): void {
	for (let start = 0; start < sorted.length; ) {
		let end = start;
		while (end < sorted.length && sorted[end].period === sorted[start].period) end++;
		for (let i = start; i < end; i++) {
			const tied = i > start && sorted[i].score === sorted[i - 1].score;
			sorted[i].rank = tied ? sorted[i - 1].rank : i - start + 1;
			sorted[i].rankOf = end - start;
		}
		start = end;
	}
}

/**
 * Sorts scorecards by period label, then score, and ranks them within each period; for
 * scorecards built outside {@link scoreSuppliers} (e.g. from pre-aggregated metrics). Period
 * labels of one unit (`2026-03`, `2026-Q1`, `2026-W09`) sort in time order as text.
 *
 * @example
 * const ranked = rankScorecards(cards); // new array; rank and rankOf set on each card
 */
export function rankScorecards(cards: readonly SupplierScore[]): SupplierScore[] {
	const sorted = [...cards].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : byScoreThenName(a, b)));
	assignRanks(sorted);
	return sorted;
}
