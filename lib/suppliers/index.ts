/** Supplier scoring: raw rows in, explained scorecards per supplier and period out. */
export { scoreSuppliers, analyzeSuppliers } from './scoreSuppliers';
export { scoreMetrics } from './scoreMetrics';
export type { MetricsScore } from './scoreMetrics';
export { curveScore } from './curves';
export { METRICS, DEFAULT_METRICS } from './metrics';
export { DEFAULT_THRESHOLDS, DEFAULT_FIELDS } from './scheme';
export type * from './types';
