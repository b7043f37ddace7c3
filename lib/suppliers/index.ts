/**
 * Supplier scoring: raw rows in, explained scorecards per supplier and period out.
 * Generic type names get a `Supplier` prefix here so that `lib/index.ts` can re-export every
 * engine without name clashes.
 */
export { scoreSuppliers, analyzeSuppliers } from './scoreSuppliers';
export { scoreMetrics } from './scoreMetrics';
export { scoreMetricRecord } from './metricRecord';
export type {
	MetricRecordFields as SupplierMetricRecordFields,
	ScoredMetricRecord as ScoredSupplierMetricRecord,
} from './metricRecord';
export { groupScorecards } from './groups';
export { rankAndTrend } from './ranking';
export type { RankAndTrendOptions } from './ranking';
export type { MetricsScore as SupplierMetricsScore, ScoreMetricsOptions } from './scoreMetrics';
export { curveScore } from './curves';
export {
	METRICS as SUPPLIER_METRICS,
	DEFAULT_METRICS as DEFAULT_SUPPLIER_METRICS,
} from './metrics';
export type { MetricDefinition as SupplierMetricDefinition } from './metrics';
export {
	DEFAULT_THRESHOLDS as DEFAULT_GRADE_THRESHOLDS,
	DEFAULT_FIELDS as DEFAULT_SUPPLIER_FIELDS,
	checkScheme as checkSupplierScheme,
} from './scheme';
export type { Thresholds as GradeThresholds } from './scheme';
export { scorecardHtml } from './scorecardHtml';
export type { ScorecardHtmlOptions } from './scorecardHtml';
export { scoreTrendSpec, gradeDistributionSpec, renderScorecardChart } from './scorecardChart';
export type { ScorecardChartKind, ScorecardChartOptions } from './scorecardChart';
export { SupplierRowError } from './fields';
export type {
	SupplierRecord,
	SupplierScheme,
	SupplierScore,
	SupplierReport,
	SpecialStatusFlag,
	UnknownKindReport,
	BadRowReport as SupplierBadRowReport,
	UnscoredPeriod as UnscoredSupplierPeriod,
	RecordKind as SupplierRecordKind,
	MetricId as SupplierMetricId,
	Grade as SupplierGrade,
	DateInput as SupplierDateInput,
	ScoreCurve as SupplierScoreCurve,
	PeriodSpec as SupplierPeriodSpec,
	FieldMap as SupplierFieldMap,
	MetricResult as SupplierMetricResult,
} from './types';
