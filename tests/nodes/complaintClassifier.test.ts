import { NodeHelpers, Workflow, type IDataObject, type INode, type INodeTypes } from 'n8n-workflow';

import { defaultTaxonomy, hazardClassIds } from '../../lib/complaints';
import { ComplaintClassifier } from '../../nodes/ComplaintClassifier/ComplaintClassifier.node';
import { runNode, runWorkflow, type WorkflowFixture } from './harness';
import routingFixture from './fixtures/complaint-routing.json';

const NODE = 'Complaint Classifier';
const DEFAULT_OUTPUTS = [...defaultTaxonomy.categories.map((c) => c.id), 'unclassified'];
const ids = (items: { json: IDataObject }[]) => items.map((i) => i.json.id);

describe('Complaint Classifier outputs', () => {
	const nodeType = new ComplaintClassifier();
	const types: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	};
	const outputsOf = (parameters: INode['parameters']) => {
		const node: INode = {
			id: '1',
			name: NODE,
			type: 'n8n-nodes-qms.complaintClassifier',
			typeVersion: 1,
			position: [0, 0],
			parameters,
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: types,
		});
		const description = NodeHelpers.getVersionedNodeType(nodeType, 1).description;
		return (
			NodeHelpers.getNodeOutputs(workflow, node, description) as { displayName: string }[]
		).map((o) => o.displayName);
	};

	it('one output per default category plus unclassified, Summary when asked, or a single output', () => {
		expect(outputsOf({ routing: 'byCategory' })).toEqual(DEFAULT_OUTPUTS);
		expect(outputsOf({ routing: 'byCategory', summary: true })).toEqual([
			...DEFAULT_OUTPUTS,
			'Summary',
		]);
		expect(outputsOf({ routing: 'single' })).toEqual(['Complaints', 'Failed']);
		expect(outputsOf({ routing: 'single', summary: true })).toEqual([
			'Complaints',
			'Summary',
			'Failed',
		]);
		expect(outputsOf({ operation: 'train' })).toEqual(['Model', 'Failed']);
		expect(outputsOf({ operation: 'pareto' })).toEqual(['Pareto', 'Failed']);
	});

	it('the editor shows the outputs the node fills: one per category of the default taxonomy', async () => {
		const { run, node } = await runNode({
			type: 'complaintClassifier',
			parameters: { text: '={{ $json.body }}', routing: 'byCategory', summary: true },
			items: [{ body: '外箱压扁了' }],
		});
		expect(run.outputCounts(node).length).toBe(outputsOf({ summary: true }).length);
		expect(run.output(node, DEFAULT_OUTPUTS.indexOf('logistics_packaging'))).toHaveLength(1);
	});

	it('custom taxonomy categories get their own outputs', () => {
		const taxonomyJson = JSON.stringify({
			categories: [{ id: 'noise', terms: { en: ['squeak'] } }],
		});
		expect(
			outputsOf({ routing: 'byCategory', taxonomy: 'custom', taxonomyJson, extendDefault: false }),
		).toEqual(['noise', 'unclassified']);
		expect(outputsOf({ routing: 'byCategory', taxonomy: 'custom', taxonomyJson })).toEqual([
			...DEFAULT_OUTPUTS.slice(0, 7),
			'noise',
			'unclassified',
		]);
	});

	it('is usable as a tool and has an icon', () => {
		expect(nodeType.description.usableAsTool).toBe(true);
		expect(nodeType.description.icon).toEqual({
			light: 'file:complaintClassifier.svg',
			dark: 'file:complaintClassifier.dark.svg',
		});
	});
});

describe('Complaint Classifier through n8n: Chinese and English routing', () => {
	let run: Awaited<ReturnType<typeof runWorkflow>>;
	beforeAll(async () => {
		run = await runWorkflow(routingFixture as unknown as WorkflowFixture);
	});

	it('routes each complaint to the output of its category, paired with its input', () => {
		expect(run.error).toBeUndefined();
		const at = (category: string) => run.output(NODE, DEFAULT_OUTPUTS.indexOf(category));
		expect(ids(at('logistics_packaging'))).toEqual([1]);
		expect(ids(at('delivery'))).toEqual([2, 6]);
		expect(ids(at('production'))).toEqual([3]);
		expect(ids(at('documentation'))).toEqual([4]);
		expect(ids(at('unclassified'))).toEqual([5]);
		expect(at('delivery').map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 5 }]);
	});

	it('puts the result on each item: severity, evidence offsets, identifiers, deadline, masked text', () => {
		const [box] = run.output(NODE, DEFAULT_OUTPUTS.indexOf('logistics_packaging'));
		const result = box.json.complaint as IDataObject;
		expect(result).toMatchObject({
			category: 'logistics_packaging',
			language: 'zh',
			severity: 'minor',
		});
		expect((result.deadline as IDataObject).dueAt).toBe('2026-11-21T09:30:00.000+08:00');
		expect(box.json.body).toBe(
			'外箱破损严重，纸箱压扁了，里面的产品有磕碰。联系人电话 *********78',
		);
		const [fire] = run.output(NODE, DEFAULT_OUTPUTS.indexOf('production'));
		expect((fire.json.complaint as IDataObject).severity).toBe('critical');
		const [order] = run.output(NODE, DEFAULT_OUTPUTS.indexOf('delivery'));
		expect((order.json.complaint as IDataObject).identifiers).toEqual([
			{ kind: 'order', value: '4500123456', start: 9, end: 19 },
		]);
		expect(((order.json.complaint as IDataObject).deadline as IDataObject).dueAt).toBe(
			'2026-11-23T09:30:00.000+08:00',
		);
	});

	it('adds a Pareto summary paired with every input item', () => {
		const [summary] = run.output(NODE, DEFAULT_OUTPUTS.length);
		expect(summary.json.total).toBe(6);
		expect((summary.json.pareto as IDataObject[])[0]).toEqual({
			category: 'delivery',
			count: 2,
			share: 2 / 6,
			cumulativeShare: 2 / 6,
		});
		expect(summary.json.counts).toEqual({
			logistics_packaging: 1,
			delivery: 2,
			production: 1,
			documentation: 1,
			unclassified: 1,
		});
		expect(summary.pairedItem).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
	});
});

describe('Complaint Classifier: hazards, severity reason and escalation on every item', () => {
	const complaints = [
		{ id: 'fire', body: 'Two of the chargers caught fire and started to smoke during charging.' },
		{ id: 'shock', body: '用户拆机时没断电被电到' },
		{ id: 'scratch', body: 'scratch on the cover' },
	];
	const classify = async (options: IDataObject = {}): Promise<Record<string, IDataObject>> => {
		const { run, node } = await runNode({
			type: 'complaintClassifier',
			parameters: { text: '={{ $json.body }}', routing: 'single', options },
			items: complaints,
		});
		expect(run.error).toBeUndefined();
		return Object.fromEntries(
			run.output(node, 0).map((i) => [i.json.id, i.json.complaint as IDataObject]),
		);
	};
	const withoutClass = (id: string) => hazardClassIds.filter((c) => c !== id);

	it('offers every built-in hazard class, all selected by default', () => {
		const option = new ComplaintClassifier().nodeVersions[1].description.properties
			.find((p) => p.name === 'options')
			?.options?.find((o) => o.name === 'escalateOn') as {
			options: { value: string }[];
			default: string[];
		};
		expect(option.options.map((o) => o.value).sort()).toEqual([...hazardClassIds].sort());
		expect(option.default).toEqual(hazardClassIds);
	});

	it('by default a hazard complaint escalates and quotes its hazards; a non-hazard one does not', async () => {
		const out = await classify();
		expect(out.fire).toMatchObject({
			severity: 'critical',
			escalate: true,
			escalationEvidence: 'fire_thermal: "caught fire" (actual); fire_thermal: "smoke" (actual)',
		});
		expect(out.fire.hazards).toEqual([
			{ class: 'fire_thermal', term: 'caught fire', start: 20, end: 31, harm: 'actual' },
			{ class: 'fire_thermal', term: 'smoke', start: 47, end: 52, harm: 'actual' },
		]);
		expect(out.fire.escalationHazards).toEqual(out.fire.hazards);
		expect(out.fire.severityReason).toContain('fire_thermal hazard "caught fire"');
		expect(out.shock).toMatchObject({
			severity: 'critical',
			escalate: true,
			escalationEvidence: 'electrical: "被电" (actual)',
		});
		expect(out.scratch).toMatchObject({
			severity: 'minor',
			hazards: [],
			escalate: false,
			escalationEvidence: '',
			escalationHazards: [],
		});
		expect(typeof out.scratch.severityReason).toBe('string');
	});

	it('a deselected class no longer escalates, while its hazard still makes the complaint critical', async () => {
		const out = await classify({ escalateOn: withoutClass('fire_thermal') });
		expect(out.fire).toMatchObject({
			severity: 'critical',
			escalate: false,
			escalationEvidence: '',
			escalationHazards: [],
		});
		expect(out.fire.hazards).toHaveLength(2);
		expect(out.shock).toMatchObject({ severity: 'critical', escalate: true });
		const none = await classify({ escalateOn: [] });
		expect(Object.values(none).map((c) => [c.severity, c.escalate])).toEqual([
			['critical', false],
			['critical', false],
			['minor', false],
		]);
	});

	it('an unknown class in the selection fails naming the item and the field', async () => {
		const { run } = await runNode({
			type: 'complaintClassifier',
			parameters: {
				text: '={{ $json.body }}',
				routing: 'single',
				options: { escalateOn: ['fire'] },
			},
			items: complaints,
		});
		expect(String(run.error?.message)).toContain(
			'Item 0: Escalate On Hazard Classes: "fire" is not a hazard class',
		);
	});
});

describe('Complaint Classifier: Pareto of classified items (saved cases)', () => {
	// Hand count: production 3, delivery 2, design 2 (ties by name: delivery before design), one
	// row without a category (an empty Data Table read gives one such item) is skipped.
	const cases = [
		{ category: 'production', severity: 'critical', customer: 'Contoso <AG>' },
		{ category: 'delivery', severity: 'minor', customer: 'Litware' },
		{ category: 'production', severity: 'major', customer: 'Contoso <AG>' },
		{ category: 'design', severity: 'major', customer: '' },
		{},
		{ category: 'design', severity: 'minor', customer: 'Litware' },
		{ category: 'production', severity: 'major', customer: 'Contoso <AG>' },
		{ category: 'delivery', severity: 'major', customer: 'Fabrikam' },
	];

	it('counts by category (most first, shares, cumulative), severity and customer; one item paired with all', async () => {
		const { run, node } = await runNode({
			type: 'complaintClassifier',
			parameters: {
				operation: 'pareto',
				paretoHtml: true,
				paretoOptions: { title: 'Complaint Pareto, last 7 days', topCustomers: 2 },
			},
			items: cases,
		});
		expect(run.error).toBeUndefined();
		const [summary, ...more] = run.output(node, 0);
		expect(more).toEqual([]);
		expect(summary.json).toMatchObject({
			total: 7,
			skipped: 1,
			counts: { production: 3, delivery: 2, design: 2 },
			bySeverity: { critical: 1, major: 4, minor: 2 },
			byCustomer: { 'Contoso <AG>': 3, Litware: 2, Fabrikam: 1 },
		});
		expect(summary.json.pareto).toEqual([
			{ category: 'production', count: 3, share: 3 / 7, cumulativeShare: 3 / 7 },
			{ category: 'delivery', count: 2, share: 2 / 7, cumulativeShare: 5 / 7 },
			{ category: 'design', count: 2, share: 2 / 7, cumulativeShare: 1 },
		]);
		expect(summary.pairedItem).toEqual(cases.map((_, item) => ({ item })));
		const html = String(summary.json.html);
		expect(html).toContain('Complaint Pareto, last 7 days');
		expect(html).toContain('critical: 1, major: 4, minor: 2');
		expect(html).toContain('Contoso &lt;AG&gt;: 3, Litware: 2</p>');
		expect(html).not.toContain('<AG>');
		expect(html).not.toContain('Fabrikam');
	});
});

describe('Complaint Classifier errors', () => {
	it('an empty text fails naming the item and the field', async () => {
		const { run } = await runNode({
			type: 'complaintClassifier',
			parameters: { text: '={{ $json.body }}', routing: 'single' },
			items: [{ body: 'scratch' }, { body: '' }],
		});
		expect(String(run.error?.message)).toContain('Item 1: Complaint Text: is empty');
	});

	it('with Continue On Fail the bad item goes to Failed beside a single output, paired to its input', async () => {
		const { run, node } = await runNode({
			type: 'complaintClassifier',
			parameters: { text: '={{ $json.body }}', routing: 'single' },
			items: [{ body: '划痕' }, { body: '' }],
			continueOnFail: true,
		});
		const [classified] = run.output(node, 0);
		expect(classified.pairedItem).toEqual({ item: 0 });
		expect((classified.json.complaint as IDataObject).category).toBe('production');
		const [failed] = run.output(node, 1);
		expect(failed.pairedItem).toEqual({ item: 1 });
		expect(failed.json.error).toBe('Item 1: Complaint Text: is empty or not text');
	});

	it('invalid taxonomy JSON is reported clearly', async () => {
		const { run } = await runNode({
			type: 'complaintClassifier',
			parameters: {
				text: '={{ $json.body }}',
				taxonomy: 'custom',
				taxonomyJson: '{"categories": []}',
				extendDefault: false,
			},
			items: [{ body: 'x' }],
		});
		expect(String(run.error?.message)).toContain('taxonomy.categories must be a non-empty array');
	});
});

describe('Complaint Classifier: train a model, then classify with it', () => {
	const labelled = [
		{ text: 'The hinge squeaks loudly when opening', category: 'noise' },
		{ text: 'Terrible squeaking from the hinge again', category: 'noise' },
		{ text: '门铰链吱吱响', category: 'noise' },
		{ text: 'The box was crushed in transit', category: 'logistics_packaging' },
		{ text: '外箱压扁了', category: 'logistics_packaging' },
	];

	it('outputs one serialisable model paired with every labelled item, and routes by its labels', async () => {
		const trained = await runNode({
			type: 'complaintClassifier',
			parameters: { operation: 'train', textField: 'text', labelField: 'category' },
			items: labelled,
		});
		const [out] = trained.run.output(trained.node, 0);
		expect(out.json.labels).toEqual(['logistics_packaging', 'noise']);
		expect(out.pairedItem).toEqual(labelled.map((_, item) => ({ item })));

		const { run, node } = await runNode({
			type: 'complaintClassifier',
			parameters: {
				operation: 'classify',
				text: '={{ $json.body }}',
				taxonomy: 'model',
				modelJson: JSON.stringify(out.json.model),
			},
			items: [{ body: 'the hinge squeaks' }, { body: '纸箱压坏了' }],
		});
		expect(run.output(node, DEFAULT_OUTPUTS.length - 1).map((i) => i.json.body)).toEqual([
			'the hinge squeaks',
		]); // 'noise' sits after the defaults
		expect(
			run.output(node, DEFAULT_OUTPUTS.indexOf('logistics_packaging')).map((i) => i.json.body),
		).toEqual(['纸箱压坏了']);
	});

	it('a labelled item without its label fails naming the item and field', async () => {
		const { run } = await runNode({
			type: 'complaintClassifier',
			parameters: { operation: 'train' },
			items: [...labelled, { text: 'no label here' }],
		});
		expect(String(run.error?.message)).toContain(
			'Item 5: field "category": must be a non-empty string',
		);
	});
});
