/**
 * Parses JSON text given for `field`; throws an Error naming the field when it is not JSON.
 *
 * @example
 * parseJsonText('{"id":"x"}', 'ruleSet'); // { id: 'x' }
 * parseJsonText('{"id":', 'ruleSet'); // throws: ruleSet: not valid JSON (Unexpected end of JSON input)
 */
export function parseJsonText(text: string, field: string): unknown {
	let failure: string | undefined;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		failure = (error as Error).message;
	}
	if (failure !== undefined) throw new Error(`${field}: not valid JSON (${failure})`);
	return value;
}
