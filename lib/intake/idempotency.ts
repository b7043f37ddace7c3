import { createHash } from 'node:crypto';

/**
 * The case id of a message: `prefix-` and 16 hex digits of SHA-256 over the scope and the
 * sender's message id. The same message always gets the same case id, on any worker and after
 * the seen-id list forgot it, so a downstream upsert keyed on the case id stays idempotent.
 *
 * @example
 * caseIdFor('crm-4711', 'workflow-1/intake'); // 'CMP-' + 16 upper-case hex digits, the same on every call
 */
export function caseIdFor(messageId: string, scope = '', prefix = 'CMP'): string {
	const digest = createHash('sha256')
		.update(scope)
		.update('\u0000')
		.update(messageId)
		.digest('hex');
	return `${prefix}-${digest.slice(0, 16).toUpperCase()}`;
}

/** Seen message ids as kept in a workflow's static data (JSON: an array of [messageId, caseId, epoch ms]). */
export interface SeenIds {
	seen?: [string, string, number][];
}

/** Outcome of {@link rememberMessage}. */
export interface Remembered {
	duplicate: boolean;
	caseId: string;
	/** When the first copy arrived (epoch ms). */
	firstSeenAt: number;
}

/**
 * Records a message id in `store` (mutated; n8n saves static data after the webhook call) unless
 * it is there already. The list is bounded: beyond `max` entries the oldest are dropped, and
 * entries older than `ttlMs` are dropped. Keys never become object properties, so ids such as
 * `__proto__` are ordinary values.
 *
 * @example
 * const store = {};
 * rememberMessage(store, 'crm-1', 'CMP-1', 1000).duplicate; // false
 * rememberMessage(store, 'crm-1', 'CMP-1', 2000);            // { duplicate: true, caseId: 'CMP-1', firstSeenAt: 1000 }
 */
export function rememberMessage(
	store: SeenIds,
	messageId: string,
	caseId: string,
	now: number,
	max = 1000,
	ttlMs = 24 * 3600 * 1000,
): Remembered {
	let seen = Array.isArray(store.seen) ? store.seen.filter(isEntry) : [];
	if (seen.length > 0 && seen[0][2] < now - ttlMs) seen = seen.filter((e) => e[2] >= now - ttlMs);
	const hit = seen.find((e) => e[0] === messageId);
	if (hit) {
		store.seen = seen;
		return { duplicate: true, caseId: hit[1], firstSeenAt: hit[2] };
	}
	seen.push([messageId, caseId, now]);
	if (seen.length > max) seen = seen.slice(seen.length - max);
	store.seen = seen;
	return { duplicate: false, caseId, firstSeenAt: now };
}

function isEntry(e: unknown): e is [string, string, number] {
	return (
		Array.isArray(e) &&
		e.length === 3 &&
		typeof e[0] === 'string' &&
		typeof e[1] === 'string' &&
		typeof e[2] === 'number'
	);
}
