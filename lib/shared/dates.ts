import { DateTime } from 'luxon';

import { InputError } from './errors';

/** ISO-8601 with a date, a time and an explicit offset (`Z` or `+08:00`): an unambiguous instant. */
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
 * Parses an ISO-8601 date-time with offset (or a Date), keeping its offset. Text without an
 * offset is refused unless `withoutOffset` names the zone to read it in. Throws an
 * {@link InputError} naming `field`.
 *
 * @example
 * parseDateTime('2026-03-07T12:00:00-05:00', 'openedAt').toUTC().toISO(); // '2026-03-07T17:00:00.000Z'
 * parseDateTime('2026-03-07T12:00', 'receivedAt', { withoutOffset: 'Asia/Shanghai' }).toUTC().hour; // 4
 * parseDateTime('yesterday', 'openedAt'); // throws: openedAt: "yesterday" is not an ISO-8601 date-time with offset (e.g. 2026-03-07T12:00:00+08:00)
 */
export function parseDateTime(
	value: unknown,
	field: string,
	options: { withoutOffset?: string } = {},
): DateTime {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new InputError(field, 'invalid Date');
		return DateTime.fromJSDate(value, { zone: 'utc' });
	}
	if (isIsoDateTime(value)) return DateTime.fromISO(value, { setZone: true });
	if (options.withoutOffset !== undefined && typeof value === 'string') {
		const local = DateTime.fromISO(value, { zone: options.withoutOffset });
		if (local.isValid) return local;
	}
	throw new InputError(
		field,
		`${JSON.stringify(value)} is not an ISO-8601 date-time${options.withoutOffset === undefined ? ' with offset' : ''} (e.g. 2026-03-07T12:00:00+08:00)`,
	);
}
