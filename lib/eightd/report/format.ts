import { DateTime, FixedOffsetZone } from 'luxon';

import type { Bilingual } from '../ruleSet';
import type { EightDVerification } from '../types';
import { LABELS, valueName } from './labels';

/** A language of the document. */
export type Language = keyof Bilingual;

/**
 * A time from the record for reading, in its own offset (or that of `inOffsetOf`): `2026-03-02 09:15 +08:00` (breaks at the
 * spaces in a narrow table column); text that
 * is not ISO-8601 comes back as it is.
 *
 * @example
 * readableTime('2026-03-02T09:15:00+08:00'); // '2026-03-02 09:15 +08:00'
 * readableTime('2026-03-03T01:15:00Z', '2026-03-02T09:15:00+08:00'); // '2026-03-03 09:15 +08:00'
 */
export function readableTime(value: string | undefined, inOffsetOf?: string): string {
	if (value === undefined || value === '') return '';
	let time = DateTime.fromISO(value, { setZone: true });
	if (!time.isValid) return value;
	const like = inOffsetOf ? DateTime.fromISO(inOffsetOf, { setZone: true }) : undefined;
	if (like?.isValid) time = time.setZone(FixedOffsetZone.instance(like.offset));
	return time.toFormat('yyyy-MM-dd HH:mm ZZ');
}

/**
 * A verification in one line: result (in the language), who, when, method, data, evidence.
 *
 * @example
 * verificationText({ result: 'effective', by: 'Li Na', at: '2026-03-02T19:00:00+08:00' }, 'en');
 * // 'effective; Li Na, 2026-03-02 19:00 +08:00'
 */
export function verificationText(
	check: EightDVerification | undefined,
	language: Language,
): string {
	if (!check) return '';
	const signed = [check.by, readableTime(check.at)].filter(Boolean).join(', ');
	const evidence = check.evidence?.length
		? `${LABELS.evidence[language]} ${check.evidence.join(', ')}`
		: '';
	return [valueName(check.result, language), signed, check.method, check.data, evidence]
		.filter((part) => part !== undefined && part !== '')
		.join('; ');
}

/**
 * A number for reading: up to `digits` decimals, no trailing zeros.
 *
 * @example
 * readableNumber(1.40681, 3); // '1.407'
 */
export function readableNumber(value: number | undefined, digits = 3): string {
	if (value === undefined || !Number.isFinite(value)) return '';
	return String(Number(value.toFixed(digits)));
}
