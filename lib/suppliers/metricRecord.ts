import { InputError } from '../shared/errors';
import { METRICS } from './metrics';
import { unrankedCard } from './ranking';
import { scoreMetrics } from './scoreMetrics';
import type { MetricId, SupplierScheme, SupplierScore } from './types';

/** Where a pre-aggregated record keeps its supplier, period, critical count and metric values. */
export interface MetricRecordFields {
	supplier: string;
	/** Empty: the record has no period. */
	period?: string;
	/** Empty: no critical complaint count. */
	critical?: string;
	/** Field of each metric where it differs from the metric id. */
	metrics?: Partial<Record<MetricId, string>>;
}

/** A scored record, not yet ranked, and whether it had a critical complaint. */
export interface ScoredMetricRecord {
	card: SupplierScore;
	critical: boolean;
}

const own = (record: Record<string, unknown>, field: string | undefined): unknown =>
	field && Object.prototype.hasOwnProperty.call(record, field) ? record[field] : undefined;

function criticalOf(record: Record<string, unknown>, field: string | undefined): boolean {
	const value = own(record, field);
	if (value === undefined || value === null || value === '' || value === false) return false;
	if (value === true) return true;
	const n = typeof value === 'string' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
		throw new InputError(
			`field "${field}"`,
			`must be a count >= 0 or true/false, got ${JSON.stringify(value)}`,
		);
	return n > 0;
}

/**
 * The scorecard of one record holding one supplier-period's metric values (aggregated
 * elsewhere): read by field name, scored with {@link scoreMetrics}, ranks left at 0 for
 * `rankAndTrend`. Throws an {@link InputError} naming the field at fault.
 *
 * @example
 * const { card } = scoreMetricRecord({ supplier: 'Acme', period: '2026-03', ppm: 250, otd: 0.95 }, { supplier: 'supplier', period: 'period' });
 * [card.supplier, card.period, card.score]; // ['Acme', '2026-03', 75]
 */
export function scoreMetricRecord(
	record: Record<string, unknown>,
	fields: MetricRecordFields,
	scheme?: SupplierScheme,
): ScoredMetricRecord {
	const supplierValue = own(record, fields.supplier);
	const supplier =
		typeof supplierValue === 'number'
			? String(supplierValue)
			: typeof supplierValue === 'string'
				? supplierValue.trim()
				: '';
	if (supplier === '')
		throw new InputError(
			`field "${fields.supplier}"`,
			`must be non-empty text, got ${JSON.stringify(supplierValue ?? null)}`,
		);
	const period = own(record, fields.period);
	const values = new Map<MetricId, number | null>();
	const names = new Map<MetricId, string>();
	for (const id of METRICS.keys()) {
		const mapped = fields.metrics && own(fields.metrics, id);
		const field = typeof mapped === 'string' && mapped ? mapped : id;
		names.set(id, field);
		const value = own(record, field);
		values.set(id, value === undefined ? null : (value as number | null));
	}
	const critical = criticalOf(record, fields.critical);
	const result = scoreMetrics(Object.fromEntries(values), scheme, {
		names: Object.fromEntries(names),
	});
	const card = unrankedCard(
		{
			supplier,
			period: period === undefined || period === null ? '' : String(period),
			periodStart: '',
			periodEnd: '',
		},
		result,
	);
	return { card, critical };
}
