import { type EightDActor, parseActor, parseReason, prepareChange, record } from './audit';
import { formatTime } from './dates';
import { parseDiscipline, stageIndex } from './disciplines';
import { selectEightDRuleSet, type EightDRuleSetSource } from './ruleSet';
import type { EightDReport } from './types';
import { validateEightDReport } from './validate';
import { InputError } from '../shared/errors';

/** Options of {@link skipDiscipline}. */
export interface SkipOptions {
	now?: string | Date;
	ruleSet?: string | EightDRuleSetSource;
	ruleSets?: EightDRuleSetSource[];
}

/**
 * Marks a discipline as skipped, explicitly and with a reason, so the gate does not demand its
 * rules. Only disciplines the rule set lists as `skippable` (default: D0, D3), at or ahead of the
 * report's stage, may be skipped. Returns a new report with a `skip` history entry.
 *
 * @example
 * const next = skipDiscipline(report, 'D3', 'Li Wei', 'no suspect product: all lots still in quarantine', { now: '2026-03-02T12:00:00Z' });
 * next.skipped.D3; // { by: 'Li Wei', at: '2026-03-02T12:00:00.000Z', reason: 'no suspect product: ...' }
 */
export function skipDiscipline(
	input: unknown,
	disciplineInput: unknown,
	actorInput: EightDActor,
	reasonInput: unknown,
	options: SkipOptions = {},
): EightDReport {
	const report = validateEightDReport(input);
	const discipline = parseDiscipline(disciplineInput, 'discipline');
	const actor = parseActor(actorInput);
	const reason = parseReason(reasonInput, 'reason');
	const ruleSet = selectEightDRuleSet(report, options.ruleSet, options.ruleSets);
	if (!ruleSet.skippable.includes(discipline)) {
		throw new InputError(
			'discipline',
			`${discipline} may not be skipped under rule set "${ruleSet.id}" (skippable: ${ruleSet.skippable.join(', ') || 'none'})`,
		);
	}
	if (report.status === 'closed' || stageIndex(discipline) < stageIndex(report.stage)) {
		throw new InputError(
			'discipline',
			`${discipline} is already behind the report (at ${report.status === 'closed' ? 'closed' : report.stage}); reopen it first`,
		);
	}
	const { next, at } = prepareChange(report, actor, options.now);
	next.skipped = { ...next.skipped, [discipline]: { by: actor, at: formatTime(at), reason } };
	return record(next, at, {
		actor,
		action: 'skip',
		from: report.stage,
		to: report.stage,
		discipline,
		decision: 'skipped',
		reasons: [reason],
		ruleSet: ruleSet.id,
	});
}
