import { DateTime } from 'luxon';

import { parseDateTime } from '../shared/dates';

/**
 * The clock: `options.now` when given (fixed for tests and replays), else the current time in UTC.
 *
 * @example
 * resolveNow('2026-03-07T12:00:00Z').toISO(); // '2026-03-07T12:00:00.000Z'
 */
export function resolveNow(now: string | Date | undefined): DateTime {
	return now === undefined ? DateTime.utc() : parseDateTime(now, 'options.now');
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
