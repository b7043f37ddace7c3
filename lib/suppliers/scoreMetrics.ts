import { InputError } from '../shared/errors';
import { resolveScheme } from './scheme';
import type { Grade, MetricId, MetricResult, SupplierScheme } from './types';
import { weighScore, type MeasuredValue } from './weighting';

/** Score of pre-aggregated metric values. */
export interface MetricsScore {
	score: number;
	grade: Grade;
	metrics: MetricResult[];
	notes: string[];
}

const SHARES: ReadonlySet<MetricId> = new Set<MetricId>([
	'lot_acceptance',
	'otd',
	'scar_on_time',
	'scar_response',
]);
const SIGNED: ReadonlySet<MetricId> = new Set<MetricId>(['cost', 'premium_freight']);

/** Options of {@link scoreMetrics}. */
export interface ScoreMetricsOptions {
	/** Where each value came from (e.g. the item field), named in errors instead of `values.<id>`. */
	names?: Partial<Record<MetricId, string>>;
}

function checkValue(id: MetricId, value: unknown, where: string): number | null {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return null;
	const n = typeof value === 'string' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n))
		throw new InputError(where, `must be a number, got ${JSON.stringify(value)}`);
	if (SHARES.has(id) && (n < 0 || n > 1))
		throw new InputError(where, `must be a share within 0..1, got ${n}`);
	if (!SHARES.has(id) && !SIGNED.has(id) && n < 0)
		throw new InputError(where, `must be >= 0, got ${n}`);
	return n;
}

/**
 * Scores metric values that were aggregated elsewhere (one supplier, one period). Missing or
 * null values are n/a and their weight is redistributed, as in {@link scoreSuppliers}; shares
 * are fractions 0..1; numeric text is read as a number. Throws when a value is malformed or
 * no weighted metric has a value.
 *
 * @example
 * scoreMetrics({ ppm: 250, otd: 0.95, complaints: 1 }).score;
 * // weights 25/25/15 over the metrics with data: (25*75 + 25*75 + 15*80) / 65 = 76.15
 */
export function scoreMetrics(
	values: Partial<Record<MetricId, number | null>>,
	scheme?: SupplierScheme,
	options: ScoreMetricsOptions = {},
): MetricsScore {
	if (values === null || typeof values !== 'object')
		throw new InputError('values', 'must be an object of metric values');
	const resolved = resolveScheme(scheme);
	const measured = new Map<MetricId, MeasuredValue>();
	for (const { definition } of resolved.metrics) {
		const id = definition.id;
		const raw = Object.prototype.hasOwnProperty.call(values, id) ? values[id] : undefined;
		const name =
			options.names && Object.prototype.hasOwnProperty.call(options.names, id)
				? options.names[id]
				: undefined;
		measured.set(id, {
			value: checkValue(id, raw, name ? `field "${name}"` : `values.${id}`),
			basis: 'pre-aggregated value',
		});
	}
	const weighed = weighScore(measured, resolved);
	if (weighed.score === null || weighed.grade === null) {
		throw new InputError(
			'values',
			`none of the weighted metrics (${resolved.metrics.map((m) => m.definition.id).join(', ')}) has a value`,
		);
	}
	return {
		score: weighed.score,
		grade: weighed.grade,
		metrics: weighed.metrics,
		notes: weighed.notes,
	};
}
