import defaultTaxonomyData from './taxonomy/default.json';
import defaultSeverityData from './taxonomy/severity.json';
import type { Severity, SeverityRules, Taxonomy, TaxonomyCategory, TermSpec } from './types';

/**
 * The default bilingual taxonomy: design, production, supplier_material, logistics_packaging,
 * service, documentation, delivery (data in `taxonomy/default.json`).
 *
 * @example
 * defaultTaxonomy.categories.map((c) => c.id)[0] // 'design'
 */
export const defaultTaxonomy: Taxonomy = defaultTaxonomyData as Taxonomy;

/**
 * The default severity words: loss of function is major, anything else minor (data in
 * `taxonomy/severity.json`). Safety is decided by the hazard classes (`hazards/classes.json`);
 * `critical` here holds only a deployment's extra critical words.
 *
 * @example
 * defaultSeverityRules.major.includes('停线') // true
 */
export const defaultSeverityRules: SeverityRules = defaultSeverityData as SeverityRules;

const SEVERITIES: readonly Severity[] = ['critical', 'major', 'minor'];

/**
 * Checks a taxonomy's shape and throws an Error naming the offending field.
 *
 * @example
 * validateTaxonomy({ categories: [{ id: 'noise', terms: { en: ['squeak'] } }] }) // ok
 * validateTaxonomy({ categories: [] }) // throws 'taxonomy.categories must be a non-empty array'
 */
export function validateTaxonomy(
	taxonomy: unknown,
	field = 'taxonomy',
): asserts taxonomy is Taxonomy {
	if (!isRecord(taxonomy)) throw new Error(`${field} must be an object with a categories array`);
	const categories = taxonomy.categories;
	if (!Array.isArray(categories) || categories.length === 0)
		throw new Error(`${field}.categories must be a non-empty array`);
	const seen = new Set<string>();
	categories.forEach((category: unknown, i) => {
		const at = `${field}.categories[${i}]`;
		if (!isRecord(category)) throw new Error(`${at} must be an object`);
		if (typeof category.id !== 'string' || category.id.trim() === '')
			throw new Error(`${at}.id must be a non-empty string`);
		if (category.id === 'unclassified') throw new Error(`${at}.id 'unclassified' is reserved`);
		if (seen.has(category.id)) throw new Error(`${at}.id '${category.id}' is duplicated`);
		seen.add(category.id);
		if (!isRecord(category.terms))
			throw new Error(`${at}.terms must be an object of term lists by language`);
		for (const [lang, list] of Object.entries(category.terms)) {
			if (!Array.isArray(list)) throw new Error(`${at}.terms.${lang} must be an array`);
			list.forEach((term: unknown, j) => checkTerm(term, `${at}.terms.${lang}[${j}]`));
		}
	});
}

function checkTerm(term: unknown, at: string): void {
	if (typeof term === 'string') {
		if (term.trim() === '') throw new Error(`${at} must not be empty`);
		return;
	}
	if (!isRecord(term) || typeof term.term !== 'string' || term.term.trim() === '') {
		throw new Error(`${at} must be a string or { term, weight? }`);
	}
	if (
		term.weight !== undefined &&
		!(typeof term.weight === 'number' && Number.isFinite(term.weight) && term.weight > 0)
	) {
		throw new Error(`${at}.weight must be a positive number`);
	}
	if (term.absence !== undefined && typeof term.absence !== 'boolean')
		throw new Error(`${at}.absence must be a boolean`);
}

/**
 * Checks severity rules and throws an Error naming the offending field.
 *
 * @example
 * validateSeverityRules({ critical: ['fire'], major: [] }) // ok
 * validateSeverityRules({ critical: 'fire', major: [] }) // throws 'severity.critical must be an array of strings'
 */
export function validateSeverityRules(
	rules: unknown,
	field = 'severity',
): asserts rules is SeverityRules {
	if (!isRecord(rules))
		throw new Error(`${field} must be an object { critical: string[], major: string[], default? }`);
	for (const key of ['critical', 'major'] as const) {
		const list = rules[key];
		if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || t.trim() === '')) {
			throw new Error(`${field}.${key} must be an array of strings`);
		}
	}
	if (rules.default !== undefined && !SEVERITIES.includes(rules.default as Severity)) {
		throw new Error(`${field}.default must be one of critical, major, minor`);
	}
}

/**
 * Extends a taxonomy: categories with a known id get the extra terms, new ids are appended.
 *
 * @example
 * const mine = mergeTaxonomy(defaultTaxonomy, {
 *   categories: [{ id: 'noise', terms: { en: ['squeak', 'squeaks'], zh: ['异响'] } }],
 * });
 */
export function mergeTaxonomy(base: Taxonomy, extra: Taxonomy): Taxonomy {
	validateTaxonomy(base, 'base');
	validateTaxonomy(extra, 'extra');
	const categories: TaxonomyCategory[] = base.categories.map((c) => ({
		...c,
		terms: { ...c.terms },
	}));
	for (const add of extra.categories) {
		const target = categories.find((c) => c.id === add.id);
		if (!target) {
			categories.push(add);
			continue;
		}
		for (const [lang, list] of Object.entries(add.terms)) {
			target.terms[lang] = [...(target.terms[lang] ?? []), ...(list as TermSpec[])];
		}
	}
	return { ...base, id: `${base.id ?? 'base'}+${extra.id ?? 'extra'}`, categories };
}

/**
 * Extends severity rules with more critical and major words.
 *
 * @example
 * mergeSeverityRules(defaultSeverityRules, { critical: ['sharp point'], major: [] })
 */
export function mergeSeverityRules(base: SeverityRules, extra: SeverityRules): SeverityRules {
	validateSeverityRules(base, 'base');
	validateSeverityRules(extra, 'extra');
	return {
		default: extra.default ?? base.default,
		critical: [...base.critical, ...extra.critical],
		major: [...base.major, ...extra.major],
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
