/**
 * A SCAR closed without a response date counts as answered when it was closed, and a metric
 * without rows for a supplier is n/a with its weight redistributed (docs/CONTRACT.md, Suppliers).
 * Hand-checked: every figure perfect scores 100.
 */
import { scoreSuppliers } from '../../../lib/suppliers';

const perfect = (supplier: string) => [
	{ kind: 'receipt', supplier, date: '2026-03-02', received: 1000, rejected: 0 },
	{ kind: 'delivery', supplier, date: '2026-03-03', promisedDate: '2026-03-03' },
];

describe('SCAR response', () => {
	it('a supplier with perfect figures and a SCAR closed on its opening day scores 100', () => {
		// Closed the day it opened, within the 2-day response and the 30-day closure: both 1 -> 100.
		// Without the rule, scar_response was 0 of 1 answered: 0 x weight 5 of 75 -> 93.33.
		const [card] = scoreSuppliers([
			...perfect('Acme'),
			{ kind: 'scar', supplier: 'Acme', date: '2026-03-04', closedAt: '2026-03-04' },
		]);
		expect(card.metrics.find((m) => m.id === 'scar_response')).toMatchObject({
			value: 1,
			score: 100,
		});
		expect(card.score).toBe(100);
		expect(card.grade).toBe('A');
	});

	it('closing late answers late; a response date given wins over the closing date', () => {
		const cards = scoreSuppliers([
			...perfect('Late'),
			{ kind: 'scar', supplier: 'Late', date: '2026-03-02', closedAt: '2026-03-09' },
			...perfect('Answered'),
			{
				kind: 'scar',
				supplier: 'Answered',
				date: '2026-03-02',
				respondedAt: '2026-03-03',
				closedAt: '2026-03-09',
			},
		]);
		const response = (supplier: string) =>
			cards.find((c) => c.supplier === supplier)?.metrics.find((m) => m.id === 'scar_response');
		expect(response('Late')).toMatchObject({ value: 0, score: 0 });
		expect(response('Answered')).toMatchObject({ value: 1, score: 100 });
	});
});

describe('no rows for a supplier', () => {
	it('leaves its SCAR metrics n/a and shares their weight, never scoring them 0', () => {
		const cards = scoreSuppliers([
			...perfect('NoScar'),
			...perfect('WithScar'),
			{ kind: 'scar', supplier: 'WithScar', date: '2026-03-04', closedAt: '2026-03-04' },
		]);
		const card = cards.find((c) => c.supplier === 'NoScar')!;
		for (const id of ['scar_on_time', 'scar_response'])
			expect(card.metrics.find((m) => m.id === id)).toMatchObject({
				value: null,
				score: null,
				na: true,
			});
		expect(card.score).toBe(100);
	});
});
