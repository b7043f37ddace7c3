import { type EightDActor, parseActor, prepareChange, record } from './audit';
import { DISCIPLINES, stageIndex } from './disciplines';
import { checkDisciplines, type GateOptions, type MissingItem } from './gate';
import { selectEightDRuleSet } from './ruleSet';
import type { Discipline, EightDReport } from './types';
import { validateEightDReport } from './validate';

/** The outcome of a re-gate: the new report (with its entry) and what no longer holds. */
export interface RegateResult {
	report: EightDReport;
	passed: boolean;
	missing: MissingItem[];
}

/**
 * Runs the gates of every discipline the report has already passed again, against today's content
 * and rule set (after an edit, or when a customer's requirements change). The stage does not move;
 * the outcome, pass or fail with its reasons, is recorded in the history.
 *
 * @example
 * const { passed, missing } = regateReport(report, 'Quality Audit', { ruleSet: 'northwind-motors' });
 * // passed: false, missing: [{ discipline: 'D4', reason: '5-Why chain of occurrence root cause RC1 has 3 level(s), needs at least 5', ... }]
 */
export function regateReport(
	input: unknown,
	actorInput: EightDActor,
	options: GateOptions = {},
): RegateResult {
	const report = validateEightDReport(input);
	const actor = parseActor(actorInput);
	const ruleSet = selectEightDRuleSet(report, options.ruleSet, options.ruleSets);
	const where: Discipline | 'closed' = report.status === 'closed' ? 'closed' : report.stage;
	const passedDisciplines = DISCIPLINES.slice(0, stageIndex(where));
	const missing = checkDisciplines(
		report,
		passedDisciplines,
		ruleSet,
		options.language ?? 'en',
		options.measurements,
	);
	const { next, at } = prepareChange(report, actor, options.now);
	const entry = {
		actor,
		action: 'regate' as const,
		from: where,
		to: where,
		decision: missing.length ? ('failed' as const) : ('passed' as const),
		reasons: missing.map((m) => `${m.discipline} ${m.reasons.en}`),
		ruleSet: ruleSet.id,
		...(passedDisciplines.length
			? { discipline: passedDisciplines[passedDisciplines.length - 1] }
			: {}),
	};
	return { report: record(next, at, entry), passed: missing.length === 0, missing };
}
