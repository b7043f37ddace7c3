import fc from 'fast-check';

import { classifyComplaint, defaultTaxonomy, maskPii } from '../../../lib/complaints';

const ids = new Set([...defaultTaxonomy.categories.map((c) => c.id), 'unclassified']);
// Text made of pieces real complaints contain: words, Chinese, cues, punctuation, full-width forms, digits.
const piece = fc.constantFrom(
	'scratch',
	'no',
	'not',
	'but',
	' ',
	', ',
	'. ',
	'没有',
	'划痕',
	'外箱',
	'不',
	'，',
	'。',
	'、',
	'ＬＯＴ',
	'１２３',
	'PO# ',
	'4500012345',
	'fire',
	'冒烟',
	'very',
	'严重',
	'late',
	'延迟',
	'a@b.co',
	'+86 138 1234 5678',
	'😀',
	'é',
);
const text = fc.oneof(
	fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join('')),
	fc.string({ minLength: 1, maxLength: 200 }),
	fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }),
);

describe('classifyComplaint on arbitrary text', () => {
	it('always returns a well-formed result whose offsets index the original text', () => {
		fc.assert(
			fc.property(text, (t) => {
				fc.pre(t.trim() !== '');
				const r = classifyComplaint(t);
				expect(ids.has(r.category)).toBe(true);
				expect(r.confidence).toBeGreaterThanOrEqual(0);
				expect(r.confidence).toBeLessThanOrEqual(1);
				expect(['critical', 'major', 'minor']).toContain(r.severity);
				expect(['zh', 'en', 'mixed']).toContain(r.language);
				for (const k of [...r.keywords, ...r.negated, ...r.identifiers, ...r.severityTerms]) {
					expect(k.start).toBeGreaterThanOrEqual(0);
					expect(k.end).toBeGreaterThan(k.start);
					expect(k.end).toBeLessThanOrEqual(t.length);
				}
				for (const id of r.identifiers) expect(t.slice(id.start, id.end)).toBe(id.value);
				for (const h of r.hazards) expect(t.slice(h.start, h.end)).toBe(h.term);
				if (r.hazards.length > 0) expect(r.severity).toBe('critical');
				expect(r.severityReason.startsWith(`${r.severity}: `)).toBe(true);
				if (r.category !== 'unclassified') expect(r.categories[0].id).toBe(r.category);
			}),
			{ numRuns: 400 },
		);
	});

	it('masking keeps the length and never touches text without @ or digits', () => {
		fc.assert(
			fc.property(text, (t) => {
				const masked = maskPii(t);
				expect(masked).toHaveLength(t.length);
				if (!/[@0-9]/.test(t)) expect(masked).toBe(t);
			}),
			{ numRuns: 400 },
		);
	});
});
