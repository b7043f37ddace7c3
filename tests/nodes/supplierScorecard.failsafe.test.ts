/** Both Supplier Scorecard operations under the fail-safe rule: a bad row is never graded A. */
import { expectFailSafe } from './failSafe';

const TYPE = 'n8n-nodes-qms.supplierScorecard';
const rows = [
	{ kind: 'receipt', supplier: 'A', date: '2026-03-02', received: 1000, rejected: 0 },
	{ kind: 'receipt', supplier: 'A', date: '2026-03-03', received: 'lots', rejected: 0 },
	{ kind: 'receipt', supplier: 'B', date: '2026-03-03', received: 1000, rejected: 0 },
	{ kind: 'delivery', supplier: 'B', date: '2026-03-04' },
];
const metrics = [
	{ supplier: 'X', period: '2026-03', ppm: 0, otd: 1 },
	{ supplier: '', period: '2026-03', ppm: 0, otd: 1 },
	{ supplier: 'Y', period: '2026-03', ppm: 0, otd: 1.2 },
];

describe('Supplier Scorecard fails safe', () => {
	it.each([
		['byGrade', 3],
		['single', 2],
	])(
		'Score Raw Rows (%s): a bad row goes to output %i, paired with it; the rest are scored',
		async (outputMode, failedOutput) => {
			const { regular } = await expectFailSafe({
				type: TYPE,
				parameters: { operation: 'scoreRows', metrics: ['ppm', 'otd'], outputMode },
				items: rows,
				bad: [1, 3],
				failedOutput: failedOutput as number,
				aggregate: true,
				reason: 'field "received": must be a number >= 0, got "lots"',
			});
			const failed = regular.run.output(regular.node, failedOutput as number);
			expect(failed.filter((i) => i.json.error).map((i) => i.json.error)).toEqual([
				'Item 1: field "received": must be a number >= 0, got "lots"',
				expect.stringMatching(/^Item 3: field "promisedDate": /),
			]);
			const scored = regular.run.output(regular.node, 0);
			expect(scored.map((i) => [i.json.supplier, i.json.score, i.pairedItem])).toEqual([
				['A', 100, [{ item: 0 }]],
				['B', 100, [{ item: 2 }]],
			]);
		},
	);

	it.each([
		['byGrade', 3],
		['single', 2],
	])(
		'Score Pre-Aggregated Metrics (%s): a bad record goes to output %i',
		async (outputMode, failedOutput) => {
			await expectFailSafe({
				type: TYPE,
				parameters: { operation: 'scoreMetrics', metrics: ['ppm', 'otd'], outputMode },
				items: metrics,
				bad: [1, 2],
				failedOutput: failedOutput as number,
				aggregate: true,
				reason: 'field "supplier": must be non-empty text, got ""',
			});
		},
	);

	it.each([
		['byGrade', 3, 4],
		['single', 2, 1],
	])(
		'Summary per Group Field (%s): a bad row goes to output %i and into no group Summary',
		async (outputMode, failedOutput, summaryOutput) => {
			const buyers = rows.map((row, index) => ({ ...row, buyer: index < 2 ? 'ann' : 'bob' }));
			const { regular, toErrorOutput } = await expectFailSafe({
				type: TYPE,
				parameters: {
					operation: 'scoreRows',
					metrics: ['ppm', 'otd'],
					outputMode,
					htmlReport: true,
					options: { summaryGroupField: 'buyer' },
				},
				items: buyers,
				bad: [1, 3],
				failedOutput: failedOutput as number,
				aggregate: true,
				reason: 'field "received": must be a number >= 0, got "lots"',
			});
			for (const { run, node } of [regular, toErrorOutput]) {
				const [overall, ...groups] = run.output(node, summaryOutput as number);
				expect(overall.pairedItem).toEqual(buyers.map((_, item) => ({ item })));
				// Each buyer's Summary holds only the good rows of its suppliers.
				expect(
					groups.map((g) => [g.json.group, g.json.scorecards, g.json.grades, g.pairedItem]),
				).toEqual([
					['ann', 1, { A: 1, B: 0, C: 0, D: 0 }, [{ item: 0 }]],
					['bob', 1, { A: 1, B: 0, C: 0, D: 0 }, [{ item: 2 }]],
				]);
				expect(groups.every((g) => g.json.error === undefined)).toBe(true);
			}
		},
	);
});
