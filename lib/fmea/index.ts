/** FMEA engine: AIAG-VDA Action Priority, RPN, ranking, action flags, revisions, rating scales, complaint matching, worksheet mail and chart. */
export { actionPriority, AP_TABLE } from './actionPriority';
export type { RatingBand } from './actionPriority';
export { rpn } from './rpn';
export { ratingProblem, requireRating, readRating } from './rating';
export type { RatingField } from './rating';
export { FmeaInputError } from './errors';
export { validateRow, checkRows } from './validate';
export type { CheckedRows } from './validate';
export { compareUrgency, rankRows } from './rank';
export type { Rankable } from './rank';
export { analyzeFmea, ratedState, revisedState, actionReasons } from './analyze';
export { reviseFmea, checkRevision } from './revise';
export type { FmeaRevision, RevisedRow, FmeaRevisionResult } from './revise';
export type * from './types';
export * from './scales';
export { matchComplaints, checkComplaint, DEFAULT_SEVERITY_FLOOR } from './match';
export type {
	FmeaComplaint,
	SeverityFloor,
	MatchOptions,
	RowMatch,
	ComplaintMatch,
	RowReview,
	ComplaintMatchResult,
} from './match';
export {
	DEFAULT_OCCURRENCE_SCALE,
	impliedOccurrence,
	validateOccurrenceScale,
} from './occurrenceScale';
export type { OccurrenceBand, OccurrenceScale } from './occurrenceScale';
export { FAILURE_CONCEPTS, CATEGORY_CONCEPTS, HAZARD_CONCEPTS } from './terms';
export type { FailureConcept } from './terms';
export { textTerms, compileConcepts } from './features';
export type { CompiledConcepts } from './features';
export { fmeaWorksheetHtml } from './worksheetHtml';
export type { WorksheetHtmlOptions } from './worksheetHtml';
export { apChartSpec, renderApChart } from './apChart';
export type { ApChartOptions } from './apChart';
export { fmeaReviewHtml } from './reviewHtml';
export type { ReviewHtmlOptions } from './reviewHtml';
