import {
	classifyComplaint,
	createComplaintClassifier,
	loadComplaintModel,
	maskPii,
	responseDeadline,
	trainComplaintModel,
	predictCategories,
	defaultSla,
	defaultTaxonomy,
} from '../../../lib/complaints';
import { featuresOfUnits } from '../../../lib/complaints/model';
import { toUnits } from '../../../lib/complaints/tokenize';

const featuresOf = (text: string) => featuresOfUnits(toUnits(text));
import corpus from '../../fixtures/complaints/corpus.json';
import prior from '../../../lib/complaints/taxonomy/prior-model.json';
import heldout from '../../fixtures/complaints/heldout.json';

describe('identifiers', () => {
	it('finds part, lot and order numbers after English and Chinese labels', () => {
		const text =
			'PO# 4500012345, lot no.: 23A-0457, P/N 12-3456-01. 批号：2305-118，订单号 SO20230815';
		const ids = classifyComplaint(text).identifiers.map(({ kind, value }) => `${kind}=${value}`);
		expect(ids).toEqual([
			'order=4500012345',
			'lot=23A-0457',
			'part=12-3456-01',
			'lot=2305-118',
			'order=SO20230815',
		]);
		for (const id of classifyComplaint(text).identifiers)
			expect(text.slice(id.start, id.end)).toBe(id.value);
	});
	it('ignores labels followed by plain words ("the order was late", "lot of them")', () => {
		expect(
			classifyComplaint('The order was late and a lot of them were scratched').identifiers,
		).toEqual([]);
	});
	it('takes configured shapes (# digit, A letter, X either) as fixed templates', () => {
		const classify = createComplaintClassifier({
			identifiers: [{ kind: 'serial', shapes: ['SN-####AA'] }],
		});
		expect(classify('Units SN-1234AB and SN-99 are scratched').identifiers).toEqual([
			{ kind: 'serial', value: 'SN-1234AB', start: 6, end: 15 },
		]);
	});
	it('a hostile input against a shape stays fast (no backtracking)', () => {
		const classify = createComplaintClassifier({
			identifiers: [{ kind: 'x', shapes: ['########################################'] }],
		});
		const t0 = Date.now();
		classify('scratch ' + '1'.repeat(100000) + 'a');
		expect(Date.now() - t0).toBeLessThan(3000);
	});
	it('rejects bad patterns naming the field', () => {
		expect(() => createComplaintClassifier({ identifiers: [{ kind: '', labels: ['x'] }] })).toThrow(
			'identifiers[0].kind',
		);
		expect(() =>
			createComplaintClassifier({ identifiers: [{ kind: 'a', shapes: ['#'] }] }),
		).toThrow('identifiers[0].shapes[0]');
	});
});

describe('PII masking', () => {
	it('masks e-mails and phones keeping the length', () => {
		const text = 'Mail li.wei@example.com or call +86 138-1234-5678 / 13812345678';
		const masked = maskPii(text);
		expect(masked).toBe('Mail l*****@example.com or call +** ***-****-**78 / *********78');
		expect(masked).toHaveLength(text.length);
	});
	it('leaves dates, short numbers and extracted order numbers alone', () => {
		const r = createComplaintClassifier({ maskPii: true })(
			'PO 4500012345 received 2026-11-20, 500 pcs, call 021-6234 5678',
		);
		expect(r.maskedText).toBe('PO 4500012345 received 2026-11-20, 500 pcs, call ***-**** **78');
	});
});

describe('response deadline', () => {
	it('VIP: 24 calendar hours in the customer zone', () => {
		const d = responseDeadline({
			receivedAt: '2026-11-20T09:30:00+08:00',
			tier: 'vip',
			timeZone: 'Asia/Shanghai',
		});
		expect(d).toMatchObject({
			tier: 'vip',
			hours: 24,
			dueAt: '2026-11-21T09:30:00.000+08:00',
			receivedAt: '2026-11-20T09:30:00.000+08:00',
		});
	});
	it('business days skip the weekend in the customer zone (Friday 17:00 Berlin + 24 h -> Monday 17:00)', () => {
		const sla = { ...defaultSla, businessDays: true };
		const d = responseDeadline({
			receivedAt: '2026-11-20T16:00:00Z',
			tier: 'vip',
			timeZone: 'Europe/Berlin',
			sla,
		});
		expect(d.dueAt).toBe('2026-11-23T17:00:00.000+01:00');
	});
	it('a complaint received on Saturday starts counting on Monday 00:00; holidays are skipped too', () => {
		const sla = { ...defaultSla, businessDays: true, holidays: ['2026-11-23'] };
		const d = responseDeadline({
			receivedAt: '2026-11-21T10:00:00+08:00',
			tier: 'vip',
			timeZone: 'Asia/Shanghai',
			sla,
		});
		expect(d.dueAt).toBe('2026-11-25T00:00:00.000+08:00');
	});
	it('standard tier by default; 72 h across the DST change in New York is 72 real hours', () => {
		const d = responseDeadline({
			receivedAt: '2026-10-31T12:00:00-04:00',
			timeZone: 'America/New_York',
		});
		expect(d.tier).toBe('standard');
		expect(d.dueAt).toBe('2026-11-03T11:00:00.000-05:00');
	});
	it('rejects unknown tiers, zones and times naming the field', () => {
		expect(() => responseDeadline({ receivedAt: '2026-11-20T00:00:00Z', tier: 'gold' })).toThrow(
			"tier: 'gold'",
		);
		expect(() =>
			responseDeadline({ receivedAt: '2026-11-20T00:00:00Z', timeZone: 'Mars/Base' }),
		).toThrow('timeZone');
		expect(() => responseDeadline({ receivedAt: 'yesterday' })).toThrow('receivedAt');
	});
	it('comes with the classification when a tier is given', () => {
		const r = createComplaintClassifier({
			tier: 'vip',
			timeZone: 'Asia/Shanghai',
			receivedAt: '2026-11-20T09:30:00+08:00',
		})('外箱破损');
		expect(r.deadline?.dueAt).toBe('2026-11-21T09:30:00.000+08:00');
	});
});

describe('learned model', () => {
	const examples = [
		{ text: 'The hinge squeaks loudly when opening', category: 'noise' },
		{ text: 'Terrible squeaking noise from the hinge', category: 'noise' },
		{ text: '门铰链有吱吱的噪音', category: 'noise' },
		{ text: 'Invoice amount is wrong', category: 'billing' },
		{ text: 'We were charged twice on the invoice', category: 'billing' },
		{ text: '发票金额开错了', category: 'billing' },
	];
	it('trains, serialises to JSON, reloads and predicts the same', () => {
		const model = trainComplaintModel(examples);
		const json = JSON.stringify(model);
		const again = loadComplaintModel(json);
		const a = createComplaintClassifier({
			model,
			taxonomy: {
				categories: [
					{ id: 'noise', terms: { en: ['noise'] } },
					{ id: 'billing', terms: { en: ['invoice'] } },
				],
			},
		});
		const b = createComplaintClassifier({
			model: again,
			taxonomy: {
				categories: [
					{ id: 'noise', terms: { en: ['noise'] } },
					{ id: 'billing', terms: { en: ['invoice'] } },
				],
			},
		});
		expect(a('the hinge squeaks').category).toBe('noise');
		expect(b('the hinge squeaks')).toEqual(a('the hinge squeaks'));
		expect(b('发票开错了').category).toBe('billing');
	});
	it('combines model and keywords: scores mix keyword share and model probability', () => {
		const r = createComplaintClassifier({ examples, modelWeight: 0.5 })(
			'The hinge squeaks and the box is crushed',
		);
		const noise = r.categories.find((c) => c.id === 'noise');
		const box = r.categories.find((c) => c.id === 'logistics_packaging');
		expect(noise?.modelProbability).toBeGreaterThan(0.5);
		expect(box?.keywordScore).toBeGreaterThan(0);
		expect(box?.score).toBeCloseTo(0.5 * 1 + 0.5 * (box?.modelProbability ?? 0), 3);
	});
	it('scores naive Bayes exactly like natural does (normalised), over the present features only', () => {
		const model = trainComplaintModel(examples);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { BayesClassifier } = require('natural/lib/natural/classifiers');
		const natural = BayesClassifier.restore(JSON.parse(JSON.stringify(model.state)));
		for (const text of ['the hinge squeaks', '发票金额开错了', 'invoice noise 噪音']) {
			const ours = predictCategories(model, text);
			const theirs = natural.getClassifications(featuresOf(text)) as {
				label: string;
				value: number;
			}[];
			const total = theirs.reduce((a, c) => a + c.value, 0);
			for (const c of theirs)
				expect(ours.find((o) => o.label === c.label)?.probability).toBeCloseTo(c.value / total, 10);
		}
	});

	it('rejects bad models and examples naming the field', () => {
		expect(() => loadComplaintModel('{')).toThrow('model is not valid JSON');
		expect(() => loadComplaintModel({ format: 'x' } as never)).toThrow('model.format');
		expect(() => trainComplaintModel([{ text: 'a', category: 'x' }])).toThrow(
			'at least two categories',
		);
		expect(() => trainComplaintModel([{ text: '', category: 'x' }])).toThrow('examples[0].text');
	});
});

describe('default taxonomy on the hand-labelled corpus', () => {
	const rows = corpus.complaints;
	const ids = defaultTaxonomy.categories.map((c) => c.id);
	const metrics = (predicted: string[], truth: string[]) => {
		let f1Sum = 0;
		for (const id of ids) {
			const tp = truth.filter((t, i) => t === id && predicted[i] === id).length;
			const fp = truth.filter((t, i) => t !== id && predicted[i] === id).length;
			const fn = truth.filter((t, i) => t === id && predicted[i] !== id).length;
			const p = tp / (tp + fp || 1);
			const r = tp / (tp + fn || 1);
			f1Sum += p + r > 0 ? (2 * p * r) / (p + r) : 0;
		}
		return {
			accuracy: truth.filter((t, i) => predicted[i] === t).length / truth.length,
			macroF1: f1Sum / ids.length,
		};
	};

	it('has at least 300 complaints covering every category, severity and language', () => {
		expect(rows.length).toBeGreaterThanOrEqual(300);
		for (const id of ids)
			expect(rows.filter((r) => r.category === id).length).toBeGreaterThanOrEqual(30);
		for (const s of ['critical', 'major', 'minor'])
			expect(rows.filter((r) => r.severity === s).length).toBeGreaterThanOrEqual(15);
		for (const l of ['zh', 'en', 'mixed'])
			expect(rows.filter((r) => r.language === l).length).toBeGreaterThanOrEqual(20);
	});

	it('keywords alone (no model): accuracy and macro-F1 >= 0.88, severity >= 0.85, language >= 0.95', () => {
		const classify = createComplaintClassifier({ prior: false });
		const results = rows.map((r) => classify(r.text));
		const m = metrics(
			results.map((r) => r.category),
			rows.map((r) => r.category),
		);
		const severity = rows.filter((r, i) => results[i].severity === r.severity).length / rows.length;
		const language = rows.filter((r, i) => results[i].language === r.language).length / rows.length;
		console.log(
			`corpus keywords only: n=${rows.length} accuracy=${m.accuracy.toFixed(3)} macroF1=${m.macroF1.toFixed(3)} severity=${severity.toFixed(3)} language=${language.toFixed(3)}`,
		);
		expect(m.accuracy).toBeGreaterThanOrEqual(0.88);
		expect(m.macroF1).toBeGreaterThanOrEqual(0.88);
		expect(severity).toBeGreaterThanOrEqual(0.85);
		expect(language).toBeGreaterThanOrEqual(0.95);
	});

	it('the default classifier (keywords + built-in model trained on this corpus): accuracy and macro-F1 >= 0.95', () => {
		const results = rows.map((r) => classifyComplaint(r.text).category);
		const m = metrics(
			results,
			rows.map((r) => r.category),
		);
		console.log(
			`corpus default (model trained on it): accuracy=${m.accuracy.toFixed(3)} macroF1=${m.macroF1.toFixed(3)}`,
		);
		expect(m.accuracy).toBeGreaterThanOrEqual(0.95);
		expect(m.macroF1).toBeGreaterThanOrEqual(0.95);
	});

	it('keywords + a model trained on the other folds (5-fold cross-validation): accuracy and macro-F1 >= 0.85', () => {
		const predicted: string[] = [];
		const truth: string[] = [];
		for (let k = 0; k < 5; k++) {
			const train = rows.filter((_, i) => i % 5 !== k);
			const model = trainComplaintModel(train.map((r) => ({ text: r.text, category: r.category })));
			const classify = createComplaintClassifier({ model, modelWeight: 0.4 });
			for (const r of rows.filter((_, i) => i % 5 === k)) {
				predicted.push(classify(r.text).category);
				truth.push(r.category);
			}
		}
		const m = metrics(predicted, truth);
		console.log(
			`corpus 5-fold keywords+model: accuracy=${m.accuracy.toFixed(3)} macroF1=${m.macroF1.toFixed(3)}`,
		);
		expect(m.accuracy).toBeGreaterThanOrEqual(0.85);
		expect(m.macroF1).toBeGreaterThanOrEqual(0.85);
	});

	it('the built-in prior is trained on exactly this corpus (regenerate with bench/complaints/train-prior.js)', () => {
		expect(prior.examples).toBe(rows.length);
		const fresh = trainComplaintModel(rows.map((r) => ({ text: r.text, category: r.category })));
		expect(fresh.state.features).toEqual(prior.state.features);
	});
});

describe('held-out complaints (written after the taxonomy and the built-in model were frozen)', () => {
	it('the default classifier keeps accuracy >= 0.8 on them', () => {
		const rows = heldout.complaints;
		const correct = rows.filter((r) => classifyComplaint(r.text).category === r.category).length;
		console.log(`held-out: n=${rows.length} accuracy=${(correct / rows.length).toFixed(3)}`);
		expect(rows.length).toBeGreaterThanOrEqual(40);
		expect(correct / rows.length).toBeGreaterThanOrEqual(0.8);
	});
});
