import { civilFromDays, daysFromCivil, isoDate, pad2 } from './days';
import type { PeriodSpec } from './types';

/**
 * Periods as consecutive integers (ordinals) so that "previous period" is `ordinal - 1`:
 * months and rolling windows count months since year 0, quarters count quarters, weeks
 * count ISO weeks (Monday first) since 1969-12-29.
 */
export interface PeriodScheme {
	unit: PeriodSpec['unit'];
	/** Window length of rolling periods (1 for the others). */
	span: number;
}

/** Day number of Monday 1969-12-29, the first day of week ordinal 0. */
const MONDAY_ORIGIN = -3;

/**
 * Validates a period option and fills its defaults (calendar month; rolling windows of 3 months).
 *
 * @example
 * periodScheme('quarter');                      // { unit: 'quarter', span: 1 }
 * periodScheme({ unit: 'rolling', months: 6 }); // { unit: 'rolling', span: 6 }
 */
export function periodScheme(spec: PeriodSpec | PeriodSpec['unit'] | undefined): PeriodScheme {
	const resolved: PeriodSpec =
		typeof spec === 'string' ? { unit: spec } : (spec ?? { unit: 'month' });
	const unit = resolved.unit;
	if (unit !== 'week' && unit !== 'month' && unit !== 'quarter' && unit !== 'rolling') {
		throw new Error(
			`scheme.period.unit must be week, month, quarter or rolling, got ${JSON.stringify(unit)}`,
		);
	}
	if (unit !== 'rolling') return { unit, span: 1 };
	const months = resolved.months ?? 3;
	if (!Number.isInteger(months) || months < 1 || months > 120) {
		throw new Error(
			`scheme.period.months must be a whole number of months from 1 to 120, got ${JSON.stringify(months)}`,
		);
	}
	return { unit, span: months };
}

/**
 * The period ordinal a day falls in; for rolling windows, the ordinal of the first window
 * holding it (it is also in the next `span - 1` windows).
 *
 * @example
 * periodOrdinal({ unit: 'month', span: 1 }, 20513); // 24315 (2026-03 = 2026 * 12 + 2 + 1 - 1)
 */
export function periodOrdinal(scheme: PeriodScheme, day: number): number {
	if (scheme.unit === 'week') return Math.floor((day - MONDAY_ORIGIN) / 7);
	const { year, month } = civilFromDays(day);
	if (scheme.unit === 'quarter') return year * 4 + Math.floor((month - 1) / 3);
	return year * 12 + month - 1;
}

/**
 * First and last day (day numbers) of a period; a rolling window ends with its ordinal's month.
 *
 * @example
 * periodBounds({ unit: 'quarter', span: 1 }, 2026 * 4); // day numbers of 2026-01-01 and 2026-03-31
 */
export function periodBounds(
	scheme: PeriodScheme,
	ordinal: number,
): { first: number; last: number } {
	if (scheme.unit === 'week') {
		const first = ordinal * 7 + MONDAY_ORIGIN;
		return { first, last: first + 6 };
	}
	const monthsPer = scheme.unit === 'quarter' ? 3 : 1;
	const endMonth = scheme.unit === 'quarter' ? ordinal * 3 + 2 : ordinal;
	const startMonth =
		scheme.unit === 'rolling' ? ordinal - scheme.span + 1 : endMonth - monthsPer + 1;
	return { first: monthStart(startMonth), last: monthStart(endMonth + 1) - 1 };
}

/**
 * Label of a period: `2026-03`, `2026-Q1`, `2026-W09` (ISO week-year), `2026-01/2026-03` (rolling).
 *
 * @example
 * periodLabel({ unit: 'rolling', span: 3 }, 2026 * 12 + 2); // '2026-01/2026-03'
 */
export function periodLabel(scheme: PeriodScheme, ordinal: number): string {
	switch (scheme.unit) {
		case 'week': {
			const thursday = ordinal * 7 + MONDAY_ORIGIN + 3;
			const { year } = civilFromDays(thursday);
			const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
			return `${year}-W${pad2(week)}`;
		}
		case 'quarter':
			return `${Math.floor(ordinal / 4)}-Q${(ordinal % 4) + 1}`;
		case 'month':
			return monthLabel(ordinal);
		case 'rolling':
			return `${monthLabel(ordinal - scheme.span + 1)}/${monthLabel(ordinal)}`;
	}
}

/**
 * ISO dates of a period's first and last day.
 *
 * @example
 * periodDates({ unit: 'month', span: 1 }, 2026 * 12 + 1); // { start: '2026-02-01', end: '2026-02-28' }
 */
export function periodDates(scheme: PeriodScheme, ordinal: number): { start: string; end: string } {
	const { first, last } = periodBounds(scheme, ordinal);
	return { start: isoDate(first), end: isoDate(last) };
}

function monthStart(monthOrdinal: number): number {
	return daysFromCivil(Math.floor(monthOrdinal / 12), (monthOrdinal % 12) + 1, 1);
}

function monthLabel(monthOrdinal: number): string {
	return `${Math.floor(monthOrdinal / 12)}-${pad2((monthOrdinal % 12) + 1)}`;
}
