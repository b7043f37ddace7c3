import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { IDataObject } from 'n8n-workflow';

import pistonrings from './fixtures/spc-pistonrings-xbar-r.json';
import perItem from './fixtures/spc-per-item-imr.json';
import { binaryBuffer, runNode, runWorkflow, type WorkflowFixture } from './harness';

jest.setTimeout(30_000);

const NODE = 'SPC Check';
type Spc = IDataObject & {
	findings: IDataObject[];
	points: IDataObject[];
	violations: IDataObject[];
};
const spcOf = (json: IDataObject): Spc => json.spc as Spc;

/** Symbols drawn by the vega mark named `name` (class `<name>_marks`) in an SVG. */
function symbols(svg: string, name: string): number {
	const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
	let count = -1;
	const walk = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(walk);
		if (!node || typeof node !== 'object') return;
		const o = node as Record<string, unknown>;
		if (typeof o.class === 'string' && o.class.split(' ').includes(`${name}_marks`)) {
			count = o.path === undefined ? 0 : Array.isArray(o.path) ? o.path.length : 1;
		}
		Object.values(o).forEach(walk);
	};
	walk(tree);
	return count;
}

describe('SPC Check: aggregate all items (piston rings, X-bar/R, phase I = 25)', () => {
	let run: Awaited<ReturnType<typeof runWorkflow>>;
	// the first run loads n8n-core and the renderer; a busy machine can take a while
	beforeAll(async () => {
		run = await runWorkflow(pistonrings as unknown as WorkflowFixture);
	}, 60_000);

	it('sends one result, paired with all 200 input items, to "Out of Control"', () => {
		expect(run.error).toBeUndefined();
		expect(run.outputCounts(NODE)).toEqual([0, 1]);
		const [item] = run.output(NODE, 1);
		expect(item.pairedItem).toHaveLength(200);
		expect((item.pairedItem as { item: number }[])[199]).toEqual({ item: 199 });
		expect(item.json.itemCount).toBe(200);
	});

	it('explains the violations in plain words with 1-based points', () => {
		const spc = spcOf(run.output(NODE, 1)[0].json);
		expect(spc.inControl).toBe(false);
		expect(spc.chart).toBe('xbar-r');
		expect(spc.center as number).toBeCloseTo(74.00118, 5);
		expect(spc.findings.map((f) => f.text)).toEqual([
			'Rule WE2: 2 of 3 points in a row more than 2 sigma above the center line, points 34-40',
			'Rule WE3: 4 of 5 points in a row more than 1 sigma above the center line, points 31-40',
			'Rule WE1: 3 points beyond the upper control limit, points 37-39',
		]);
		expect(spc.summary).toContain(
			'Rule WE1: 3 points beyond the upper control limit, points 37-39',
		);
	});

	it('flags each point', () => {
		const points = spcOf(run.output(NODE, 1)[0].json).points;
		expect(points).toHaveLength(40);
		expect(points.filter((p) => p.outOfControl).map((p) => p.point)).toEqual([35, 37, 38, 39, 40]);
		expect(points[36]).toMatchObject({ point: 37, outOfControl: true, rules: ['WE1', 'WE2'] });
		expect(points[37]).toMatchObject({
			point: 38,
			outOfControl: true,
			rules: ['WE1', 'WE2', 'WE3'],
		});
		expect(points[0]).toMatchObject({ point: 1, outOfControl: false, rules: [] });
	});

	it('attaches the chart as SVG (40 points, 5 marked) and PNG', async () => {
		const item = run.output(NODE, 1)[0];
		expect(item.binary?.chartSvg?.mimeType).toBe('image/svg+xml');
		expect(item.binary?.chartPng?.mimeType).toBe('image/png');
		const svg = (await binaryBuffer(item, 'chartSvg')).toString('utf8');
		expect(XMLValidator.validate(svg)).toBe(true);
		expect(symbols(svg, 'primary_points')).toBe(40);
		expect(symbols(svg, 'primary_signals')).toBe(5);
		expect(symbols(svg, 'secondary_points')).toBe(40);
		expect(symbols(svg, 'secondary_signals')).toBe(0);
		expect(svg).toContain('Piston-ring inside diameter (mm)');
		const png = await binaryBuffer(item, 'chartPng');
		expect(png.subarray(0, 8)).toEqual(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		);
		const width = png.readUInt32BE(16);
		const height = png.readUInt32BE(20);
		const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
		expect(width).toBe(Math.ceil(svgWidth * 2));
		expect(width).toBeGreaterThan(1000);
		expect(height).toBeGreaterThan(600);
	});
});

describe('SPC Check: one series per item', () => {
	it('routes each item by its own chart and keeps its fields', async () => {
		const run = await runWorkflow(perItem as unknown as WorkflowFixture);
		expect(run.error).toBeUndefined();
		expect(run.outputCounts(NODE)).toEqual([1, 1]);
		const [inControl] = run.output(NODE, 0);
		const [outOfControl] = run.output(NODE, 1);
		expect(inControl.json.line).toBe('Flow meter A (NIST 6.3.2.2)');
		expect(inControl.pairedItem).toEqual({ item: 0 });
		const a = spcOf(inControl.json);
		expect(a.center as number).toBeCloseTo(50.81, 10);
		expect(a.ucl as number).toBeCloseTo(55.802412, 6);
		expect(a.summary).toBe('In control: no rule violated on 10 points');
		// capability from the spec limits: Cp = 20 / (6 * MR-bar/d2) with MR-bar = 1.8778 (NIST)
		expect((a.capability as IDataObject).cp as number).toBeCloseTo(
			20 / (6 * (16.9 / 9 / 1.128379)),
			5,
		);
		expect(outOfControl.pairedItem).toEqual({ item: 1 });
		const b = spcOf(outOfControl.json);
		expect(b.findings.map((f) => f.text)).toContain(
			'Rule N1: 1 point beyond the upper control limit, point 18',
		);
	});

	it('takes subgroups for X-bar charts and sizes for p charts', async () => {
		const { run, node } = await runNode({
			type: 'spcCheck',
			parameters: {
				operation: 'perItem',
				seriesField: 'defectives',
				chartType: 'p',
				sizesField: 'inspected',
				rulePreset: 'limitsOnly',
			},
			items: [{ defectives: [5, 10, 30], inspected: [50, 100, 100] }],
		});
		expect(run.error).toBeUndefined();
		const spc = spcOf(run.output(node, 1)[0].json);
		// p-bar = 45/250 = 0.18; point 3: 0.30 > 0.18 + 3 sqrt(0.18*0.82/100) = 0.2953
		expect(spc.center as number).toBeCloseTo(0.18, 12);
		expect(spc.findings.map((f) => f.text)).toEqual([
			'Rule N1: 1 point beyond the upper control limit, point 3',
		]);
		expect((spc.ucl as number[])[2]).toBeCloseTo(0.18 + 3 * Math.sqrt((0.18 * 0.82) / 100), 12);
	});

	it('applies custom rules with K values', async () => {
		const { run, node } = await runNode({
			type: 'spcCheck',
			parameters: {
				operation: 'perItem',
				seriesField: 'x',
				chartType: 'imr',
				rulePreset: 'custom',
				customRules: ['N2'],
				ruleParameters: '{"N2": 5}',
				options: { center: 0, sigma: 1 },
			},
			items: [{ x: [0.2, 0.3, 0.1, 0.4, 0.2, -1] }],
		});
		expect(run.error).toBeUndefined();
		const spc = spcOf(run.output(node, 1)[0].json);
		expect(spc.findings.map((f) => f.text)).toEqual([
			'Rule N2: 5 points in a row above the center line, points 1-5',
		]);
	});
});

describe('SPC Check: aggregate attribute data', () => {
	it('charts defectives per lot with the sample size field (orangejuice trial samples)', async () => {
		const defectives = [
			12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12,
			7, 13, 9, 6,
		];
		const { run, node } = await runNode({
			type: 'spcCheck',
			parameters: {
				operation: 'aggregate',
				valueField: 'bad',
				chartType: 'p',
				sizeField: 'cans',
				rulePreset: 'limitsOnly',
			},
			items: defectives.map((bad, i) => ({ lot: i + 1, bad, cans: 50 })),
		});
		expect(run.error).toBeUndefined();
		const spc = spcOf(run.output(node, 1)[0].json);
		// qcc: center 0.2313333, UCL 0.4102391; samples 15 and 23 out
		expect(spc.center as number).toBeCloseTo(0.2313333, 7);
		expect(spc.ucl as number).toBeCloseTo(0.4102391, 7);
		expect(spc.findings.map((f) => f.text)).toEqual([
			'Rule N1: 1 point beyond the upper control limit, point 15',
			'Rule N1: 1 point beyond the upper control limit, point 23',
		]);
	});

	it('refuses to draw more points than an image can show', async () => {
		const { run } = await runNode({
			type: 'spcCheck',
			parameters: { operation: 'perItem', seriesField: 'x', chartType: 'imr', chartImage: 'png' },
			items: [{ x: Array.from({ length: 5001 }, (_, i) => Math.sin(i)) }],
		});
		expect(String(run.error?.message)).toContain(
			'Chart Image: 5001 points are too many to draw legibly',
		);
	});
});

describe('SPC Check: bad input', () => {
	it('names the item, the field and the point', async () => {
		const { run } = await runNode({
			type: 'spcCheck',
			parameters: { operation: 'perItem', seriesField: 'readings', chartType: 'imr' },
			items: [{ readings: [1, 2, 3] }, { readings: [1, 'n/a', 3] }],
		});
		expect(String(run.error?.message)).toBe(
			'Item 1: field "readings", point 2 (index 1): must be a finite number, got "n/a"',
		);
	});

	it('with Continue On Fail, the bad item comes out on "Out of Control" with the error', async () => {
		const { run, node } = await runNode({
			type: 'spcCheck',
			parameters: { operation: 'perItem', seriesField: 'readings', chartType: 'xbar-r' },
			items: [
				{
					readings: [
						[1, 2],
						[2, 3],
						[3, 1],
					],
				},
				{ readings: [[1, 2], [4]] },
			],
			continueOnFail: true,
		});
		expect(run.error).toBeUndefined();
		expect(run.outputCounts(node)).toEqual([1, 1]);
		const bad = run.output(node, 1)[0];
		expect(bad.pairedItem).toEqual({ item: 1 });
		expect(bad.json.error).toBe(
			'Item 1: field "readings", subgroup 2 (index 1): has 1 value; X-bar/R needs at least 2 per subgroup',
		);
	});

	it('aggregate mode names the item whose field is not a number', async () => {
		const { run } = await runNode({
			type: 'spcCheck',
			parameters: { operation: 'aggregate', valueField: 'weight', chartType: 'imr' },
			items: [{ weight: 5 }, { weight: '5.2' }, { weight: 'heavy' }],
		});
		expect(String(run.error?.message)).toBe(
			'Item 2: field "weight": must be a number, got "heavy"',
		);
	});

	it('aggregate counts: a negative count names its item', async () => {
		const { run } = await runNode({
			type: 'spcCheck',
			parameters: { operation: 'aggregate', valueField: 'defects', chartType: 'c' },
			items: [{ defects: 3 }, { defects: 4 }, { defects: -1 }],
		});
		expect(String(run.error?.message)).toBe(
			'Item 2: field "defects": must be a count (whole number >= 0), got -1',
		);
	});
});
