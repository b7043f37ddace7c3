import { complaintPareto } from '../../../lib/complaints';

describe('complaintPareto', () => {
	it('counts per category, most frequent first, shares over the classified ones', () => {
		// Hand-checked: 6 classified (3 design, 2 service, 1 delivery), 1 failure.
		const r = (category: string, severity: 'critical' | 'major' | 'minor' = 'minor') => ({
			category,
			severity,
		});
		const summary = complaintPareto([
			r('service'),
			r('design', 'critical'),
			undefined,
			r('delivery', 'major'),
			r('design'),
			r('service'),
			r('design'),
		]);
		expect(summary.total).toBe(6);
		expect(summary.errors).toBe(1);
		expect(summary.counts).toEqual({ service: 2, design: 3, delivery: 1 });
		expect(summary.bySeverity).toEqual({ critical: 1, major: 1, minor: 4 });
		expect(summary.pareto).toEqual([
			{ category: 'design', count: 3, share: 0.5, cumulativeShare: 0.5 },
			{ category: 'service', count: 2, share: 2 / 6, cumulativeShare: 5 / 6 },
			{ category: 'delivery', count: 1, share: 1 / 6, cumulativeShare: 1 },
		]);
	});

	it('ties go by name; nothing classified gives zero shares', () => {
		expect(
			complaintPareto([
				{ category: 'b', severity: 'minor' },
				{ category: 'a', severity: 'minor' },
			]).pareto.map((p) => p.category),
		).toEqual(['a', 'b']);
		expect(complaintPareto([undefined])).toMatchObject({ total: 0, errors: 1, pareto: [] });
	});
});
