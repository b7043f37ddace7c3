import {
	classifyComplaint,
	createComplaintClassifier,
	loadComplaintModel,
	maskPii,
	responseDeadline,
	trainComplaintModel,
	defaultSla,
} from '../../../lib/complaints';
import corpus from '../../fixtures/complaints/corpus.json';

describe('identifiers', () => {
	it('finds part, lot and order numbers after English and Chinese labels', () => {
		const text = 'PO# 4500012345, lot no.: 23A-0457, P/N 12-3456-01. 批号：2305-118，订单号 SO20230815';
		const ids = classifyComplaint(text).identifiers.map(({ kind, value }) => `${kind}=${value}`);
		expect(ids).toEqual(['order=4500012345', 'lot=23A-0457', 'part=12-3456-01', 'lot=2305-118', 'order=SO20230815']);
		for (const id of classifyComplaint(text).identifiers) expect(text.slice(id.start, id.end)).toBe(id.value);
	});
	it('ignores labels followed by plain words ("the order was late", "lot of them")', () => {
		expect(classifyComplaint('The order was late and a lot of them were scratched').identifiers).toEqual([]);
	});
	it('takes configured shapes (# digit, A letter, X either) as fixed templates', () => {
		const classify = createComplaintClassifier({ identifiers: [{ kind: 'serial', shapes: ['SN-####AA'] }] });
		expect(classify('Units SN-1234AB and SN-99 are scratched').identifiers).toEqual([{ kind: 'serial', value: 'SN-1234AB', start: 6, end: 15 }]);
	});
	it('a hostile input against a shape stays fast (no backtracking)', () => {
		const classify = createComplaintClassifier({ identifiers: [{ kind: 'x', shapes: ['########################################'] }] });
		const t0 = Date.now();
		classify('scratch ' + '1'.repeat(100000) + 'a');
		expect(Date.now() - t0).toBeLessThan(3000);
	});
	it('rejects bad patterns naming the field', () => {
		expect(() => createComplaintClassifier({ identifiers: [{ kind: '', labels: ['x'] }] })).toThrow('identifiers[0].kind');
		expect(() => createComplaintClassifier({ identifiers: [{ kind: 'a', shapes: ['#'] }] })).toThrow('identifiers[0].shapes[0]');
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
		const r = createComplaintClassifier({ maskPii: true })('PO 4500012345 received 2026-11-20, 500 pcs, call 021-6234 5678');
		expect(r.maskedText).toBe('PO 4500012345 received 2026-11-20, 500 pcs, call ***-**** **78');
	});
});

describe('response deadline', () => {
	it('VIP: 24 calendar hours in the customer zone', () => {
		const d = responseDeadline({ receivedAt: '2026-11-20T09:30:00+08:00', tier: 'vip', timeZone: 'Asia/Shanghai' });
		expect(d).toMatchObject({ tier: 'vip', hours: 24, dueAt: '2026-11-21T09:30:00.000+08:00', receivedAt: '2026-11-20T09:30:00.000+08:00' });
	});
	it('business days skip the weekend in the customer zone (Friday 17:00 Berlin + 24 h -> Monday 17:00)', () => {
		const sla = { ...defaultSla, businessDays: true };
		const d = responseDeadline({ receivedAt: '2026-11-20T16:00:00Z', tier: 'vip', timeZone: 'Europe/Berlin', sla });
		expect(d.dueAt).toBe('2026-11-23T17:00:00.000+01:00');
	});
	it('a complaint received on Saturday starts counting on Monday 00:00; holidays are skipped too', () => {
		const sla = { ...defaultSla, businessDays: true, holidays: ['2026-11-23'] };
		const d = responseDeadline({ receivedAt: '2026-11-21T10:00:00+08:00', tier: 'vip', timeZone: 'Asia/Shanghai', sla });
		expect(d.dueAt).toBe('2026-11-25T00:00:00.000+08:00');
	});
	it('standard tier by default; 72 h across the DST change in New York is 72 real hours', () => {
		const d = responseDeadline({ receivedAt: '2026-10-31T12:00:00-04:00', timeZone: 'America/New_York' });
		expect(d.tier).toBe('standard');
		expect(d.dueAt).toBe('2026-11-03T11:00:00.000-05:00');
	});
	it('rejects unknown tiers, zones and times naming the field', () => {
		expect(() => responseDeadline({ receivedAt: '2026-11-20T00:00:00Z', tier: 'gold' })).toThrow("tier 'gold'");
		expect(() => responseDeadline({ receivedAt: '2026-11-20T00:00:00Z', timeZone: 'Mars/Base' })).toThrow('timeZone');
		expect(() => responseDeadline({ receivedAt: 'yesterday' })).toThrow('receivedAt');
	});
	it('comes with the classification when a tier is given', () => {
		const r = createComplaintClassifier({ tier: 'vip', timeZone: 'Asia/Shanghai', receivedAt: '2026-11-20T09:30:00+08:00' })('外箱破损');
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
		const a = createComplaintClassifier({ model, taxonomy: { categories: [{ id: 'noise', terms: { en: ['noise'] } }, { id: 'billing', terms: { en: ['invoice'] } }] } });
		const b = createComplaintClassifier({ model: again, taxonomy: { categories: [{ id: 'noise', terms: { en: ['noise'] } }, { id: 'billing', terms: { en: ['invoice'] } }] } });
		expect(a('the hinge squeaks').category).toBe('noise');
		expect(b('the hinge squeaks')).toEqual(a('the hinge squeaks'));
		expect(b('发票开错了').category).toBe('billing');
	});
	it('combines model and keywords: scores mix keyword share and model probability', () => {
		const r = createComplaintClassifier({ examples, modelWeight: 0.5 })('The hinge squeaks and the box is crushed');
		const noise = r.categories.find((c) => c.id === 'noise');
		const box = r.categories.find((c) => c.id === 'logistics_packaging');
		expect(noise?.modelProbability).toBeGreaterThan(0.5);
		expect(box?.keywordScore).toBeGreaterThan(0);
		expect(box?.score).toBeCloseTo(0.5 * 1 + 0.5 * (box?.modelProbability ?? 0), 3);
	});
	it('rejects bad models and examples naming the field', () => {
		expect(() => loadComplaintModel('{')).toThrow('model is not valid JSON');
		expect(() => loadComplaintModel({ format: 'x' } as never)).toThrow('model.format');
		expect(() => trainComplaintModel([{ text: 'a', category: 'x' }])).toThrow('at least two categories');
		expect(() => trainComplaintModel([{ text: '', category: 'x' }])).toThrow('examples[0].text');
	});
});

describe('default taxonomy on the hand-labelled corpus', () => {
	const rows = corpus.complaints;
	const ids = ['design', 'production', 'supplier_material', 'logistics_packaging', 'service', 'documentation', 'delivery'];
	const predicted = rows.map((r) => classifyComplaint(r.text));

	it('has at least 300 complaints covering every category, severity and language', () => {
		expect(rows.length).toBeGreaterThanOrEqual(300);
		for (const id of ids) expect(rows.filter((r) => r.category === id).length).toBeGreaterThanOrEqual(30);
		for (const s of ['critical', 'major', 'minor']) expect(rows.some((r) => r.severity === s)).toBe(true);
		for (const l of ['zh', 'en', 'mixed']) expect(rows.filter((r) => r.language === l).length).toBeGreaterThanOrEqual(20);
	});

	it('reaches accuracy >= 0.9 and macro-F1 >= 0.9', () => {
		let correct = 0;
		let f1Sum = 0;
		rows.forEach((r, i) => (correct += predicted[i].category === r.category ? 1 : 0));
		for (const id of ids) {
			const tp = rows.filter((r, i) => r.category === id && predicted[i].category === id).length;
			const fp = rows.filter((r, i) => r.category !== id && predicted[i].category === id).length;
			const fn = rows.filter((r, i) => r.category === id && predicted[i].category !== id).length;
			const p = tp / (tp + fp || 1);
			const rc = tp / (tp + fn || 1);
			f1Sum += p + rc > 0 ? (2 * p * rc) / (p + rc) : 0;
		}
		const accuracy = correct / rows.length;
		const macroF1 = f1Sum / ids.length;
		console.log(`corpus: n=${rows.length} accuracy=${accuracy.toFixed(3)} macroF1=${macroF1.toFixed(3)}`);
		expect(accuracy).toBeGreaterThanOrEqual(0.9);
		expect(macroF1).toBeGreaterThanOrEqual(0.9);
	});

	it('gets severity right for >= 85% and language for >= 95%', () => {
		const sev = rows.filter((r, i) => predicted[i].severity === r.severity).length / rows.length;
		const lang = rows.filter((r, i) => predicted[i].language === r.language).length / rows.length;
		console.log(`corpus: severity=${sev.toFixed(3)} language=${lang.toFixed(3)}`);
		expect(sev).toBeGreaterThanOrEqual(0.85);
		expect(lang).toBeGreaterThanOrEqual(0.95);
	});
});
