import { createHash } from 'node:crypto';

import { parseDateTime } from '../shared/dates';
import { disciplinesBetween, stageIndex } from './disciplines';
import type { Discipline, EightDHistoryEntry, EightDReport } from './types';
import { InputError } from '../shared/errors';

/**
 * The `prevHash` of the first entry: nothing comes before it.
 *
 * @example
 * report.history[0].prevHash === GENESIS_HASH; // true
 */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level, so the same entry always hashes the same way.
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/**
 * SHA-256 (hex) of a history entry: every field but `hash`, including `prevHash`, which chains it.
 *
 * @example
 * hashHistoryEntry({ seq: 0, prevHash: GENESIS_HASH, ... }); // '3f1c...' (64 hex digits)
 */
export function hashHistoryEntry(
	entry: Omit<EightDHistoryEntry, 'hash'> & { hash?: string },
): string {
	const content: Partial<EightDHistoryEntry> = { ...entry };
	delete content.hash;
	return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * A history with one more entry, numbered and chained to the last one; the input is not changed.
 *
 * @example
 * appendHistory([], { at, actor: 'Li Wei', action: 'open', from: null, to: 'D0', decision: 'opened', reasons: [] });
 * // [{ seq: 0, ..., prevHash: '000...0', hash: '...' }]
 */
export function appendHistory(
	history: readonly EightDHistoryEntry[],
	entry: Omit<EightDHistoryEntry, 'seq' | 'prevHash' | 'hash'>,
): EightDHistoryEntry[] {
	const last = history[history.length - 1];
	const chained = { ...entry, seq: history.length, prevHash: last ? last.hash : GENESIS_HASH };
	return [...history, { ...chained, hash: hashHistoryEntry(chained) }];
}

/**
 * When the report moved past each discipline, replayed from the history: an advance completes the
 * disciplines it leaves, a reopen undoes the completions from its target on.
 *
 * @example
 * completionsFromHistory(report.history); // { D0: '2026-03-02T09:00:00Z', D1: '2026-03-02T09:30:00Z' }
 */
export function completionsFromHistory(
	history: readonly EightDHistoryEntry[],
): Partial<Record<Discipline, string>> {
	const completed: Partial<Record<Discipline, string>> = {};
	for (const entry of history) {
		if (entry.action === 'advance' && entry.from !== null && entry.from !== 'closed') {
			for (const discipline of disciplinesBetween(entry.from, entry.to))
				completed[discipline] = entry.at;
		}
		if (entry.action === 'reopen' && entry.to !== 'closed') {
			for (const discipline of Object.keys(completed) as Discipline[]) {
				if (stageIndex(discipline) >= stageIndex(entry.to)) delete completed[discipline];
			}
		}
	}
	return completed;
}

/** The outcome of {@link verifyHistory}. */
export interface HistoryVerification {
	valid: boolean;
	/** Index of the first entry that does not check out (history.length when the report disagrees with a sound history). */
	brokenAt?: number;
	reason?: string;
}

/**
 * Checks that a report's history is intact: numbered in order, each entry's hash matching its
 * content and chained to the entry before, times never going back, the first entry vouching for
 * the report's id and `openedAt`, and the report's stage being where the last entry left it.
 *
 * @example
 * verifyHistory(advanced); // { valid: true }
 * verifyHistory(tampered); // { valid: false, brokenAt: 2, reason: 'entry 2: hash does not match its content' }
 */
export function verifyHistory(report: unknown): HistoryVerification {
	if (report === undefined || report === null || typeof report !== 'object')
		throw new InputError('report', 'missing (expected an 8D record object)');
	const { history, id, openedAt, stage, status, deadlines, completedAt, closedAt } =
		report as Partial<EightDReport>;
	if (!Array.isArray(history) || history.length === 0)
		return {
			valid: false,
			brokenAt: 0,
			reason: 'history: empty (a report starts with an open entry)',
		};
	const broken = (index: number, why: string): HistoryVerification => ({
		valid: false,
		brokenAt: index,
		reason: `entry ${index}: ${why}`,
	});
	let previousTime = -Infinity;
	for (const [index, entry] of history.entries()) {
		if (entry === null || typeof entry !== 'object') return broken(index, 'not an object');
		if (entry.seq !== index) return broken(index, `seq is ${entry.seq}, expected ${index}`);
		const expectedPrev = index === 0 ? GENESIS_HASH : history[index - 1].hash;
		if (entry.prevHash !== expectedPrev)
			return broken(index, 'prevHash does not match the entry before');
		if (entry.hash !== hashHistoryEntry(entry))
			return broken(index, 'hash does not match its content');
		let time: number;
		try {
			time = parseDateTime(entry.at, `history[${index}].at`).toMillis();
		} catch (error) {
			return broken(index, (error as Error).message);
		}
		if (time < previousTime) return broken(index, 'time goes back before the entry before');
		previousTime = time;
	}
	const first = history[0];
	if (first.action !== 'open') return broken(0, 'the first entry is not the opening');
	if (first.reportId !== id)
		return broken(0, `opened report "${first.reportId}", but the report's id is "${id}"`);
	if (first.openedAt !== openedAt)
		return broken(0, `opened at ${first.openedAt}, but the report says ${openedAt}`);
	if (canonicalJson(first.deadlines ?? {}) !== canonicalJson(deadlines ?? {}))
		return broken(0, "the report's deadlines differ from those it was opened with");
	// The record's own summary fields must agree with what the sound history says happened.
	const disagree = (why: string): HistoryVerification => ({
		valid: false,
		brokenAt: history.length,
		reason: why,
	});
	const last = history[history.length - 1];
	const where = status === 'closed' ? 'closed' : stage;
	if (last.to !== where)
		return disagree(`report is at ${where}, but its history ends at ${last.to}`);
	const completions = completionsFromHistory(history);
	if (canonicalJson(completedAt ?? {}) !== canonicalJson(completions))
		return disagree('completedAt differs from the completions recorded in the history');
	if ((closedAt ?? null) !== (status === 'closed' ? (completions.D8 ?? null) : null))
		return disagree('closedAt differs from the closing recorded in the history');
	return { valid: true };
}
