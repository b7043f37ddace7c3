import { compileLexicon, type CompiledLexicon } from './compile';
import { responseDeadline, toDateTime } from './deadline';
import { collectEvidence } from './evidence';
import { defaultIdentifierPatterns, extractIdentifiers, validateIdentifierPatterns } from './identifiers';
import { detectLanguage } from './language';
import { defaultLexicon } from './lexicon';
import { loadComplaintModel, predictCategories, trainComplaintModel } from './model';
import { maskPii } from './pii';
import { defaultSeverityRules, defaultTaxonomy } from './taxonomy';
import { toUnits } from './tokenize';
import type { ClassifyOptions, ComplaintClassification, ComplaintModel, IdentifierPattern } from './types';

/** Per-call options of a prepared classifier: the customer and the clock. */
export type PerComplaintOptions = Pick<ClassifyOptions, 'tier' | 'timeZone' | 'receivedAt' | 'now'>;

/** A classifier prepared once for a configuration. */
export type ComplaintClassifier = (text: string, perComplaint?: PerComplaintOptions) => ComplaintClassification;

/** Keyword evidence needed to name a category when no model is used. */
const DEFAULT_MIN_SCORE = 0.5;
/** Evidence at which keyword confidence reaches 1 - 1/e. */
const CONFIDENCE_SCALE = 2;

/**
 * Prepares a classifier: compiles the taxonomy, severity rules and lexicon into one matcher and
 * trains or loads the model once. Use it for many complaints with the same options.
 *
 * @example
 * const classify = createComplaintClassifier({ maskPii: true });
 * classify('外箱破损，产品有划痕').category // 'logistics_packaging'
 */
export function createComplaintClassifier(options: ClassifyOptions = {}): ComplaintClassifier {
	if (typeof options !== 'object' || options === null) throw new Error('options must be an object');
	const identifiers: IdentifierPattern[] = options.identifiers === false ? [] : (options.identifiers ?? defaultIdentifierPatterns);
	if (options.identifiers) validateIdentifierPatterns(options.identifiers);
	const compiled = compileLexicon(
		options.taxonomy ?? defaultTaxonomy,
		options.severity ?? defaultSeverityRules,
		options.lexicon ?? defaultLexicon,
		identifiers,
		options.fuzzy !== false,
	);
	const model = resolveModel(options);
	const modelWeight = options.modelWeight ?? 0.5;
	if (!(typeof modelWeight === 'number' && modelWeight >= 0 && modelWeight <= 1)) throw new Error('modelWeight must be a number from 0 to 1');
	const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
	if (!(typeof minScore === 'number' && minScore >= 0)) throw new Error('minScore must be a number >= 0');
	const wantsDeadline = options.tier !== undefined || options.receivedAt !== undefined || options.sla !== undefined || options.timeZone !== undefined;
	if (options.now !== undefined) toDateTime(options.now, 'now');

	return (text, perComplaint = {}) => {
		if (typeof text !== 'string' || text.trim() === '') throw new Error('text must be a non-empty string');
		const call = { ...options, ...definedOnly(perComplaint) };
		const result = classifyWith(text, compiled, model, modelWeight, minScore, options.fuzzy !== false);
		if (options.identifiers !== false) result.identifiers = extractIdentifiers(text, result.labels, identifiers);
		const { labels: _labels, ...out } = result;
		const classification: ComplaintClassification = out;
		if (wantsDeadline || perComplaint.tier !== undefined || perComplaint.receivedAt !== undefined || perComplaint.timeZone !== undefined) {
			classification.deadline = responseDeadline({
				receivedAt: call.receivedAt ?? call.now ?? new Date(),
				tier: call.tier,
				timeZone: call.timeZone,
				sla: options.sla,
			});
		}
		if (options.maskPii) classification.maskedText = maskPii(text, classification.identifiers);
		return classification;
	};
}

function definedOnly(o: PerComplaintOptions): PerComplaintOptions {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as PerComplaintOptions;
}

function resolveModel(options: ClassifyOptions): ComplaintModel | undefined {
	if (options.model !== undefined && options.examples !== undefined) throw new Error('give either model or examples, not both');
	if (options.model !== undefined) return loadComplaintModel(options.model);
	if (options.examples !== undefined) return trainComplaintModel(options.examples, options.algorithm);
	return undefined;
}

function classifyWith(
	text: string,
	compiled: CompiledLexicon,
	model: ComplaintModel | undefined,
	modelWeight: number,
	minScore: number,
	fuzzy: boolean,
): ComplaintClassification & { labels: { kind: string; start: number; end: number }[] } {
	const units = toUnits(text);
	const evidence = collectEvidence(text, units, compiled, fuzzy);
	const language = detectLanguage(text, units);
	const firstSeen = new Map<string, number>();
	for (const k of evidence.keywords) if (!firstSeen.has(k.category)) firstSeen.set(k.category, k.start);
	const ids = [...compiled.categories];
	const predictions = model ? predictCategories(model, text) : [];
	for (const p of predictions) if (!ids.includes(p.label)) ids.push(p.label);

	const keywordTotal = [...evidence.scores.values()].reduce((a, b) => a + b, 0);
	const useModel = predictions.length > 0;
	const w = keywordTotal > 0 ? modelWeight : 1;
	const categories = ids.map((id) => {
		const keywordScore = round(evidence.scores.get(id) ?? 0);
		if (!useModel) return { id, score: keywordScore };
		const modelProbability = round(predictions.find((p) => p.label === id)?.probability ?? 0);
		const share = keywordTotal > 0 ? (evidence.scores.get(id) ?? 0) / keywordTotal : 0;
		return { id, score: round((1 - w) * share + w * modelProbability), keywordScore, modelProbability };
	});
	categories.sort(
		(a, b) => b.score - a.score || (firstSeen.get(a.id) ?? Infinity) - (firstSeen.get(b.id) ?? Infinity) || ids.indexOf(a.id) - ids.indexOf(b.id),
	);
	const [top, second] = categories;
	let category = 'unclassified';
	let confidence = 0;
	if (useModel && top.score > 0) {
		category = top.id;
		confidence = top.score;
	} else if (!useModel && top.score >= minScore) {
		category = top.id;
		const s1 = top.score;
		const s2 = second?.score ?? 0;
		confidence = (s1 / (s1 + s2)) * (1 - Math.exp(-s1 / CONFIDENCE_SCALE));
	}
	return {
		category,
		categories,
		severity: evidence.severity,
		keywords: evidence.keywords,
		language,
		confidence: round(confidence),
		negated: evidence.negated,
		severityTerms: evidence.severityTerms,
		identifiers: [],
		labels: evidence.labels,
	};
}

const prepared = new WeakMap<object, ComplaintClassifier>();
let defaultClassifier: ComplaintClassifier | undefined;

/**
 * Classifies one complaint: category, ranked categories, severity, evidence keywords with
 * offsets into `text`, language, confidence, plus identifiers, optional deadline and masked
 * text. Prepared classifiers are cached per options object; for many complaints with changing
 * options prefer createComplaintClassifier.
 *
 * @example
 * const r = classifyComplaint('The carton was crushed and two units have deep scratches. No smoke.');
 * r.category   // 'logistics_packaging'
 * r.severity   // 'minor' (the smoke is negated)
 * r.keywords[0] // { term: 'carton', category: 'logistics_packaging', start: 4, end: 10, weight: 2 }
 */
export function classifyComplaint(text: string, options?: ClassifyOptions): ComplaintClassification {
	if (options === undefined) {
		defaultClassifier ??= createComplaintClassifier();
		return defaultClassifier(text);
	}
	let classify = prepared.get(options);
	if (!classify) {
		classify = createComplaintClassifier(options);
		prepared.set(options, classify);
	}
	return classify(text);
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}
