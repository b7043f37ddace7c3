import { complaintPareto, paretoHtml, paretoRecord } from '../../../lib/complaints';
import { InputError } from '../../../lib/shared/errors';

describe('complaintPareto', () => {
	// Hand count of 10 complaints: production 5, design 3, delivery 1, service 1 (ties by name).
	const records = [
		...Array.from({ length: 5 }, () => ({ category: 'production', severity: 'major' as const })),
		...Array.from({ length: 3 }, () => ({
			category: 'design',
			severity: 'critical' as const,
			customer: 'A',
		})),
		{ category: 'service', severity: 'minor' as const, customer: 'B' },
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
		const { total, errors, bySeverity, byCustomer } = complaintPareto(records);
		expect(total).toBe(10);
		expect(errors).toBe(0);
		expect(bySeverity).toEqual({ critical: 3, major: 5, minor: 1 });
		expect(Object.entries(byCustomer)).toEqual([
			['A', 4],
			['B', 1],
		]);
	});

	it('a failed complaint (undefined) counts in errors, not in the shares', () => {
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
		expect(Object.entries(summary.counts)).toEqual([
			['design', 3],
			['service', 2],
			['delivery', 1],
		]);
		expect(summary.bySeverity).toEqual({ critical: 1, major: 1, minor: 4 });
		expect(summary.pareto).toEqual([
			{ category: 'design', count: 3, share: 0.5, cumulativeShare: 0.5 },
			{ category: 'service', count: 2, share: 2 / 6, cumulativeShare: 5 / 6 },
			{ category: 'delivery', count: 1, share: 1 / 6, cumulativeShare: 1 },
		]);
	});

	it('no complaints: empty Pareto, zero counts; only failures: zero shares', () => {
		expect(complaintPareto([])).toEqual({
			total: 0,
			errors: 0,
			counts: {},
			bySeverity: { critical: 0, major: 0, minor: 0 },
			byCustomer: {},
			pareto: [],
		});
		expect(complaintPareto([undefined])).toMatchObject({ total: 0, errors: 1, pareto: [] });
	});
});

describe('paretoRecord', () => {
	it('reads a saved case: trimmed text, severity in any case; no category is no record', () => {
		expect(paretoRecord({ category: ' design ', severity: 'Major ', customer: 'ACME' })).toEqual({
			category: 'design',
			severity: 'major',
			customer: 'ACME',
		});
		expect(paretoRecord({ category: 'design', severity: '', customer: null })).toEqual({
			category: 'design',
		});
		expect(paretoRecord({ category: '' })).toBeUndefined();
		expect(paretoRecord({ category: undefined, severity: 'high' })).toBeUndefined();
	});

	it('a severity other than critical, major or minor, or a value that is not text, throws naming the field', () => {
		const failure = (values: Parameters<typeof paretoRecord>[0]) => {
			try {
				paretoRecord(values);
			} catch (error) {
				return error instanceof InputError ? [error.field, error.reason] : error;
			}
			return undefined;
		};
		expect(failure({ category: 'design', severity: 'high' })).toEqual([
			'severity',
			'must be critical, major or minor, got "high"',
		]);
		expect(failure({ category: ['design'] })).toEqual(['category', 'must be text, got ["design"]']);
		expect(failure({ category: 'design', customer: { name: 'A' } })).toEqual([
			'customer',
			'must be text, got {"name":"A"}',
		]);
	});
});

describe('paretoHtml', () => {
	it('escapes every text from the data and draws bars in proportion to the share', () => {
		const html = paretoHtml(
			complaintPareto([
				{ category: 'production', customer: '<script>alert("x")</script>' },
				{ category: 'production', customer: "Bolt & Nut's" },
				{ category: '<b>odd</b>' },
				{ category: 'design' },
			]),
			{ title: 'Pareto & more' },
		);
		expect(html).not.toMatch(/<script|<b>odd/);
		expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;: 1');
		expect(html).toContain('Bolt &amp; Nut&#39;s: 1');
		expect(html).toContain('>&lt;b&gt;odd&lt;/b&gt;</td>');
		expect(html).toContain('Pareto &amp; more</h2>');
		expect(html).toContain('4 complaints.</p>');
		// 300 px for a share of 1: production (2 of 4) 150 px, the others 75 px; cumulative 50, 75, 100 %.
		expect([...html.matchAll(/width:(\d+)px/g)].map((m) => Number(m[1]))).toEqual([150, 75, 75]);
		expect([...html.matchAll(/>(\d+) %</g)].map((m) => Number(m[1]))).toEqual([50, 75, 100]);
	});

	it('says how many complaints failed', () => {
		const html = paretoHtml(complaintPareto([{ category: 'design' }, undefined, undefined]));
		expect(html).toContain('1 complaints, 2 not counted (failed).</p>');
	});
});
