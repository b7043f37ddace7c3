import { Info, type Zone } from 'luxon';

import { daysFromCivil } from './days';

const MINUTES_PER_BUCKET = 15;
const MS_PER_BUCKET = MINUTES_PER_BUCKET * 60_000;
const MS_PER_DAY = 86_400_000;
/** 1973-03-03 in epoch ms: numbers below are not taken for instants. */
const MIN_EPOCH_MS = 1e11;
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
			// Plain dates repeat a lot and are worth caching; timestamps rarely repeat.
			if (value.length !== 10) return this.parseString(value);
			const cached = this.parsed.get(value);
			if (cached !== undefined) return cached;
			const day = this.parseString(value);
			if (this.parsed.size >= CACHE_LIMIT) this.parsed.clear();
			this.parsed.set(value, day);
			return day;
		}
		if (value instanceof Date) return this.ofInstant(value.getTime());
		// Small numbers are spreadsheet serials or yyyymmdd, not epoch ms: refuse rather than land in 1970.
		if (typeof value === 'number')
			return Math.abs(value) >= MIN_EPOCH_MS ? this.ofInstant(value) : null;
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

	private parseString(raw: string): number | null {
		const p = parseIso(raw.trim());
		if (p === null) return null;
		if (p.offset === null) return p.minutes >= 1440 ? p.days + 1 : p.days;
		return this.ofInstant((p.days * 1440 + p.minutes - p.offset) * 60_000);
	}
}

/** An ISO-8601 date(-time) split into day number, minutes into the day and offset (null: none). */
interface IsoParts {
	days: number;
	minutes: number;
	offset: number | null;
}

/** Digits at `at`..`at + n - 1` as a number, or -1 if any is not a digit. */
function digits(s: string, at: number, n: number): number {
	let v = 0;
	for (let i = at; i < at + n; i++) {
		const c = s.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		v = v * 10 + c;
	}
	return v;
}

/**
 * Hand-rolled parser of `YYYY-MM-DD[( |T)hh:mm[:ss[.fff]][Z|+hh[:mm]|-hhmm]]`: a regex and
 * `Number()` per field cost most of the time on a million rows.
 */
function parseIso(s: string): IsoParts | null {
	if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
	const year = digits(s, 0, 4);
	const month = digits(s, 5, 2);
	const day = digits(s, 8, 2);
	if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	const days = daysFromCivil(year, month, day);
	if (s.length === 10) return { days, minutes: 0, offset: null };
	const sep = s[10];
	if ((sep !== 'T' && sep !== ' ') || s.charCodeAt(13) !== 58) return null;
	const hour = digits(s, 11, 2);
	const minute = digits(s, 14, 2);
	if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || (hour === 24 && minute > 0))
		return null;
	let i = 16;
	if (s[i] === ':') {
		if (digits(s, i + 1, 2) < 0 || digits(s, i + 1, 2) > 60) return null;
		i += 3;
		if (s[i] === '.' || s[i] === ',') {
			i++;
			const start = i;
			while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
			if (i === start) return null;
		}
	}
	const minutes = hour * 60 + minute;
	if (i === s.length) return { days, minutes, offset: null };
	if (s[i] === 'Z' && i + 1 === s.length) return { days, minutes, offset: 0 };
	const sign = s[i] === '+' ? 1 : s[i] === '-' ? -1 : 0;
	if (sign === 0) return null;
	const left = s.length - i - 1;
	const oh = digits(s, i + 1, 2);
	const om =
		left === 2
			? 0
			: left === 4
				? digits(s, i + 3, 2)
				: left === 5 && s[i + 3] === ':'
					? digits(s, i + 4, 2)
					: -1;
	if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
	return { days, minutes, offset: sign * (oh * 60 + om) };
}

/** Days in a month of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
	return (
		daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
		daysFromCivil(year, month, 1)
	);
}
