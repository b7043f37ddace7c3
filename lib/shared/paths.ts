/**
 * The value at a dotted path ("a.b.c") inside an object, or undefined where the path leaves the
 * object tree. Only own properties are read, so "__proto__" or "constructor" find nothing.
 *
 * @example
 * readPath({ report: { stage: 'D3' } }, 'report.stage'); // 'D3'
 * readPath({ report: null }, 'report.stage'); // undefined
 */
export function readPath(value: unknown, path: string): unknown {
	let current = value;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}
