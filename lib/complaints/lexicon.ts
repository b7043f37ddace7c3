import fuzzyExclude from './taxonomy/fuzzy-exclude.json';
import defaultLexiconData from './taxonomy/lexicon.json';
import type { Lexicon } from './types';

/**
 * The default negation, scope-break and intensity words (English and Chinese), from
 * `taxonomy/lexicon.json`, with the real words that typo matching must leave alone
 * (`taxonomy/fuzzy-exclude.json`, generated from WordNet by bench/complaints/make-fuzzy-exclude.js).
 *
 * @example
 * defaultLexicon.negation.find((n) => n.cue === '没有') // { cue: '没有', scope: 2 }
 */
export const defaultLexicon: Lexicon = {
	...(defaultLexiconData as Omit<Lexicon, 'fuzzyExclude'>),
	fuzzyExclude,
};
