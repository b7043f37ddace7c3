import fc from 'fast-check';

import { scoreSuppliers, type SupplierScore } from '../../../lib/suppliers';

const supplier = fc.constantFrom('A', 'B', '__proto__', 'constructor');
const date = fc
	.record({ m: fc.integer({ min: 1, max: 4 }), d: fc.integer({ min: 1, max: 28 }) })
	.map(({ m, d }) => `2026-0${m}-${String(d).padStart(2, '0')}`);

const row = fc.oneof(
	fc.record({
		kind: fc.constant('receipt'),
		supplier,
		date,
		received: fc.integer({ min: 3, max: 5000 }),
		rejected: fc.integer({ min: 0, max: 3 }),
	}),
	fc.record({ kind: fc.constant('delivery'), supplier, date, promisedDate: date }),
	fc.record({
		kind: fc.constant('scar'),
		supplier,
		date: fc.constant('2026-01-01'),
		closedAt: fc.option(date, { nil: undefined }),
		respondedAt: fc.option(date, { nil: undefined }),
	}),
	fc.record({
		kind: fc.constant('complaint'),
		supplier,
		date,
		severity: fc.constantFrom('critical', 'major', 'minor'),
	}),
	fc.record({ kind: fc.constant('disruption'), supplier, date }),
);

const key = (c: SupplierScore) => `${c.supplier}|${c.period}`;
const withoutRows = (cards: SupplierScore[]) =>
	new Map(cards.map((c) => [key(c), { ...c, rows: undefined }]));

describe('properties over random inputs', () => {
	test('row order does not change any scorecard', () => {
		fc.assert(
			fc.property(
				fc
					.array(row, { minLength: 1, maxLength: 60 })
					.chain((rows) =>
						fc.tuple(
							fc.constant(rows),
							fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
						),
					),
				([rows, shuffled]) => {
					expect(withoutRows(scoreSuppliers(shuffled))).toEqual(withoutRows(scoreSuppliers(rows)));
				},
			),
			{ numRuns: 150 },
		);
	});

	test('scores stay within 0..100, effective weights sum to 1, grades follow the thresholds', () => {
		fc.assert(
			fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
				for (const c of scoreSuppliers(rows)) {
					expect(c.score).toBeGreaterThanOrEqual(0);
					expect(c.score).toBeLessThanOrEqual(100);
					const weights = c.metrics.filter((m) => !m.na).reduce((s, m) => s + m.weight, 0);
					expect(Math.abs(weights - 1)).toBeLessThan(1e-3);
					const expected = c.score >= 90 ? 'A' : c.score >= 80 ? 'B' : c.score >= 70 ? 'C' : 'D';
					expect(c.grade).toBe(expected);
					expect(c.flags.includes('grade_d')).toBe(c.grade === 'D');
				}
			}),
			{ numRuns: 150 },
		);
	});
});
