import { validateCurve } from './curves';
import { DEFAULT_METRICS, METRICS, type MetricDefinition } from './metrics';
import { periodScheme, type PeriodScheme } from './periods';
import type { DateInput, FieldMap, MetricId, ScoreCurve, SupplierScheme } from './types';

/** One metric of a resolved scheme. */
export interface SchemeMetric {
	definition: MetricDefinition;
	curve: ScoreCurve;
	/** Relative weight as given (or defaulted). */
	weight: number;
}

/** Grade thresholds: lowest score of A, B and C. */
export interface Thresholds {
	A: number;
	B: number;
	C: number;
}

/** A scheme with every default filled in and every field checked. */
export interface ResolvedScheme {
	metrics: SchemeMetric[];
	thresholds: Thresholds;
	period: PeriodScheme;
	zone: string;
	otdToleranceDays: number;
	scarDueDays: number;
	scarResponseDays: number;
	asOf: DateInput | undefined;
	fields: FieldMap;
	onUnknownKind: 'error' | 'skip';
	onBadRow: 'error' | 'skip';
	trackRows: boolean;
}

/**
 * Default grade thresholds (A >= 90, B >= 80, C >= 70, else D).
 *
 * @example
 * DEFAULT_THRESHOLDS.B; // 80
 */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = { A: 90, B: 80, C: 70 };

/**
 * Default field names of the raw rows (the contract's names).
 *
 * @example
 * DEFAULT_FIELDS.promisedDate; // 'promisedDate'
 */
export const DEFAULT_FIELDS: Readonly<FieldMap> = {
	kind: 'kind',
	supplier: 'supplier',
	date: 'date',
	received: 'received',
	rejected: 'rejected',
	promisedDate: 'promisedDate',
	dueAt: 'dueAt',
	respondedAt: 'respondedAt',
	closedAt: 'closedAt',
	severity: 'severity',
	amount: 'amount',
	category: 'category',
};

/** Reads an own property only, so `__proto__` or inherited names never leak in. */
function own<T>(obj: object | undefined, key: string): T | undefined {
	return obj !== undefined && Object.prototype.hasOwnProperty.call(obj, key)
		? (obj as Record<string, T>)[key]
		: undefined;
}

function checkKeys(
	obj: object | undefined,
	where: string,
	allowed: (key: string) => boolean,
): void {
	if (obj === undefined) return;
	if (obj === null || typeof obj !== 'object') throw new Error(`${where} must be an object`);
	for (const key of Object.keys(obj)) {
		if (!allowed(key)) throw new Error(`${where}: unknown key "${key}"`);
	}
}

function wholeDays(value: number | undefined, fallback: number, where: string): number {
	if (value === undefined) return fallback;
	if (!Number.isInteger(value) || value < 0)
		throw new Error(`${where} must be a whole number of days >= 0, got ${JSON.stringify(value)}`);
	return value;
}

function resolveMetrics(scheme: SupplierScheme): SchemeMetric[] {
	const ids = scheme.metrics ?? DEFAULT_METRICS;
	if (!Array.isArray(ids) || ids.length === 0)
		throw new Error('scheme.metrics must be a non-empty array of metric ids');
	const seen = new Set<string>();
	const isMetric = (key: string) => METRICS.has(key as MetricId);
	checkKeys(scheme.weights, 'scheme.weights', isMetric);
	checkKeys(scheme.curves, 'scheme.curves', isMetric);
	const metrics = ids.map((id, i) => {
		const definition = METRICS.get(id);
		if (!definition)
			throw new Error(
				`scheme.metrics[${i}]: unknown metric "${String(id)}"; known: ${[...METRICS.keys()].join(', ')}`,
			);
		if (seen.has(id)) throw new Error(`scheme.metrics[${i}]: "${id}" is listed twice`);
		seen.add(id);
		const weight = own<number>(scheme.weights, id) ?? definition.weight;
		if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
			throw new Error(`scheme.weights.${id} must be a number >= 0, got ${JSON.stringify(weight)}`);
		}
		const curve = own<ScoreCurve>(scheme.curves, id) ?? definition.curve;
		validateCurve(id, curve);
		return { definition, curve, weight };
	});
	if (!metrics.some((m) => m.weight > 0))
		throw new Error('scheme.weights: at least one metric needs a weight above 0');
	return metrics;
}

function resolveThresholds(given: SupplierScheme['thresholds']): Thresholds {
	checkKeys(given, 'scheme.thresholds', (key) => key === 'A' || key === 'B' || key === 'C');
	const t: Thresholds = {
		A: own<number>(given, 'A') ?? DEFAULT_THRESHOLDS.A,
		B: own<number>(given, 'B') ?? DEFAULT_THRESHOLDS.B,
		C: own<number>(given, 'C') ?? DEFAULT_THRESHOLDS.C,
	};
	for (const grade of ['A', 'B', 'C'] as const) {
		const v = t[grade];
		if (typeof v !== 'number' || !(v >= 0 && v <= 100))
			throw new Error(
				`scheme.thresholds.${grade} must be a number within 0..100, got ${JSON.stringify(v)}`,
			);
	}
	if (!(t.A >= t.B && t.B >= t.C))
		throw new Error(`scheme.thresholds must satisfy A >= B >= C, got A ${t.A}, B ${t.B}, C ${t.C}`);
	return t;
}

function resolveFields(given: Partial<FieldMap> | undefined): FieldMap {
	checkKeys(given, 'scheme.fields', (key) =>
		Object.prototype.hasOwnProperty.call(DEFAULT_FIELDS, key),
	);
	const fields = { ...DEFAULT_FIELDS };
	for (const key of Object.keys(DEFAULT_FIELDS) as Array<keyof FieldMap>) {
		const name = own<string>(given, key);
		if (name === undefined || name === '') continue;
		if (typeof name !== 'string')
			throw new Error(`scheme.fields.${key} must be a field name (string)`);
		fields[key] = name;
	}
	return fields;
}

/**
 * Fills in the defaults of a scheme and checks every field, naming the bad one in the error.
 *
 * @example
 * const s = resolveScheme({ weights: { otd: 50 }, period: 'quarter' });
 * s.metrics.find((m) => m.definition.id === 'otd')?.weight; // 50
 * s.period.unit;                                           // 'quarter'
 */
export function resolveScheme(scheme: SupplierScheme = {}): ResolvedScheme {
	if (scheme === null || typeof scheme !== 'object') throw new Error('scheme must be an object');
	const onUnknownKind = scheme.onUnknownKind ?? 'error';
	if (onUnknownKind !== 'error' && onUnknownKind !== 'skip')
		throw new Error(
			`scheme.onUnknownKind must be "error" or "skip", got ${JSON.stringify(onUnknownKind)}`,
		);
	const onBadRow = scheme.onBadRow ?? 'error';
	if (onBadRow !== 'error' && onBadRow !== 'skip')
		throw new Error(`scheme.onBadRow must be "error" or "skip", got ${JSON.stringify(onBadRow)}`);
	if (scheme.zone !== undefined && typeof scheme.zone !== 'string')
		throw new Error('scheme.zone must be a time zone name such as "Europe/Berlin"');
	const zone = scheme.zone?.trim() || 'UTC';
	return {
		metrics: resolveMetrics(scheme),
		thresholds: resolveThresholds(scheme.thresholds),
		period: periodScheme(scheme.period),
		zone,
		otdToleranceDays: wholeDays(scheme.otdToleranceDays, 0, 'scheme.otdToleranceDays'),
		scarDueDays: wholeDays(scheme.scarDueDays, 30, 'scheme.scarDueDays'),
		scarResponseDays: wholeDays(scheme.scarResponseDays, 2, 'scheme.scarResponseDays'),
		asOf: scheme.asOf,
		fields: resolveFields(scheme.fields),
		onUnknownKind,
		onBadRow,
		trackRows: scheme.trackRows === true,
	};
}

/**
 * Checks a scheme without scoring anything; throws the same errors as {@link resolveScheme}.
 *
 * @example
 * checkScheme({ thresholds: { A: 80, B: 85 } }); // throws: scheme.thresholds must satisfy A >= B >= C ...
 */
export function checkScheme(scheme: SupplierScheme): void {
	resolveScheme(scheme);
}
