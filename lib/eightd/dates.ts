import { DateTime } from 'luxon';

/** ISO-8601 with a date, a time and an explicit offset (`Z` or `+08:00`): times in a record must be unambiguous. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * True when `value` is an ISO-8601 date-time with an offset that exists on the calendar.
 *
 * @example
 * isIsoDateTime('2026-03-07T12:00:00-05:00'); // true
 * isIsoDateTime('2026-02-30T12:00:00Z'); // false
 */
export function isIsoDateTime(value: unknown): value is string {
	return (
		typeof value === 'string' &&
		ISO_WITH_OFFSET.test(value) &&
		DateTime.fromISO(value, { setZone: true }).isValid
	);
}

/**
 * Parses an ISO-8601 date-time with offset (or a Date), keeping its offset; throws naming `field`.
 *
 * @example
 * parseTime('2026-03-07T12:00:00-05:00', 'openedAt').toUTC().toISO(); // '2026-03-07T17:00:00.000Z'
 * parseTime('yesterday', 'openedAt'); // throws: openedAt: "yesterday" is not an ISO-8601 date-time with offset
 */
export function parseTime(value: unknown, field: string): DateTime {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new Error(`${field}: invalid Date`);
		return DateTime.fromJSDate(value, { zone: 'utc' });
	}
	if (!isIsoDateTime(value)) {
		throw new Error(
			`${field}: ${JSON.stringify(value)} is not an ISO-8601 date-time with offset (e.g. 2026-03-07T12:00:00+08:00)`,
		);
	}
	return DateTime.fromISO(value, { setZone: true });
}

/**
 * The clock: `options.now` when given (fixed for tests and replays), else the current time in UTC.
 *
 * @example
 * resolveNow('2026-03-07T12:00:00Z').toISO(); // '2026-03-07T12:00:00.000Z'
 */
export function resolveNow(now: string | Date | undefined): DateTime {
	return now === undefined ? DateTime.utc() : parseTime(now, 'options.now');
}

/**
 * ISO text of a time, keeping its offset; throws rather than returning null for an invalid time.
 *
 * @example
 * formatTime(DateTime.fromISO('2026-03-08T13:00:00-04:00', { setZone: true })); // '2026-03-08T13:00:00.000-04:00'
 */
export function formatTime(time: DateTime): string {
	const text = time.toISO();
	if (text === null)
		throw new Error(`invalid time: ${time.invalidExplanation ?? 'unknown reason'}`);
	return text;
}
