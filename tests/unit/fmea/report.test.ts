import { XMLParser } from 'fast-xml-parser';
import sample from '../../../workflows/sample-data/fmea.json';
import {
	analyzeFmea,
	apChartSpec,
	fmeaReviewHtml,
	fmeaWorksheetHtml,
	matchComplaints,
	renderApChart,
} from '../../../lib/fmea';

jest.setTimeout(30_000);

const hostile = {
	id: 'X-<1>',
	item: 'Tom & "Jerry"',
	failureMode: '<script>alert(1)</script>',
	effect: "it's <b>bad</b>",
	cause: 'a > b',
	severity: 9,
	occurrence: 5,
	detection: 7,
};

describe('fmeaWorksheetHtml', () => {
	const analysis = analyzeFmea([...sample.rows, hostile]);
	const html = fmeaWorksheetHtml(analysis, { chartSrc: 'cid:fmea-ap-chart' });

	it('escapes every value from the data', () => {
		expect(html).not.toContain('<script>');
		expect(html).not.toContain('<b>bad</b>');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('Tom &amp; &quot;Jerry&quot;');
		expect(html).toContain('it&#39;s &lt;b&gt;bad&lt;/b&gt;');
		expect(html).toContain('X-&lt;1&gt;');
	});

	it('lists the rows in rank order, one table row each, with the AP colour', () => {
		const ids = [...html.matchAll(/<td style="[^"]*white-space:nowrap;">([^<]*)<\/td>/g)].map(
			(m) => m[1],
		);
		expect(ids).toEqual(
			analysis.rows.map((r) => String(r.id).replace('<', '&lt;').replace('>', '&gt;')),
		);
		// CH-060 (H, S 10) first, then X (H, S 9, O 5) before CH-030 (H, S 9, O 4)
		expect(ids.slice(0, 3)).toEqual(['CH-060', 'X-&lt;1&gt;', 'CH-030']);
		expect(html).toContain('bgcolor="#f8d7da"');
	});

	it('states the counts and carries the rating meaning on S, O, D', () => {
		const s = analysis.summary;
		expect(html).toContain(
			`${s.rows} rows: ${s.high} AP H, ${s.medium} AP M, ${s.low} AP L; ${s.actionRequired} require action.`,
		);
		expect(html).toContain('title="S 10 (Very high): May endanger the operator');
		expect(html).toContain('src="cid:fmea-ap-chart"');
	});

	it('speaks Chinese when asked, and can list only rows that require action', () => {
		const zh = fmeaWorksheetHtml(analysis, { language: 'zh', actionRequiredOnly: true });
		expect(zh).toContain('FMEA 工作表');
		expect(zh).toContain('失效模式');
		expect(zh).toContain('title="S 10 (很高)：');
		const rowsShown = (zh.match(/<tr>/g) ?? []).length - 3; // layout rows and the header
		expect(rowsShown).toBe(analysis.summary.actionRequired);
	});

	it('says so when there are no rows', () => {
		expect(fmeaWorksheetHtml(analyzeFmea([]))).toContain('No rows.');
	});
});

describe('AP chart', () => {
	it('counts rows per AP, and after the actions when they revise ratings', () => {
		const plain = apChartSpec(analyzeFmea(sample.rows)) as { data: { values: unknown[] } };
		const { high, medium, low } = analyzeFmea(sample.rows).summary;
		expect(plain.data.values).toEqual([
			{ ap: 'H', state: 'Current', rows: high },
			{ ap: 'M', state: 'Current', rows: medium },
			{ ap: 'L', state: 'Current', rows: low },
		]);
		const revised = analyzeFmea(
			sample.rows.map((r) => (r.id === 'CN-020' ? { ...r, actions: [{ detection: 4 }] } : r)),
		);
		const spec = apChartSpec(revised) as { data: { values: { state: string; rows: number }[] } };
		expect(spec.data.values.filter((v) => v.state === 'After actions').map((v) => v.rows)).toEqual([
			high - 1,
			medium + 1,
			low,
		]);
	});

	it('renders to SVG and PNG with the shared renderer', async () => {
		const chart = await renderApChart(analyzeFmea(sample.rows), { png: true });
		const svg = new XMLParser({ ignoreAttributes: false }).parse(chart.svg);
		expect(svg.svg).toBeDefined();
		expect(chart.svg).toContain('Action Priority');
		expect(chart.png!.subarray(1, 4).toString()).toBe('PNG');
		expect(chart.width).toBeGreaterThan(300);
	});
});

describe('fmeaReviewHtml', () => {
	const complaints = [
		{
			id: 'C-<7>',
			text: 'The charger overheated and started to smoke, the over-temperature protection did not trip.',
			category: 'design',
			severity: 'critical' as const,
			keywords: [{ term: 'smoke' }],
		},
		{
			id: 'C-8',
			text: 'Invoice & delivery note <differ>.',
			category: 'documentation',
			severity: 'minor' as const,
		},
		{
			id: 'C-9',
			text: 'Scratches on the visible face of the housing.',
			category: 'production',
			severity: 'minor' as const,
		},
	];
	const rows = [
		{
			id: 'R1',
			failureMode: 'Over-temperature protection fails',
			effect: 'Charger overheats and smokes',
			severity: 8,
			occurrence: 2,
			detection: 9,
		},
		{
			id: 'R2',
			failureMode: 'Scratches on the visible face',
			severity: 4,
			occurrence: 3,
			detection: 6,
		},
	];
	const result = matchComplaints(complaints, rows);
	const html = fmeaReviewHtml(result, complaints);

	it('lists new failure modes and underrated rows with their AP now and suggested', () => {
		expect(result.newFailureModes).toEqual([1]);
		expect(html).toContain('Invoice &amp; delivery note &lt;differ&gt;.');
		expect(html).toContain('>R1<');
		expect(html).toContain('critical complaint implies S 9-10, rated 8');
		// R1 now S8 O2 D9 = M; suggested S9 O2 D9 = H
		expect(html).toMatch(/8 2 9<\/td><td[^>]*>M<\/td><td[^>]*>9 2 9<\/td><td[^>]*>H<\/td>/);
		expect(html).not.toContain('<differ>');
		// R2 is hit but not underrated: not listed
		expect(html).not.toContain('>R2<');
	});

	it('speaks Chinese when asked', () => {
		expect(fmeaReviewHtml(result, complaints, { language: 'zh' })).toContain('新失效模式');
	});
});
