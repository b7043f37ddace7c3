import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	complaintPareto,
	createComplaintClassifier,
	defaultSeverityRules,
	defaultSla,
	defaultHazardClasses,
	defaultTaxonomy,
	hazardClassIds,
	hazardEscalation,
	mergeSeverityRules,
	mergeTaxonomy,
	type ClassifyOptions,
	type ComplaintClassification,
	type SlaTable,
	type Taxonomy,
} from '../../../../lib/complaints';
import { InputError } from '../../../../lib/shared/errors';
import { parseJsonParameter } from '../../../../lib/shared/json';
import { optionsCollection } from '../../../shared/description';
import type { Routing } from '../../../shared/routing';

const showClassify = { show: { operation: ['classify'] } };

/** The built-in hazard classes as option values, by their English label. */
const HAZARD_CLASS_OPTIONS = defaultHazardClasses
	.map((c) => ({ name: c.label?.en ?? c.id, value: c.id }))
	.sort((a, b) => a.name.localeCompare(b.name));

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
	optionsCollection(
		[
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
				displayName: 'Escalate On Hazard Classes',
				name: 'escalateOn',
				type: 'multiOptions',
				options: HAZARD_CLASS_OPTIONS,
				default: [...hazardClassIds],
				description:
					'Hazard classes that set escalate to true on the item. Detection and severity stay as they are (a hazard is still critical); switch a class off entirely with hazards.disabled in the taxonomy JSON.',
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
		showClassify,
	),
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
	escalateOn?: unknown;
	field?: string;
}

/** The selected escalating classes; all of them when the option is not set. */
function escalatingClasses(value: unknown): readonly string[] {
	if (value === undefined) return hazardClassIds;
	if (!Array.isArray(value))
		throw new InputError('Escalate On Hazard Classes', 'must be a list of hazard class ids');
	for (const id of value)
		if (!hazardClassIds.includes(id as string))
			throw new InputError(
				'Escalate On Hazard Classes',
				`${JSON.stringify(id)} is not a hazard class (one of ${hazardClassIds.join(', ')})`,
			);
	return value as string[];
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
		const custom = parseJsonParameter(
			ctx.getNodeParameter('taxonomyJson', 0),
			'Taxonomy JSON',
		) as Taxonomy;
		result.taxonomy = ctx.getNodeParameter('extendDefault', 0, true)
			? mergeTaxonomy(defaultTaxonomy, custom)
			: custom;
	} else if (taxonomyMode === 'model') {
		result.model = parseJsonParameter(
			ctx.getNodeParameter('modelJson', 0),
			'Model JSON',
		) as ClassifyOptions['model'];
	}
	const critical = words(options.criticalWords);
	const major = words(options.majorWords);
	if (critical.length || major.length)
		result.severity = mergeSeverityRules(defaultSeverityRules, { critical, major });
	const sla = options.slaJson
		? (parseJsonParameter(options.slaJson, 'SLA Table JSON') as SlaTable)
		: undefined;
	if (sla || options.businessDays)
		result.sla = {
			...(sla ?? defaultSla),
			businessDays: options.businessDays === true || sla?.businessDays === true,
		};
	return result;
}

/** The output names of each run, worked out once (the router and the operation both ask). */
const layouts = new WeakMap<IExecuteFunctions, string[]>();

/** Category outputs and unclassified, Summary when asked; or Complaints, Summary, Failed. */
function outputNames(ctx: IExecuteFunctions): string[] {
	let names = layouts.get(ctx);
	if (!names) {
		names = layout(ctx);
		layouts.set(ctx, names);
	}
	return names;
}

function layout(ctx: IExecuteFunctions): string[] {
	const summary = ctx.getNodeParameter('summary', 0, false) ? ['Summary'] : [];
	if (ctx.getNodeParameter('routing', 0) === 'single') return ['Complaints', ...summary, 'Failed'];
	let ids: string[];
	try {
		ids = categoryIds(engineOptions(ctx));
	} catch {
		// The configuration error fails the run in aggregate(); its failure needs only unclassified.
		ids = DEFAULT_CATEGORY_IDS;
	}
	return [...ids, 'unclassified', ...summary];
}

export function outputs(this: IExecuteFunctions): number {
	return outputNames(this).length;
}

/** A complaint that cannot be classified is unclassified, or Failed beside a single output. */
export function failedOutput(this: IExecuteFunctions): number {
	const names = outputNames(this);
	return this.getNodeParameter('routing', 0) === 'single'
		? names.indexOf('Failed')
		: names.indexOf('unclassified');
}

/** Classifies every item, routes it, and adds the Pareto summary when asked. */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	const items = this.getInputData();
	const names = outputNames(this);
	let classify: ReturnType<typeof createComplaintClassifier>;
	try {
		classify = createComplaintClassifier(engineOptions(this));
	} catch (error) {
		routing.fail(error, undefined);
		return;
	}
	const single = this.getNodeParameter('routing', 0) === 'single';
	const results: (ComplaintClassification | undefined)[] = items.map(() => undefined);
	await routing.eachItem((i) => {
		const text = this.getNodeParameter('text', i) as unknown;
		if (typeof text !== 'string' || text.trim() === '')
			throw new InputError('Complaint Text', 'is empty or not text');
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
		const escalation = hazardEscalation(result.hazards, escalatingClasses(perItem.escalateOn));
		json[perItem.field || 'complaint'] = {
			...result,
			escalate: escalation.escalate,
			escalationEvidence: escalation.evidence,
			escalationHazards: escalation.hazards,
		} as unknown as IDataObject;
		results[i] = result;
		const at = single ? 0 : names.indexOf(result.category);
		return { output: at >= 0 ? at : names.indexOf('unclassified'), json };
	});
	if (this.getNodeParameter('summary', 0, false))
		routing.route(routing.allItems(), {
			output: names.indexOf('Summary'),
			json: complaintPareto(results) as unknown as IDataObject,
		});
}

/** The default taxonomy's categories, in output order. */
export const DEFAULT_CATEGORY_IDS: string[] = defaultTaxonomy.categories.map((c) => c.id);

/** Category ids in output order: the taxonomy's, or the defaults and then a model's own labels. */
function categoryIds(options: ClassifyOptions): string[] {
	if (options.model && typeof options.model === 'object')
		return DEFAULT_CATEGORY_IDS.concat(
			options.model.labels.filter((l) => !DEFAULT_CATEGORY_IDS.includes(l)),
		);
	return options.taxonomy ? options.taxonomy.categories.map((c) => c.id) : DEFAULT_CATEGORY_IDS;
}
