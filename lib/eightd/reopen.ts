import { type EightDActor, parseActor, parseReason, prepareChange, record } from './audit';
import { DISCIPLINES, parseDiscipline, stageIndex } from './disciplines';
import type { EightDReport } from './types';
import { validateEightDReport } from './validate';
import { InputError } from '../shared/errors';

/**
 * Moves a report back to an earlier discipline (or reopens a closed one), explicitly and with a
 * reason. Completions and skips from `target` on are undone, and approvals of those disciplines
 * given before the reopening no longer count. Returns a new report with a `reopen` history entry.
 *
 * @example
 * const next = reopenReport(report, 'D4', 'Li Wei', 'customer found the defect again after the fix', { now: '2026-04-02T08:00:00Z' });
 * next.stage; // 'D4'
 */
export function reopenReport(
	input: unknown,
	targetInput: unknown,
	actorInput: EightDActor,
	reasonInput: unknown,
	options: { now?: string | Date } = {},
): EightDReport {
	const report = validateEightDReport(input);
	const target = parseDiscipline(targetInput, 'target');
	const actor = parseActor(actorInput);
	const reason = parseReason(reasonInput, 'reason');
	const from = report.status === 'closed' ? 'closed' : report.stage;
	if (stageIndex(target) >= stageIndex(from)) {
		throw new InputError(
			'target',
			`${target} is not behind the report (at ${from}); moving forward is an advance`,
		);
	}
	const { next, at } = prepareChange(report, actor, options.now);
	for (const discipline of DISCIPLINES.slice(stageIndex(target))) {
		if (next.completedAt) delete next.completedAt[discipline];
		if (next.skipped) delete next.skipped[discipline];
	}
	next.stage = target;
	next.status = 'open';
	delete next.closedAt;
	return record(next, at, {
		actor,
		action: 'reopen',
		from,
		to: target,
		decision: 'reopened',
		reasons: [reason],
	});
}
