/**
 * The 8D engine: a typed 8D record with a published JSON schema, gate rules as data, deadlines
 * with escalation, and an append-only, hash-chained history.
 */
export { advance, GateBlockedError, type AdvanceOptions } from './advance';
export { type EightDActor } from './audit';
export type { BusinessCalendar, Span } from './calendar';
export {
	checkEightDDeadlines,
	computeDeadlines,
	type DeadlineOptions,
	type DeadlineReport,
	type DeadlineState,
	type OverdueDeadline,
} from './deadlines';
export { DISCIPLINES, TARGET_DISCIPLINES, nextDiscipline } from './disciplines';
export { evaluateGate, type GateOptions, type GateResult, type MissingItem } from './gate';
export { verifyHistory, type HistoryVerification } from './history';
export { openFromComplaint, type ClassifiedComplaint, type OpenOptions } from './open';
export {
	eightDDeadlineProfileChoices,
	eightDDeadlineProfiles,
	eightDDeadlineProfileSchema,
	parseDeadlineProfile,
	resolveDeadlineProfile,
	type DeadlineProfile,
} from './profiles';
export { regateReport, type RegateResult } from './regate';
export { reopenReport } from './reopen';
export {
	builtInEightDRuleSets,
	eightDRuleSetChoices,
	eightDRuleSetSchema,
	parseEightDRuleSet,
	resolveEightDRuleSet,
	selectEightDRuleSet,
	type Bilingual,
	type EightDRuleSet,
	type EightDRuleSetSource,
	type GateRule,
} from './ruleSet';
export {
	renderEightDReport,
	type RenderedEightDReport,
	type RenderEightDReportOptions,
	type ReportImage,
	spcProofChart,
	type ChartImage,
} from './report';
export { skipDiscipline, type SkipOptions } from './skip';
export {
	evaluateSpcProof,
	SPC_PROOF_DEFAULTS,
	type SpcProofOptions,
	type SpcProofResult,
} from './spcProof';
export type * from './types';
export { eightDReportSchema, validateEightDReport } from './validate';
