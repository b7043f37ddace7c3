import { PorterStemmer } from 'natural/lib/natural/stemmers';

const cache = new Map<string, string>();
// Bounds memory on endless streams of distinct words (numbers, codes); refilling is cheap.
const CACHE_LIMIT = 100_000;
// Longer tokens are codes or garbage, and Porter's regular expressions would be slow on them.
const MAX_STEM_LENGTH = 30;

/**
 * Words whose Porter stem collides with an unrelated word's ("engineer" and "engine" both give
 * "engin"): kept apart so a service engineer is not an engine.
 */
const OWN_STEMS = new Map([
	['engineer', 'engineer'],
	['engineers', 'engineer'],
	["engineer's", 'engineer'],
]);

/**
 * Porter stem of one lower-case English token (natural's PorterStemmer), memoised.
 *
 * @example
 * stemWord('cracked') // 'crack'
 * stemWord('cracks')  // 'crack'
 */
export function stemWord(token: string): string {
	let stem = cache.get(token);
	if (stem === undefined) {
		stem =
			OWN_STEMS.get(token) ??
			(token.length <= MAX_STEM_LENGTH && /[a-z]/.test(token) ? PorterStemmer.stem(token) : token);
		if (cache.size >= CACHE_LIMIT) cache.clear();
		cache.set(token, stem);
	}
	return stem;
}
