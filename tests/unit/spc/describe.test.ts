import { XMLParser, XMLValidator } from 'fast-xml-parser';
import cases from '../../fixtures/spc/cases.json';
import { chartSpec, controlChart, explainViolations, pointFlags } from '../../../lib/spc';
import { renderChart } from '../../../lib/render';

// rendering loads vega and resvg on first use
jest.setTimeout(30_000);

const run9 = [0.5, -0.5, 0.5, ...new Array(11).fill(0.5), -0.5];

describe('violations in plain words', () => {
	it('merges a run into one finding with 1-based points', () => {
		// points 3..14 (0-based 2..13) are above: 12 in a row, reported from the 9th on
		const r = controlChart({ chart: 'imr', values: run9, center: 0, sigma: 1, rules: ['N2'] });
		expect(explainViolations(r, ['N2']).map((f) => [f.text, f.indices])).toEqual([
			['Rule N2: 12 points in a row above the center line, points 3-14', [10, 11, 12, 13]],
		]);
	});

	it('uses the K values of a custom selection and names the dispersion chart', () => {
		// sigma 1: N1 at 5 and 5.1; moving ranges 5 and 5.1 exceed D2(2) = 3.686; 2 in a row above at points 4-5
		const rules = { N1: true, N2: 2 };
		const r = controlChart({
			chart: 'imr',
			values: [0, 0.1, 0, 5, 5.1, 0],
			center: 0,
			sigma: 1,
			rules,
		});
		expect(explainViolations(r, rules).map((f) => f.text)).toEqual([
			'Rule N1: 2 points beyond the upper control limit, points 4-5',
			'Rule N1: 1 point beyond the upper control limit on the moving range chart, point 4',
			'Rule N2: 2 points in a row above the center line, points 4-5',
			'Rule N1: 1 point beyond the upper control limit on the moving range chart, point 6',
		]);
	});

	it('explains EWMA and CUSUM signals with the start of the shift', () => {
		const r = controlChart({ chart: 'cusum', values: [10, 10, 16, 16, 16], center: 10, sigma: 1 });
		expect(explainViolations(r).map((f) => f.text)).toEqual([
			'CUSUM signal: the upper cumulative sum exceeds the decision interval, points 3-5 (upward shift starting at point 3)',
		]);
	});

	it('flags every point that reports a rule', () => {
		const r = controlChart({ chart: 'imr', values: [0, 5, 0], center: 0, sigma: 1, rules: ['N1'] });
		expect(pointFlags(r)).toEqual([
			{ index: 0, outOfControl: false, rules: [], secondaryRules: [] },
			{ index: 1, outOfControl: true, rules: ['N1'], secondaryRules: ['N1'] },
			{ index: 2, outOfControl: true, rules: [], secondaryRules: ['N1'] },
		]);
	});
});

describe('chart image spec', () => {
	/** Symbols drawn by the mark named `name` in an SVG. */
	function symbols(svg: string, name: string): number {
		const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
		let count = -1;
		const walk = (node: unknown): void => {
			if (Array.isArray(node)) return node.forEach(walk);
			if (!node || typeof node !== 'object') return;
			const o = node as Record<string, unknown>;
			if (typeof o.class === 'string' && o.class.split(' ').includes(`${name}_marks`)) {
				const paths = o.path;
				count = paths === undefined ? 0 : Array.isArray(paths) ? paths.length : 1;
			}
			Object.values(o).forEach(walk);
		};
		walk(tree);
		return count;
	}

	it('draws one symbol per point and a marker on each point reporting a rule (pistonrings)', async () => {
		const subgroups = (cases as { name: string; data: { subgroups?: number[][] } }[])[0].data
			.subgroups as number[][];
		const r = controlChart({ chart: 'xbar-r', subgroups, phase1: 25, rules: 'western-electric' });
		const { svg } = await renderChart(chartSpec(r));
		expect(XMLValidator.validate(svg)).toBe(true);
		expect(symbols(svg, 'primary_points')).toBe(40);
		// points reporting WE1..WE3: 34, 36..39 (0-based) -> 5 markers; the R chart has none
		expect(symbols(svg, 'primary_signals')).toBe(5);
		expect(symbols(svg, 'secondary_points')).toBe(40);
		expect(symbols(svg, 'secondary_signals')).toBe(0);
		expect(svg).toContain('X-bar and R chart');
	});

	it('draws the moving ranges from point 2 and CUSUM sums in two panels', async () => {
		const imr = controlChart({ chart: 'imr', values: [1, 3, 2, 4, 3, 9] });
		const { svg } = await renderChart(chartSpec(imr));
		expect(symbols(svg, 'primary_points')).toBe(6);
		expect(symbols(svg, 'secondary_points')).toBe(5);
		const cusum = controlChart({
			chart: 'cusum',
			values: [10, 10, 16, 16, 16],
			center: 10,
			sigma: 1,
		});
		const out = await renderChart(chartSpec(cusum));
		expect(symbols(out.svg, 'upper_points')).toBe(5);
		// C+ = 0, 0, 5.5, 11, 16.5 > 5 from the 3rd point on
		expect(symbols(out.svg, 'upper_signals')).toBe(3);
		expect(symbols(out.svg, 'lower_signals')).toBe(0);
	});
});
