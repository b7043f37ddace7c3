import {
	classifyComplaint,
	createComplaintClassifier,
	defaultTaxonomy,
	mergeTaxonomy,
	mergeSeverityRules,
	defaultSeverityRules,
} from '../../../lib/complaints';

const terms = (text: string) => classifyComplaint(text).keywords.map((k) => k.term);

describe('classifyComplaint: categories and evidence', () => {
	it('names the category with the most evidence and gives offsets into the original text', () => {
		const text = 'The carton was crushed and two units have deep scratches.';
		const r = classifyComplaint(text);
		expect(r.category).toBe('logistics_packaging');
		const carton = r.keywords.find((k) => k.term === 'carton');
		expect(carton).toMatchObject({ category: 'logistics_packaging', start: 4, end: 10 });
		for (const k of r.keywords) expect(text.slice(k.start, k.end).length).toBe(k.end - k.start);
		expect(
			text.slice(r.keywords[r.keywords.length - 1].start, r.keywords[r.keywords.length - 1].end),
		).toBe('scratches');
	});

	it('stems English so cracked / cracks / cracking all match the same literal', () => {
		for (const w of ['cracked', 'cracks', 'cracking', 'Crack'])
			expect(classifyComplaint(`The housing ${w} at the hinge`).category).toBe('production');
	});

	it('folds full-width letters and case, offsets still point at the original characters', () => {
		const text = 'ＣＡＲＴＯＮ　ＣＲＵＳＨＥＤ';
		const r = classifyComplaint(text);
		expect(r.category).toBe('logistics_packaging');
		expect(r.keywords.map((k) => text.slice(k.start, k.end))).toEqual([
			'ＣＡＲＴＯＮ',
			'ＣＲＵＳＨＥＤ',
		]);
	});

	it('matches Chinese terms at character level with offsets', () => {
		const text = '收到的货物外箱破损，产品有划痕';
		const r = classifyComplaint(text);
		expect(r.category).toBe('logistics_packaging');
		const hit = r.keywords.find((k) => k.term === '划痕');
		expect(hit).toMatchObject({ category: 'production', start: 13, end: 15 });
		expect(r.language).toBe('zh');
	});

	it('returns the ranked categories, all taxonomy ids, scores descending', () => {
		const r = classifyComplaint('交货延迟了两个星期');
		expect(r.categories.map((c) => c.id).sort()).toEqual(
			defaultTaxonomy.categories.map((c) => c.id).sort(),
		);
		for (let i = 1; i < r.categories.length; i++)
			expect(r.categories[i - 1].score).toBeGreaterThanOrEqual(r.categories[i].score);
		expect(r.category).toBe('delivery');
	});

	it('is not swayed by an order label or an e-mail signature', () => {
		const mail =
			'Order no. 4500012345: scratches on the housing.\n\nBest regards,\nJohn Smith\nPurchasing Manager\nPhone: +1 415 555 0100\nEmail: john@acme.com';
		expect(classifyComplaint(mail).category).toBe('production');
	});

	it("says 'unclassified' with confidence 0 when nothing matches", () => {
		const r = classifyComplaint('Hello, see you at the trade fair next month.');
		expect(r.category).toBe('unclassified');
		expect(r.confidence).toBe(0);
		expect(r.keywords).toEqual([]);
	});

	it('detects language zh / en / mixed; acronyms do not make Chinese mixed', () => {
		expect(classifyComplaint('客户反馈PCB板有划痕').language).toBe('zh');
		expect(classifyComplaint('The screen is scratched').language).toBe('en');
		expect(
			classifyComplaint('The housings from lot 2309 have 刮花 on the surface, 客户很不满意')
				.language,
		).toBe('mixed');
	});

	it('rejects bad text with an error naming the field', () => {
		expect(() => classifyComplaint('   ')).toThrow('text must be a non-empty string');
		expect(() => classifyComplaint(42 as unknown as string)).toThrow(
			'text must be a non-empty string',
		);
	});
});

describe('negation scope', () => {
	it.each([
		['no scratches', 'scratches'],
		['The valve is not leaking', 'leaking'],
		['没有划痕', '划痕'],
		['不漏水', '漏水'],
	])('%s is not evidence', (text, negated) => {
		const r = classifyComplaint(text);
		expect(r.keywords).toEqual([]);
		expect(r.negated.map((k) => text.slice(k.start, k.end))).toEqual([negated]);
		expect(r.category).toBe('unclassified');
	});

	it('measures Chinese scope in jieba words: 不会漏水 is negated (不会 is one word), 不 reaches no further', () => {
		expect(classifyComplaint('不会漏水').negated.map((k) => k.term)).toEqual(['漏水']);
		expect(classifyComplaint('不知道为什么漏水').keywords.map((k) => k.term)).toEqual(['漏水']);
	});

	it('未发现异常 yields no evidence at all', () => {
		expect(classifyComplaint('未发现异常').keywords).toEqual([]);
	});

	it('covers a list after the cue but stops at "but" and at a new clause', () => {
		expect(terms('no scratches, dents or cracks')).toEqual([]);
		expect(terms('No scratches but the hinge is cracked')).toEqual(['crack']);
		expect(terms('没有划痕，外箱压坏了')).toEqual(['外箱', '压坏']);
	});

	it('a postfix cue clears evidence before it ("外箱完好", "box was not damaged")', () => {
		expect(classifyComplaint('外箱完好，但产品表面有划痕').category).toBe('production');
		expect(classifyComplaint('The box was not damaged but the screen is cracked').category).toBe(
			'production',
		);
	});

	it('negated safety words do not make a complaint critical', () => {
		expect(classifyComplaint('Screen scratched. No smoke, no fire.').severity).toBe('minor');
		expect(classifyComplaint('没有冒烟，只是外壳有划痕').severity).toBe('minor');
	});

	it('phrases that contain a cue are literals, not negations ("no response", "doesn\'t work", "没有合格证")', () => {
		expect(classifyComplaint('Still no response from your support team').category).toBe('service');
		expect(classifyComplaint("The pump doesn't work").severity).toBe('major');
		expect(classifyComplaint('没有合格证').category).toBe('documentation');
	});
});

describe('scores: intensity and repetition', () => {
	// keywordScore: the raw keyword evidence (score also mixes in the built-in model).
	const score = (text: string, id: string) =>
		classifyComplaint(text).categories.find((c) => c.id === id)?.keywordScore ?? 0;
	it('an intensifier before the evidence raises its weight', () => {
		expect(score('very deep scratches', 'production')).toBeGreaterThan(
			score('scratches', 'production'),
		);
		expect(score('严重划伤', 'production')).toBe(2 * score('划伤', 'production'));
	});
	it('repeated evidence adds up', () => {
		expect(score('划痕。划痕。划痕。', 'production')).toBe(3 * score('划痕', 'production'));
		expect(score('scratch here, scratch there', 'production')).toBe(
			2 * score('scratch', 'production'),
		);
	});
	it('confidence grows with evidence and stays within 0..1', () => {
		const weak = classifyComplaint('box').confidence;
		const strong = classifyComplaint(
			'The box is crushed, the carton torn and the pallet collapsed',
		).confidence;
		expect(weak).toBeGreaterThan(0);
		expect(strong).toBeGreaterThan(weak);
		expect(strong).toBeLessThanOrEqual(1);
	});
});

describe('severity', () => {
	it.each([
		['The charger caught fire on the desk', 'critical'],
		['插座冒烟了', 'critical'],
		['用户被烫伤', 'critical'],
		['外壳漏电', 'critical'],
		['Stopped working after two days', 'major'],
		['开不了机', 'major'],
		['Light scratches on the lid', 'minor'],
	])('%s -> %s', (text, severity) => {
		expect(classifyComplaint(text).severity).toBe(severity);
	});

	it('is configurable: extra critical words, other default', () => {
		const severity = mergeSeverityRules(defaultSeverityRules, {
			critical: ['sharp point'],
			major: [],
			default: 'major',
		});
		const classify = createComplaintClassifier({ severity });
		expect(classify('The toy has a sharp point').severity).toBe('critical');
		expect(classify('The lid has scratches').severity).toBe('major');
	});
});

describe('taxonomy', () => {
	it('can be extended with a new category whose terms are literals, not regular expressions', () => {
		const taxonomy = mergeTaxonomy(defaultTaxonomy, {
			categories: [{ id: 'noise', terms: { en: ['squeak', 'x(y+)+z'], zh: ['吱吱响'] } }],
		});
		const classify = createComplaintClassifier({ taxonomy });
		expect(classify('The door squeaks').category).toBe('noise');
		expect(classify('门一开就吱吱响').category).toBe('noise');
		expect(classify('x y z').category).toBe('noise');
		expect(classify('xyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy!').category).toBe('unclassified');
	});

	it('can be replaced', () => {
		const classify = createComplaintClassifier({
			taxonomy: { categories: [{ id: 'only', terms: { en: ['widget'] } }] },
		});
		expect(classify('broken widget').categories.map((c) => c.id)).toEqual(['only']);
	});

	it('rejects a bad taxonomy naming the field', () => {
		expect(() => createComplaintClassifier({ taxonomy: { categories: [] } })).toThrow(
			'taxonomy.categories must be a non-empty array',
		);
		expect(() =>
			createComplaintClassifier({ taxonomy: { categories: [{ id: 'x', terms: { en: [''] } }] } }),
		).toThrow('taxonomy.categories[0].terms.en[0]');
		expect(() =>
			createComplaintClassifier({
				taxonomy: { categories: [{ id: 'x', terms: { en: ['...'] } }] },
			}),
		).toThrow("term '...'");
	});

	it('matching stays linear: a long text with many near-matches is fast', () => {
		// Every 'design' starts a partial 'design flaw'; a naive matcher would rescan them all.
		const text = 'design '.repeat(20000) + 'flaw';
		const t0 = Date.now();
		const r = classifyComplaint(text);
		expect(Date.now() - t0).toBeLessThan(3000);
		expect(r.keywords).toHaveLength(20000);
		expect(r.keywords[19999]).toMatchObject({ term: 'design flaw', end: text.length });
	});
});

describe('typos', () => {
	it('matches a single English word with one typo at a lower weight', () => {
		const r = classifyComplaint('Scrathes on the lid');
		expect(r.category).toBe('production');
		expect(r.keywords[0]).toMatchObject({ fuzzy: true, start: 0, end: 8 });
	});
	it('does not take a real word for a typo (detect is not defect)', () => {
		expect(classifyComplaint('We could not detect it').keywords).toEqual([]);
	});
});
