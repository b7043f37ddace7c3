import { DateTime, IANAZone } from 'luxon';
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
 * `timeZone`. With business days, only Monday to Friday (minus holidays) in the customer's
 * zone count: hours received on a weekend start counting on the next business morning.
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
		throw new Error(`timeZone '${timeZone}' is not a valid IANA time zone`);
	const tier = input.tier === undefined || input.tier === '' ? sla.defaultTier : input.tier;
	const row = sla.tiers[tier];
	if (!row)
		throw new Error(
			`tier '${tier}' is not in the SLA table (known: ${Object.keys(sla.tiers).join(', ')})`,
		);
	const received = toDateTime(input.receivedAt, 'receivedAt').setZone(timeZone);
	const businessDays = sla.businessDays === true;
	const due = businessDays
		? addBusinessHours(received, row.hours, new Set(sla.holidays ?? []))
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
 *
 * @example
 * toDateTime('2026-11-23T08:00:00+08:00', 'receivedAt').toUTC().hour // 0
 */
export function toDateTime(value: string | Date, field: string): DateTime {
	const dt =
		value instanceof Date
			? DateTime.fromJSDate(value)
			: typeof value === 'string'
				? DateTime.fromISO(value, { setZone: true })
				: undefined;
	if (!dt || !dt.isValid)
		throw new Error(
			`${field} must be an ISO-8601 date-time or a Date (got ${JSON.stringify(value)})`,
		);
	return dt;
}

function isBusinessDay(day: DateTime, holidays: Set<string>): boolean {
	return day.weekday <= 5 && !holidays.has(day.toISODate() as string);
}

/** Adds hours counting only business days in the zone of `from`, day by day (bounded by the SLA). */
function addBusinessHours(from: DateTime, hours: number, holidays: Set<string>): DateTime {
	let cursor = from;
	let left = hours * 3_600_000;
	// A year of non-business days in a row means a broken holiday list, not a deadline.
	for (let guard = 0; guard < 366 + hours; guard++) {
		const nextDay = cursor.startOf('day').plus({ days: 1 });
		if (isBusinessDay(cursor, holidays)) {
			const available = nextDay.toMillis() - cursor.toMillis();
			if (left <= available) return cursor.plus({ milliseconds: left });
			left -= available;
		}
		cursor = nextDay;
	}
	throw new Error('sla.holidays leave no business day within a year');
}

function validateSla(sla: SlaTable): void {
	if (
		typeof sla !== 'object' ||
		sla === null ||
		typeof sla.tiers !== 'object' ||
		sla.tiers === null
	) {
		throw new Error(
			'sla must be { tiers: { <tier>: { hours } }, defaultTier, businessDays?, holidays? }',
		);
	}
	for (const [tier, row] of Object.entries(sla.tiers)) {
		if (!row || typeof row.hours !== 'number' || !Number.isFinite(row.hours) || row.hours <= 0) {
			throw new Error(`sla.tiers.${tier}.hours must be a positive number`);
		}
	}
	if (typeof sla.defaultTier !== 'string' || !sla.tiers[sla.defaultTier])
		throw new Error('sla.defaultTier must name a tier of sla.tiers');
	if (
		sla.holidays !== undefined &&
		(!Array.isArray(sla.holidays) || sla.holidays.some((d) => !DateTime.fromISO(d).isValid))
	) {
		throw new Error('sla.holidays must be an array of ISO dates (yyyy-MM-dd)');
	}
}
