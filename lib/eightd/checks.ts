import { DateTime } from 'luxon';

import { formatTime } from './dates';
import { evaluateSpcProof } from './spcProof';
import { reasons } from './messages';
import { isPresent, itemName, readList, readPath } from './paths';
import type { Bilingual, GateRule } from './ruleSet';
import type { Discipline, EightDMeasurement, EightDReport, EightDVerification } from './types';

/** What a check needs besides its rule. */
export interface CheckContext {
	report: EightDReport;
	discipline: Discipline;
	/** Approvals older than this do not count: the discipline was reopened after them. */
	approvalsSince?: DateTime;
	/** Measurements per characteristic from the workflow, for the `spcEffective` rule. */
	measurements?: Record<string, readonly EightDMeasurement[]>;
}

/** One thing a rule found missing: the field it is about and why, in both languages. */
export interface Finding {
	field: string;
	reason: Bilingual;
}

type RuleOf<C extends GateRule['check']> = Extract<GateRule, { check: C }>;
type Check<C extends GateRule['check']> = (rule: RuleOf<C>, ctx: CheckContext) => Finding[];

const millis = (time: string): number => DateTime.fromISO(time, { setZone: true }).toMillis();
const labelOf = (rule: GateRule & { path?: string }): Bilingual =>
	rule.label ?? { en: rule.path ?? rule.id, zh: rule.path ?? rule.id };
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const present: Check<'present'> = (rule, { report }) =>
	isPresent(readPath(report, rule.path))
		? []
		: [{ field: rule.path, reason: reasons.missing(labelOf(rule)) }];

const fields: Check<'fields'> = (rule, { report }) => {
	const value = readPath(report, rule.path);
	if (!isPresent(value)) return [{ field: rule.path, reason: reasons.missing(labelOf(rule)) }];
	const missing = rule.fields.filter((f) => !isPresent(readPath(value, f)));
	return missing.length
		? [{ field: rule.path, reason: reasons.missingFields(labelOf(rule), missing) }]
		: [];
};

const minItems: Check<'minItems'> = (rule, { report }) => {
	const where = Object.entries(rule.where ?? {});
	const found = readList(report, rule.path).filter((item) =>
		where.every(([key, value]) => sameJson(readPath(item, key), value)),
	).length;
	if (found >= rule.min) return [];
	return [
		{
			field: rule.path,
			reason:
				found === 0
					? reasons.missing(labelOf(rule))
					: reasons.tooFew(labelOf(rule), rule.min, found),
		},
	];
};

const each: Check<'each'> = (rule, { report }) =>
	readList(report, rule.path).flatMap((item, index) => {
		const missing = rule.fields.filter((f) => !isPresent(readPath(item, f)));
		return missing.length
			? [
					{
						field: `${rule.path}[${index}]`,
						reason: reasons.itemMissingFields(labelOf(rule), itemName(item, index), missing),
					},
				]
			: [];
	});

const covers: Check<'covers'> = (rule, { report }) => {
	const seen = readList(report, rule.path).map((item) => readPath(item, rule.key));
	const uncovered = rule.values.filter((value) => !seen.some((s) => sameJson(s, value)));
	return uncovered.length
		? [{ field: rule.path, reason: reasons.notCovered(labelOf(rule), uncovered.map(String)) }]
		: [];
};

const equals: Check<'equals'> = (rule, { report }) => {
	const value = readPath(report, rule.path);
	if (sameJson(value, rule.value)) return [];
	return [
		{
			field: rule.path,
			reason:
				value === undefined
					? reasons.missing(labelOf(rule))
					: reasons.notEqual(labelOf(rule), rule.value),
		},
	];
};

const team = (report: EightDReport) => report.disciplines.D1?.team ?? [];

const teamRoles: Check<'teamRoles'> = (rule, { report }) =>
	rule.roles
		.filter(
			(role) => !team(report).some((member) => member.role === role && isPresent(member.name)),
		)
		.map((role) => ({ field: 'disciplines.D1.team', reason: reasons.noTeamRole(role) }));

const approvals: Check<'approvals'> = (rule, { report, discipline, approvalsSince }) =>
	rule.roles.flatMap((role): Finding[] => {
		const given = (report.approvals ?? []).filter(
			(a) => a.discipline === discipline && a.role === role,
		);
		const current = given.filter(
			(a) => !approvalsSince || millis(a.at) >= approvalsSince.toMillis(),
		);
		const holders = team(report)
			.filter((m) => m.role === role)
			.map((m) => m.name);
		if (current.length === 0) {
			const stale = given[given.length - 1];
			return [
				{
					field: 'approvals',
					reason:
						stale && approvalsSince
							? reasons.approvalBeforeReopen(
									discipline,
									role,
									stale.name,
									formatTime(approvalsSince),
								)
							: reasons.noApproval(discipline, role),
				},
			];
		}
		// A team role is held by named people; an approval in that role by anyone else does not count.
		if (holders.length && !current.some((a) => holders.includes(a.name))) {
			return [
				{
					field: 'approvals',
					reason: reasons.approverNotInRole(discipline, role, current[0].name, holders),
				},
			];
		}
		return [];
	});

const evidence: Check<'evidence'> = (rule, { report, discipline }) => {
	const found = (report.evidence ?? []).filter(
		(e) => e.discipline === discipline && (!rule.kinds || rule.kinds.includes(e.kind)),
	).length;
	return found >= rule.min
		? []
		: [
				{
					field: 'evidence',
					reason: reasons.tooLittleEvidence(discipline, rule.min, found, rule.kinds),
				},
			];
};

const verified: Check<'verified'> = (rule, { report }) => {
	const key = rule.key ?? 'verification';
	const attached = new Set((report.evidence ?? []).map((e) => e.id));
	return readList(report, rule.path).flatMap((item, index): Finding[] => {
		const name = itemName(item, index);
		const field = `${rule.path}[${index}].${key}`;
		const check = readPath(item, key) as EightDVerification | undefined;
		if (!check) return [{ field, reason: reasons.notVerified(labelOf(rule), name, rule.accept) }];
		const found: Finding[] = [];
		if (!rule.accept.includes(check.result))
			found.push({
				field,
				reason: reasons.verifiedAs(labelOf(rule), name, check.result, rule.accept),
			});
		const unsigned = (['by', 'at'] as const).filter((f) => !isPresent(check[f]));
		if (unsigned.length)
			found.push({ field, reason: reasons.itemMissingFields(labelOf(rule), name, unsigned) });
		if (rule.requireEvidence) {
			const cited = check.evidence ?? [];
			const unknown = cited.filter((id) => !attached.has(id));
			if (cited.length === 0)
				found.push({ field, reason: reasons.noCitedEvidence(labelOf(rule), name) });
			else if (unknown.length)
				found.push({ field, reason: reasons.unknownEvidence(labelOf(rule), name, unknown) });
		}
		return found;
	});
};

const fiveWhy: Check<'fiveWhy'> = (rule, { report }) => {
	const causes = report.disciplines.D4?.rootCauses ?? [];
	return rule.types.flatMap((type): Finding[] => {
		const ofType = causes
			.map((cause, index) => ({ cause, index }))
			.filter(({ cause }) => cause.type === type);
		if (ofType.length === 0)
			return [{ field: 'disciplines.D4.rootCauses', reason: reasons.noRootCauseOfType(type) }];
		return ofType.flatMap(({ cause, index }) => {
			const levels = (cause.fiveWhy ?? []).filter(isPresent).length;
			return levels >= rule.minLevels
				? []
				: [
						{
							field: `disciplines.D4.rootCauses[${index}].fiveWhy`,
							reason: reasons.shortFiveWhy(type, itemName(cause, index), rule.minLevels, levels),
						},
					];
		});
	});
};

const ishikawa: Check<'ishikawa'> = (rule, { report }) => {
	// A category listed with an empty array was examined and found nothing; an absent one was not examined.
	const diagram = report.disciplines.D4?.ishikawa ?? {};
	const gaps = rule.categories.filter((category) => !Array.isArray(diagram[category]));
	return gaps.length
		? [{ field: 'disciplines.D4.ishikawa', reason: reasons.ishikawaGaps(gaps) }]
		: [];
};

const implemented: Check<'implemented'> = (_rule, { report }) => {
	const done = report.disciplines.D6?.actions ?? [];
	return (report.disciplines.D5?.actions ?? [])
		.filter((action) => !done.some((d) => d.actionId === action.id && isPresent(d.implementedAt)))
		.map((action) => ({
			field: 'disciplines.D6.actions',
			reason: reasons.notImplemented(action.id),
		}));
};

/**
 * When the permanent fix was proven: with an SPC proof, the measurement that completed the points
 * it needs (default thresholds; once it passes); else the latest typed validation (once all are effective). Undefined
 * while unproven: D6.validated or D6.spc reports that gap.
 */
function validatedAt(
	report: EightDReport,
	measurements: CheckContext['measurements'],
): string | undefined {
	if (report.disciplines.D6?.spc) {
		const proof = evaluateSpcProof(report, { measurements });
		return proof?.passed ? proof.after[proof.minPoints - 1]?.at : undefined;
	}
	const validations = (report.disciplines.D6?.actions ?? []).map((a) => a.validation);
	if (validations.length === 0 || !validations.every((v) => v?.result === 'effective' && v.at))
		return undefined;
	return validations
		.map((v) => v?.at as string)
		.reduce((latest, at) => (millis(at) > millis(latest) ? at : latest));
}

const interimRemoved: Check<'interimRemoved'> = (_rule, { report, measurements }) => {
	const validatedText = validatedAt(report, measurements);
	if (validatedText === undefined) return [];
	const validated = millis(validatedText);
	return (report.disciplines.D3?.actions ?? []).flatMap((action, index): Finding[] => {
		const field = `disciplines.D3.actions[${index}].removedAt`;
		if (!action.removedAt)
			return [{ field, reason: reasons.interimNotRemoved(itemName(action, index)) }];
		if (millis(action.removedAt) < validated)
			return [
				{
					field,
					reason: reasons.interimRemovedEarly(
						itemName(action, index),
						action.removedAt,
						validatedText,
					),
				},
			];
		return [];
	});
};

const spcEffective: Check<'spcEffective'> = (rule, { report, measurements }) => {
	const proof = evaluateSpcProof(report, { ...rule, measurements });
	if (!proof)
		return [
			{
				field: 'disciplines.D6.spc',
				reason: {
					en: 'D6: no characteristic named for the SPC proof',
					zh: 'D6：未指定用于 SPC 验证的特性',
				},
			},
		];
	return proof.failures.map((reason) => ({ field: 'disciplines.D6.spc', reason }));
};

const CHECKS: { [C in GateRule['check']]: Check<C> } = {
	present,
	fields,
	minItems,
	each,
	covers,
	equals,
	teamRoles,
	approvals,
	evidence,
	verified,
	fiveWhy,
	ishikawa,
	implemented,
	interimRemoved,
	spcEffective,
};

/** A rule's `when`: the value at its path equals `equals`, or is present / absent as `present` says. */
function conditionHolds(when: NonNullable<GateRule['when']>, report: EightDReport): boolean {
	const value = readPath(report, when.path);
	return when.present !== undefined
		? isPresent(value) === when.present
		: sameJson(value, when.equals);
}

/**
 * Runs one gate rule against a report; returns what it finds missing (nothing when satisfied or
 * when the rule's `when` condition does not hold).
 *
 * @example
 * runRule({ id: 'D1.roles', check: 'teamRoles', roles: ['champion'] }, { report, discipline: 'D1' });
 * // [{ field: 'disciplines.D1.team', reason: { en: 'team has no champion', zh: '团队缺少倡导者（Champion）' } }]
 */
export function runRule(rule: GateRule, ctx: CheckContext): Finding[] {
	if (rule.when && !conditionHolds(rule.when, ctx.report)) return [];
	const findings = (CHECKS[rule.check] as Check<GateRule['check']>)(rule as never, ctx);
	return rule.message
		? findings.map((f) => ({ ...f, reason: rule.message as Bilingual }))
		: findings;
}
