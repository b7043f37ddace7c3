import { actionPriority } from './actionPriority';
import { FmeaInputError } from './errors';
import { rankRows } from './rank';
import type {
	ActionPriority,
	AnalyzeOptions,
	AnalyzedRow,
	FmeaAction,
	FmeaAnalysis,
	FmeaRow,
	RatedState,
} from './types';
import { checkRows } from './validate';

/**
 * Severity, occurrence and detection with their RPN and AP.
 *
 * @example
 * ratedState(9, 3, 7); // { severity: 9, occurrence: 3, detection: 7, rpn: 189, ap: 'H' }
 */
export function ratedState(severity: number, occurrence: number, detection: number): RatedState {
	return {
		severity,
		occurrence,
		detection,
		rpn: severity * occurrence * detection,
		ap: actionPriority(severity, occurrence, detection),
	};
}

/**
 * The ratings once a row's actions are done: each rating from the last action that revises it.
 * Undefined when no action carries a revised rating.
 *
 * @example
 * revisedState({ ...row, actions: [{ occurrence: 2 }, { detection: 3 }] }); // S of the row, O 2, D 3
 */
export function revisedState(row: FmeaRow): RatedState | undefined {
	const actions: FmeaAction[] = row.actions ?? [];
	let { severity, occurrence, detection } = row;
	let revised = false;
	for (const action of actions) {
		if (typeof action.severity === 'number') severity = action.severity;
		if (typeof action.occurrence === 'number') occurrence = action.occurrence;
		if (typeof action.detection === 'number') detection = action.detection;
		revised ||= ['severity', 'occurrence', 'detection'].some((f) => typeof action[f] === 'number');
	}
	return revised ? ratedState(severity, occurrence, detection) : undefined;
}

/**
 * Why a row requires action: its AP at or above `actionAt`, and (whatever the AP) a severity of
 * 9 or 10 with an occurrence of 2 or more, since a safety or regulatory effect that can occur is
 * never left without action (docs/CONTRACT.md, FMEA).
 *
 * @example
 * actionReasons({ ap: 'L', severity: 10, occurrence: 2 }, 'M'); // ['severity']
 */
export function actionReasons(
	row: { ap: ActionPriority; severity: number; occurrence: number },
	actionAt: 'H' | 'M' = 'M',
): ('ap' | 'severity')[] {
	const reasons: ('ap' | 'severity')[] = [];
	if (row.ap === 'H' || (actionAt === 'M' && row.ap === 'M')) reasons.push('ap');
	if (row.severity >= 9 && row.occurrence >= 2) reasons.push('severity');
	return reasons;
}

/**
 * Analyzes FMEA worksheet rows: RPN (S x O x D), the AIAG-VDA Action Priority, the rank (1 =
 * most urgent: AP, then S, O, D, RPN) and whether action is required, plus the ratings after
 * the rows' actions where those revise S, O or D. Rows come back in rank order with all their
 * other fields. Throws FmeaInputError naming the row and the field for bad input (a rating
 * outside 1..10 or not an integer, a missing id or failure mode, a duplicate id).
 *
 * @example
 * const { rows, summary } = analyzeFmea([
 *   { id: 'PF-10', failureMode: 'Crimp height low', severity: 8, occurrence: 4, detection: 5 },
 *   { id: 'PF-20', failureMode: 'Label missing', severity: 3, occurrence: 3, detection: 2 },
 * ]);
 * rows[0].id; // 'PF-10' (AP M, rank 1); summary.medium === 1, summary.low === 1
 */
export function analyzeFmea(rows: readonly unknown[], options: AnalyzeOptions = {}): FmeaAnalysis {
	if (!Array.isArray(rows))
		throw new FmeaInputError({ field: 'rows', reason: 'must be a list of worksheet rows' });
	const actionAt = options.actionAt ?? 'M';
	if (actionAt !== 'H' && actionAt !== 'M')
		throw new FmeaInputError({
			field: 'options.actionAt',
			reason: `must be "H" or "M", got ${JSON.stringify(actionAt)}`,
		});
	const checked = checkRows(rows);
	if (checked.errors.length) throw checked.errors[0];
	const analyzed = checked.rows.map((row) => {
		const state = ratedState(row.severity, row.occurrence, row.detection);
		const reasons = actionReasons(state, actionAt);
		const revised = revisedState(row);
		return {
			...row,
			rpn: state.rpn,
			ap: state.ap,
			actionRequired: reasons.length > 0,
			actionReasons: reasons,
			...(revised ? { revised } : {}),
		};
	});
	const ranked: AnalyzedRow[] = rankRows(analyzed);
	const count = (ap: ActionPriority, revised: boolean) =>
		ranked.filter((r) => (revised ? (r.revised?.ap ?? r.ap) : r.ap) === ap).length;
	return {
		rows: ranked,
		summary: {
			rows: ranked.length,
			high: count('H', false),
			medium: count('M', false),
			low: count('L', false),
			actionRequired: ranked.filter((r) => r.actionRequired).length,
			revised: { high: count('H', true), medium: count('M', true), low: count('L', true) },
		},
	};
}
