import complete from '../../fixtures/eightd/complete.json';
import type { EightDReport } from '../../../lib/eightd';

/** A fresh deep copy of the complete fixture report (stage D0, no history). */
export function completeReport(overrides: Partial<EightDReport> = {}): EightDReport {
	return { ...(structuredClone(complete) as EightDReport), ...overrides };
}

/** An edit of a fixture: set a value, or remove a key / array element, at a path. */
export type Edit = { set: (string | number)[]; value: unknown } | { remove: (string | number)[] };

/** Applies edits in order to a copy of `value`. */
export function applyEdits<T>(value: T, edits: readonly Edit[]): T {
	const copy = structuredClone(value);
	for (const edit of edits) {
		const path = 'set' in edit ? edit.set : edit.remove;
		let parent = copy as unknown as Record<string | number, unknown>;
		for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
		const last = path[path.length - 1];
		if ('set' in edit) parent[last] = structuredClone(edit.value);
		else if (Array.isArray(parent)) parent.splice(last as number, 1);
		else delete parent[last];
	}
	return copy;
}

/** Freezes a value and everything in it, so a test fails if the engine mutates its input. */
export function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}
