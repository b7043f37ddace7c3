import { PorterStemmer } from 'natural/lib/natural/stemmers';

const cache = new Map<string, string>();
// Bounds memory on endless streams of distinct words (numbers, codes); refilling is cheap.
const CACHE_LIMIT = 100_000;
// Longer tokens are codes or garbage, and Porter's regular expressions would be slow on them.
const MAX_STEM_LENGTH = 30;

/**
 * Words whose Porter stem collides with an unrelated word's ("engineer" and "engine" both give
 * "engin", "manufacturer" and "manufacturing" both "manufactur", "original" and "origin" both
 * "origin", "ice" gives "ic"): kept apart so a service engineer is not an engine, the
 * manufacturer who was notified is no manufacturing evidence, a required test is no design
 * requirement and the original charger no country of origin.
 */
const OWN_STEMS = new Map([
	['engineer', 'engineer'],
	['engineers', 'engineer'],
	["engineer's", 'engineer'],
	['manufacturer', 'manufacturer'],
	['manufacturers', 'manufacturer'],
	["manufacturer's", 'manufacturer'],
	['requirement', 'requirement'],
	['requirements', 'requirement'],
	['performance', 'performance'],
	['performances', 'performance'],
	['connectivity', 'connectivity'],
	['confirmation', 'confirmation'],
	['confirmations', 'confirmation'],
	['declaration', 'declaration'],
	['declarations', 'declaration'],
	['limitation', 'limitation'],
	['limitations', 'limitation'],
	['tracking', 'tracking'],
	['original', 'original'],
	['originally', 'original'],
	['originals', 'original'],
	['plasticizer', 'plasticizer'],
	['plasticizers', 'plasticizer'],
	['plasticiser', 'plasticizer'],
	['plasticisers', 'plasticizer'],
	['stripped', 'stripped'],
	['drilled', 'drilled'],
	['shorted', 'shorted'],
	['shorting', 'shorted'],
	['remaining', 'remaining'],
	['manually', 'manually'],
	['customs', 'customs'],
	['ice', 'ice'],
	['flatness', 'flatness'],
	['appearance', 'appearance'],
	['appearances', 'appearance'],
	['usability', 'usability'],
	['forwarder', 'forwarder'],
	['forwarders', 'forwarder'],
	['goods', 'goods'],
	['inserted', 'inserted'],
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
