import { aggregate, type Aggregation } from './aggregate';
import type { DataPresence } from './metrics';
import { applyHistory } from './history';
import { periodDates, periodLabel } from './periods';
import { assignRanks, byScoreThenName, unrankedCard } from './ranking';
import { resolveScheme, type ResolvedScheme } from './scheme';
import type { Tally } from './tally';
import type {
	MetricId,
	SupplierRecord,
	SupplierReport,
	SupplierScheme,
	SupplierScore,
	UnscoredPeriod,
} from './types';
import { weighScore, type MeasuredValue } from './weighting';

/** A scored supplier-period before trend, rank and flags are known. */
interface Draft {
	card: SupplierScore;
	ordinal: number;
	critical: boolean;
}

function measure(
	t: Tally,
	scheme: ResolvedScheme,
	presence: DataPresence,
): Map<MetricId, MeasuredValue> {
	const measured = new Map<MetricId, MeasuredValue>();
	for (const { definition } of scheme.metrics) {
		measured.set(definition.id, {
			value: definition.value(t, presence),
			basis: definition.basis(t, presence),
		});
	}
	return measured;
}

/** Scores every supplier-period of an aggregation; the ones with no weighted data go to `unscored`. */
function draftAll(
	agg: Aggregation,
	scheme: ResolvedScheme,
): { drafts: Map<string, Map<number, Draft>>; unscored: UnscoredPeriod[] } {
	const presence: DataPresence = { kinds: agg.kinds };
	const drafts = new Map<string, Map<number, Draft>>();
	const unscored: UnscoredPeriod[] = [];
	for (const [supplier, periods] of agg.tallies) {
		const own = new Map<number, Draft>();
		drafts.set(supplier, own);
		for (const [ordinal, tally] of periods) {
			// Rolling windows that start in the data but end after its last month would be partial.
			if (ordinal > agg.lastOrdinal) continue;
			const period = periodLabel(scheme.period, ordinal);
			const rows = tally.rows ? { rows: tally.rows } : {};
			const weighed = weighScore(measure(tally, scheme, presence), scheme);
			if (weighed.score === null || weighed.grade === null) {
				unscored.push({
					supplier,
					period,
					reason: 'no metric of the scheme has data in this period',
					...rows,
				});
				continue;
			}
			const { start, end } = periodDates(scheme.period, ordinal);
			const card: SupplierScore = {
				...unrankedCard(
					{ supplier, period, periodStart: start, periodEnd: end },
					{
						score: weighed.score,
						grade: weighed.grade,
						metrics: weighed.metrics,
						notes: weighed.notes,
					},
				),
				...rows,
			};
			own.set(ordinal, { card, ordinal, critical: tally.criticalComplaints > 0 });
		}
	}
	return { drafts, unscored };
}

/** Trend and special status need the supplier's previous period (ordinal - 1). */
function addHistory(drafts: Map<string, Map<number, Draft>>): void {
	for (const own of drafts.values()) {
		for (const d of own.values()) applyHistory(d.card, own.get(d.ordinal - 1)?.card, d.critical);
	}
}

/** Orders by period ordinal, then score, and ranks within each period. */
function rankAndOrder(drafts: Map<string, Map<number, Draft>>): Draft[] {
	const all = [...drafts.values()].flatMap((own) => [...own.values()]);
	all.sort((a, b) => a.ordinal - b.ordinal || byScoreThenName(a.card, b.card));
	assignRanks(all.map((d) => d.card));
	return all;
}

/**
 * Scores suppliers from raw rows and says what it skipped: rows of unknown kinds (with
 * `scheme.onUnknownKind: 'skip'`), unreadable rows (with `scheme.onBadRow: 'skip'`) and
 * supplier-periods where no metric had data.
 *
 * @example
 * const report = analyzeSuppliers(rows, { period: 'quarter', onUnknownKind: 'skip' });
 * report.unknownKinds; // [{ kind: 'audit', count: 2, rows: [7, 9] }]
 */
export function analyzeSuppliers(
	records: readonly SupplierRecord[],
	scheme?: SupplierScheme,
): SupplierReport {
	const resolved = resolveScheme(scheme);
	const agg = aggregate(records, resolved);
	const { drafts, unscored } = draftAll(agg, resolved);
	addHistory(drafts);
	const ordered = rankAndOrder(drafts);
	const periods = [...new Set(ordered.map((d) => d.card.period))];
	return {
		scorecards: ordered.map((d) => d.card),
		unknownKinds: agg.unknownKinds,
		badRows: agg.badRows,
		unscored,
		periods,
	};
}

/**
 * Scores suppliers per period from raw rows (receipts, deliveries, SCARs, complaints,
 * disruptions, costs): one scorecard per supplier and period with every metric explained,
 * trend against the previous period, rank, and special-status flags. Sorted by period, then
 * rank. Rows of an unknown kind throw unless `scheme.onUnknownKind` is `skip`
 * (see {@link analyzeSuppliers} for the list of what was skipped).
 *
 * @example
 * const cards = scoreSuppliers([
 *   { kind: 'receipt', supplier: 'ACME', date: '2026-03-02', received: 1000, rejected: 0 },
 *   { kind: 'delivery', supplier: 'ACME', date: '2026-03-02', promisedDate: '2026-03-03' },
 * ], { metrics: ['ppm', 'otd'] });
 * cards[0]; // { supplier: 'ACME', period: '2026-03', score: 100, grade: 'A', ... }
 */
export function scoreSuppliers(
	records: readonly SupplierRecord[],
	scheme?: SupplierScheme,
): SupplierScore[] {
	return analyzeSuppliers(records, scheme).scorecards;
}
