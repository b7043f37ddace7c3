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
export { defaultIdentifierPatterns, extractIdentifiers } from './identifiers';
export { defaultSla, responseDeadline } from './deadline';
export { maskPii } from './pii';
export { trainComplaintModel, loadComplaintModel, predictCategories } from './model';
export { tokenizeComplaint } from './tokenize';
export { complaintPareto, type ComplaintPareto, type ParetoRow } from './pareto';
export type * from './types';
