import type { DateTime } from 'luxon';

import { parseDateTime } from '../shared/dates';
import { formatTime, resolveNow } from './dates';
import { appendHistory, verifyHistory } from './history';
import type { EightDHistoryEntry, EightDReport } from './types';
import { InputError } from '../shared/errors';

/** Who acts: a name, or an object with a name (and optionally a role). */
export type EightDActor = string | { name: string; role?: string };

/**
 * The actor's name as the history records it; throws naming `actor` when there is none.
 *
 * @example
 * parseActor({ name: 'Li Wei', role: 'leader' }); // 'Li Wei (leader)'
 * parseActor(''); // throws: actor: required (a name, or { name, role })
 */
export function parseActor(actor: unknown): string {
	const record = (actor ?? {}) as { name?: unknown; role?: unknown };
	const name =
		typeof actor === 'string'
			? actor.trim()
			: typeof record.name === 'string'
				? record.name.trim()
				: '';
	if (!name) throw new InputError('actor', 'required (a name, or { name, role })');
	return typeof record.role === 'string' && record.role.trim()
		? `${name} (${record.role.trim()})`
		: name;
}

/**
 * Checks a required free-text reason; throws naming `field`.
 *
 * @example
 * parseReason(' no suspect stock left ', 'reason'); // 'no suspect stock left'
 */
export function parseReason(reason: unknown, field: string): string {
	if (typeof reason !== 'string' || reason.trim() === '')
		throw new InputError(field, 'required (say why, it goes into the history)');
	return reason.trim();
}

/**
 * A deep copy of the report with a history it can extend: the existing one after checking that it
 * verifies, or a new one opened by `actor` when the report was created without history.
 *
 * @example
 * const { next, at } = prepareChange(report, 'Li Wei', '2026-03-02T10:00:00Z');
 */
export function prepareChange(
	report: EightDReport,
	actor: string,
	now: string | Date | undefined,
): { next: EightDReport; at: DateTime } {
	const at = resolveNow(now);
	const next = structuredClone(report);
	const history = next.history ?? [];
	if (history.length) {
		const check = verifyHistory(report);
		if (!check.valid)
			throw new InputError(
				'history',
				`does not verify (${check.reason}); refusing to extend an altered record`,
			);
		const last = history[history.length - 1];
		if (at < parseDateTime(last.at, `history[${history.length - 1}].at`)) {
			throw new InputError(
				'options.now',
				`${formatTime(at)} is before the last history entry (${last.at})`,
			);
		}
	} else {
		if (
			Object.keys(next.completedAt ?? {}).length ||
			Object.keys(next.skipped ?? {}).length ||
			next.status === 'closed'
		) {
			throw new InputError(
				'report.history',
				'missing, but the report claims completed, skipped or closed disciplines; only audited changes can make those',
			);
		}
		// A report made outside openFromComplaint starts its chain now, vouching for what it holds.
		next.history = appendHistory([], {
			at: formatTime(at),
			actor,
			action: 'open',
			from: null,
			to: next.stage,
			decision: 'opened',
			reasons: ['history started on the first audited change'],
			reportId: next.id,
			openedAt: next.openedAt,
			deadlines: next.deadlines,
		});
	}
	return { next, at };
}

/**
 * Appends an entry to the copy's history (stamped with `at`).
 *
 * @example
 * record(next, at, { actor: 'Li Wei', action: 'skip', from: 'D3', to: 'D3', decision: 'skipped', reasons: ['...'] });
 */
export function record(
	next: EightDReport,
	at: DateTime,
	entry: Omit<EightDHistoryEntry, 'seq' | 'prevHash' | 'hash' | 'at'>,
): EightDReport {
	next.history = appendHistory(next.history ?? [], { ...entry, at: formatTime(at) });
	return next;
}
