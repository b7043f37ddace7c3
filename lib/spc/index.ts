/** SPC engine: control charts, run rules, capability, exact chart constants, chart image specs. */
export { controlChart } from './controlChart';
export { capability, chartCapability } from './capability';
export { imrScan } from './imr';
export type { ImrScan } from './imr';
export { d2, d3, c4, chartConstants } from './constants';
export type { ChartConstants } from './constants';
export { normalCdf } from './normal';
export { resolveRules, RULE_DEFAULTS, pointsNeeded } from './rules';
export type { ResolvedRule, RuleKind } from './rules';
export { SpcInputError } from './validate';
export type {
	ChartType,
	ChartInput,
	ChartResult,
	SecondaryChart,
	Violation,
	Direction,
	RuleId,
	SignalId,
	RuleParams,
	RuleConfig,
	RuleSelection,
	NumberSeries,
	CapabilityInput,
	CapabilityResult,
} from './types';
export { explainViolations, pointFlags } from './describe';
export type { Finding, PointFlag } from './describe';
export { chartSpec } from './chartSpec';
export type { ChartSpecOptions } from './chartSpec';
