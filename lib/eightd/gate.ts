import { DateTime } from 'luxon';

import { runRule } from './checks';
import { checkEightDDeadlines, type DeadlineOptions, type OverdueDeadline } from './deadlines';
import { disciplinesBetween, parseTarget, stageIndex } from './disciplines';
import { verifyHistory } from './history';
import {
	type Bilingual,
	type EightDRuleSet,
	type EightDRuleSetSource,
	selectEightDRuleSet,
} from './ruleSet';
import type {
	Discipline,
	EightDLanguage,
	EightDMeasurement,
	EightDReport,
	EightDTarget,
} from './types';
import { validateEightDReport } from './validate';

/** Options of the gate: the clock and deadline profile, the rule set, the language of reasons. */
export interface GateOptions extends DeadlineOptions {
	/** A rule set id or object; default: the report's `ruleSet`, else by customer, else `default`. */
	ruleSet?: string | EightDRuleSetSource;
	/** Extra rule sets that ids (and `extends`) may refer to. */
	ruleSets?: EightDRuleSetSource[];
	/** Language of `reason` (default `en`; `reasons` always holds both). */
	language?: EightDLanguage;
	/** Measurements per characteristic for the D6 SPC proof; they replace those in the report. */
	measurements?: Record<string, readonly EightDMeasurement[]>;
}

/**
 * The warning for a report made without history: its first audited change opens the chain.
 *
 * @example
 * gate.warnings.includes(NO_HISTORY_WARNING); // true for a report built by hand
 */
export const NO_HISTORY_WARNING = 'the report has no history yet; the first advance starts it';

/** One thing that blocks a step. */
export interface MissingItem {
	discipline: Discipline;
	field: string;
	reason: string;
	reasons: Bilingual;
	/** Id of the rule that found it (`history`, `stage` or `status` for the gate's own checks). */
	rule: string;
}

/** The gate's answer for a step from the report's stage to `target`. */
export interface GateResult {
	allowed: boolean;
	current: Discipline;
	target: EightDTarget;
	missing: MissingItem[];
	overdue: OverdueDeadline[];
	warnings: string[];
	ruleSet: string;
	/** The disciplines whose rules were run (those the step leaves behind, skipped ones excepted). */
	checked: Discipline[];
}

/**
 * When a discipline was last reopened (a reopen to it or to an earlier one): approvals given before
 * then are for content that may since have changed.
 *
 * @example
 * lastReopening(report, 'D4'); // DateTime of the latest reopen entry with to <= D4, or undefined
 */
export function lastReopening(report: EightDReport, discipline: Discipline): DateTime | undefined {
	const entry = [...(report.history ?? [])]
		.reverse()
		.find(
			(e) =>
				e.action === 'reopen' && e.to !== 'closed' && stageIndex(e.to) <= stageIndex(discipline),
		);
	return entry ? DateTime.fromISO(entry.at, { setZone: true }) : undefined;
}

/**
 * Runs the rules of the given disciplines; skipped disciplines are not checked.
 *
 * @example
 * checkDisciplines(report, ['D3'], resolveEightDRuleSet('default'), 'zh');
 * // [{ discipline: 'D3', field: 'disciplines.D3.actions[0].verification', reason: '遏制措施 C1 未经验证（需为 effective）', ... }]
 */
export function checkDisciplines(
	report: EightDReport,
	disciplines: readonly Discipline[],
	ruleSet: EightDRuleSet,
	language: EightDLanguage = 'en',
	measurements?: Record<string, readonly EightDMeasurement[]>,
): MissingItem[] {
	return disciplines
		.filter((discipline) => !report.skipped?.[discipline])
		.flatMap((discipline) =>
			ruleSet.disciplines[discipline].flatMap((rule) =>
				runRule(rule, {
					report,
					discipline,
					approvalsSince: lastReopening(report, discipline),
					measurements,
				}).map((finding) => ({
					discipline,
					field: finding.field,
					reason: finding.reason[language],
					reasons: finding.reason,
					rule: rule.id,
				})),
			),
		);
}

/** A gate-level finding (not from a rule) in both languages. */
function gateItem(
	discipline: Discipline,
	rule: string,
	reasons: Bilingual,
	language: EightDLanguage,
): MissingItem {
	return { discipline, field: rule, reason: reasons[language], reasons, rule };
}

/**
 * May the report move from its stage to `target`? Runs the rules of every discipline the step
 * leaves behind (a jump D2 -> D5 must satisfy D2, D3 and D4), and reports overdue deadlines and
 * warnings (skipped disciplines, a report without history). A history that does not verify blocks.
 * Overdue deadlines do not block: a late report must still be able to move on.
 *
 * @example
 * evaluateGate(report, 'D4', { now: '2026-03-04T09:00:00Z' });
 * // { allowed: false, current: 'D3', target: 'D4',
 * //   missing: [{ discipline: 'D3', field: 'disciplines.D3.actions[0].verification', reason: 'containment action C1 is not verified (effective)', ... }],
 * //   overdue: [], warnings: [], ruleSet: 'default', checked: ['D3'] }
 */
export function evaluateGate(
	input: unknown,
	targetInput: unknown,
	options: GateOptions = {},
): GateResult {
	const report = validateEightDReport(input);
	const target = parseTarget(targetInput, 'target');
	const language = options.language ?? 'en';
	if (language !== 'en' && language !== 'zh')
		throw new Error(`options.language: "${String(language)}" is not supported (en or zh)`);
	const ruleSet = selectEightDRuleSet(report, options.ruleSet, options.ruleSets);
	const current = report.stage;
	const missing: MissingItem[] = [];
	const warnings: string[] = [];
	let checked: Discipline[] = [];

	if (report.status === 'closed') {
		missing.push(
			gateItem(
				current,
				'status',
				{
					en: 'the report is closed; reopen it to change it',
					zh: '报告已关闭；需重新打开才能更改',
				},
				language,
			),
		);
	} else if (stageIndex(target) <= stageIndex(current)) {
		missing.push(
			gateItem(
				current,
				'stage',
				{
					en: `the report is already at ${current}; moving back to ${target} is a reopen`,
					zh: `报告已处于 ${current}；退回 ${target} 需要重新打开`,
				},
				language,
			),
		);
	} else {
		const leaving = disciplinesBetween(current, target);
		checked = leaving.filter((d) => !report.skipped?.[d]);
		missing.push(...checkDisciplines(report, leaving, ruleSet, language, options.measurements));
		for (const d of leaving.filter((d) => report.skipped?.[d])) {
			const skip = report.skipped?.[d];
			warnings.push(`${d} was skipped by ${skip?.by} at ${skip?.at}: ${skip?.reason}`);
		}
	}
	if (!report.history?.length) {
		// Without history nothing can vouch for completions, skips or a closing the record claims.
		if (
			Object.keys(report.completedAt ?? {}).length ||
			Object.keys(report.skipped ?? {}).length ||
			report.status === 'closed'
		) {
			missing.push(
				gateItem(
					current,
					'history',
					{
						en: 'the report claims completed, skipped or closed disciplines but has no history to vouch for them',
						zh: '报告声称有已完成、已跳过或已关闭的阶段，但没有历史记录可作证明',
					},
					language,
				),
			);
		} else {
			warnings.push(NO_HISTORY_WARNING);
		}
	} else {
		const history = verifyHistory(report);
		if (!history.valid) {
			missing.push(
				gateItem(
					current,
					'history',
					{
						en: `the history does not verify (${history.reason}); the record may have been altered`,
						zh: `历史记录校验失败（${history.reason}）；记录可能被篡改`,
					},
					language,
				),
			);
		}
	}
	const overdue = checkEightDDeadlines(report, options).overdue;
	return {
		allowed: missing.length === 0,
		current,
		target,
		missing,
		overdue,
		warnings,
		ruleSet: ruleSet.id,
		checked,
	};
}
