import type { Tally } from './tally';
import type { MetricId, RecordKind, ScoreCurve } from './types';

/** What the metrics know about the whole input besides one tally. */
export interface DataPresence {
	/** Row kinds that occur anywhere in the input. */
	kinds: ReadonlySet<RecordKind>;
}

/** Definition of one metric: how its value comes from a tally, and its default curve and weight. */
export interface MetricDefinition {
	id: MetricId;
	label: string;
	/** Default curve; see `curveScore`. */
	curve: ScoreCurve;
	/** Default relative weight. */
	weight: number;
	/** Value, or `null` when there is no data for it (n/a). */
	value(t: Tally, presence: DataPresence): number | null;
	/** The counts behind the value, in words. */
	basis(t: Tally, presence: DataPresence): string;
}

/**
 * Counts (complaints, disruptions, costs) have no "missing" state per supplier: a supplier
 * without complaint rows had none. They are n/a only when the input has no rows of that
 * kind at all, i.e. the source is not tracked.
 */
function counted(kind: RecordKind, presence: DataPresence, n: number): number | null {
	return presence.kinds.has(kind) ? n : null;
}

function untracked(kind: RecordKind, presence: DataPresence): string | undefined {
	return presence.kinds.has(kind) ? undefined : `no ${kind} rows in the input`;
}

function share(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null;
}

function plural(n: number, word: string, many = `${word}s`): string {
	return `${n} ${n === 1 ? word : many}`;
}

/**
 * All metrics the engine can score. Default curves (target scores 100, limit scores 0):
 * ppm 0 -> 1000; lot_acceptance 1 -> 0.9; otd 1 -> 0.8; scar_on_time and scar_response
 * 1 -> 0.5; complaints 0 -> 5; disruptions 0 -> 2; cost and premium_freight 0 -> 10000
 * (currency units). Default weights: ppm 25, lot_acceptance 10, otd 25, scar_on_time 10,
 * scar_response 5, complaints 15, disruptions 10, cost 10, premium_freight 10.
 *
 * @example
 * METRICS.get('otd')?.curve; // { target: 1, limit: 0.8 }
 */
export const METRICS: ReadonlyMap<MetricId, MetricDefinition> = new Map<MetricId, MetricDefinition>(
	(
		[
			{
				id: 'ppm',
				label: 'Quality PPM',
				curve: { target: 0, limit: 1000 },
				weight: 25,
				value: (t) => (t.received > 0 ? (t.rejected / t.received) * 1e6 : null),
				basis: (t) => `${t.rejected} rejected of ${t.received} received`,
			},
			{
				id: 'lot_acceptance',
				label: 'Lot acceptance',
				curve: { target: 1, limit: 0.9 },
				weight: 10,
				value: (t) => share(t.lotsAccepted, t.lots),
				basis: (t) => `${t.lotsAccepted} of ${plural(t.lots, 'lot')} accepted`,
			},
			{
				id: 'otd',
				label: 'On-time delivery',
				curve: { target: 1, limit: 0.8 },
				weight: 25,
				value: (t) => share(t.deliveriesOnTime, t.deliveries),
				basis: (t) =>
					`${t.deliveriesOnTime} of ${plural(t.deliveries, 'delivery', 'deliveries')} on time`,
			},
			{
				id: 'scar_on_time',
				label: 'SCAR closed on time',
				curve: { target: 1, limit: 0.5 },
				weight: 10,
				value: (t) => share(t.scarsOnTime, t.scarsDecided),
				basis: (t) =>
					`${t.scarsOnTime} of ${plural(t.scarsDecided, 'SCAR')} closed by due date; ${t.scarsPending} open, not yet due`,
			},
			{
				id: 'scar_response',
				label: 'SCAR response on time',
				curve: { target: 1, limit: 0.5 },
				weight: 5,
				value: (t) => share(t.responsesOnTime, t.responsesDecided),
				basis: (t) =>
					`${t.responsesOnTime} of ${plural(t.responsesDecided, 'SCAR')} answered in time; ${t.responsesPending} awaiting response, not yet due`,
			},
			{
				id: 'complaints',
				label: 'Complaints',
				curve: { target: 0, limit: 5 },
				weight: 15,
				value: (t, p) => counted('complaint', p, t.complaints),
				basis: (t, p) =>
					untracked('complaint', p) ??
					`${plural(t.complaints, 'complaint')}, ${t.criticalComplaints} critical`,
			},
			{
				id: 'disruptions',
				label: 'Customer disruptions',
				curve: { target: 0, limit: 2 },
				weight: 10,
				value: (t, p) => counted('disruption', p, t.disruptions),
				basis: (t, p) => untracked('disruption', p) ?? plural(t.disruptions, 'customer disruption'),
			},
			{
				id: 'cost',
				label: 'Cost of poor quality',
				curve: { target: 0, limit: 10000 },
				weight: 10,
				value: (t, p) => counted('cost', p, t.cost),
				basis: (t, p) => untracked('cost', p) ?? `${t.cost} charged`,
			},
			{
				id: 'premium_freight',
				label: 'Premium freight',
				curve: { target: 0, limit: 10000 },
				weight: 10,
				value: (t, p) => counted('cost', p, t.premiumFreight),
				basis: (t, p) => untracked('cost', p) ?? `${t.premiumFreight} premium freight`,
			},
		] satisfies MetricDefinition[]
	).map((m) => [m.id, m]),
);

/**
 * Metrics scored when the scheme names none (cost metrics are opt-in: their scale is a currency).
 *
 * @example
 * DEFAULT_METRICS.includes('otd'); // true
 */
export const DEFAULT_METRICS: readonly MetricId[] = [
	'ppm',
	'lot_acceptance',
	'otd',
	'scar_on_time',
	'scar_response',
	'complaints',
	'disruptions',
];
