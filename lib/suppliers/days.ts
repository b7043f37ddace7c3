/**
 * Calendar arithmetic on day numbers (days since 1970-01-01 in the proleptic Gregorian
 * calendar). Periods and deadlines only need calendar days, and integer day numbers keep the
 * million-row path free of date objects.
 */

/** A calendar date. */
export interface CivilDate {
	year: number;
	month: number;
	day: number;
}

/**
 * Day number of a calendar date (H. Hinnant's days_from_civil).
 *
 * @example
 * daysFromCivil(1970, 1, 1); // 0
 * daysFromCivil(2026, 3, 1); // 20513
 */
export function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const mp = (month + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/**
 * Calendar date of a day number (H. Hinnant's civil_from_days).
 *
 * @example
 * civilFromDays(20513); // { year: 2026, month: 3, day: 1 }
 */
export function civilFromDays(days: number): CivilDate {
	const z = days + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * ISO date string of a day number.
 *
 * @example
 * isoDate(20513); // '2026-03-01'
 */
export function isoDate(days: number): string {
	const { year, month, day } = civilFromDays(days);
	return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Two-digit zero padding.
 *
 * @example
 * pad2(3); // '03'
 */
export function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}
