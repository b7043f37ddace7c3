import {
	analyzeSuppliers,
	scoreSuppliers,
	type SupplierMetricResult as MetricResult,
	type SupplierScore,
} from '../../../lib/suppliers';
import { HAND_CHECKED_ROWS } from '../../fixtures/suppliers/handChecked';

/*
 * Hand-checked scorecard, default scheme. Default curves (target -> 100, limit -> 0, linear):
 * ppm 0 -> 1000, lot_acceptance 1 -> 0.9, otd 1 -> 0.8, scar_on_time / scar_response 1 -> 0.5,
 * complaints 0 -> 5, disruptions 0 -> 2. Weights 25, 10, 25, 10, 5, 15, 10 (sum 100).
 * The input has complaint and disruption rows, so these counts are 0 (not n/a) for suppliers
 * without such rows. Latest event: 2026-03-31, so open SCARs are judged as of that day.
 *
 * Alpha 2026-02: ppm 1/2000 = 500 -> 50; lots 19/20 = 0.95 -> 50; otd 9/10 = 0.9 -> 50;
 *   no SCAR -> scar_on_time and scar_response n/a (weights 10 + 5 redistributed over 85);
 *   complaints 1 -> 80; disruptions 0 -> 100.
 *   score = (25*50 + 10*50 + 25*50 + 15*80 + 10*100) / 85 = 5200 / 85 = 61.176 -> 61.18, D.
 * Alpha 2026-03: ppm 0, lots 2/2, otd 2/2 (one early, one on the promised day), SCAR 1 closed on its
 *   due day and answered on day 2 after opening (limit), the SCAR of 03-30 is not yet due for
 *   response (04-01) or closure (04-29) -> pending, left out. Everything 100 -> 100, A; trend +38.82.
 * Beta 2026-03: ppm 2/10000 = 200 -> 80; lots 19/20 -> 50; otd 19/20 = 0.95 -> 75;
 *   SCAR 1 (no dueAt -> due 04-01) closed 03-30 on time, answered after 1 day on time;
 *   SCAR 2 due 03-20 still open on 03-31 -> late, answered after 4 days -> late;
 *   scar_on_time 1/2 -> 0, scar_response 1/2 -> 0; complaints 2 -> 60; disruptions 1 -> 50.
 *   score = (25*80 + 10*50 + 25*75 + 10*0 + 5*0 + 15*60 + 10*50) / 100 = 57.75, D; critical complaint.
 * Gamma 2026-02: ppm 1/10000 = 100 -> 90; lots 1/2 -> 0 (below the limit); otd 19/20 -> 75;
 *   SCARs n/a; complaints 0 -> 100; disruptions 0 -> 100.
 *   score = (25*90 + 0 + 25*75 + 1500 + 1000) / 85 = 6625 / 85 = 77.94, C.
 * Gamma 2026-03: as February but otd 9/10 -> 50: (2250 + 1250 + 2500) / 85 = 70.59, C again
 *   -> two_periods_c; trend 70.59 - 77.94 = -7.35.
 * Delta 2026-03: ppm 0 -> 100; lots 1/1 -> 100; otd 19/20 -> 75; SCARs n/a; complaints 1 -> 80;
 *   disruptions 0 -> 100. score = (2500 + 1000 + 1875 + 1200 + 1000) / 85 = 89.12, B.
 * Ranks: February Gamma 1, Alpha 2; March Alpha 1, Delta 2, Gamma 3, Beta 4.
 */

const cards = scoreSuppliers(HAND_CHECKED_ROWS);
const card = (supplier: string, period: string): SupplierScore => {
	const found = cards.find((c) => c.supplier === supplier && c.period === period);
	if (!found) throw new Error(`no scorecard for ${supplier} ${period}`);
	return found;
};
const metric = (c: SupplierScore, id: string): MetricResult => {
	const found = c.metrics.find((m) => m.id === id);
	if (!found) throw new Error(`no metric ${id}`);
	return found;
};
const summary = (c: SupplierScore) => [
	c.supplier,
	c.period,
	c.score,
	c.grade,
	c.rank,
	c.rankOf,
	c.trend,
	c.flags,
];

describe('hand-checked scorecard', () => {
	test('scores, grades, ranks, trends and flags of every supplier-period, in period and rank order', () => {
		expect(cards.map(summary)).toEqual([
			['Gamma', '2026-02', 77.94, 'C', 1, 2, undefined, []],
			['Alpha', '2026-02', 61.18, 'D', 2, 2, undefined, ['grade_d']],
			['Alpha', '2026-03', 100, 'A', 1, 4, 38.82, []],
			['Delta', '2026-03', 89.12, 'B', 2, 4, undefined, []],
			['Gamma', '2026-03', 70.59, 'C', 3, 4, -7.35, ['two_periods_c']],
			['Beta', '2026-03', 57.75, 'D', 4, 4, undefined, ['grade_d', 'critical_complaint']],
		]);
		expect(cards.map((c) => c.specialStatus)).toEqual([false, true, false, false, true, true]);
	});

	test('Alpha February: n/a metrics get weight 0 and the rest share it, said in the notes', () => {
		const c = card('Alpha', '2026-02');
		expect(
			c.metrics.map((m) => [
				m.id,
				m.value,
				m.score,
				m.weight,
				m.nominalWeight,
				m.contribution,
				m.na,
			]),
		).toEqual([
			['ppm', 500, 50, 0.2941, 0.25, 14.71, false],
			['lot_acceptance', expect.closeTo(0.95, 12), 50, 0.1176, 0.1, 5.88, false],
			['otd', 0.9, 50, 0.2941, 0.25, 14.71, false],
			['scar_on_time', null, null, 0, 0.1, null, true],
			['scar_response', null, null, 0, 0.05, null, true],
			['complaints', 1, 80, 0.1765, 0.15, 14.12, false],
			['disruptions', 0, 100, 0.1176, 0.1, 11.76, false],
		]);
		expect(c.notes).toEqual([
			'scar_on_time: no data (n/a); its weight 10% is redistributed over the other metrics in proportion to their weights.',
			'scar_response: no data (n/a); its weight 5% is redistributed over the other metrics in proportion to their weights.',
		]);
		expect(metric(c, 'lot_acceptance').basis).toBe('19 of 20 lots accepted');
		expect(metric(c, 'otd').basis).toBe('9 of 10 deliveries on time');
	});

	test('Alpha March: perfect figures score 100 on every metric; pending SCAR left out', () => {
		const c = card('Alpha', '2026-03');
		expect(c.metrics.map((m) => m.score)).toEqual([100, 100, 100, 100, 100, 100, 100]);
		expect(c.metrics.map((m) => m.weight)).toEqual([0.25, 0.1, 0.25, 0.1, 0.05, 0.15, 0.1]);
		expect(c.notes).toEqual([]);
		expect(metric(c, 'scar_on_time').basis).toBe(
			'1 of 1 SCAR closed by due date; 1 open, not yet due',
		);
		expect(c.previousScore).toBe(61.18);
		expect(c.previousGrade).toBe('D');
	});

	test('Beta March: every metric measured, SCAR deadlines and complaints as worked out', () => {
		const c = card('Beta', '2026-03');
		expect(c.metrics.map((m) => [m.id, m.value, m.score, m.contribution])).toEqual([
			['ppm', 200, 80, 20],
			['lot_acceptance', expect.closeTo(0.95, 12), 50, 5],
			['otd', 0.95, 75, 18.75],
			['scar_on_time', 0.5, 0, 0],
			['scar_response', 0.5, 0, 0],
			['complaints', 2, 60, 9],
			['disruptions', 1, 50, 5],
		]);
		expect(metric(c, 'complaints').basis).toBe('2 complaints, 1 critical');
	});

	test('Gamma and Delta: lot acceptance below its limit scores 0; the totals', () => {
		expect(metric(card('Gamma', '2026-02'), 'lot_acceptance')).toMatchObject({
			value: 0.5,
			score: 0,
		});
		expect(metric(card('Gamma', '2026-03'), 'otd')).toMatchObject({ value: 0.9, score: 50 });
		expect(metric(card('Delta', '2026-03'), 'complaints')).toMatchObject({ value: 1, score: 80 });
	});

	test('the contributions add up to the score', () => {
		for (const c of cards) {
			const sum = c.metrics.reduce((s, m) => s + (m.contribution ?? 0), 0);
			expect(Math.abs(sum - c.score)).toBeLessThanOrEqual(0.03);
		}
	});

	test('row indices behind each scorecard with trackRows', () => {
		const tracked = scoreSuppliers(HAND_CHECKED_ROWS, { trackRows: true });
		const delta = tracked.find((c) => c.supplier === 'Delta')!;
		const expected = HAND_CHECKED_ROWS.flatMap((r, i) => (r.supplier === 'Delta' ? [i] : []));
		expect(delta.rows).toEqual(expected);
		expect(scoreSuppliers(HAND_CHECKED_ROWS)[0].rows).toBeUndefined();
	});

	test('report lists the periods in order', () => {
		expect(analyzeSuppliers(HAND_CHECKED_ROWS).periods).toEqual(['2026-02', '2026-03']);
	});
});
