import { applyHistory } from './history';
import type { Grade, MetricResult, SupplierScore } from './types';

/**
 * A scorecard before ranking: rank, special status and flags are left for {@link rankAndTrend}.
 *
 * @example
 * unrankedCard({ supplier: 'Acme', period: '2026-03', periodStart: '', periodEnd: '' }, { score: 75, grade: 'C', metrics: [], notes: [] }).rank; // 0
 */
export function unrankedCard(
	where: Pick<SupplierScore, 'supplier' | 'period' | 'periodStart' | 'periodEnd'>,
	scored: { score: number; grade: Grade; metrics: MetricResult[]; notes: string[] },
): SupplierScore {
	return {
		...where,
		score: scored.score,
		grade: scored.grade,
		metrics: scored.metrics,
		rank: 0,
		rankOf: 0,
		specialStatus: false,
		flags: [],
		notes: scored.notes,
	};
}

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

/** Options of {@link rankAndTrend}. */
export interface RankAndTrendOptions {
	/** Whether a scorecard's period had a critical complaint (flag `critical_complaint`). */
	critical?: (card: SupplierScore) => boolean;
}

/**
 * Finishes scorecards built outside {@link scoreSuppliers} (e.g. from pre-aggregated metrics):
 * sorts them by period label, then score; ranks them within each period; and sets trend and
 * special status against the supplier's scorecard of the previous period label present.
 * Period labels of one unit (`2026-03`, `2026-Q1`, `2026-W09`) sort in time order as text.
 * A supplier listed twice in one period keeps the last one as "previous" for the next period.
 *
 * @example
 * const done = rankAndTrend(cards, { critical: (c) => c.supplier === 'ACME' }); // new array
 */
export function rankAndTrend(
	cards: readonly SupplierScore[],
	options: RankAndTrendOptions = {},
): SupplierScore[] {
	const sorted = [...cards].sort((a, b) =>
		a.period < b.period ? -1 : a.period > b.period ? 1 : byScoreThenName(a, b),
	);
	assignRanks(sorted);
	const periods = [...new Set(sorted.map((c) => c.period))];
	const previousPeriod = new Map(periods.map((p, i) => [p, periods[i - 1]]));
	const byPeriod = new Map<string, Map<string, SupplierScore>>(periods.map((p) => [p, new Map()]));
	for (const c of sorted) byPeriod.get(c.period)?.set(c.supplier, c);
	for (const c of sorted) {
		const before = previousPeriod.get(c.period);
		const previous = before === undefined ? undefined : byPeriod.get(before)?.get(c.supplier);
		applyHistory(c, previous, options.critical?.(c) ?? false);
	}
	return sorted;
}
