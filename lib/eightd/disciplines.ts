import type { Discipline, EightDTarget } from './types';

/**
 * The disciplines in order.
 *
 * @example
 * DISCIPLINES[3]; // 'D3'
 */
export const DISCIPLINES: readonly Discipline[] = [
	'D0',
	'D1',
	'D2',
	'D3',
	'D4',
	'D5',
	'D6',
	'D7',
	'D8',
];

/**
 * Position of a discipline or target in the sequence: D0 = 0 ... D8 = 8, `closed` = 9.
 *
 * @example
 * stageIndex('D4'); // 4
 * stageIndex('closed'); // 9
 */
export function stageIndex(stage: Discipline | 'closed'): number {
	return stage === 'closed' ? DISCIPLINES.length : DISCIPLINES.indexOf(stage);
}

/**
 * Checks that `value` names a discipline; throws naming `field` otherwise.
 *
 * @example
 * parseDiscipline('d3', 'target'); // 'D3'
 * parseDiscipline('D9', 'target'); // throws: target: unknown discipline "D9" ...
 */
export function parseDiscipline(value: unknown, field: string): Discipline {
	const text = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (!(DISCIPLINES as readonly string[]).includes(text)) {
		throw new Error(
			`${field}: unknown discipline ${JSON.stringify(value)} (expected one of ${DISCIPLINES.join(', ')})`,
		);
	}
	return text as Discipline;
}

/**
 * Checks that `value` is a gate target (D1..D8 or `closed`); throws naming `field` otherwise.
 *
 * @example
 * parseTarget('D5', 'target'); // 'D5'
 * parseTarget('closed', 'target'); // 'closed'
 */
export function parseTarget(value: unknown, field: string): EightDTarget {
	if (typeof value === 'string' && value.trim().toLowerCase() === 'closed') return 'closed';
	const discipline = parseDiscipline(value, field);
	if (discipline === 'D0')
		throw new Error(
			`${field}: D0 is where a report starts, not a target (expected D1..D8 or closed)`,
		);
	return discipline;
}

/**
 * The disciplines a move from `from` to `to` leaves behind: from `from` up to, not including, `to`.
 *
 * @example
 * disciplinesBetween('D2', 'D5'); // ['D2', 'D3', 'D4']
 * disciplinesBetween('D7', 'closed'); // ['D7', 'D8']
 */
export function disciplinesBetween(from: Discipline, to: Discipline | 'closed'): Discipline[] {
	return DISCIPLINES.slice(stageIndex(from), stageIndex(to));
}

/**
 * The disciplines a report can be moved to: D1 to D8 (D0 is where it starts).
 *
 * @example
 * TARGET_DISCIPLINES[0]; // 'D1'
 */
export const TARGET_DISCIPLINES: readonly Discipline[] = DISCIPLINES.slice(1);

/**
 * The target after a report's stage: the next discipline, `closed` after D8, undefined when the
 * stage is not a discipline.
 *
 * @example
 * nextDiscipline('D3'); // 'D4'
 * nextDiscipline('D8'); // 'closed'
 * nextDiscipline('draft'); // undefined
 */
export function nextDiscipline(stage: unknown): EightDTarget | undefined {
	const at = (DISCIPLINES as readonly unknown[]).indexOf(stage);
	if (at < 0) return undefined;
	return at === DISCIPLINES.length - 1 ? 'closed' : (DISCIPLINES[at + 1] as EightDTarget);
}
