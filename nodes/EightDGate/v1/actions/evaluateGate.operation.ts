import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { evaluateGate, type GateResult } from '../../../../lib/eightd';
import type { OperationResult } from '../../../shared/types';
import {
	gateOptions,
	languageProperty,
	measurementsOption,
	optionsCollection,
	readReport,
	resolveTarget,
	ruleSetProperties,
	targetProperty,
} from './common';

const show = ['evaluateGate'];

export const description: INodeProperties[] = [
	targetProperty(show),
	...ruleSetProperties(show),
	languageProperty(show),
	optionsCollection(show, [measurementsOption]),
];

/** Output 0 "Allowed", 1 "Blocked"; a report that cannot be read is Blocked. */
export const outputs = 2;
export const failedOutput = 1;

/**
 * The gate result as the item carries it: the missing list in plain words (one line a gap) beside
 * the structured list.
 */
export function gateJson(gate: GateResult): IDataObject {
	return {
		allowed: gate.allowed,
		current: gate.current,
		target: gate.target,
		ruleSet: gate.ruleSet,
		summary: gate.missing.map((m) => `${m.discipline}: ${m.reason}`).join('\n'),
		missing: gate.missing.map(({ discipline, field, reason, rule }) => ({
			discipline,
			field,
			reason,
			rule,
		})),
		overdue: gate.overdue.map((o) => ({ ...o })),
		warnings: gate.warnings,
	};
}

export function execute(this: IExecuteFunctions, index: number): OperationResult {
	const report = readReport.call(this, index);
	const target = resolveTarget(this.getNodeParameter('target', index) as string, report);
	const gate = evaluateGate(report, target, gateOptions.call(this, index, report));
	return {
		output: gate.allowed ? 0 : 1,
		json: { ...this.getInputData()[index].json, gate: gateJson(gate) },
	};
}
