/** Shared types of the supplier scoring engine. */

/** Kinds of raw rows the engine understands. `premium_freight` is a `cost` row of that category. */
export type RecordKind =
	| 'receipt'
	| 'delivery'
	| 'scar'
	| 'complaint'
	| 'disruption'
	| 'cost'
	| 'premium_freight';

/** Ids of the metrics a scheme can use. */
export type MetricId =
	| 'ppm'
	| 'lot_acceptance'
	| 'otd'
	| 'scar_on_time'
	| 'scar_response'
	| 'complaints'
	| 'disruptions'
	| 'cost'
	| 'premium_freight';

/** Supplier grade. */
export type Grade = 'A' | 'B' | 'C' | 'D';

/** Why a supplier is on special status (IATF 16949 8.4.2.4). */
export type SpecialStatusFlag = 'grade_d' | 'two_periods_c' | 'critical_complaint';

/** A date as the rows carry it: ISO-8601 string, `Date`, or epoch milliseconds. */
export type DateInput = string | Date | number;

/** A raw row; field names are the defaults and can be remapped with `scheme.fields`. */
export type SupplierRecord = Record<string, unknown>;

/**
 * Score curve of one metric: `target` scores 100, `limit` scores 0, linear in between and
 * clamped outside. Lower-is-better metrics have `target < limit` (ppm: 0 -> 1000), higher-is-better
 * ones `target > limit` (otd: 1 -> 0.8). `points` (value, score) pairs, sorted by value, replace
 * the straight line with a piecewise-linear one.
 */
export interface ScoreCurve {
	target: number;
	limit: number;
	points?: Array<[number, number]>;
}

/** Period grouping. `rolling` windows are `months` long (default 3) and end in each month. */
export interface PeriodSpec {
	unit: 'week' | 'month' | 'quarter' | 'rolling';
	months?: number;
}

/** Field names of the raw rows (defaults are the contract's names). */
export interface FieldMap {
	kind: string;
	supplier: string;
	date: string;
	received: string;
	rejected: string;
	promisedDate: string;
	dueAt: string;
	respondedAt: string;
	closedAt: string;
	severity: string;
	amount: string;
	category: string;
}

/** Scoring scheme; every field is optional and defaults as documented on each one. */
export interface SupplierScheme {
	/** Metrics to score (default: ppm, lot_acceptance, otd, scar_on_time, scar_response, complaints, disruptions). */
	metrics?: MetricId[];
	/** Relative weights by metric id (any positive scale; normalised over the metrics with data). */
	weights?: Partial<Record<MetricId, number>>;
	/** Score curves by metric id, replacing the default curve of that metric. */
	curves?: Partial<Record<MetricId, ScoreCurve>>;
	/** Lowest score of each grade (default A 90, B 80, C 70; below C is D). */
	thresholds?: { A?: number; B?: number; C?: number };
	/** Period grouping (default calendar month). */
	period?: PeriodSpec | PeriodSpec['unit'];
	/** IANA time zone or fixed offset (`UTC+8`) in which dates fall into days and periods (default UTC). */
	zone?: string;
	/** Days a delivery may arrive after its promised date and still count as on time (default 0). */
	otdToleranceDays?: number;
	/** Days from opening to the due date of a SCAR without `dueAt` (default 30). */
	scarDueDays?: number;
	/** Days from opening within which a SCAR must get its first response (default 2). */
	scarResponseDays?: number;
	/** Date at which open SCARs are judged (default: the latest event in the rows: row dates, responses, closures). */
	asOf?: DateInput;
	/** Field names of the rows. */
	fields?: Partial<FieldMap>;
	/** What to do with rows of an unknown kind: throw (default) or skip them and list them in the report. */
	onUnknownKind?: 'error' | 'skip';
	/** What to do with a row that cannot be read: throw (default) or leave it out and list it in the report. */
	onBadRow?: 'error' | 'skip';
	/** List the indices of the rows behind each scorecard in `rows` (default false). */
	trackRows?: boolean;
}

/** One metric of a scorecard, explained. */
export interface MetricResult {
	id: MetricId;
	label: string;
	/** Measured value (shares are fractions 0..1), `null` when n/a. */
	value: number | null;
	/** 0..100 from the metric's curve, `null` when n/a. */
	score: number | null;
	/** Effective weight after redistribution (fractions summing to 1 over metrics with data); 0 when n/a. */
	weight: number;
	/** The scheme's weight as a fraction of all scheme weights, before redistribution. */
	nominalWeight: number;
	/** Points of the total score this metric gives (`weight * score`), `null` when n/a. */
	contribution: number | null;
	na: boolean;
	/** The counts behind the value, in words (e.g. "3 of 4 deliveries on time"). */
	basis: string;
}

/** The scorecard of one supplier in one period. */
export interface SupplierScore {
	supplier: string;
	/** Period label: `2026-03`, `2026-Q1`, `2026-W09`, or `2025-11/2026-01` for rolling windows. */
	period: string;
	/** First and last day of the period (ISO dates). */
	periodStart: string;
	periodEnd: string;
	/** 0..100, rounded to 2 decimals; the grade is taken from this rounded figure. */
	score: number;
	grade: Grade;
	metrics: MetricResult[];
	/** Score minus the score of the previous period, when the supplier was scored then. */
	trend?: number;
	previousScore?: number;
	previousGrade?: Grade;
	/** 1 = best in the period; equal scores share a rank. */
	rank: number;
	/** Number of suppliers scored in the period. */
	rankOf: number;
	specialStatus: boolean;
	flags: SpecialStatusFlag[];
	/** Plain-language notes: n/a metrics and how their weight was redistributed. */
	notes: string[];
	/** Indices of the rows used (only with `scheme.trackRows`). */
	rows?: number[];
}

/** Rows of unknown kinds that were skipped. */
export interface UnknownKindReport {
	kind: string;
	count: number;
	/** First few row indices, for finding them. */
	rows: number[];
}

/** A row left out because it could not be read. */
export interface BadRowReport {
	row: number;
	/** The field at fault as the data names it ('' when the row itself is not an object). */
	field: string;
	/** What is wrong with the field (the message without the row and field). */
	reason: string;
	message: string;
}

/** A supplier-period that had rows but no metric with data. */
export interface UnscoredPeriod {
	supplier: string;
	period: string;
	reason: string;
	rows?: number[];
}

/** Everything {@link scoreSuppliers} computes, plus what it skipped. */
export interface SupplierReport {
	scorecards: SupplierScore[];
	unknownKinds: UnknownKindReport[];
	/** Rows left out with `scheme.onBadRow: 'skip'`. */
	badRows: BadRowReport[];
	unscored: UnscoredPeriod[];
	/** Period labels in order. */
	periods: string[];
}
