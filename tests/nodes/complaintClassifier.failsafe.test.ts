/** Both Complaint Classifier operations under the fail-safe rule: a bad item is never in a category. */
import { defaultTaxonomy } from '../../lib/complaints';
import { expectFailSafe } from './failSafe';

const TYPE = 'n8n-nodes-qms.complaintClassifier';
const UNCLASSIFIED = defaultTaxonomy.categories.length;
const complaints = [
	{ body: '外箱压扁了' },
	{ body: '' },
	{ body: 42 },
	{ body: 'scratch on the cover' },
];

describe('Complaint Classifier fails safe', () => {
	it('Classify by category: a bad item goes to unclassified; the summary counts it as an error', async () => {
		const { regular } = await expectFailSafe({
			type: TYPE,
			parameters: { text: '={{ $json.body }}', routing: 'byCategory', summary: true },
			items: complaints,
			bad: [1, 2],
			failedOutput: UNCLASSIFIED,
			aggregate: true,
			reason: 'Complaint Text: is empty or not text',
		});
		const [summary] = regular.run.output(regular.node, UNCLASSIFIED + 1);
		expect(summary.json).toMatchObject({ total: 2, errors: 2 });
		expect(summary.pairedItem).toEqual(complaints.map((_, item) => ({ item })));
	});

	it('Classify to a single output: a bad item goes to Failed', async () => {
		await expectFailSafe({
			type: TYPE,
			parameters: { text: '={{ $json.body }}', routing: 'single' },
			items: complaints,
			bad: [1, 2],
			failedOutput: 1,
		});
	});

	it('Train Model: an item without text or label goes to Failed instead of being dropped', async () => {
		const { regular } = await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'train', textField: 'text', labelField: 'category' },
			items: [
				{ text: 'The hinge squeaks loudly', category: 'noise' },
				{ text: 'no label here' },
				{ text: '外箱压扁了', category: 'logistics_packaging' },
				{ text: ' ', category: 'noise' },
			],
			bad: [1, 3],
			failedOutput: 1,
			aggregate: true,
			reason: 'field "category": must be a non-empty string',
		});
		const [model] = regular.run.output(regular.node, 0);
		expect(model.json.labels).toEqual(['logistics_packaging', 'noise']);
		expect(model.pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
	});

	it('Pareto of Classified Items: a bad case goes to Failed and counts as an error, the rest are counted', async () => {
		const cases = [
			{ category: 'production', severity: 'major', customer: 'Contoso' },
			{ category: 'design', severity: 'high', customer: 'Litware' },
			{},
			{ category: { id: 'design' }, severity: 'minor' },
			{ category: 'production', severity: 'Critical' },
		];
		const { regular, toErrorOutput } = await expectFailSafe({
			type: TYPE,
			parameters: { operation: 'pareto', paretoHtml: true },
			items: cases,
			bad: [1, 3],
			failedOutput: 1,
			aggregate: true,
			reason: 'Severity: must be critical, major or minor, got "high"',
		});
		for (const { run, node } of [regular, toErrorOutput]) {
			const [summary, ...more] = run.output(node, 0);
			expect(more).toEqual([]);
			// Two counted, one without a category skipped, two failed.
			expect(summary.json).toMatchObject({
				total: 2,
				errors: 2,
				skipped: 1,
				counts: { production: 2 },
				bySeverity: { critical: 1, major: 1, minor: 0 },
				byCustomer: { Contoso: 1 },
			});
			expect(summary.json.byCustomer).not.toHaveProperty('Litware');
			expect(String(summary.json.html)).toContain('2 complaints, 2 not counted (failed).');
			expect(summary.pairedItem).toEqual(cases.map((_, item) => ({ item })));
		}
		expect(regular.run.output(regular.node, 1).map((i) => i.json.error)).toEqual([
			'Item 1: Severity: must be critical, major or minor, got "high"',
			expect.stringMatching(/^Item 3: Category: must be text, got /),
		]);
	});
});
