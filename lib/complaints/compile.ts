import { KeyAutomaton } from './automaton';
import { FuzzyIndex } from './fuzzy';
import { toUnits, UnitKind } from './tokenize';
import type { IdentifierPattern, Lexicon, SeverityRules, Taxonomy } from './types';
import { validateSeverityRules, validateTaxonomy } from './taxonomy';

/** What a matched literal means. */
export type Entry =
	| { type: 'category'; term: string; category: string; weight: number; absence: boolean }
	| { type: 'severity'; term: string; severity: 'critical' | 'major' }
	| { type: 'negation'; term: string; scope: number }
	| { type: 'negationAfter'; term: string; scope: number }
	| { type: 'pseudo'; term: string }
	| { type: 'break'; term: string }
	| { type: 'intensity'; term: string; factor: number }
	| { type: 'label'; term: string; kind: string };

/** Everything the classifier needs, compiled once per configuration. */
export interface CompiledLexicon {
	automaton: KeyAutomaton<Entry>;
	fuzzy: FuzzyIndex<Entry & { type: 'category' }>;
	categories: string[];
	severityDefault: 'critical' | 'major' | 'minor';
	intensityWindow: number;
}

/**
 * The unit keys of a literal term (stems / characters), as the text will be matched.
 *
 * @example
 * termKeys('Deep scratches') // ['deep', 'scratch']
 */
export function termKeys(term: string): string[] {
	return toUnits(term)
		.filter((u) => u.kind === UnitKind.Word || u.kind === UnitKind.Han)
		.map((u) => u.key);
}

/**
 * Default term weight: longer literals are more specific. Chinese characters count half a word.
 *
 * @example
 * defaultWeight(['deep', 'scratch']) // 1.5
 */
export function defaultWeight(keys: string[]): number {
	let words = 0;
	for (const key of keys) words += key.length === 1 && key.charCodeAt(0) >= 0x2e80 ? 0.5 : 1;
	return Math.min(2, 1 + 0.5 * Math.max(0, words - 1));
}

/**
 * Compiles taxonomy, severity rules, lexicon and identifier labels into one automaton.
 *
 * @example
 * const compiled = compileLexicon(defaultTaxonomy, defaultSeverityRules, defaultLexicon, defaultIdentifierPatterns, true);
 */
export function compileLexicon(
	taxonomy: Taxonomy,
	severity: SeverityRules,
	lexicon: Lexicon,
	identifiers: IdentifierPattern[],
	fuzzy: boolean,
): CompiledLexicon {
	validateTaxonomy(taxonomy);
	validateSeverityRules(severity);
	validateLexicon(lexicon);
	const automaton = new KeyAutomaton<Entry>();
	const vocabulary = new Set<string>();
	const fuzzyIndex = new FuzzyIndex<Entry & { type: 'category' }>();
	const add = (term: string, entry: Entry, field: string): void => {
		const keys = termKeys(term);
		if (keys.length === 0)
			throw new Error(`${field}: term '${term}' has no letters or Chinese characters`);
		automaton.add(keys, entry);
		for (const key of keys) vocabulary.add(key);
	};
	// Inflections stem alike ("scratch", "scratched"): one literal per category, the heaviest.
	const byKeys = new Map<string, { keys: string[]; entry: Entry & { type: 'category' } }>();
	taxonomy.categories.forEach((category, i) => {
		for (const [lang, list] of Object.entries(category.terms)) {
			list.forEach((spec, j) => {
				const term = typeof spec === 'string' ? spec : spec.term;
				const keys = termKeys(term);
				if (keys.length === 0)
					throw new Error(
						`taxonomy.categories[${i}].terms.${lang}[${j}]: term '${term}' has no letters or Chinese characters`,
					);
				const weight =
					typeof spec === 'string' || spec.weight === undefined ? defaultWeight(keys) : spec.weight;
				const absence = typeof spec !== 'string' && spec.absence === true;
				const id = `${category.id}\u0000${keys.join('\u0000')}`;
				const known = byKeys.get(id);
				if (!known || known.entry.weight < weight)
					byKeys.set(id, {
						keys,
						entry: { type: 'category', term, category: category.id, weight, absence },
					});
			});
		}
	});
	for (const { keys, entry } of byKeys.values()) {
		add(entry.term, entry, 'taxonomy');
		if (fuzzy && keys.length === 1) fuzzyIndex.add(keys[0], entry);
	}
	// A literal in both lists is critical.
	const severityTerms = new Map<string, Entry & { type: 'severity' }>();
	for (const level of ['major', 'critical'] as const) {
		severity[level].forEach((term, i) => {
			const keys = termKeys(term);
			if (keys.length === 0)
				throw new Error(
					`severity.${level}[${i}]: term '${term}' has no letters or Chinese characters`,
				);
			severityTerms.set(keys.join('\u0000'), { type: 'severity', term, severity: level });
		});
	}
	for (const entry of severityTerms.values()) add(entry.term, entry, 'severity');
	lexicon.negation.forEach((n, i) =>
		add(n.cue, { type: 'negation', term: n.cue, scope: n.scope }, `lexicon.negation[${i}]`),
	);
	lexicon.negationAfter.forEach((n, i) =>
		add(
			n.cue,
			{ type: 'negationAfter', term: n.cue, scope: n.scope },
			`lexicon.negationAfter[${i}]`,
		),
	);
	lexicon.notNegation.forEach((term, i) =>
		add(term, { type: 'pseudo', term }, `lexicon.notNegation[${i}]`),
	);
	lexicon.scopeBreak.forEach((term, i) =>
		add(term, { type: 'break', term }, `lexicon.scopeBreak[${i}]`),
	);
	lexicon.intensity.forEach((x, i) =>
		add(x.term, { type: 'intensity', term: x.term, factor: x.factor }, `lexicon.intensity[${i}]`),
	);
	identifiers.forEach((p, i) =>
		(p.labels ?? []).forEach((term, j) =>
			add(term, { type: 'label', term, kind: p.kind }, `identifiers[${i}].labels[${j}]`),
		),
	);
	automaton.build();
	fuzzyIndex.exclude(vocabulary);
	for (const word of lexicon.fuzzyExclude ?? []) fuzzyIndex.exclude(termKeys(word));
	return {
		automaton,
		fuzzy: fuzzyIndex,
		categories: taxonomy.categories.map((c) => c.id),
		severityDefault: severity.default ?? 'minor',
		intensityWindow: lexicon.intensityWindow,
	};
}

function validateLexicon(lexicon: Lexicon): void {
	if (typeof lexicon !== 'object' || lexicon === null) throw new Error('lexicon must be an object');
	for (const key of [
		'negation',
		'negationAfter',
		'notNegation',
		'scopeBreak',
		'intensity',
	] as const) {
		if (!Array.isArray(lexicon[key])) throw new Error(`lexicon.${key} must be an array`);
	}
	for (const key of ['negation', 'negationAfter'] as const) {
		lexicon[key].forEach((n, i) => {
			if (typeof n?.cue !== 'string' || !(Number.isInteger(n.scope) && n.scope >= 0)) {
				throw new Error(`lexicon.${key}[${i}] must be { cue: string, scope: integer >= 0 }`);
			}
		});
	}
	lexicon.intensity.forEach((x, i) => {
		if (typeof x?.term !== 'string' || !(typeof x.factor === 'number' && x.factor > 0)) {
			throw new Error(`lexicon.intensity[${i}] must be { term: string, factor: number > 0 }`);
		}
	});
	if (!(Number.isInteger(lexicon.intensityWindow) && lexicon.intensityWindow >= 0)) {
		throw new Error('lexicon.intensityWindow must be an integer >= 0');
	}
}
