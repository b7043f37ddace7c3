import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

import { isIsoDateTime } from '../shared/dates';
import reportSchema from './schema/eightd-report.schema.json';
import type { EightDReport } from './types';
import { InputError } from '../shared/errors';

/**
 * The published JSON schema of the 8D record (draft-07).
 *
 * @example
 * new Ajv().compile(eightDReportSchema); // validates reports outside this package
 */
export const eightDReportSchema: Readonly<Record<string, unknown>> = reportSchema;

/** One ajv instance for the engine's schemas; `date-time` means ISO-8601 with offset, checked with luxon. */
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('date-time', { type: 'string', validate: isIsoDateTime });

/**
 * Compiles one of the engine's JSON schemas with the shared ajv instance.
 *
 * @example
 * const check = compileSchema({ type: 'object', required: ['id'] });
 * check({ id: 'x' }); // true
 */
export function compileSchema<T>(schema: object): ValidateFunction<T> {
	return ajv.compile<T>(schema);
}

/**
 * Turns ajv's first error into an {@link InputError} whose field is the dotted path.
 *
 * @example
 * schemaError('report', { instancePath: '/approvals/0', keyword: 'required', params: { missingProperty: 'name' }, schemaPath: '', message: '' }).message;
 * // 'report.approvals[0].name: is required'
 */
export function schemaError(root: string, error: ErrorObject): InputError {
	const path = root + error.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
	if (error.keyword === 'propertyNames') {
		const name = (error.params as { propertyName?: string }).propertyName;
		return new InputError(
			`${path}.${name}`,
			`unknown key ${JSON.stringify(name)}` +
				(root === 'report' ? ' (expected a discipline D0..D8 or a documented field)' : ''),
		);
	}
	if (error.keyword === 'required')
		return new InputError(
			`${path}.${(error.params as { missingProperty: string }).missingProperty}`,
			'is required',
		);
	if (error.keyword === 'format' || error.keyword === 'pattern') {
		return new InputError(
			path,
			(error.message ?? 'malformed') +
				(error.keyword === 'format'
					? ' (ISO-8601 date-time with offset, e.g. 2026-03-07T12:00:00+08:00)'
					: ''),
		);
	}
	if (error.keyword === 'enum') {
		return new InputError(
			path,
			`must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
		);
	}
	return new InputError(path, error.message ?? 'is invalid');
}

/**
 * The error worth showing first: an unknown key (the likeliest typo) before its follow-on errors,
 * and a rule's own error before ajv's generic "must match then schema".
 *
 * @example
 * schemaError('report', firstSchemaError(validate.errors ?? []));
 */
export function firstSchemaError(errors: readonly ErrorObject[]): ErrorObject {
	return (
		errors.find((e) => e.keyword === 'propertyNames') ??
		errors.find((e) => e.keyword !== 'if') ??
		errors[0]
	);
}

const validateReportShape = compileSchema<EightDReport>(reportSchema);

/**
 * Checks an 8D record against the published schema; throws an Error naming the first bad field.
 *
 * @example
 * validateEightDReport({ id: '8D-1', openedAt: '2026-03-02T08:00:00Z', stage: 'D0', disciplines: {} }); // returns the report
 * validateEightDReport(undefined); // throws: report: missing (expected an 8D record object)
 */
export function validateEightDReport(report: unknown): EightDReport {
	if (
		report === undefined ||
		report === null ||
		typeof report !== 'object' ||
		Array.isArray(report)
	) {
		throw new InputError(
			'report',
			`${report === undefined || report === null ? 'missing' : 'not an object'} (expected an 8D record object)`,
		);
	}
	if (!validateReportShape(report)) {
		throw schemaError('report', firstSchemaError(validateReportShape.errors ?? []));
	}
	return report;
}
