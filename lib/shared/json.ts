import { InputError } from './errors';

/**
 * A value given as JSON text or as the value itself (n8n hands JSON parameters over either
 * way): text is parsed, anything else returned as it is. Text that is not JSON throws an
 * {@link InputError} naming `field`.
 *
 * @example
 * parseJsonParameter('{"id":"x"}', 'Rule Set JSON'); // { id: 'x' }
 * parseJsonParameter({ id: 'x' }, 'Rule Set JSON'); // { id: 'x' }
 * parseJsonParameter('{"id":', 'Rule Set JSON'); // throws: Rule Set JSON: not valid JSON (Unexpected end of JSON input)
 */
export function parseJsonParameter(value: unknown, field: string): unknown {
	if (typeof value !== 'string') return value;
	let failure: string | undefined;
	let parsed: unknown;
	try {
		parsed = JSON.parse(value);
	} catch (error) {
		failure = (error as Error).message;
	}
	if (failure !== undefined) throw new InputError(field, `not valid JSON (${failure})`);
	return parsed;
}
