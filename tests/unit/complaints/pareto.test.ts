import { complaintPareto, paretoHtml } from '../../../lib/complaints';

describe('complaintPareto', () => {
	// Hand count of 10 complaints: production 5, design 3, delivery 1, service 1 (ties by name).
	const records = [
		...Array.from({ length: 5 }, () => ({ category: 'production', severity: 'major' })),
		...Array.from({ length: 3 }, () => ({
			category: 'design',
			severity: 'critical',
			customer: 'A',
		})),
		{ category: 'service', severity: 'minor', customer: 'B' },
		{ category: 'delivery', customer: 'A' },
	];

	it('orders categories by count with share and cumulative share', () => {
		expect(complaintPareto(records).pareto).toEqual([
			{ category: 'production', count: 5, share: 0.5, cumulativeShare: 0.5 },
			{ category: 'design', count: 3, share: 0.3, cumulativeShare: 0.8 },
			{ category: 'delivery', count: 1, share: 0.1, cumulativeShare: 0.9 },
			{ category: 'service', count: 1, share: 0.1, cumulativeShare: 1 },
		]);
	});

	it('counts severities (all three always present) and customers, most first', () => {
		const { total, bySeverity, byCustomer } = complaintPareto(records);
		expect(total).toBe(10);
		expect(bySeverity).toEqual({ critical: 3, major: 5, minor: 1 });
		expect(Object.entries(byCustomer)).toEqual([
			['A', 4],
			['B', 1],
		]);
	});

	it('failed complaints (undefined) count as errors, not in the shares', () => {
		const { total, errors, pareto } = complaintPareto([...records, undefined, undefined]);
		expect([total, errors, pareto[0].share]).toEqual([10, 2, 0.5]);
	});

	it('no complaints: empty Pareto, zero counts', () => {
		expect(complaintPareto([])).toEqual({
			total: 0,
			errors: 0,
			counts: {},
			bySeverity: { critical: 0, major: 0, minor: 0 },
			byCustomer: {},
			pareto: [],
		});
	});
});

describe('paretoHtml', () => {
	it('escapes every text from the data and draws bars in proportion to the share', () => {
		const html = paretoHtml(
			complaintPareto([
				{ category: 'production', customer: '<script>alert("x")</script>' },
				{ category: 'production', customer: 'Bolt & Nut' },
				{ category: '<b>odd</b>' },
				{ category: 'design' },
			]),
			{ title: 'Pareto & more' },
		);
		expect(html).not.toMatch(/<script|<b>odd/);
		expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;: 1');
		expect(html).toContain('Bolt &amp; Nut: 1');
		expect(html).toContain('>&lt;b&gt;odd&lt;/b&gt;</td>');
		expect(html).toContain('Pareto &amp; more</h2>');
		// 300 px for a share of 1: production (2 of 4) 150 px, the others 75 px; cumulative 50, 75, 100 %.
		expect([...html.matchAll(/width:(\d+)px/g)].map((m) => Number(m[1]))).toEqual([150, 75, 75]);
		expect([...html.matchAll(/>(\d+) %</g)].map((m) => Number(m[1]))).toEqual([50, 75, 100]);
	});
});
