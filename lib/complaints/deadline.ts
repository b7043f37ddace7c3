import { DateTime, IANAZone } from 'luxon';

import { addBusinessHours } from '../shared/calendar';
import { parseDateTime } from '../shared/dates';
import { InputError } from '../shared/errors';
import type { ResponseDeadline, SlaTable } from './types';

/**
 * Default SLA: VIP customers get an answer within 24 hours, key accounts 48, standard 72,
 * counted in calendar hours.
 *
 * @example
 * defaultSla.tiers.vip.hours // 24
 */
export const defaultSla: SlaTable = {
	tiers: { vip: { hours: 24 }, key: { hours: 48 }, standard: { hours: 72 } },
	defaultTier: 'standard',
	businessDays: false,
};

/**
 * Response deadline for a complaint received at `receivedAt` from a customer of `tier` in
 * `timeZone`. With business days, only the business days of the SLA table's calendar (Monday to
 * Friday unless `weekend` says otherwise, minus `holidays`, plus `workdays`) in the customer's
 * zone count: hours received on a day off start counting on the next business morning. It is
 * the calendar 8D deadline profiles use (lib/shared/calendar.ts).
 *
 * @example
 * responseDeadline({ receivedAt: '2026-11-20T16:00:00Z', tier: 'vip', timeZone: 'Asia/Shanghai', sla: { ...defaultSla, businessDays: true } })
 * // dueAt '2026-11-24T00:00:00.000+08:00': received Saturday 00:00 in Shanghai, the weekend does not count, Monday's 24 h do
 */
export function responseDeadline(input: {
	receivedAt: string | Date;
	tier?: string;
	timeZone?: string;
	sla?: SlaTable;
}): ResponseDeadline {
	const sla = input.sla ?? defaultSla;
	validateSla(sla);
	const timeZone = input.timeZone ?? 'UTC';
	if (!IANAZone.isValidZone(timeZone))
		throw new InputError('timeZone', `'${timeZone}' is not a valid IANA time zone`);
	const tier = input.tier === undefined || input.tier === '' ? sla.defaultTier : input.tier;
	const row = sla.tiers[tier];
	if (!row)
		throw new InputError(
			'tier',
			`'${tier}' is not in the SLA table (known: ${Object.keys(sla.tiers).join(', ')})`,
		);
	const received = toDateTime(input.receivedAt, 'receivedAt').setZone(timeZone);
	const businessDays = sla.businessDays === true;
	const due = businessDays
		? addBusinessHours(received, row.hours, {
				weekend: sla.weekend,
				holidays: sla.holidays,
				workdays: sla.workdays,
			})
		: received.plus({ hours: row.hours });
	return {
		tier,
		hours: row.hours,
		businessDays,
		timeZone,
		receivedAt: received.toISO() as string,
		dueAt: due.toISO() as string,
	};
}

/**
 * Parses an ISO-8601 string or Date; throws an Error naming `field` when it is not a valid time.
 * Text without an offset is read in the server's zone.
 *
 * @example
 * toDateTime('2026-11-23T08:00:00+08:00', 'receivedAt').toUTC().hour // 0
 */
export function toDateTime(value: string | Date, field: string): DateTime {
	return parseDateTime(value, field, { withoutOffset: 'system' });
}

function validateSla(sla: SlaTable): void {
	if (
		typeof sla !== 'object' ||
		sla === null ||
		typeof sla.tiers !== 'object' ||
		sla.tiers === null
	) {
		throw new InputError(
			'sla',
			'must be { tiers: { <tier>: { hours } }, defaultTier, businessDays?, weekend?, holidays?, workdays? }',
		);
	}
	for (const [tier, row] of Object.entries(sla.tiers)) {
		if (!row || typeof row.hours !== 'number' || !Number.isFinite(row.hours) || row.hours <= 0) {
			throw new InputError(`sla.tiers.${tier}.hours`, 'must be a positive number');
		}
	}
	if (typeof sla.defaultTier !== 'string' || !sla.tiers[sla.defaultTier])
		throw new InputError('sla.defaultTier', 'must name a tier of sla.tiers');
	for (const key of ['holidays', 'workdays'] as const) {
		const dates = sla[key];
		if (
			dates !== undefined &&
			(!Array.isArray(dates) || dates.some((d) => !DateTime.fromISO(d).isValid))
		)
			throw new InputError(`sla.${key}`, 'must be an array of ISO dates (yyyy-MM-dd)');
	}
	if (
		sla.weekend !== undefined &&
		(!Array.isArray(sla.weekend) || sla.weekend.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
	)
		throw new InputError(
			'sla.weekend',
			'must be an array of ISO weekdays (1 = Monday ... 7 = Sunday)',
		);
}
