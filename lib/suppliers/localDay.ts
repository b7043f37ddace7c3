import { Info, type Zone } from 'luxon';

import { daysFromCivil } from './days';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const MINUTES_PER_BUCKET = 15;
const MS_PER_BUCKET = MINUTES_PER_BUCKET * 60_000;
const MS_PER_DAY = 86_400_000;
/** Bounds the parse cache; rows usually repeat a few hundred distinct dates. */
const CACHE_LIMIT = 100_000;

/**
 * Turns row dates into calendar day numbers in one time zone. Strings without an offset are
 * wall-clock times of that zone and need no conversion; instants (offset strings, `Date`,
 * epoch ms) are shifted by the zone's offset at that instant (luxon, cached per quarter hour
 * because offsets only change on quarter hours).
 *
 * @example
 * const days = new LocalDays('Asia/Shanghai');
 * days.of('2026-03-31T20:00:00Z'); // day number of 2026-04-01 (04:00 in Shanghai)
 */
export class LocalDays {
	private readonly zone: Zone;
	private readonly utc: boolean;
	private readonly offsets = new Map<number, number>();
	private readonly parsed = new Map<string, number | null>();

	constructor(zoneName = 'UTC') {
		const zone = Info.normalizeZone(zoneName);
		if (!zone.isValid) throw new Error(`scheme.zone: unknown time zone "${zoneName}"`);
		this.zone = zone;
		this.utc = zone.isUniversal && zone.offset(0) === 0;
	}

	/** Day number of a date in this zone, or `null` when it is not a valid date. */
	of(value: unknown): number | null {
		if (typeof value === 'string') {
			const cached = this.parsed.get(value);
			if (cached !== undefined) return cached;
			const day = this.parseString(value);
			if (this.parsed.size >= CACHE_LIMIT) this.parsed.clear();
			this.parsed.set(value, day);
			return day;
		}
		if (value instanceof Date) return this.ofInstant(value.getTime());
		if (typeof value === 'number') return this.ofInstant(value);
		return null;
	}

	/** Day number of an epoch-millisecond instant in this zone. */
	ofInstant(ms: number): number | null {
		if (!Number.isFinite(ms)) return null;
		return Math.floor((ms + this.offsetMinutes(ms) * 60_000) / MS_PER_DAY);
	}

	private offsetMinutes(ms: number): number {
		if (this.utc) return 0;
		const bucket = Math.floor(ms / MS_PER_BUCKET);
		let offset = this.offsets.get(bucket);
		if (offset === undefined) {
			offset = this.zone.offset(bucket * MS_PER_BUCKET);
			this.offsets.set(bucket, offset);
		}
		return offset;
	}

	private parseString(text: string): number | null {
		const m = ISO.exec(text.trim());
		if (!m) return null;
		const year = Number(m[1]);
		const month = Number(m[2]);
		const day = Number(m[3]);
		if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
		const hour = m[4] === undefined ? 0 : Number(m[4]);
		const minute = m[5] === undefined ? 0 : Number(m[5]);
		const second = m[6] === undefined ? 0 : Number(m[6]);
		if (hour > 24 || minute > 59 || second > 60) return null;
		const days = daysFromCivil(year, month, day);
		if (m[7] === undefined) return hour === 24 ? days + 1 : days;
		const offset = m[7] === 'Z' ? 0 : offsetOf(m[7]);
		const ms = days * MS_PER_DAY + ((hour * 60 + minute - offset) * 60 + second) * 1000;
		return this.ofInstant(ms);
	}
}

/** Minutes of an ISO offset such as `+05:30`, `-0800` or `+08`. */
function offsetOf(text: string): number {
	const sign = text[0] === '-' ? -1 : 1;
	const digits = text.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

/** Days in a month of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
	return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}
