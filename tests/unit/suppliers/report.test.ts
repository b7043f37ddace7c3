import {
	gradeDistributionSpec,
	renderScorecardChart,
	scorecardHtml,
	scoreSuppliers,
	scoreTrendSpec,
} from '../../../lib/suppliers';
import { escapeHtml } from '../../../lib/shared/html';
import { formatMetricValue } from '../../../lib/suppliers/scorecardHtml';
import { HAND_CHECKED_ROWS } from '../../fixtures/suppliers/handChecked';

const cards = scoreSuppliers(HAND_CHECKED_ROWS);

describe('HTML scorecard', () => {
	const html = scorecardHtml(cards, { title: 'Scorecard Q1', chartSrc: 'cid:chart' });

	test('email-safe markup: tables, inline styles, no style block, classes, scripts, flex or grid', () => {
		expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
		expect(html).toContain('<table role="presentation"');
		expect(html).not.toMatch(/<style|class=|<script|display:\s*(flex|grid)|position:/i);
		// Every tag that sets a colour does it inline; grade cells also carry bgcolor for Outlook.
		expect(html).toContain('<td bgcolor="#f8d7da" align="center"');
		expect(html).toContain('<img src="cid:chart"');
	});

	test('shows the hand-checked figures: summary per period, then metric tables', () => {
		// March summary in rank order: Alpha 100 A (+38.82), Delta 89.12 B, Gamma 70.59 C (-7.35), Beta 57.75 D.
		const march = html.slice(html.indexOf('2026-03 (2026-03-01 to 2026-03-31)'));
		const order = ['Alpha', 'Delta', 'Gamma', 'Beta'].map((s) => march.indexOf(`>${s}</td>`));
		expect(order).toEqual([...order].sort((a, b) => a - b));
		expect(march).toContain('>57.75</td>');
		expect(march).toContain('&#9650; +38.82');
		expect(march).toContain('&#9660; -7.35');
		expect(march).toContain('grade d, critical complaint');
		expect(html).toContain(
			'<h3 style="font-family:Arial,Helvetica,sans-serif;font-size:15px;margin:20px 0 6px 0;color:#222222;">Alpha &middot; 2026-02 &middot; 61.18 (D)</h3>',
		);
		expect(html).toContain('scar_on_time: no data (n/a); its weight 10% is redistributed');
	});

	test('metric tables for every scorecard, only those on special status, or none', () => {
		const tables = (details?: boolean | 'specialStatus') =>
			[
				...scorecardHtml(cards, { details }).matchAll(
					/<h3 [^>]*>([^<]*) &middot; ([^<]*) &middot;/g,
				),
			].map((m) => `${m[1]} ${m[2]}`);
		expect(tables()).toEqual([
			'Gamma 2026-02',
			'Alpha 2026-02',
			'Alpha 2026-03',
			'Delta 2026-03',
			'Gamma 2026-03',
			'Beta 2026-03',
		]);
		expect(tables('specialStatus')).toEqual(['Alpha 2026-02', 'Gamma 2026-03', 'Beta 2026-03']);
		expect(tables(false)).toEqual([]);
	});

	test('text from the data is escaped', () => {
		const evil = scoreSuppliers(
			[
				{
					kind: 'receipt',
					supplier: '<img src=x onerror="alert(1)"> & Co\'s',
					date: '2026-03-02',
					received: 1,
					rejected: 0,
				},
			],
			{ metrics: ['ppm'] },
		);
		const out = scorecardHtml(evil, { title: '<b>T</b>' });
		expect(out).not.toContain('<img src=x');
		expect(out).not.toContain('<b>T</b>');
		expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co&#39;s');
		expect(escapeHtml('a<b>"c"&\'d\'')).toBe('a&lt;b&gt;&quot;c&quot;&amp;&#39;d&#39;');
	});

	test('metric values are formatted for reading', () => {
		expect(formatMetricValue({ id: 'otd', value: 0.95 })).toBe('95.0%');
		expect(formatMetricValue({ id: 'ppm', value: 333.333 })).toBe('333');
		expect(formatMetricValue({ id: 'premium_freight', value: 2500 })).toBe('2500.00');
		expect(formatMetricValue({ id: 'complaints', value: null })).toBe('n/a');
	});
});

describe('charts', () => {
	test('score trend: one point per scorecard of the chosen suppliers, periods in order', () => {
		const spec = scoreTrendSpec(cards) as {
			layer: Array<{ data: { values: unknown[] }; encoding: Record<string, { sort?: unknown }> }>;
		};
		expect(spec.layer[0].data.values).toEqual(
			cards.map((c) => ({
				period: c.period,
				supplier: c.supplier,
				score: c.score,
				grade: c.grade,
			})),
		);
		expect(spec.layer[0].encoding.x.sort).toEqual(['2026-02', '2026-03']);
		expect(spec.layer[1].data.values).toEqual([{ y: 90 }, { y: 80 }, { y: 70 }]);
	});

	test('score trend with many suppliers keeps the lowest scores of the last period', () => {
		// March scores: Alpha 100, Delta 89.12, Gamma 70.59, Beta 57.75 -> the two lowest are Beta and Gamma.
		const spec = scoreTrendSpec(cards, { maxSuppliers: 2 }) as {
			layer: Array<{ data: { values: Array<{ supplier: string }> } }>;
		};
		expect(new Set(spec.layer[0].data.values.map((v) => v.supplier))).toEqual(
			new Set(['Beta', 'Gamma']),
		);
	});

	test('grade distribution counts suppliers per grade and period', () => {
		// February: Gamma C, Alpha D. March: Alpha A, Delta B, Gamma C, Beta D.
		const spec = gradeDistributionSpec(cards) as { data: { values: unknown[] } };
		expect(spec.data.values).toEqual([
			{ period: '2026-02', grade: 'C', suppliers: 1 },
			{ period: '2026-02', grade: 'D', suppliers: 1 },
			{ period: '2026-03', grade: 'A', suppliers: 1 },
			{ period: '2026-03', grade: 'B', suppliers: 1 },
			{ period: '2026-03', grade: 'C', suppliers: 1 },
			{ period: '2026-03', grade: 'D', suppliers: 1 },
		]);
	});

	test('renders through the shared renderer to SVG and PNG', async () => {
		const chart = await renderScorecardChart(cards, 'grades', { png: true });
		expect(chart.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
		expect(chart.svg).toContain('Supplier grades per period');
		expect(chart.png?.subarray(0, 8)).toEqual(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		);
		const trend = await renderScorecardChart(cards, 'trend');
		expect(trend.svg).toContain('Supplier score trend');
		expect(trend.png).toBeUndefined();
	}, 30_000);
});
