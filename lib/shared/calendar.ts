import { DateTime } from 'luxon';

/** A time span: calendar units, or business days alone. */
export interface Span {
	weeks?: number;
	days?: number;
	hours?: number;
	minutes?: number;
	businessDays?: number;
}

/**
 * Which days are worked, for business-day spans and business hours: an 8D deadline profile's
 * `businessDays` and a complaint SLA table use the same calendar, so a customer's holidays count
 * in both.
 */
export interface BusinessCalendar {
	/** ISO weekdays off (6 = Saturday, 7 = Sunday); default Saturday and Sunday. */
	weekend?: number[];
	/** Dates off, `YYYY-MM-DD` in the zone the calendar is used in. */
	holidays?: string[];
	/** Dates worked although on a weekend (make-up working days). */
	workdays?: string[];
}

/**
 * True when the local date of `time` is a working day of the calendar.
 *
 * @example
 * isBusinessDay(DateTime.fromISO('2026-04-03T10:00', { zone: 'Europe/Berlin' }), { weekend: [6, 7], holidays: ['2026-04-03'] }); // false
 */
export function isBusinessDay(time: DateTime, calendar: BusinessCalendar): boolean {
	const date = time.toISODate() ?? '';
	if (calendar.workdays?.includes(date)) return true;
	return !(calendar.weekend ?? [6, 7]).includes(time.weekday) && !calendar.holidays?.includes(date);
}

/**
 * Moves `time` by a span in `zone`, forward (`direction` 1) or back (-1). Calendar days keep the
 * wall-clock time, so a day across a DST change is 23 or 25 hours; hours are exact hours.
 * Business days step one local day at a time and count only working days, keeping the time of
 * day: opened Friday 15:00, one business day later is Monday 15:00.
 *
 * @example
 * const t = DateTime.fromISO('2026-03-07T12:00:00-05:00', { setZone: true });
 * addSpan(t, { days: 10 }, 'America/New_York').toISO(); // '2026-03-17T12:00:00.000-04:00' (239 hours)
 * addSpan(t, { hours: 24 }, 'America/New_York').toISO(); // '2026-03-08T13:00:00.000-04:00'
 */
export function addSpan(
	time: DateTime,
	span: Span,
	zone: string,
	calendar: BusinessCalendar = {},
	direction: 1 | -1 = 1,
): DateTime {
	const local = time.setZone(zone);
	if (span.businessDays === undefined) {
		const { weeks = 0, days = 0, hours = 0, minutes = 0 } = span;
		return local.plus({
			weeks: weeks * direction,
			days: days * direction,
			hours: hours * direction,
			minutes: minutes * direction,
		});
	}
	let current = local;
	let remaining = span.businessDays;
	while (remaining > 0) {
		current = current.plus({ days: direction });
		if (isBusinessDay(current, calendar)) remaining -= 1;
	}
	return current;
}

/**
 * Adds `hours` counting only the hours of business days in the zone of `from`, day by day: hours
 * received on a day off start counting at the next business day's midnight.
 *
 * @example
 * const friday = DateTime.fromISO('2026-11-20T16:00:00+08:00', { setZone: true });
 * addBusinessHours(friday, 24, {}).toISO(); // '2026-11-23T16:00:00.000+08:00' (8 h Friday, 16 h Monday)
 */
export function addBusinessHours(
	from: DateTime,
	hours: number,
	calendar: BusinessCalendar,
): DateTime {
	let cursor = from;
	let left = hours * 3_600_000;
	// A year of days off in a row means a broken holiday list, not a deadline.
	for (let guard = 0; guard < 366 + hours; guard++) {
		const nextDay = cursor.startOf('day').plus({ days: 1 });
		if (isBusinessDay(cursor, calendar)) {
			const available = nextDay.toMillis() - cursor.toMillis();
			if (left <= available) return cursor.plus({ milliseconds: left });
			left -= available;
		}
		cursor = nextDay;
	}
	throw new Error('the calendar leaves no business day within a year (check its holidays)');
}
