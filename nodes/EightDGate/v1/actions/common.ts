import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	eightDRuleSetChoices,
	nextDiscipline,
	TARGET_DISCIPLINES,
	type GateOptions,
} from '../../../../lib/eightd';
import { InputError } from '../../../../lib/shared/errors';
import { parseJsonParameter } from '../../../../lib/shared/json';
import { readPath } from '../../../../lib/shared/paths';
import { optionsCollection as nodeOptions } from '../../../shared/description';
import type { EightDMeasurement } from '../../../../lib/eightd/types';

/** Operations that read a report from the item. */
const REPORT_OPERATIONS = [
	'evaluateGate',
	'advance',
	'checkDeadlines',
	'verifyHistory',
	'renderReport',
];

/** Where the report is on the item, shared by the operations that read one. */
export const reportField: INodeProperties = {
	displayName: 'Report Field',
	name: 'reportField',
	type: 'string',
	default: 'report',
	required: true,
	description:
		'Field of the input item that holds the 8D report (an object or its JSON text); dots reach into nested fields',
	displayOptions: { show: { operation: REPORT_OPERATIONS } },
};

/** Rule set choice, shared by Evaluate Gate and Advance. */
export function ruleSetProperties(operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Rule Set',
			name: 'ruleSetSource',
			type: 'options',
			options: [
				{
					name: 'Automatic',
					value: 'auto',
					description: "The report's rule set, else the set for its customer, else the default",
				},
				{
					name: 'Built-In',
					value: 'named',
					description: 'One of the rule sets shipped with the node',
				},
				{ name: 'JSON', value: 'json', description: 'A rule set written here' },
				{
					name: 'From Input Field',
					value: 'field',
					description: 'A rule set carried by each item',
				},
			],
			default: 'auto',
			displayOptions: { show: { operation: operations } },
		},
		{
			displayName: 'Rule Set Name',
			name: 'ruleSetName',
			type: 'options',
			options: [...eightDRuleSetChoices],
			default: 'default',
			displayOptions: { show: { operation: operations, ruleSetSource: ['named'] } },
		},
		{
			displayName: 'Rule Set JSON',
			name: 'ruleSetJson',
			type: 'json',
			default: '{\n  "id": "my-customer",\n  "extends": "default",\n  "disciplines": {}\n}',
			description:
				'A rule set in JSON, as the rule set schema shipped with the package describes it; "extends": "default" keeps the default rules',
			displayOptions: { show: { operation: operations, ruleSetSource: ['json'] } },
		},
		{
			displayName: 'Rule Set Field',
			name: 'ruleSetField',
			type: 'string',
			default: 'ruleSet',
			description: 'Field of the input item that holds the rule set (object or JSON text)',
			displayOptions: { show: { operation: operations, ruleSetSource: ['field'] } },
		},
	];
}

/** Language of the reasons, shared by Evaluate Gate and Advance. */
export function languageProperty(operations: string[]): INodeProperties {
	return {
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: [
			{ name: 'English', value: 'en' },
			{ name: 'Chinese (中文)', value: 'zh' },
		],
		default: 'en',
		description: 'Language of the reasons listed for a blocked step',
		displayOptions: { show: { operation: operations } },
	};
}

/** The gate target, shared by Evaluate Gate and Advance. */
export function targetProperty(operations: string[]): INodeProperties {
	return {
		displayName: 'Target',
		name: 'target',
		type: 'options',
		options: [
			{ name: 'Next Discipline', value: 'next' },
			...TARGET_DISCIPLINES.map((d) => ({ name: d, value: d })),
			{ name: 'Closed (After D8)', value: 'closed' },
		],
		default: 'next',
		description:
			'Where the report should move; every discipline it leaves behind must pass its gate',
		displayOptions: { show: { operation: operations } },
	};
}

/**
 * The value of a dotted item field that must be there (an object or its JSON text); `what` says
 * what it should hold, for the error.
 */
export function requiredField(
	this: IExecuteFunctions,
	index: number,
	field: string,
	what: string,
): unknown {
	const value = readPath(this.getInputData()[index].json, field);
	if (value === undefined || value === null || value === '')
		throw new InputError(`field "${field}"`, `no ${what} on this item`);
	return parseJsonParameter(value, `field "${field}"`);
}

/** The report of item `index`, from the Report Field. */
export function readReport(this: IExecuteFunctions, index: number): unknown {
	return requiredField.call(
		this,
		index,
		this.getNodeParameter('reportField', index) as string,
		'report',
	);
}

/** The target a Target parameter names: "next" is the discipline after the report's stage. */
export function resolveTarget(target: string, report: unknown): string {
	if (target !== 'next') return target;
	return nextDiscipline((report as { stage?: unknown } | null)?.stage) ?? 'next';
}

/** The "Measurements Field" option of the operations that evaluate the D6 SPC proof. */
export const measurementsOption: INodeProperties = {
	displayName: 'Measurements Field',
	name: 'measurementsField',
	type: 'string',
	default: '',
	placeholder: 'measurements',
	description:
		'Field holding measurements for the D6 SPC proof, replacing those in the report: rows { characteristic?, at (or measuredAt), value } (a row without characteristic is of the one named in D6), or an object of such lists per characteristic',
};

type MeasurementRow = {
	characteristic?: unknown;
	at?: unknown;
	measuredAt?: unknown;
	value?: unknown;
};

/**
 * The measurements per characteristic of the "Measurements Field" option (none: undefined, the
 * report's own are used). Rows as the SPC monitor's table holds them are grouped by
 * characteristic; a row without one belongs to the characteristic named in the report's D6.
 */
export function readMeasurements(
	this: IExecuteFunctions,
	index: number,
	report: unknown,
): Record<string, EightDMeasurement[]> | undefined {
	const field = this.getNodeParameter('options.measurementsField', index, '') as string;
	if (!field) return undefined;
	const value = requiredField.call(this, index, field, 'measurements');
	const named = (report as { disciplines?: { D6?: { spc?: { characteristic?: unknown } } } })
		?.disciplines?.D6?.spc?.characteristic;
	const lists: [string | undefined, unknown][] = Array.isArray(value)
		? [[undefined, value]]
		: value !== null && typeof value === 'object'
			? Object.entries(value)
			: [];
	if (lists.length === 0 && !Array.isArray(value))
		throw new InputError(
			`field "${field}"`,
			'must be a list of measurements or an object of lists',
		);
	const byCharacteristic: Record<string, EightDMeasurement[]> = {};
	for (const [key, list] of lists) {
		const where = key === undefined ? `field "${field}"` : `field "${field}.${key}"`;
		if (!Array.isArray(list)) throw new InputError(where, 'must be a list of measurements');
		list.forEach((entry: MeasurementRow, i) => {
			const row = entry ?? {};
			const characteristic = key ?? (row.characteristic === undefined ? named : row.characteristic);
			if (typeof characteristic !== 'string' || characteristic === '')
				throw new InputError(where, 'no characteristic (none on the row, none named in D6)', i);
			const at = row.at ?? row.measuredAt;
			const number = typeof row.value === 'string' ? Number(row.value) : row.value;
			if (typeof at !== 'string')
				throw new InputError(where, 'at (or measuredAt) must be a time', i);
			if (typeof number !== 'number' || !Number.isFinite(number))
				throw new InputError(where, `value must be a finite number, got ${String(row.value)}`, i);
			(byCharacteristic[characteristic] ??= []).push({ at, value: number });
		});
	}
	return byCharacteristic;
}

/** The engine options of item `index` and its `report`: rule set, language, clock, measurements. */
export function gateOptions(this: IExecuteFunctions, index: number, report: unknown): GateOptions {
	const source = this.getNodeParameter('ruleSetSource', index) as string;
	const language = this.getNodeParameter('language', index) as 'en' | 'zh';
	const now = (this.getNodeParameter('options.now', index, '') as string) || undefined;
	const options: GateOptions = { language, now };
	const measurements = readMeasurements.call(this, index, report);
	if (measurements) options.measurements = measurements;
	if (source === 'named') options.ruleSet = this.getNodeParameter('ruleSetName', index) as string;
	if (source === 'json')
		options.ruleSet = parseJsonParameter(
			this.getNodeParameter('ruleSetJson', index),
			'Rule Set JSON',
		) as GateOptions['ruleSet'];
	if (source === 'field') {
		const field = this.getNodeParameter('ruleSetField', index) as string;
		options.ruleSet = requiredField.call(this, index, field, 'rule set') as GateOptions['ruleSet'];
	}
	return options;
}

/** The "Options" collection of an operation: the clock, then the operation's own options. */
export function optionsCollection(
	operations: string[],
	extra: INodeProperties[] = [],
): INodeProperties {
	return nodeOptions(
		[
			{
				displayName: 'Now',
				name: 'now',
				type: 'string',
				default: '',
				placeholder: '2026-03-02T10:00:00+08:00',
				description:
					'Fix the clock (ISO-8601 with offset), e.g. to replay a decision; empty means the current time',
			},
			...extra,
		],
		{ show: { operation: operations } },
	);
}
