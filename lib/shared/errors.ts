/**
 * Bad input, described as data: the input `field` (as the engine names it), the position in it
 * (`index`, and `subIndex` inside a subgroup) and the `reason`. Callers such as the n8n nodes
 * read these fields, never the message, to point the user at the value to fix.
 *
 * @example
 * const error = new InputError('values', 'must be a finite number, got NaN', 3);
 * error.message; // 'values[3]: must be a finite number, got NaN'
 * error.field; // 'values'
 * error.index; // 3
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		readonly reason: string,
		readonly index?: number,
		readonly subIndex?: number,
	) {
		super(`${inputLocation(field, index, subIndex)}: ${reason}`);
		this.name = 'InputError';
	}
}

/**
 * The place a value sits in the input, as messages show it: `field`, `field[3]`, `field[3][1]`.
 *
 * @example
 * inputLocation('subgroups', 2, 0); // 'subgroups[2][0]'
 */
export function inputLocation(field: string, index?: number, subIndex?: number): string {
	const at = index === undefined ? '' : `[${index}]`;
	return subIndex === undefined ? `${field}${at}` : `${field}${at}[${subIndex}]`;
}
