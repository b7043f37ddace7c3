/** The Gage R&R node through n8n's engine: both input modes, both operations, routing and fail-safety. */
import type { IDataObject } from 'n8n-workflow';

import aiag from '../fixtures/msa/aiag_msa4_10x3x3.json';
import qualityTools from '../fixtures/msa/qualitytools_gageRR_example.json';
import sixSigma from '../fixtures/msa/sixsigma_ss_data_rr.json';
import { expectFailSafe } from './failSafe';
import fixture from './fixtures/gage-rr-aiag.json';
import { binaryBuffer, runNode, runWorkflow, type WorkflowFixture } from './harness';

jest.setTimeout(60_000);

const TYPE = 'n8n-nodes-qms.gageRr';
/** AIAG MSA 4th ed. 10 x 3 x 3, one item per measurement as a CSV import gives it (text values). */
const aiagRows: IDataObject[] = aiag.data_long.map((r) => ({
	part: r.part,
	operator: r.appraiser,
	value: String(r.value),
}));
const sixSigmaRows = sixSigma.rows.map((r) => ({
	part: r.prototype,
	operator: r.operator,
	value: r.time1,
}));
const qtRows = qualityTools.data_long.map((r) => ({
	part: r.Part,
	operator: r.Operator,
	value: r.Measurement,
}));
/** A capable gauge: parts 1 apart, operators within 0.004, repeats within 0.01 (hand-made). */
const capableRows: IDataObject[] = [];
for (let part = 1; part <= 10; part++) {
	['A', 'B', 'C'].forEach((operator, o) => {
		for (let t = 0; t < 2; t++)
			capableRows.push({ part, operator, value: part + 0.002 * o + 0.01 * t });
	});
}

type Grr = IDataObject & {
	components: Record<string, IDataObject>;
	ndc: number;
	acceptance: string;
};
const grrOf = (json: IDataObject) => json.gageRR as Grr;

describe('Gage R&R: Crossed Study, one item per measurement', () => {
	it('routes the AIAG study to Marginal with Minitab figures, one item paired with all 90', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { operation: 'crossedStudy', options: { tolerance: 8 } },
			items: aiagRows,
		});
		expect(run.error).toBeUndefined();
		expect(run.outputCounts(node)).toEqual([0, 1, 0]);
		const [item] = run.output(node, 1);
		expect(item.pairedItem).toHaveLength(90);
		const grr = grrOf(item.json);
		expect((grr.components.grr.pctStudyVar as number).toFixed(2)).toBe('27.86');
		expect((grr.components.grr.pctTolerance as number).toFixed(2)).toBe('22.68');
		expect(grr.ndc).toBe(4);
		expect(grr.interactionPooled).toBe(true);
		expect(item.json.summary).toBe(
			'%GRR 27.86 % of study variation (marginal), ndc 4 (below 5); 10 parts x 3 operators x 3 trials, ANOVA',
		);
	});

	it('maps field names, runs the average-and-range method and attaches the chart and the HTML report', async () => {
		const renamed = aiagRows.map((r) => ({ Teil: r.part, Prüfer: r.operator, Messwert: r.value }));
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'crossedStudy',
				partField: 'Teil',
				operatorField: 'Prüfer',
				valueField: 'Messwert',
				method: 'average-range',
				chartImage: 'png',
				htmlReport: true,
				options: { chartSrc: 'cid:chart' },
			},
			items: renamed,
		});
		expect(run.error).toBeUndefined();
		const [item] = run.output(node, 1);
		const grr = grrOf(item.json);
		expect(grr.method).toBe('average-range');
		expect((grr.components.grr.pctStudyVar as number).toFixed(2)).toBe('26.68');
		expect(grr.ndc).toBe(5);
		expect((grr.averageRange as IDataObject).rangesOutOfControl).toEqual([
			{ part: '4', operator: 'B', range: 1.02 },
		]);
		const png = await binaryBuffer(item, 'chart');
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect(item.binary?.chart.mimeType).toBe('image/png');
		const html = (await binaryBuffer(item, 'report')).toString('utf8');
		expect(html).toBe(item.json.html);
		expect(html).toContain('%GRR 26.68 %: Marginal');
		expect(html).toContain('src="cid:chart"');
	});

	it('takes the qualityTools conventions as options', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'crossedStudy',
				options: {
					alphaInteraction: 0.25,
					ndcFactor: 1.414214,
					fDenominator: 'repeatability',
					tolerance: 5,
				},
			},
			items: qtRows,
		});
		const [item] = run.output(node, 2);
		const grr = grrOf(item.json);
		expect((grr.components.grr.variance as number).toFixed(3)).toBe('1.664');
		expect((grr.components.part.variance as number).toFixed(3)).toBe('1.781');
		const interaction = (grr.anova as IDataObject[]).find((r) => r.source === 'interaction')!;
		expect((interaction.p as number).toFixed(5)).toBe('0.46732');
	});
});

describe('Gage R&R: the workflow fixture (the e2e runs it in a real n8n too)', () => {
	it('gives the Minitab figures on Marginal with the chart and the report', async () => {
		const run = await runWorkflow(fixture as unknown as WorkflowFixture);
		expect(run.error).toBeUndefined();
		expect(run.outputCounts('Gage R&R')).toEqual([0, 1, 0]);
		const [item] = run.output('Gage R&R', 1);
		const grr = grrOf(item.json);
		expect((grr.components.part.pctContribution as number).toFixed(2)).toBe('92.24');
		expect((grr.components.grr.pctContribution as number).toFixed(2)).toBe('7.76');
		expect(Object.keys(item.binary ?? {}).sort()).toEqual(['chart', 'report']);
	});
});

describe('Gage R&R: Crossed Study, one item holding a table', () => {
	it('gives each item its own study and keeps the item fields', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: {
				operation: 'crossedStudy',
				inputMode: 'table',
				tableField: 'study.rows',
				options: { tolerance: 1.1 },
			},
			items: [
				{ gauge: 'helicopter stopwatch', study: { rows: sixSigmaRows } },
				{ gauge: 'capable gauge', study: { rows: JSON.stringify(capableRows) } },
				{ gauge: 'AIAG', study: { rows: aiagRows } },
			],
		});
		expect(run.error).toBeUndefined();
		const [acceptable, marginal, unacceptable] = [0, 1, 2].map((o) => run.output(node, o));
		expect(acceptable.map((i) => [i.json.gauge, i.pairedItem])).toEqual([
			['capable gauge', { item: 1 }],
		]);
		expect(marginal.map((i) => [i.json.gauge, i.pairedItem])).toEqual([['AIAG', { item: 2 }]]);
		expect(unacceptable.map((i) => [i.json.gauge, i.pairedItem])).toEqual([
			['helicopter stopwatch', { item: 0 }],
		]);
		const six = grrOf(unacceptable[0].json);
		// R SixSigma ss.rr: %StudyVar 50.38, %Tolerance 80.69 (tolerance 1.1), ndc 2
		expect((six.components.grr.pctStudyVar as number).toFixed(2)).toBe('50.38');
		expect((six.components.grr.pctTolerance as number).toFixed(2)).toBe('80.69');
		expect(six.ndc).toBe(2);
		expect(grrOf(acceptable[0].json).ndcAdequate).toBe(true);
	});
});

describe('Gage R&R: Attribute Agreement', () => {
	const standard = ['G', 'G', 'B', 'G', 'B', 'G', 'B', 'B', 'G', 'G'];
	const ratings: IDataObject[] = [];
	const trials: Record<string, string[][]> = {
		A: [standard, standard.map((s, i) => (i === 3 ? 'B' : s))],
		B: [standard.map((s, i) => (i === 0 ? 'B' : s)), standard],
	};
	for (const [appraiser, list] of Object.entries(trials))
		for (const trial of list)
			trial.forEach((rating, p) =>
				ratings.push({ part: p + 1, appraiser, rating, standard: standard[p] }),
			);

	it('routes by the lowest appraiser-vs-standard kappa, paired with every rating', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { operation: 'attributeAgreement' },
			items: ratings,
		});
		expect(run.outputCounts(node)).toEqual([1, 0, 0]);
		const [item] = run.output(node, 0);
		expect(item.pairedItem).toHaveLength(40);
		const result = item.json.attributeAgreement as IDataObject & { eachVsStandard: IDataObject[] };
		expect(result.acceptanceKappa).toBeCloseTo((0.95 - 0.51125) / (1 - 0.51125), 10);
		expect(result.eachVsStandard).toHaveLength(2);
		expect(item.json.summary).toMatch(
			/^Fleiss' kappa 0\.898 \(lowest appraiser vs standard, acceptable\)/,
		);
	});

	it('without a standard field, judges between appraisers', async () => {
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { operation: 'attributeAgreement', standardField: '' },
			items: ratings,
		});
		const [item] = run.output(node, 0);
		const result = item.json.attributeAgreement as IDataObject;
		expect(result.eachVsStandard).toBeUndefined();
		expect(result.acceptanceKappa).toBeCloseTo(0.395 / 0.495, 10);
	});
});

describe('Gage R&R fails safe', () => {
	it('one item per measurement: bad rows fail by item and field, the study with them; never Acceptable', async () => {
		const items = aiagRows.map((r, i) =>
			i === 4 ? { ...r, value: 'n/a' } : i === 10 ? { operator: 'A', value: '1' } : r,
		);
		const { regular } = await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'crossedStudy' },
			items,
			bad: [4, 10],
			failedOutput: 2,
			aggregate: true,
			reason: 'Item 4: field "value": must be a finite number, got "n/a"',
		});
		const failed = regular.run.output(regular.node, 2);
		expect(failed.map((i) => i.json.error)).toEqual([
			'Item 4: field "value": must be a finite number, got "n/a"',
			'Item 10: field "part": must be a part id (text or number), got undefined',
			'the study was not run: items 4, 10 had no usable row',
		]);
		expect(failed[2].pairedItem).toHaveLength(88);
	});

	it('an unbalanced study fails as a whole, naming the part, operator and trials', async () => {
		const items = aiagRows.filter(
			(r) => !(r.part === 7 && r.operator === 'B' && r.value === String(aiag.data.B[0][6])),
		);
		const { run, node } = await runNode({
			type: TYPE,
			parameters: { operation: 'crossedStudy' },
			items,
			onError: 'continueErrorOutput',
		});
		expect(run.outputCounts(node)).toEqual([0, 0, 0, 1]);
		const [failed] = run.output(node, 3);
		expect(failed.pairedItem).toHaveLength(89);
		expect(failed.json.error).toBe(
			'measurements: part "7", operator "B": 2 trials, expected 3 like the other cells',
		);
		expect(failed.json.details).toEqual({
			field: 'measurements',
			reason: 'part "7", operator "B": 2 trials, expected 3 like the other cells',
		});
		const stopped = await runNode({ type: TYPE, parameters: { operation: 'crossedStudy' }, items });
		expect(stopped.run.nodeError(stopped.node)?.message).toContain(
			'part "7", operator "B": 2 trials',
		);
	});

	it('one item holding a table: a bad table fails its own item only', async () => {
		const badTable = aiagRows.map((r, i) => (i === 3 ? { ...r, value: '' } : r));
		await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'crossedStudy', inputMode: 'table' },
			items: [
				{ measurements: capableRows },
				{ measurements: badTable },
				{ note: 'no table' },
				{ measurements: '[{' },
			],
			bad: [1, 2, 3],
			failedOutput: 2,
			reason: 'Item 1: field "measurements" row 3, field "value": must be a finite number, got ""',
		});
	});

	it('Attribute Agreement: a missing rating fails the study, in both modes', async () => {
		const ratings = [
			{ part: 1, appraiser: 'A', rating: 'G' },
			{ part: 2, appraiser: 'A', rating: 'B' },
			{ part: 1, appraiser: 'B', rating: 'G' },
			{ part: 2, appraiser: 'B', rating: '' },
		];
		await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'attributeAgreement', standardField: '' },
			items: ratings,
			bad: [3],
			failedOutput: 2,
			aggregate: true,
			reason: 'field "rating": must be a rating',
		});
		await expectFailSafe({
			type: TYPE,
			parameters: {
				operation: 'attributeAgreement',
				standardField: '',
				inputMode: 'table',
				tableField: 'ratings',
			},
			items: [
				{ ratings: ratings.slice(0, 3) },
				{ ratings: ratings.map((r) => ({ ...r, rating: r.rating || 'B' })) },
			],
			bad: [0],
			failedOutput: 2,
			reason: 'part "2", appraiser "B": 0 ratings, expected 1',
		});
	});
});
