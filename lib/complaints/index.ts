/** Complaint classification engine: category, severity, evidence, identifiers, deadline, PII masking. */
export { classifyComplaint, createComplaintClassifier } from './classifier';
export type { ComplaintClassifier, PerComplaintOptions } from './classifier';
export {
	defaultTaxonomy,
	defaultSeverityRules,
	mergeTaxonomy,
	mergeSeverityRules,
	validateTaxonomy,
	validateSeverityRules,
} from './taxonomy';
export { defaultLexicon } from './lexicon';
export {
	defaultHazardClasses,
	hazardClassIds,
	resolveHazardClasses,
	validateTaxonomyHazards,
} from './hazards/classes';
export { compileHazards, detectHazards } from './hazards/detect';
export { hazardEscalation } from './hazards/escalation';
export type { HazardEscalation } from './hazards/escalation';
export type { CompiledHazards } from './hazards/detect';
export { decideSeverity } from './severity';
export type { SeverityTerm } from './severity';
export { defaultIdentifierPatterns, extractIdentifiers } from './identifiers';
export { defaultSla, responseDeadline } from './deadline';
export { maskPii } from './pii';
export { trainComplaintModel, loadComplaintModel, predictCategories } from './model';
export { tokenizeComplaint } from './tokenize';
export type * from './types';
export { complaintPareto, paretoHtml, paretoRecord } from './pareto';
export type { ComplaintPareto, ParetoHtmlOptions, ParetoRecord, ParetoRow } from './pareto';
