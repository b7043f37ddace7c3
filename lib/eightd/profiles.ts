import { IANAZone } from 'luxon';

import type { BusinessCalendar, Span } from './calendar';
import builtInProfiles from './profiles/deadline-profiles.json';
import profileSchema from './schema/eightd-deadline-profile.schema.json';
import { parseJsonText } from './json';
import type { Discipline } from './types';
import { compileSchema, describeSchemaError, firstSchemaError } from './validate';

/** When disciplines are due (from `openedAt`), when "due soon" starts, who is told how late. */
export interface DeadlineProfile {
	description?: string;
	/** IANA zone in which days and business days are counted. */
	zone: string;
	businessDays?: BusinessCalendar;
	deadlines: { discipline: Discipline; within: Span }[];
	/** How long before a due date it counts as due soon (default 24 hours). */
	dueSoon?: Span;
	/** Escalation levels in order: a deadline late by more than `after` goes to `level`. */
	escalation?: { level: string; after: Span }[];
}

/**
 * The deadline profile JSON schema (draft-07), published in the package.
 *
 * @example
 * eightDDeadlineProfileSchema.title; // '8D deadline profile'
 */
export const eightDDeadlineProfileSchema: Readonly<Record<string, unknown>> = profileSchema;

const validateProfileShape = compileSchema<DeadlineProfile>(profileSchema);

/**
 * Checks a deadline profile (object or JSON text); throws an Error naming the bad field.
 *
 * @example
 * parseDeadlineProfile({ zone: 'Asia/Shanghai', deadlines: [{ discipline: 'D3', within: { hours: 12 } }] }).zone; // 'Asia/Shanghai'
 * parseDeadlineProfile({ zone: 'Mars/Base', deadlines: [] }); // throws: profile.zone: unknown time zone "Mars/Base"
 */
export function parseDeadlineProfile(source: unknown, field = 'profile'): DeadlineProfile {
	let value = source;
	if (typeof source === 'string') value = parseJsonText(source, field);
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		throw new Error(`${field}: expected a deadline profile object`);
	if (!validateProfileShape(value)) {
		throw new Error(
			describeSchemaError(field, firstSchemaError(validateProfileShape.errors ?? [])),
		);
	}
	if (!IANAZone.isValidZone(value.zone))
		throw new Error(`${field}.zone: unknown time zone "${value.zone}"`);
	return value;
}

/**
 * Profiles shipped with the package, by name: `default` (calendar) and `business-de`.
 *
 * @example
 * eightDDeadlineProfiles.default.deadlines[0]; // { discipline: 'D3', within: { hours: 24 } }
 */
export const eightDDeadlineProfiles: Readonly<Record<string, DeadlineProfile>> = Object.fromEntries(
	Object.entries(builtInProfiles).map(([name, profile]) => [
		name,
		parseDeadlineProfile(profile, `profiles/${name}`),
	]),
);

/** Menu labels of the built-in profiles. */
const PROFILE_LABELS: Readonly<Record<string, string>> = {
	default: 'Default (24 H / 10 Days / 30 Days)',
	'business-de': 'Business Days, Germany',
};

/**
 * The built-in profiles as a menu: `value` the profile name, `name` its label.
 *
 * @example
 * eightDDeadlineProfileChoices[1]; // { name: 'Business Days, Germany', value: 'business-de' }
 */
export const eightDDeadlineProfileChoices: readonly { name: string; value: string }[] = Object.keys(
	eightDDeadlineProfiles,
).map((value) => ({ name: PROFILE_LABELS[value] ?? value, value }));

/**
 * The profile to use: an explicit profile object or name, else the report's `profile`, else `default`.
 *
 * @example
 * resolveDeadlineProfile('business-de').zone; // 'Europe/Berlin'
 * resolveDeadlineProfile('nope'); // throws: options.profile: unknown deadline profile "nope" ...
 */
export function resolveDeadlineProfile(
	choice: string | DeadlineProfile | undefined,
	reportProfile?: string,
	available: Readonly<Record<string, DeadlineProfile>> = {},
): DeadlineProfile {
	if (choice !== undefined && typeof choice !== 'string')
		return parseDeadlineProfile(choice, 'options.profile');
	const name: string = choice ?? reportProfile ?? 'default';
	const field = choice !== undefined ? 'options.profile' : 'report.profile';
	if (available[name]) return parseDeadlineProfile(available[name], `options.profiles.${name}`);
	const found = eightDDeadlineProfiles[name];
	if (!found) {
		const known = [...new Set([...Object.keys(available), ...Object.keys(eightDDeadlineProfiles)])];
		throw new Error(`${field}: unknown deadline profile "${name}" (known: ${known.join(', ')})`);
	}
	return found;
}
