import type { Bilingual } from '../ruleSet';
import type { Discipline } from '../types';

/** The title of each discipline, as the Ford Global 8D names them. */
export const DISCIPLINE_TITLES: Record<Discipline, Bilingual> = {
	D0: { en: 'Prepare and emergency response', zh: '准备与紧急响应' },
	D1: { en: 'Team', zh: '成立小组' },
	D2: { en: 'Problem description', zh: '问题描述' },
	D3: { en: 'Interim containment', zh: '临时遏制措施' },
	D4: { en: 'Root causes and escape point', zh: '根本原因与流出点' },
	D5: { en: 'Permanent corrective actions', zh: '永久纠正措施' },
	D6: { en: 'Implementation and validation', zh: '实施与验证' },
	D7: { en: 'Prevent recurrence', zh: '预防再发生' },
	D8: { en: 'Closure and recognition', zh: '关闭与表彰' },
};

/**
 * Every fixed text of the report document, in English and Chinese.
 *
 * @example
 * LABELS.customer.zh; // '客户'
 */
export const LABELS = {
	report: { en: '8D report', zh: '8D 报告' },
	caseId: { en: 'Case', zh: '案例编号' },
	id: { en: 'ID', zh: '编号' },
	title: { en: 'Title', zh: '标题' },
	customer: { en: 'Customer', zh: '客户' },
	part: { en: 'Part', zh: '零件' },
	lot: { en: 'Lot', zh: '批次' },
	openedAt: { en: 'Opened', zh: '开立日期' },
	closedAt: { en: 'Closed', zh: '关闭日期' },
	owner: { en: 'Owner', zh: '负责人' },
	stage: { en: 'Stage', zh: '当前阶段' },
	status: { en: 'Status', zh: '状态' },
	ruleSet: { en: 'Gate rule set', zh: '阶段规则集' },
	generated: { en: 'Generated', zh: '生成时间' },
	open: { en: 'open', zh: '进行中' },
	closed: { en: 'closed', zh: '已关闭' },
	nothing: { en: 'Nothing recorded.', zh: '无记录。' },
	none: { en: 'none', zh: '无' },
	yes: { en: 'yes', zh: '是' },
	no: { en: 'no', zh: '否' },
	completed: { en: 'Completed', zh: '已完成' },
	inProgress: { en: 'In progress', zh: '进行中' },
	notStarted: { en: 'Not started', zh: '未开始' },
	skipped: { en: 'Skipped', zh: '已跳过' },
	// D0
	symptom: { en: 'Symptom', zh: '症状' },
	complaint: { en: 'Complaint', zh: '客户投诉' },
	received: { en: 'Received', zh: '收到时间' },
	category: { en: 'Category', zh: '类别' },
	severity: { en: 'Severity', zh: '严重度' },
	emergencyNeeded: { en: 'Emergency response needed', zh: '是否需要紧急响应' },
	emergencyActions: { en: 'Emergency response actions', zh: '紧急响应措施' },
	// D1
	name: { en: 'Name', zh: '姓名' },
	role: { en: 'Role', zh: '角色' },
	department: { en: 'Department', zh: '部门' },
	// D2
	problemStatement: { en: 'Problem statement', zh: '问题陈述' },
	fiveW2H: { en: '5W2H', zh: '5W2H' },
	question: { en: 'Question', zh: '问题' },
	answer: { en: 'Answer', zh: '回答' },
	isIsNot: { en: 'Is / Is not', zh: '是 / 不是' },
	dimension: { en: 'Dimension', zh: '维度' },
	is: { en: 'Is', zh: '是' },
	isNot: { en: 'Is not', zh: '不是' },
	difference: { en: 'Difference', zh: '差异' },
	// D3
	action: { en: 'Action', zh: '措施' },
	scope: { en: 'Location', zh: '位置' },
	implemented: { en: 'Implemented', zh: '实施日期' },
	quantities: { en: 'Suspect / sorted / rejected', zh: '可疑 / 挑选 / 拒收' },
	verification: { en: 'Verification', zh: '验证' },
	removed: { en: 'Removed', zh: '撤除日期' },
	quantitiesPerLocation: { en: 'Quantities per location', zh: '各位置数量' },
	suspect: { en: 'Suspect', zh: '可疑' },
	sorted: { en: 'Sorted', zh: '挑选' },
	rejected: { en: 'Rejected', zh: '拒收' },
	total: { en: 'Total', zh: '合计' },
	// D4
	rootCauseOccurrence: { en: 'Root cause of occurrence', zh: '发生根本原因' },
	rootCauseEscape: { en: 'Root cause of escape', zh: '流出根本原因' },
	description: { en: 'Description', zh: '描述' },
	sixM: { en: '6M category', zh: '6M 类别' },
	escapePoint: { en: 'Escape point', zh: '流出点' },
	why: { en: 'Why', zh: '为什么' },
	ishikawa: { en: 'Ishikawa (6M)', zh: '鱼骨图（6M）' },
	causesConsidered: { en: 'Causes considered', zh: '考虑的原因' },
	notExamined: { en: 'not examined', zh: '未分析' },
	noneFound: { en: 'examined, none found', zh: '已分析，未发现' },
	// D5
	addresses: { en: 'Addresses', zh: '针对' },
	rootCause: { en: 'Root cause', zh: '根本原因' },
	due: { en: 'Due', zh: '截止日期' },
	// D6
	validation: { en: 'Validation', zh: '验证' },
	spcProof: { en: 'Effectiveness proven by SPC', zh: 'SPC 有效性验证' },
	characteristic: { en: 'Characteristic', zh: '特性' },
	fixedAt: { en: 'Fix effective', zh: '修复生效时间' },
	specification: { en: 'Specification', zh: '规格' },
	pointsAfterFix: { en: 'Points after the fix', zh: '修复后数据点' },
	needed: { en: 'needed', zh: '需要' },
	controlLimits: { en: 'I chart center / limits', zh: 'I 图中心线 / 控制限' },
	ruleReports: { en: 'Run-rule reports', zh: '判异规则报告' },
	cpk: { en: 'Cpk', zh: 'Cpk' },
	result: { en: 'Result', zh: '结论' },
	proven: { en: 'effective (proven by SPC)', zh: '有效（经 SPC 证明）' },
	notProven: { en: 'not proven', zh: '未证明' },
	chartAlt: { en: 'Individuals chart after the fix', zh: '修复后单值控制图' },
	// D7
	documents: { en: 'Documents updated', zh: '更新的文件' },
	type: { en: 'Type', zh: '类型' },
	document: { en: 'Document', zh: '文件' },
	revision: { en: 'Revision', zh: '版本' },
	updated: { en: 'Updated', zh: '更新日期' },
	fmea: { en: 'PFMEA rows revised', zh: '修订的 PFMEA 条目' },
	failureMode: { en: 'Failure mode', zh: '失效模式' },
	cause: { en: 'Cause', zh: '原因' },
	sod: { en: 'S / O / D', zh: 'S / O / D' },
	lessonsLearned: { en: 'Lessons learned', zh: '经验教训' },
	horizontalDeployment: { en: 'Horizontal deployment', zh: '横向展开' },
	// D8
	customerAcceptance: { en: 'Customer acceptance', zh: '客户接受' },
	accepted: { en: 'accepted', zh: '已接受' },
	notAccepted: { en: 'not accepted', zh: '未接受' },
	by: { en: 'by', zh: '签署人' },
	reference: { en: 'Reference', zh: '参考编号' },
	recognition: { en: 'Recognition', zh: '团队表彰' },
	summary: { en: 'Summary', zh: '总结' },
	// closing sections
	approvals: { en: 'Approvals', zh: '批准' },
	discipline: { en: 'Discipline', zh: '阶段' },
	date: { en: 'Date', zh: '日期' },
	deadlines: { en: 'Deadlines', zh: '期限' },
	dueAt: { en: 'Due', zh: '截止' },
	completedAt: { en: 'Completed', zh: '完成' },
	met: { en: 'met', zh: '按时完成' },
	late: { en: 'missed', zh: '逾期完成' },
	overdue: { en: 'missed, still open', zh: '已逾期，未完成' },
	onTime: { en: 'open, on time', zh: '进行中，未到期' },
	dueSoon: { en: 'open, due soon', zh: '进行中，即将到期' },
	hoursLate: { en: 'h late', zh: '小时' },
	evidence: { en: 'Evidence', zh: '证据' },
	kind: { en: 'Kind', zh: '类型' },
	history: { en: 'History check', zh: '历史记录校验' },
	page: { en: 'Page', zh: '第' },
} satisfies Record<string, Bilingual>;

/** Chinese names of record values (6M, scopes, roles, results ...); English shows the value itself. */
const VALUE_ZH: Record<string, string> = {
	man: '人（Man）',
	machine: '机（Machine）',
	method: '法（Method）',
	material: '料（Material）',
	measurement: '测（Measurement）',
	environment: '环（Environment）',
	'customer-stock': '客户处',
	'in-transit': '在途',
	'finished-goods': '成品库存',
	wip: '在制品',
	supplier: '供应商处',
	other: '其他',
	champion: '倡导者',
	leader: '组长',
	member: '成员',
	expert: '专家',
	occurrence: '发生',
	escape: '流出',
	effective: '有效',
	'not-effective': '无效',
	confirmed: '已确认',
	'not-confirmed': '未确认',
	critical: '严重',
	major: '主要',
	minor: '次要',
	pfmea: 'PFMEA',
	dfmea: 'DFMEA',
	'control-plan': '控制计划',
	'work-instruction': '作业指导书',
	who: '谁（Who）',
	what: '什么（What）',
	where: '哪里（Where）',
	when: '何时（When）',
	why: '为什么（Why）',
	how: '如何（How）',
	howMany: '多少（How many）',
	extent: '程度（Extent）',
};

/** English names of values whose id is not a word. */
const VALUE_EN: Record<string, string> = {
	'customer-stock': 'at the customer',
	'in-transit': 'in transit',
	'finished-goods': 'in stock',
	wip: 'WIP',
	howMany: 'how many',
	'control-plan': 'control plan',
	'work-instruction': 'work instruction',
};

/**
 * A record value (a 6M category, a location, a role ...) in the report's language.
 *
 * @example
 * valueName('wip', 'zh'); // '在制品'
 * valueName('wip', 'en'); // 'WIP'
 */
export function valueName(value: string, language: keyof Bilingual): string {
	return language === 'zh' ? (VALUE_ZH[value] ?? value) : (VALUE_EN[value] ?? value);
}
