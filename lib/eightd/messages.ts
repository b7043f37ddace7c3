import type { Bilingual } from './ruleSet';

/** Chinese names of the record's field names, for reasons that name a sub-field. */
const FIELD_ZH: Record<string, string> = {
	who: '谁（Who）',
	what: '什么（What）',
	where: '哪里（Where）',
	when: '何时（When）',
	why: '为什么（Why）',
	how: '如何（How）',
	howMany: '多少（How many）',
	extent: '程度',
	scope: '范围',
	owner: '负责人',
	implementedAt: '实施时间',
	'quantities.sorted': '挑选数量',
	dueAt: '截止日期',
	rootCause: '对应根本原因',
	category: '6M 类别',
	revision: '版本',
	updatedAt: '更新时间',
	by: '签署人',
	at: '日期',
	occurrence: '发生',
	escape: '流出',
	man: '人',
	machine: '机',
	method: '法',
	material: '料',
	measurement: '测',
	environment: '环',
	'customer-stock': '客户库存',
	'in-transit': '在途',
	pfmea: 'PFMEA',
	'control-plan': '控制计划',
	'work-instruction': '作业指导书',
};

/** English names of field names that are not words. */
const FIELD_EN: Record<string, string> = {
	howMany: 'how many',
	implementedAt: 'implementation date',
	'quantities.sorted': 'quantity sorted',
	dueAt: 'due date',
	rootCause: 'root cause reference',
	updatedAt: 'update date',
	by: 'signed by',
	at: 'date',
};

/**
 * A field or value name in both languages (falls back to the name itself).
 *
 * @example
 * fieldName('owner'); // { en: 'owner', zh: '负责人' }
 */
export function fieldName(name: string): Bilingual {
	return { en: FIELD_EN[name] ?? name, zh: FIELD_ZH[name] ?? name };
}

/**
 * Joins names for a sentence in each language.
 *
 * @example
 * listNames(['who', 'when']); // { en: 'who, when', zh: '谁（Who）、何时（When）' }
 */
export function listNames(names: readonly string[]): Bilingual {
	return {
		en: names.map((n) => fieldName(n).en).join(', '),
		zh: names.map((n) => fieldName(n).zh).join('、'),
	};
}

/**
 * Reasons the gate gives, one builder per finding. `label` is what the rule is about.
 *
 * @example
 * reasons.noTeamRole('leader'); // { en: 'team has no leader', zh: '团队缺少组长' }
 */
export const reasons = {
	missing: (label: Bilingual): Bilingual => ({ en: `${label.en} missing`, zh: `缺少${label.zh}` }),
	missingFields: (label: Bilingual, fields: readonly string[]): Bilingual => ({
		en: `${label.en}: ${listNames(fields).en} missing`,
		zh: `${label.zh}：缺少${listNames(fields).zh}`,
	}),
	tooFew: (label: Bilingual, min: number, found: number): Bilingual => ({
		en: `at least ${min} ${label.en} needed, ${found} found`,
		zh: `${label.zh}至少需要 ${min} 项，现有 ${found} 项`,
	}),
	itemMissingFields: (label: Bilingual, item: string, fields: readonly string[]): Bilingual => ({
		en: `${label.en} ${item}: ${listNames(fields).en} missing`,
		zh: `${label.zh} ${item}：缺少${listNames(fields).zh}`,
	}),
	notCovered: (label: Bilingual, values: readonly string[]): Bilingual => ({
		en: `${label.en}: ${listNames(values).en} not covered`,
		zh: `${label.zh}：未涵盖${listNames(values).zh}`,
	}),
	notEqual: (label: Bilingual, expected: unknown): Bilingual => ({
		en: `${label.en} must be ${JSON.stringify(expected)}`,
		zh: `${label.zh}必须为 ${JSON.stringify(expected)}`,
	}),
	noTeamRole: (role: string): Bilingual => ({
		en: `team has no ${role}`,
		zh: `团队缺少${roleName(role).zh}`,
	}),
	noApproval: (discipline: string, role: string): Bilingual => ({
		en: `${discipline} needs approval by the ${role}`,
		zh: `${discipline} 需要${roleName(role).zh}批准`,
	}),
	approverNotInRole: (
		discipline: string,
		role: string,
		name: string,
		holders: readonly string[],
	): Bilingual => ({
		en: `${discipline} approval as ${role} by ${name}, but the team's ${role} is ${holders.join(' or ')}`,
		zh: `${discipline} 由 ${name} 以${roleName(role).zh}身份批准，但团队的${roleName(role).zh}是 ${holders.join(' 或 ')}`,
	}),
	approvalBeforeReopen: (
		discipline: string,
		role: string,
		name: string,
		since: string,
	): Bilingual => ({
		en: `${discipline} approval by ${role} ${name} predates the reopening at ${since}; approve again`,
		zh: `${discipline} 的${roleName(role).zh}批准（${name}）早于 ${since} 的重新打开，需重新批准`,
	}),
	tooLittleEvidence: (
		discipline: string,
		min: number,
		found: number,
		kinds?: readonly string[],
	): Bilingual => ({
		en: `${discipline} needs at least ${min} evidence attachment(s)${kinds ? ` of kind ${kinds.join('/')}` : ''}, ${found} attached`,
		zh: `${discipline} 至少需要 ${min} 份证据附件${kinds ? `（类型 ${kinds.join('/')}）` : ''}，现有 ${found} 份`,
	}),
	notVerified: (label: Bilingual, item: string, accept: readonly string[]): Bilingual => ({
		en: `${label.en} ${item} is not verified (${accept.join(' or ')})`,
		zh: `${label.zh} ${item} 未经验证（需为 ${accept.join(' 或 ')}）`,
	}),
	verifiedAs: (
		label: Bilingual,
		item: string,
		result: string,
		accept: readonly string[],
	): Bilingual => ({
		en: `${label.en} ${item} was verified as "${result}", needs ${accept.join(' or ')}`,
		zh: `${label.zh} ${item} 的验证结果为“${result}”，需为 ${accept.join(' 或 ')}`,
	}),
	noCitedEvidence: (label: Bilingual, item: string): Bilingual => ({
		en: `${label.en} ${item}: verification cites no evidence`,
		zh: `${label.zh} ${item}：验证未引用任何证据`,
	}),
	unknownEvidence: (label: Bilingual, item: string, ids: readonly string[]): Bilingual => ({
		en: `${label.en} ${item}: verification cites evidence ${ids.join(', ')} that is not attached`,
		zh: `${label.zh} ${item}：验证引用的证据 ${ids.join('、')} 未附上`,
	}),
	noRootCauseOfType: (type: string): Bilingual => ({
		en: `no ${type} root cause with a 5-Why chain`,
		zh: `没有带 5-Why 分析的${fieldName(type).zh}根本原因`,
	}),
	shortFiveWhy: (type: string, item: string, min: number, found: number): Bilingual => ({
		en: `5-Why chain of ${type} root cause ${item} has ${found} level(s), needs at least ${min}`,
		zh: `${fieldName(type).zh}根本原因 ${item} 的 5-Why 只有 ${found} 层，至少需要 ${min} 层`,
	}),
	ishikawaGaps: (categories: readonly string[]): Bilingual => ({
		en: `Ishikawa (6M) categories not examined: ${categories.join(', ')}`,
		zh: `鱼骨图（6M）未分析的类别：${listNames(categories).zh}`,
	}),
	notImplemented: (action: string): Bilingual => ({
		en: `corrective action ${action} has no implementation date in D6`,
		zh: `纠正措施 ${action} 在 D6 中没有实施日期`,
	}),
	interimNotRemoved: (action: string): Bilingual => ({
		en: `interim containment ${action} is still in place although the permanent action is validated; record its removal`,
		zh: `永久措施已验证，但临时遏制措施 ${action} 仍未撤除，请记录撤除`,
	}),
	interimRemovedEarly: (action: string, removedAt: string, validatedAt: string): Bilingual => ({
		en: `interim containment ${action} was removed at ${removedAt}, before the permanent action was validated at ${validatedAt}`,
		zh: `临时遏制措施 ${action} 于 ${removedAt} 撤除，早于永久措施的验证时间 ${validatedAt}`,
	}),
};

/** Chinese names of the usual roles. */
const ROLE_ZH: Record<string, string> = {
	champion: '倡导者（Champion）',
	leader: '组长',
	member: '成员',
	expert: '专家',
	'quality-manager': '质量经理',
	'customer-sqe': '客户 SQE',
};

/**
 * A role name in both languages.
 *
 * @example
 * roleName('leader'); // { en: 'leader', zh: '组长' }
 */
export function roleName(role: string): Bilingual {
	return { en: role, zh: ROLE_ZH[role] ?? role };
}
