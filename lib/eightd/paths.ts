import { readPath } from '../shared/paths';

/**
 * True when a value carries content: a non-blank string, a non-empty array or object, any number
 * or boolean. An empty list or a blank text does not satisfy a required field.
 *
 * @example
 * isPresent('  '); // false
 * isPresent(0); // true
 * isPresent([]); // false
 */
export function isPresent(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	if (typeof value === 'object') return Object.keys(value).length > 0;
	return true;
}

/**
 * The array at a path, or an empty list when absent (a non-array there is reported by the schema).
 *
 * @example
 * readList({ d: { a: [1, 2] } }, 'd.a'); // [1, 2]
 */
export function readList(value: unknown, path: string): unknown[] {
	const found = readPath(value, path);
	return Array.isArray(found) ? found : [];
}

/**
 * How an item of a list is named in a reason: its `id` (or `actionId`), else its position.
 *
 * @example
 * itemName({ id: 'C2' }, 1); // 'C2'
 * itemName({}, 1); // '#2'
 */
export function itemName(item: unknown, index: number): string {
	const record = (item ?? {}) as Record<string, unknown>;
	const id = record.id ?? record.actionId;
	return typeof id === 'string' && id !== '' ? id : `#${index + 1}`;
}
