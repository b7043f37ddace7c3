import type { DateTime } from 'luxon';

import { addSpan } from '../shared/calendar';
import { parseDateTime } from '../shared/dates';
import { formatTime, resolveNow } from './dates';
import { DISCIPLINES } from './disciplines';
import { type DeadlineProfile, resolveDeadlineProfile } from './profiles';
import type { Discipline, EightDReport } from './types';
import { validateEightDReport } from './validate';

/** Options shared by the deadline functions. */
export interface DeadlineOptions {
	/** The clock (ISO with offset, or a Date); default: now. */
	now?: string | Date;
	/** A profile name or object; overrides the report's `profile` and its stored `deadlines`. */
	profile?: string | DeadlineProfile;
	/** Extra named profiles, for reports whose `profile` names one of them. */
	profiles?: Record<string, DeadlineProfile>;
}

/** One deadline and where it stands. */
export interface DeadlineState {
	discipline: Discipline;
	dueAt: string;
	/** `met` / `late` once the report moved past the discipline, else `on-time` / `due-soon` / `overdue`. */
	status: 'met' | 'late' | 'on-time' | 'due-soon' | 'overdue';
	completedAt?: string;
	/** Hours past due (overdue, or how late a late completion was). */
	by?: number;
	escalation?: string;
}

/** An overdue deadline as the contract names it: `by` is hours past due. */
export interface OverdueDeadline {
	discipline: Discipline;
	dueAt: string;
	by: number;
	escalation: string;
}

/** Where a report stands against its deadlines. */
export interface DeadlineReport {
	status: 'on-time' | 'due-soon' | 'overdue';
	/** The highest escalation level among overdue deadlines. */
	escalation: string | null;
	/** The earliest deadline not yet met. */
	next: { discipline: Discipline; dueAt: string } | null;
	deadlines: DeadlineState[];
	overdue: OverdueDeadline[];
	now: string;
}

const DEFAULT_DUE_SOON = { hours: 24 };
const HOUR = 3_600_000;

/**
 * Due dates per discipline for a report opened at `openedAt` under a profile, in the profile's zone.
 *
 * @example
 * computeDeadlines('2026-03-02T08:00:00Z', resolveDeadlineProfile('default'));
 * // { D3: '2026-03-03T08:00:00.000Z', D4: '2026-03-12T08:00:00.000Z', D8: '2026-04-01T08:00:00.000Z' }
 */
export function computeDeadlines(
	openedAt: string,
	profile: DeadlineProfile,
): Partial<Record<Discipline, string>> {
	const start = parseDateTime(openedAt, 'openedAt');
	return Object.fromEntries(
		profile.deadlines.map(({ discipline, within }) => [
			discipline,
			formatTime(addSpan(start, within, profile.zone, profile.businessDays)),
		]),
	);
}

/** The escalation level for a deadline `dueAt` as of `now` (the last threshold passed). */
function escalationLevel(dueAt: DateTime, now: DateTime, profile: DeadlineProfile): string {
	const levels = profile.escalation ?? [{ level: 'owner', after: {} }];
	let reached = levels[0].level;
	for (const { level, after } of levels) {
		if (now > addSpan(dueAt, after, profile.zone, profile.businessDays)) reached = level;
	}
	return reached;
}

/**
 * Where a report stands against its deadlines: each deadline's status, what is overdue (hours late
 * and escalation level: owner, then manager, then director by how late), and the next due date.
 * A discipline counts as done when the report moved past it (`completedAt`); D8 when it closed.
 *
 * @example
 * checkEightDDeadlines(report, { now: '2026-03-04T09:00:00Z' });
 * // { status: 'overdue', escalation: 'owner', next: { discipline: 'D3', dueAt: '2026-03-03T08:00:00.000Z' },
 * //   overdue: [{ discipline: 'D3', dueAt: '2026-03-03T08:00:00.000Z', by: 25, escalation: 'owner' }], ... }
 */
export function checkEightDDeadlines(
	input: unknown,
	options: DeadlineOptions = {},
): DeadlineReport {
	const report: EightDReport = validateEightDReport(input);
	const now = resolveNow(options.now);
	const profile = resolveDeadlineProfile(options.profile, report.profile, options.profiles);
	const due =
		options.profile === undefined && report.deadlines
			? report.deadlines
			: computeDeadlines(report.openedAt, profile);
	const deadlines = DISCIPLINES.filter((d) => due[d] !== undefined).map(
		(discipline): DeadlineState => {
			const dueText = due[discipline] as string;
			const dueAt = parseDateTime(dueText, `deadlines.${discipline}`);
			const completedText = report.completedAt?.[discipline];
			if (completedText) {
				const late =
					parseDateTime(completedText, `completedAt.${discipline}`).toMillis() - dueAt.toMillis();
				return late > 0
					? {
							discipline,
							dueAt: dueText,
							status: 'late',
							completedAt: completedText,
							by: late / HOUR,
						}
					: { discipline, dueAt: dueText, status: 'met', completedAt: completedText };
			}
			if (now > dueAt) {
				return {
					discipline,
					dueAt: dueText,
					status: 'overdue',
					by: (now.toMillis() - dueAt.toMillis()) / HOUR,
					escalation: escalationLevel(dueAt, now, profile),
				};
			}
			const soonFrom = addSpan(
				dueAt,
				profile.dueSoon ?? DEFAULT_DUE_SOON,
				profile.zone,
				profile.businessDays,
				-1,
			);
			return { discipline, dueAt: dueText, status: now > soonFrom ? 'due-soon' : 'on-time' };
		},
	);
	const overdue = deadlines
		.filter((d) => d.status === 'overdue')
		.map((d) => ({
			discipline: d.discipline,
			dueAt: d.dueAt,
			by: d.by as number,
			escalation: d.escalation as string,
		}));
	const levels = (profile.escalation ?? []).map((e) => e.level);
	const escalation = overdue.reduce<string | null>(
		(top, d) =>
			top === null || levels.indexOf(d.escalation) > levels.indexOf(top) ? d.escalation : top,
		null,
	);
	const open = deadlines
		.filter((d) => !d.completedAt)
		.sort(
			(a, b) =>
				parseDateTime(a.dueAt, 'dueAt').toMillis() - parseDateTime(b.dueAt, 'dueAt').toMillis(),
		);
	return {
		status: overdue.length
			? 'overdue'
			: deadlines.some((d) => d.status === 'due-soon')
				? 'due-soon'
				: 'on-time',
		escalation,
		next: open.length ? { discipline: open[0].discipline, dueAt: open[0].dueAt } : null,
		deadlines,
		overdue,
		now: formatTime(now),
	};
}
