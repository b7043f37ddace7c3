import { rankAndTrend, type SupplierGrade, type SupplierScore } from '../../../lib/suppliers';

const card = (
	supplier: string,
	period: string,
	score: number,
	grade: SupplierGrade,
): SupplierScore => ({
	supplier,
	period,
	periodStart: '',
	periodEnd: '',
	score,
	grade,
	metrics: [],
	rank: 0,
	rankOf: 0,
	specialStatus: false,
	flags: [],
	notes: [],
});

describe('rankAndTrend (scorecards built outside scoreSuppliers)', () => {
	test('ranks per period with shared ranks for ties, trends against the previous label, flags', () => {
		// 2026-03: Z 95 rank 1; A and B 72 share rank 2 (A first by name); 3 suppliers.
		// A: 80 (B) -> 75 (C): trend -5; -> 72 (C): trend -3 and C twice in a row. B has no February.
		const done = rankAndTrend(
			[
				card('B', '2026-03', 72, 'C'),
				card('A', '2026-03', 72, 'C'),
				card('Z', '2026-03', 95, 'A'),
				card('A', '2026-01', 80, 'B'),
				card('A', '2026-02', 75, 'C'),
			],
			{ critical: (c) => c.supplier === 'Z' },
		);
		expect(
			done.map((c) => [
				c.supplier,
				c.period,
				c.rank,
				c.rankOf,
				c.trend,
				c.previousGrade,
				c.flags,
				c.specialStatus,
			]),
		).toEqual([
			['A', '2026-01', 1, 1, undefined, undefined, [], false],
			['A', '2026-02', 1, 1, -5, 'B', [], false],
			['Z', '2026-03', 1, 3, undefined, undefined, ['critical_complaint'], true],
			['A', '2026-03', 2, 3, -3, 'C', ['two_periods_c'], true],
			['B', '2026-03', 2, 3, undefined, undefined, [], false],
		]);
	});
});
