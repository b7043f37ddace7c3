import aiag from '../../fixtures/msa/aiag_msa4_10x3x3.json';
import { gageChartSpec, gageHtml, gageRR, type Measurement } from '../../../lib/msa';
import { renderChart } from '../../../lib/render';

const measurements: Measurement[] = aiag.data_long.map((r) => ({
	part: r.part,
	operator: r.appraiser,
	value: r.value,
}));
const result = gageRR({ measurements, tolerance: 8 });

describe('Gage R&R report chart', () => {
	const spec = gageChartSpec(result, measurements) as unknown as {
		hconcat: { vconcat: { title: string | { text: string } }[] }[];
	};

	it("has Minitab's six panels in two columns", () => {
		expect(
			spec.hconcat.map((col) =>
				col.vconcat.map((p) => (typeof p.title === 'string' ? p.title : p.title.text)),
			),
		).toEqual([
			['Components of variation', 'R chart by operator', 'X-bar chart by operator'],
			['Measurements by part', 'Measurements by operator', 'Part x operator interaction'],
		]);
	});

	it('draws the R chart limits from R-bar (0.3417, UCL 0.8797) and the X-bar limits with A2', () => {
		const rChart = JSON.stringify(spec.hconcat[0].vconcat[1]);
		const rBar = (0.184 + 0.513 + 0.328) / 3;
		const datums = [...rChart.matchAll(/"datum":([-\d.e]+)/g)].map((m) => Number(m[1]));
		expect(datums[2]).toBeCloseTo(rBar, 12);
		expect(datums[0]).toBeCloseTo(0.87965, 4);
		const xChart = JSON.stringify(spec.hconcat[0].vconcat[2]);
		const x = [...xChart.matchAll(/"datum":([-\d.e]+)/g)].map((m) => Number(m[1]));
		// A2(3) = 3 / (d2(3) sqrt 3) = 1.02332 (tables: 1.023)
		expect(x[0] - x[2]).toBeCloseTo(1.02332 * rBar, 4);
	});

	it('renders to PNG with the existing renderer', async () => {
		const image = await renderChart(gageChartSpec(result, measurements), { png: true });
		expect(image.png!.subarray(1, 4).toString()).toBe('PNG');
		expect(image.width).toBeGreaterThan(600);
		expect(image.svg).toContain('Components of variation');
	}, 30000);
});

describe('Gage R&R HTML report', () => {
	it('shows the verdict, both ANOVA tables, the components and the chart', () => {
		const html = gageHtml(result, { notes: ['Gauge <G-17>'], chartSrc: 'cid:gage-chart' });
		expect(html).toContain('%GRR 27.86 %: Marginal');
		expect(html).toContain('Distinct categories: 4 (AIAG asks for at least 5)');
		expect(html).toContain('Two-way ANOVA with interaction');
		expect(html).toContain('pooled into repeatability (p = 0.974)');
		expect(html).toContain('Gauge &lt;G-17&gt;');
		expect(html).toContain('src="cid:gage-chart"');
		expect(html).toMatch(
			/Total Gage R&amp;R<\/td>.*?>0\.09143<.*?>7\.76<.*?>0\.3024<.*?>1\.814<.*?>27\.86<.*?>22\.68</,
		);
		expect(html).not.toMatch(/<style|class=/);
	});

	it('shows the average-and-range working values and the range to measure again', () => {
		const html = gageHtml(gageRR({ measurements, method: 'average-range' }));
		expect(html).toContain('K1 = 0.5908, K2 = 0.5231, K3 = 0.3146');
		expect(html).toContain('part 4 by B (1.02)');
		expect(html).toContain('%GRR 26.68 %');
	});
});
