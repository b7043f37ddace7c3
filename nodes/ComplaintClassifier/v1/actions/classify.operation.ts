import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	complaintPareto,
	createComplaintClassifier,
	defaultSeverityRules,
	defaultSla,
	defaultTaxonomy,
	mergeSeverityRules,
	mergeTaxonomy,
	type ClassifyOptions,
	type ComplaintClassification,
	type SlaTable,
	type Taxonomy,
} from '../../../../lib/complaints';

const showClassify = { show: { operation: ['classify'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Complaint Text',
		name: 'text',
		displayOptions: showClassify,
		type: 'string',
		typeOptions: { rows: 3 },
		default: '={{ $json.text }}',
		required: true,
		description: 'The complaint as the customer wrote it (Chinese, English or both)',
		hint: 'Usually an expression such as {{ $json.body }} or {{ $json.message }}',
	},
	{
		displayName: 'Routing',
		name: 'routing',
		displayOptions: showClassify,
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Output per Category',
				value: 'byCategory',
				description: 'Route each complaint to the output of its category, or Unclassified',
			},
			{
				name: 'Single Output',
				value: 'single',
				description: 'All complaints on one output, with the result on each item',
			},
		],
		default: 'byCategory',
	},
	{
		displayName: 'Taxonomy',
		name: 'taxonomy',
		displayOptions: showClassify,
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Default (Bilingual)',
				value: 'default',
				description:
					'Design, production, supplier/material, logistics/packaging, service, documentation, delivery',
			},
			{
				name: 'Custom JSON',
				value: 'custom',
				description: 'Your own categories and literal terms',
			},
			{
				name: 'Trained Model',
				value: 'model',
				description: 'A model trained from labelled complaints, combined with the default keywords',
			},
		],
		default: 'default',
	},
	{
		displayName: 'Taxonomy JSON',
		name: 'taxonomyJson',
		type: 'json',
		default:
			'{\n  "categories": [\n    { "id": "noise", "terms": { "en": ["squeak", "rattle"], "zh": ["异响"] } }\n  ]\n}',
		displayOptions: { show: { operation: ['classify'], taxonomy: ['custom'] } },
		description:
			'Categories with literal terms per language (words and phrases, never regular expressions)',
	},
	{
		displayName: 'Extend Default Taxonomy',
		name: 'extendDefault',
		type: 'boolean',
		default: true,
		displayOptions: { show: { operation: ['classify'], taxonomy: ['custom'] } },
		description:
			'Whether to add these categories/terms to the default taxonomy instead of replacing it',
	},
	{
		displayName: 'Model JSON',
		name: 'modelJson',
		type: 'json',
		default: '',
		displayOptions: { show: { operation: ['classify'], taxonomy: ['model'] } },
		description:
			"The model output of this node's Train Model operation (or of trainComplaintModel), as JSON",
	},
	{
		displayName: 'Pareto Summary',
		name: 'summary',
		displayOptions: showClassify,
		type: 'boolean',
		default: false,
		description:
			'Whether to add a Summary output with the count per category over all input items, sorted for a Pareto chart',
	},
	{
		displayName: 'Options',
		name: 'options',
		displayOptions: showClassify,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Business Days Only',
				name: 'businessDays',
				type: 'boolean',
				default: false,
				description: 'Whether deadline hours count only Monday to Friday in the customer zone',
			},
			{
				displayName: 'Customer Tier',
				name: 'tier',
				type: 'string',
				default: '',
				description:
					'Tier for the response deadline (vip, key, standard, or a tier of your SLA table)',
			},
			{
				displayName: 'Customer Time Zone',
				name: 'timeZone',
				type: 'string',
				default: '',
				placeholder: 'Asia/Shanghai',
				description: 'IANA time zone of the customer for the deadline',
			},
			{
				displayName: 'Extra Critical Words',
				name: 'criticalWords',
				type: 'string',
				default: '',
				description:
					'Comma-separated words that make a complaint critical, added to the safety words',
			},
			{
				displayName: 'Extra Major Words',
				name: 'majorWords',
				type: 'string',
				default: '',
				description: 'Comma-separated words that make a complaint major',
			},
			{
				displayName: 'Keywords Only',
				name: 'keywordsOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether to leave out the built-in model trained on labelled complaints and decide on taxonomy keywords alone',
			},
			{
				displayName: 'Mask Personal Data',
				name: 'maskPii',
				type: 'boolean',
				default: false,
				description: 'Whether to mask e-mail addresses and phone numbers in the text passed on',
			},
			{
				displayName: 'Received At',
				name: 'receivedAt',
				type: 'string',
				default: '',
				description: 'When the complaint arrived (ISO-8601); default now',
			},
			{
				displayName: 'Result Field',
				name: 'field',
				type: 'string',
				default: 'complaint',
				description: 'Name of the field that receives the classification',
			},
			{
				displayName: 'SLA Table JSON',
				name: 'slaJson',
				type: 'json',
				default: '',
				description:
					'E.g. { "tiers": { "vip": { "hours": 24 }, "standard": { "hours": 72 } }, "defaultTier": "standard", "holidays": ["2026-12-25"] }.',
			},
		],
	},
];

interface NodeOptions {
	tier?: string;
	timeZone?: string;
	receivedAt?: string;
	businessDays?: boolean;
	slaJson?: string | object;
	criticalWords?: string;
	majorWords?: string;
	maskPii?: boolean;
	keywordsOnly?: boolean;
	field?: string;
}

function parseJson<T>(ctx: IExecuteFunctions, value: unknown, what: string): T {
	if (typeof value !== 'string') return value as T;
	try {
		return JSON.parse(value) as T;
	} catch {
		throw new NodeOperationError(ctx.getNode(), `${what} is not valid JSON`);
	}
}

const words = (list?: string) =>
	(list ?? '')
		.split(/[,，]/)
		.map((w) => w.trim())
		.filter(Boolean);

/** Engine options from the node parameters (same for every item). */
function engineOptions(ctx: IExecuteFunctions): ClassifyOptions {
	const taxonomyMode = ctx.getNodeParameter('taxonomy', 0) as string;
	const options = ctx.getNodeParameter('options', 0, {}) as NodeOptions;
	const result: ClassifyOptions = {
		maskPii: options.maskPii === true,
		prior: options.keywordsOnly !== true,
	};
	if (taxonomyMode === 'custom') {
		const custom = parseJson<Taxonomy>(
			ctx,
			ctx.getNodeParameter('taxonomyJson', 0),
			'Taxonomy JSON',
		);
		result.taxonomy = ctx.getNodeParameter('extendDefault', 0, true)
			? mergeTaxonomy(defaultTaxonomy, custom)
			: custom;
	} else if (taxonomyMode === 'model') {
		result.model = parseJson(ctx, ctx.getNodeParameter('modelJson', 0), 'Model JSON');
	}
	const critical = words(options.criticalWords);
	const major = words(options.majorWords);
	if (critical.length || major.length)
		result.severity = mergeSeverityRules(defaultSeverityRules, { critical, major });
	const sla = options.slaJson
		? parseJson<SlaTable>(ctx, options.slaJson, 'SLA Table JSON')
		: undefined;
	if (sla || options.businessDays)
		result.sla = {
			...(sla ?? defaultSla),
			businessDays: options.businessDays === true || sla?.businessDays === true,
		};
	return result;
}

/** Classifies every item, routes it, and adds the Pareto summary when asked. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const routing = this.getNodeParameter('routing', 0) as string;
	const summary = this.getNodeParameter('summary', 0, false) as boolean;
	let classify: ReturnType<typeof createComplaintClassifier>;
	let options: ClassifyOptions;
	try {
		options = engineOptions(this);
		classify = createComplaintClassifier(options);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), (error as Error).message);
	}
	const results: (ComplaintClassification | undefined)[] = [];
	const routed: { item: INodeExecutionData; category: string }[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const text = this.getNodeParameter('text', i) as unknown;
			if (typeof text !== 'string' || text.trim() === '') {
				throw new NodeOperationError(
					this.getNode(),
					`Item ${i}: Complaint Text is empty or not text`,
					{ itemIndex: i },
				);
			}
			const perItem = this.getNodeParameter('options', i, {}) as NodeOptions;
			const result = classify(text, {
				tier: perItem.tier || undefined,
				timeZone: perItem.timeZone || undefined,
				receivedAt: perItem.receivedAt || undefined,
			});
			const json: IDataObject = { ...items[i].json };
			if (result.maskedText !== undefined) {
				// Pass the masked text on wherever the complaint text came from.
				for (const [key, value] of Object.entries(json))
					if (value === text) json[key] = result.maskedText;
			}
			json[perItem.field || 'complaint'] = result as unknown as IDataObject;
			results.push(result);
			routed.push({ item: { json, pairedItem: { item: i } }, category: result.category });
		} catch (error) {
			const message = (error as Error).message.startsWith(`Item ${i}`)
				? (error as Error).message
				: `Item ${i}: ${(error as Error).message}`;
			if (!this.continueOnFail()) {
				throw error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), message, { itemIndex: i });
			}
			results.push(undefined);
			routed.push({
				item: { json: { ...items[i].json, error: message }, pairedItem: { item: i } },
				category: 'unclassified',
			});
		}
	}

	const outputNames = outputsFor(options, routing);
	const outputs: INodeExecutionData[][] = outputNames.map(() => []);
	for (const { item, category } of routed) {
		const at = routing === 'single' ? 0 : outputNames.indexOf(category);
		outputs[at >= 0 ? at : outputNames.length - 1].push(item);
	}
	if (summary)
		outputs.push([{ json: pareto(results), pairedItem: items.map((_, item) => ({ item })) }]);
	return outputs;
}

/** Same order as the outputs expression of the node description. */
function outputsFor(options: ClassifyOptions, routing: string): string[] {
	if (routing === 'single') return ['Complaints'];
	const defaults = defaultTaxonomy.categories.map((c) => c.id);
	let ids = options.taxonomy ? options.taxonomy.categories.map((c) => c.id) : defaults;
	if (options.model && typeof options.model === 'object')
		ids = defaults.concat(options.model.labels.filter((l) => !defaults.includes(l)));
	return [...ids, 'unclassified'];
}

/** The Pareto summary of the classified items; items that failed count as errors. */
function pareto(results: (ComplaintClassification | undefined)[]): IDataObject {
	const { total, errors, counts, bySeverity, pareto: rows } = complaintPareto(results);
	return { total, errors, counts, bySeverity, pareto: rows };
}
