/** Public shapes of the complaint engine (see docs/CONTRACT.md, Complaints). */

/**
 * A taxonomy term: a literal word or phrase, optionally weighted (default grows with length).
 * `absence: true` marks things whose lack is the complaint ("no certificate", "没有说明书"):
 * negation does not cancel them.
 */
export type TermSpec = string | { term: string; weight?: number; absence?: boolean };

/** One category of a taxonomy with its bilingual literal terms. */
export interface TaxonomyCategory {
	id: string;
	label?: Record<string, string>;
	/** Terms by language tag; the tag is informational, every term is matched in any text. */
	terms: Record<string, TermSpec[]>;
}

/** A replaceable/extendable set of categories. */
export interface Taxonomy {
	id?: string;
	version?: number;
	categories: TaxonomyCategory[];
	/** Deployment settings of hazard detection: extra terms and classes, classes switched off. */
	hazards?: TaxonomyHazards;
}

/** The built-in hazard classes (lib/complaints/hazards/classes.json). */
export type BuiltInHazardClass =
	| 'fire_thermal'
	| 'electrical'
	| 'mechanical_injury'
	| 'vehicle_control'
	| 'occupant_protection'
	| 'chemical_toxic'
	| 'choking_suffocation'
	| 'medical_harm'
	| 'regulatory_legal'
	| 'harm_to_person';

/** A component found near one of its failures within `window` words of the same clause ("刹车" + "失灵"). */
export interface HazardCombination {
	components: string[];
	failures: string[];
	/** Words allowed between the two (default 6; Chinese counts characters). */
	window?: number;
}

/**
 * One hazard class as data. Terms are literals by language tag (the tag is informational, every
 * term is matched in any text). `harm`: harm events that happened ("injured", "受伤"), negated
 * only by a tight cue ("not injured"); `always`: harm events never negated ("crash", "事故");
 * `terms`: hazard terms ("smoke", "漏电"); `potential`: hazard words that are hypothetical by
 * nature ("fire risk", "安全隐患"); `notHazard`: look-alike phrases that contain a term but are no
 * hazard ("smoke test", "shock absorber"); `unlessAfter`: terms that are no hazard after a context
 * word ("the app crashes").
 */
export interface HazardClassSpec {
	id: string;
	label?: Record<string, string>;
	harm?: Record<string, string[]>;
	always?: Record<string, string[]>;
	terms?: Record<string, string[]>;
	potential?: Record<string, string[]>;
	combos?: HazardCombination[];
	notHazard?: string[];
	unlessAfter?: { terms: string[]; context: string[]; window: number };
}

/** Hazard settings carried by a taxonomy JSON. */
export interface TaxonomyHazards {
	/** Extra terms for built-in classes (same id) or new classes (new id). */
	classes?: HazardClassSpec[];
	/** Classes switched off for this deployment: they are not detected and do not set severity. */
	disabled?: string[];
	/**
	 * Category of a hazard complaint without other category evidence (default `design` when the
	 * taxonomy has it: the product as designed did not keep its user safe, root cause unknown).
	 */
	category?: string;
}

/** One hazard found; offsets are UTF-16 indices into the original text (end exclusive). */
export interface HazardHit {
	class: BuiltInHazardClass | (string & {});
	/** The evidence as written in the text (`text.slice(start, end)`). */
	term: string;
	start: number;
	end: number;
	/** `potential` for hypothetical hazards ("could cause a fire", "存在安全隐患"). */
	harm: 'actual' | 'potential';
}

/** Complaint severity, most severe first. */
export type Severity = 'critical' | 'major' | 'minor';

/** Literal words that set the severity; critical wins over major, otherwise `default`. */
export interface SeverityRules {
	default?: Severity;
	critical: string[];
	major: string[];
}

/** Negation cue: evidence starting within `scope` words after the cue is not evidence. */
export interface NegationCue {
	cue: string;
	scope: number;
}

/** Words that steer scoring: negation, scope breaks and intensifiers. */
export interface Lexicon {
	negation: NegationCue[];
	/** Cues that clear evidence before them in the clause ("box intact", "外箱完好"), within `scope` words. */
	negationAfter: NegationCue[];
	/** Phrases that contain a cue but do not negate ("no longer", "无法"). */
	notNegation: string[];
	/** Words that end a negation scope ("but", "但是"). */
	scopeBreak: string[];
	/** Words that multiply the weight of evidence following within `intensityWindow` words. */
	intensity: { term: string; factor: number }[];
	intensityWindow: number;
	/** Real words (any form) one typo away from a term that must not count as that term. */
	fuzzyExclude?: string[];
}

/** A kind of identifier (part, lot, order ...) found after a literal label or by a shape template. */
export interface IdentifierPattern {
	kind: string;
	/** Literal labels; the value follows the label after optional separators (`:`, `#`, `：`, spaces). */
	labels?: string[];
	/**
	 * Fixed-length shape templates: `#` digit, `A` letter, `X` letter or digit, `\` escapes the
	 * next character, anything else is literal. Never a regular expression.
	 */
	shapes?: string[];
}

/** An identifier found in the text; offsets are into the original text. */
export interface Identifier {
	kind: string;
	value: string;
	start: number;
	end: number;
}

/** One piece of evidence; offsets are UTF-16 indices into the original text (end exclusive). */
export interface KeywordHit {
	term: string;
	category: string;
	start: number;
	end: number;
	/** Weight it contributed (after intensity and fuzzy factors). */
	weight?: number;
	/** True when matched with one typo. */
	fuzzy?: boolean;
}

/** Response time per customer tier. */
export interface SlaTable {
	tiers: Record<string, { hours: number }>;
	defaultTier: string;
	/** Count only business days (Monday to Friday, minus `holidays`) in the customer's zone. */
	businessDays?: boolean;
	/** ISO dates (yyyy-MM-dd) that are not business days. */
	holidays?: string[];
}

/** When the customer must have an answer. */
export interface ResponseDeadline {
	tier: string;
	hours: number;
	businessDays: boolean;
	timeZone: string;
	receivedAt: string;
	dueAt: string;
}

/** One labelled example for training. */
export interface LabelledComplaint {
	text: string;
	category: string;
}

/** A trained model as plain JSON (serialise with JSON.stringify, reload with loadComplaintModel). */
export interface ComplaintModel {
	format: 'qms-complaint-model';
	version: 1;
	algorithm: 'bayes' | 'logistic-regression';
	labels: string[];
	examples: number;
	/** natural's classifier state. */
	state: Record<string, unknown>;
}

/** Options of classifyComplaint / createComplaintClassifier. */
export interface ClassifyOptions {
	/** Replaces the default taxonomy (use mergeTaxonomy to extend it). */
	taxonomy?: Taxonomy;
	/** Replaces the default severity rules (use mergeSeverityRules to extend them). */
	severity?: SeverityRules;
	/** Replaces the default negation / intensity lexicon. */
	lexicon?: Lexicon;
	/** Labelled examples to train a model on (combined with keyword evidence). */
	examples?: LabelledComplaint[];
	/** A model trained before (object or its JSON string). */
	model?: ComplaintModel | string;
	/** Share of the model in the combined score, 0..1 (default 0.5; 0.4 for the built-in prior). */
	modelWeight?: number;
	/**
	 * Combine keyword evidence with the built-in model trained on the project's labelled corpus
	 * (default true; used only when no model/examples are given and the taxonomy has the default ids).
	 */
	prior?: boolean;
	/** Without keyword evidence, the model must be at least this sure to name a category (default 0.5). */
	minModelProbability?: number;
	/** Algorithm when training from `examples` (default 'bayes'). */
	algorithm?: 'bayes' | 'logistic-regression';
	/** Minimum evidence score for a category (default 1). */
	minScore?: number;
	/** Match single English words with one typo (default true). */
	fuzzy?: boolean;
	/** Identifier patterns (default: part, lot, order labels); false turns extraction off. */
	identifiers?: IdentifierPattern[] | false;
	/** Mask e-mail addresses and phone numbers into `maskedText`. */
	maskPii?: boolean;
	/** Customer tier for the response deadline; a deadline is computed when tier, receivedAt or sla is set. */
	tier?: string;
	/** IANA time zone of the customer (default 'UTC'). */
	timeZone?: string;
	/** When the complaint arrived (ISO string or Date; default `now`). */
	receivedAt?: string | Date;
	/** SLA table (default VIP 24 h, standard 72 h, calendar hours). */
	sla?: SlaTable;
	/** Fixes the clock for deadlines. */
	now?: string | Date;
	/** Hazard classes switched off (added to the taxonomy's `hazards.disabled`). */
	disabledHazardClasses?: string[];
}

/** Result of classifyComplaint (contract fields first, extras after). */
export interface ComplaintClassification {
	category: string;
	categories: { id: string; score: number; keywordScore?: number; modelProbability?: number }[];
	severity: Severity;
	keywords: KeywordHit[];
	language: 'zh' | 'en' | 'mixed';
	confidence: number;
	/** Hazards found (negated ones excluded), in text order. */
	hazards: HazardHit[];
	/** One line: why this severity (the hazard, the functional loss, or the default). */
	severityReason: string;
	/** Evidence that was negated ("no scratches"), for explanation. */
	negated: KeywordHit[];
	/** Severity words found, for explanation. */
	severityTerms: { term: string; severity: Severity; start: number; end: number }[];
	identifiers: Identifier[];
	deadline?: ResponseDeadline;
	maskedText?: string;
}
