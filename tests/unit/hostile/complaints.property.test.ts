/**
 * Hostile input for the complaint engine: arbitrary and adversarial text never crashes or hangs,
 * evidence offsets lie inside the text and the text they cover is the matched term's source,
 * custom taxonomies made of regex metacharacters stay literal, bad arguments name the field.
 */
import fc from 'fast-check';

import {
	classifyComplaint,
	createComplaintClassifier,
	defaultTaxonomy,
} from '../../../lib/complaints';
import { foldText } from '../../../lib/complaints/fold';
import { stemWord } from '../../../lib/complaints/stem';

const ids = new Set([...defaultTaxonomy.categories.map((c) => c.id), 'unclassified']);

/** The matching key of a stretch of text: Porter stems of its English words, Han characters one by one. */
function source(text: string): string {
	const folded = foldText(text);
	const keys: string[] = [];
	for (const m of folded.matchAll(/[a-z0-9']+|[\u3400-\u9fff\uf900-\ufaff]/g))
		keys.push(/^[a-z0-9']+$/.test(m[0]) ? stemWord(m[0].replace(/'/g, '')) : m[0]);
	return keys.join(' ');
}

const words = [
	'scratch',
	'scratches',
	'cracked',
	'carton',
	'cartons',
	'crushed',
	'late',
	'delivery',
	'manual',
	'wrong',
	'label',
	'missing',
	'no',
	'not',
	"doesn't",
	'never',
	'without',
	'but',
	'fire',
	'smoke',
	'injury',
	'leak',
	'rust',
	'supplier',
	'material',
	'weld',
	'外箱',
	'破损',
	'划痕',
	'没有',
	'不',
	'冒烟',
	'起火',
	'漏电',
	'延迟',
	'说明书',
	'错误',
	'生锈',
	'焊接',
	'供应商',
	' ',
	' ',
	' ',
	', ',
	'. ',
	'，',
	'。',
	'、',
	'!',
	'?',
	'\n',
	'\t',
	'\u3000',
	'ＳＣＲＡＴＣＨ',
	'Ｌａｔｅ',
	'LATE',
	'Scratched',
	'PO# ',
	'lot ',
	'4500012345',
	'P/N: AB-1234',
	'😀',
	'\u0000',
	'\uFFFF',
	'\uD800',
	'İ',
	'ß',
	'\u200B',
	'\u202E',
];
const phrase = fc
	.array(fc.constantFrom(...words), { minLength: 1, maxLength: 60 })
	.map((p) => p.join(''));
const text = fc.oneof(
	phrase,
	phrase,
	fc.string({ minLength: 1, maxLength: 300 }),
	fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }),
);

function checkHits(t: string, hits: { start: number; end: number }[]): void {
	for (const k of hits) {
		expect(Number.isInteger(k.start) && Number.isInteger(k.end)).toBe(true);
		expect(k.start).toBeGreaterThanOrEqual(0);
		expect(k.end).toBeGreaterThan(k.start);
		expect(k.end).toBeLessThanOrEqual(t.length);
	}
}

describe('classifyComplaint on adversarial text', () => {
	test('never throws on non-blank text; offsets in range; exact hits cover their term; scores and confidence in range', () => {
		fc.assert(
			fc.property(text, (t) => {
				fc.pre(t.trim() !== '');
				const r = classifyComplaint(t);
				expect(ids.has(r.category)).toBe(true);
				expect(r.confidence).toBeGreaterThanOrEqual(0);
				expect(r.confidence).toBeLessThanOrEqual(1);
				for (const c of r.categories) expect(Number.isFinite(c.score) && c.score >= 0).toBe(true);
				checkHits(t, r.keywords);
				checkHits(t, r.negated);
				checkHits(t, r.severityTerms);
				for (const k of r.keywords)
					if (!k.fuzzy)
						expect({ term: k.term, slice: source(t.slice(k.start, k.end)) }).toEqual({
							term: k.term,
							slice: source(k.term),
						});
			}),
			{ numRuns: 1500 },
		);
	});

	test('bad text and bad options are refused naming the field', () => {
		for (const bad of [undefined, null, 42, {}, [], '', '   ', '\n\t']) {
			expect(() => classifyComplaint(bad as never)).toThrow(/text/);
		}
		expect(() => classifyComplaint('scratch', { modelWeight: 'x' } as never)).toThrow(
			/modelWeight/,
		);
		expect(() => classifyComplaint('scratch', { taxonomy: { categories: 'x' } } as never)).toThrow(
			/categor/,
		);
		expect(() =>
			classifyComplaint('scratch', { receivedAt: 'yesterday', tier: 'vip' } as never),
		).toThrow(/receivedAt/);
	});
});

describe('custom taxonomies built from hostile strings stay literal', () => {
	// Terms full of regular-expression syntax: a matcher that built a RegExp from them would crash,
	// match too much, or backtrack forever.
	const metaTerm = fc
		.array(
			fc.constantFrom(
				'(',
				')',
				'[',
				']',
				'*',
				'+',
				'?',
				'.',
				'\\',
				'^',
				'$',
				'|',
				'{',
				'}',
				'a',
				'b',
				'划',
				'痕',
				'x',
				'-',
			),
			{ minLength: 1, maxLength: 8 },
		)
		.map((p) => p.join(''));

	test("terms made of regex metacharacters: no crash, offsets cover the term's words", () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(metaTerm, { minLength: 1, maxLength: 5 }),
				fc.array(fc.constantFrom('zz ', ' ', '。', 'q'), { maxLength: 10 }),
				(terms, filler) => {
					let classify;
					try {
						classify = createComplaintClassifier({
							taxonomy: { categories: [{ id: 'odd', terms: { any: terms } }] },
							prior: false,
						});
					} catch (error) {
						// a term the compiler cannot use (e.g. nothing but punctuation) is refused by name
						expect((error as Error).message).toMatch(/term|taxonomy|categor/i);
						return;
					}
					const t = `start ${filler.join('')}${terms.join(' , ')} end`;
					const r = classify(t);
					checkHits(t, r.keywords);
					// matching is on word tokens and Han characters, punctuation is not part of a term's key
					for (const k of r.keywords)
						if (!k.fuzzy) expect(source(t.slice(k.start, k.end))).toBe(source(k.term));
					for (const k of r.keywords) expect(source(k.term)).not.toBe('');
				},
			),
			{ numRuns: 300 },
		);
	});

	test('a taxonomy with __proto__ / constructor ids or terms pollutes nothing', () => {
		const taxonomy = JSON.parse(
			'{"categories":[{"id":"__proto__","terms":{"en":["scratch"]}},{"id":"constructor","terms":{"__proto__":["carton"],"en":["toString"]}}]}',
		);
		let r;
		try {
			r = classifyComplaint('toString scratch carton hasOwnProperty', { taxonomy, prior: false });
		} catch (error) {
			expect((error as Error).message).toMatch(/id|categor|terms/);
		}
		if (r) expect(['__proto__', 'constructor', 'unclassified']).toContain(r.category);
		expect(({} as Record<string, unknown>).en).toBeUndefined();
		expect(Object.getPrototypeOf({})).toBe(Object.prototype);
	});
});

describe('matcher time on pathological text stays linear (coarse guard; bench/hostile measures)', () => {
	test('100 kB of near-miss repetitions classifies within seconds', () => {
		const unit = 'scratc scratchscratch 划划痕痕 no no not not ';
		const t = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
		const began = process.hrtime.bigint();
		const r = classifyComplaint(t);
		const ms = Number(process.hrtime.bigint() - began) / 1e6;
		checkHits(t, r.keywords);
		expect(ms).toBeLessThan(20_000);
	});
});

describe('reference numbers are not evidence', () => {
	// Bare numbers were once model features, so a ticket number appended to the same complaint
	// flipped its category ('... nobody told us. #24' went from delivery to service).
	test('appending "#<number>" never changes the category', () => {
		for (const text of [
			'Delivery was two weeks late and nobody told us.',
			'The charger started to smoke and the housing melted near the cable.',
		]) {
			const base = classifyComplaint(text).category;
			for (let n = 0; n <= 30; n++)
				expect({ n, category: classifyComplaint(`${text} #${n}`).category }).toEqual({
					n,
					category: base,
				});
		}
	});
});
