import {
	amount,
	day,
	fieldError,
	isBlank,
	optionalDay,
	quantity,
	SupplierRowError,
	text,
} from './fields';
import { LocalDays } from './localDay';
import { periodOrdinal } from './periods';
import type { ResolvedScheme } from './scheme';
import { emptyTally, type Tally } from './tally';
import type { BadRowReport, RecordKind, SupplierRecord, UnknownKindReport } from './types';

/** Tallies of every supplier (by name) and period (by ordinal), from one pass over the rows. */
export interface Aggregation {
	tallies: Map<string, Map<number, Tally>>;
	/** Row kinds present in the input. */
	kinds: Set<RecordKind>;
	unknownKinds: UnknownKindReport[];
	/** Rows that could not be read (only with `scheme.onBadRow: 'skip'`). */
	badRows: BadRowReport[];
	/** Highest period ordinal holding a row's date (NaN when there are no rows). */
	lastOrdinal: number;
}

const KINDS: ReadonlySet<string> = new Set<RecordKind>([
	'receipt',
	'delivery',
	'scar',
	'complaint',
	'disruption',
	'cost',
	'premium_freight',
]);
const SEVERITIES: ReadonlySet<string> = new Set(['critical', 'major', 'minor']);
const REPORTED_ROWS = 10;

/** A SCAR waits for the whole pass: whether an open one is late depends on the latest date seen. */
interface PendingScar {
	tallies: Tally[];
	due: number;
	responseDue: number;
	closed: number | null;
	responded: number | null;
}

function categoryOf(value: unknown): string {
	return typeof value === 'string'
		? value
				.trim()
				.toLowerCase()
				.replace(/[\s-]+/g, '_')
		: '';
}

/**
 * Reads every row once and tallies it into its supplier's period(s): a rolling window takes a
 * row into each of the `span` windows that hold its date. Throws a `SupplierRowError` on the
 * first bad row, naming its index and field, unless `scheme.onBadRow` is `skip` (then the row
 * is left out whole and listed in `badRows`); rows of unknown kinds throw too unless
 * `scheme.onUnknownKind` is `skip`, in which case they are counted in `unknownKinds`.
 *
 * @example
 * const agg = aggregate([{ kind: 'receipt', supplier: 'ACME', date: '2026-03-02', received: 100, rejected: 1 }], resolveScheme());
 * agg.tallies.get('ACME')?.get(2026 * 12 + 2)?.rejected; // 1
 */
export function aggregate(records: readonly SupplierRecord[], scheme: ResolvedScheme): Aggregation {
	if (!Array.isArray(records)) throw new Error('records must be an array of rows');
	const f = scheme.fields;
	const days = new LocalDays(scheme.zone);
	const tallies = new Map<string, Map<number, Tally>>();
	const kinds = new Set<RecordKind>();
	const unknown = new Map<string, UnknownKindReport>();
	const badRows: BadRowReport[] = [];
	const scars: PendingScar[] = [];
	const span = scheme.period.span;
	let lastOrdinal = -Infinity;
	let latestDay = -Infinity;

	const talliesOf = (supplier: string, ordinal: number, row: number): Tally[] => {
		let periods = tallies.get(supplier);
		if (periods === undefined) {
			periods = new Map();
			tallies.set(supplier, periods);
		}
		const out: Tally[] = [];
		for (let k = 0; k < span; k++) {
			let t = periods.get(ordinal + k);
			if (t === undefined) {
				t = emptyTally(scheme.trackRows);
				periods.set(ordinal + k, t);
			}
			t.rows?.push(row);
			out.push(t);
		}
		return out;
	};

	/** Validates every field of row i before touching a tally, so a bad row leaves no trace. */
	const tallyRow = (r: SupplierRecord, i: number, kind: RecordKind): void => {
		const supplier = text(r[f.supplier], { row: i, field: f.supplier });
		const date = day(r[f.date], { row: i, field: f.date }, days);
		const ordinal = periodOrdinal(scheme.period, date);
		switch (kind) {
			case 'receipt': {
				const received = quantity(r[f.received], { row: i, field: f.received });
				// An empty rejected cell in an export means nothing was rejected; received must be given.
				const rejected = isBlank(r[f.rejected])
					? 0
					: quantity(r[f.rejected], { row: i, field: f.rejected });
				if (rejected > received)
					throw fieldError(
						{ row: i, field: f.rejected },
						`must not exceed "${f.received}" (${received})`,
						rejected,
					);
				for (const t of talliesOf(supplier, ordinal, i)) {
					t.received += received;
					t.rejected += rejected;
					t.lots++;
					if (rejected === 0) t.lotsAccepted++;
				}
				break;
			}
			case 'delivery': {
				const promised = day(r[f.promisedDate], { row: i, field: f.promisedDate }, days);
				const onTime = date - promised <= scheme.otdToleranceDays;
				for (const t of talliesOf(supplier, ordinal, i)) {
					t.deliveries++;
					if (onTime) t.deliveriesOnTime++;
				}
				break;
			}
			case 'scar': {
				const due =
					optionalDay(r[f.dueAt], { row: i, field: f.dueAt }, days) ?? date + scheme.scarDueDays;
				const closed = optionalDay(r[f.closedAt], { row: i, field: f.closedAt }, days);
				const responded = optionalDay(r[f.respondedAt], { row: i, field: f.respondedAt }, days);
				if (closed !== null && closed < date)
					throw fieldError(
						{ row: i, field: f.closedAt },
						`is before the opening date "${f.date}"`,
						r[f.closedAt],
					);
				if (responded !== null && responded < date)
					throw fieldError(
						{ row: i, field: f.respondedAt },
						`is before the opening date "${f.date}"`,
						r[f.respondedAt],
					);
				// Only events move the clock; due dates are plans and may lie in the future.
				for (const d of [closed, responded]) if (d !== null && d > latestDay) latestDay = d;
				scars.push({
					tallies: talliesOf(supplier, ordinal, i),
					due,
					responseDue: date + scheme.scarResponseDays,
					closed,
					responded,
				});
				break;
			}
			case 'complaint': {
				const severity = r[f.severity];
				const level = isBlank(severity) ? '' : String(severity).trim().toLowerCase();
				if (level !== '' && !SEVERITIES.has(level))
					throw fieldError(
						{ row: i, field: f.severity },
						'must be critical, major or minor',
						severity,
					);
				for (const t of talliesOf(supplier, ordinal, i)) {
					t.complaints++;
					if (level === 'critical') t.criticalComplaints++;
				}
				break;
			}
			case 'disruption':
				for (const t of talliesOf(supplier, ordinal, i)) t.disruptions++;
				break;
			case 'cost':
			case 'premium_freight': {
				const value = amount(r[f.amount], { row: i, field: f.amount });
				const premium =
					kind === 'premium_freight' || categoryOf(r[f.category]) === 'premium_freight';
				for (const t of talliesOf(supplier, ordinal, i)) {
					t.cost += value;
					if (premium) t.premiumFreight += value;
				}
				break;
			}
		}
		if (date > latestDay) latestDay = date;
		if (ordinal > lastOrdinal) lastOrdinal = ordinal;
		kinds.add(kind === 'premium_freight' ? 'cost' : kind);
	};

	for (let i = 0; i < records.length; i++) {
		const r = records[i];
		try {
			if (r === null || typeof r !== 'object')
				throw new SupplierRowError(
					i,
					'',
					`expected an object, got ${r === null ? 'null' : typeof r}`,
				);
			const kindValue = r[f.kind];
			const kind = typeof kindValue === 'string' ? kindValue.trim().toLowerCase() : '';
			if (KINDS.has(kind)) {
				tallyRow(r, i, kind as RecordKind);
				continue;
			}
			if (isBlank(kindValue))
				throw fieldError(
					{ row: i, field: f.kind },
					'is missing (receipt, delivery, scar, complaint, disruption, cost or premium_freight)',
				);
			if (scheme.onUnknownKind === 'error') {
				throw fieldError(
					{ row: i, field: f.kind },
					'is not a known kind (receipt, delivery, scar, complaint, disruption, cost, premium_freight)',
					kindValue,
				);
			}
			const label = String(kindValue);
			const report = unknown.get(label) ?? { kind: label, count: 0, rows: [] };
			report.count++;
			if (report.rows.length < REPORTED_ROWS) report.rows.push(i);
			unknown.set(label, report);
		} catch (error) {
			if (scheme.onBadRow === 'error' || !(error instanceof SupplierRowError)) throw error;
			badRows.push({
				row: error.row,
				field: error.field,
				reason: error.reason,
				message: error.message,
			});
		}
	}

	const asOf = scheme.asOf === undefined ? latestDay : days.of(scheme.asOf);
	if (asOf === null)
		throw new Error(`scheme.asOf must be an ISO-8601 date, got ${JSON.stringify(scheme.asOf)}`);
	for (const s of scars) judgeScar(s, asOf);
	return {
		tallies,
		kinds,
		unknownKinds: [...unknown.values()],
		badRows,
		lastOrdinal: Number.isFinite(lastOrdinal) ? lastOrdinal : NaN,
	};
}

/** Closed SCARs are judged by their closing day; open ones count as late once `asOf` is past due. */
function judgeScar(s: PendingScar, asOf: number): void {
	const closure =
		s.closed !== null
			? s.closed <= s.due
				? 'on_time'
				: 'late'
			: asOf > s.due
				? 'late'
				: 'pending';
	// Closing a SCAR answers it: without a response date it was answered when it was closed.
	const responded = s.responded ?? s.closed;
	const response =
		responded !== null
			? responded <= s.responseDue
				? 'on_time'
				: 'late'
			: asOf > s.responseDue
				? 'late'
				: 'pending';
	for (const t of s.tallies) {
		if (closure === 'pending') t.scarsPending++;
		else {
			t.scarsDecided++;
			if (closure === 'on_time') t.scarsOnTime++;
		}
		if (response === 'pending') t.responsesPending++;
		else {
			t.responsesDecided++;
			if (response === 'on_time') t.responsesOnTime++;
		}
	}
}
