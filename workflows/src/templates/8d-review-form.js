/**
 * 8D review form, one page per discipline: page 1 asks for the case, the discipline and the
 * engineer; page 2 asks for that discipline's content (labels in English and Chinese). The 8D Gate
 * answers on the page with "advanced" or the exact missing items and a link to the current report
 * document; closing the case (after D8) mails the report PDF to the customer. A webhook behind the
 * same staff login serves the current report of a case as PDF or HTML.
 */
const {
	CREDENTIALS,
	NODES,
	SETUP_NOTE,
	TABLES,
	Workflow,
	about,
	codeNode,
	condition,
	getRows,
	mail,
	settings,
	settingsValue,
	uid,
	updateParameters,
	where,
	words,
} = require('../shared');

const TEMPLATE = '8d-review-form';
const DISCIPLINES = ['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'];
/** Form and Form Trigger versions whose fields have a name apart from their label. */
const FORM_VERSION = 2.4;
const REPORT_PATH = 'qms-8d-report';

/** A form field named `fieldName`, labelled "English / 中文". */
const field = (fieldName, en, zh, extra = {}) => ({
	fieldName,
	fieldLabel: `${en} / ${zh}`,
	...extra,
});
const textarea = (name, en, zh, placeholder) =>
	field(name, en, zh, { fieldType: 'textarea', ...(placeholder ? { placeholder } : {}) });
const date = (name, en, zh) => field(name, en, zh, { fieldType: 'date' });
const count = (name, en, zh) => field(name, en, zh, { fieldType: 'number' });
const dropdown = (name, en, zh, options) =>
	field(name, en, zh, {
		fieldType: 'dropdown',
		fieldOptions: { values: options.map((option) => ({ option })) },
	});
const YES_NO = ['No / 否', 'Yes / 是'];
const EFFECTIVE = ['Effective / 有效', 'Not effective / 无效'];
const CONFIRMED = ['Confirmed / 已确认', 'Not confirmed / 未确认'];
const SIX_M = [
	'Man / 人',
	'Machine / 机',
	'Method / 法',
	'Material / 料',
	'Measurement / 测',
	'Environment / 环',
];
/** Who checked, when, how: the `<prefix>Result`, `By`, `On`, `Method` fields. */
const check = (prefix, what, results) => [
	dropdown(`${prefix}Result`, `${what[0]}: result`, `${what[1]}：结果`, results),
	field(`${prefix}By`, `${what[0]}: by`, `${what[1]}：验证人`),
	date(`${prefix}On`, `${what[0]}: on`, `${what[1]}：日期`),
	field(`${prefix}Method`, `${what[0]}: method`, `${what[1]}：方法`),
];
const LOCATIONS = [
	['customer', 'At the customer', '客户处'],
	['transit', 'In transit', '在途'],
	['stock', 'In stock', '库存'],
	['wip', 'WIP', '在制品'],
];
const cause = (prefix, en, zh) => [
	textarea(`${prefix}Cause`, `Root cause of ${en}`, `${zh}根本原因`),
	dropdown(`${prefix}Category`, `${en}: 6M category`, `${zh}：6M 类别`, SIX_M),
	textarea(`${prefix}Why`, `${en}: 5-Why (one why per line)`, `${zh}：5 个为什么（每行一个）`),
	...check(prefix, [`${en} cause verified`, `${zh}原因验证`], CONFIRMED),
];
const action = (prefix, en, zh) => [
	textarea(`${prefix}Action`, `Permanent action against ${en}`, `针对${zh}的永久措施`),
	field(`${prefix}Owner`, `${en} action: owner`, `${zh}措施：负责人`),
	date(`${prefix}Due`, `${en} action: due`, `${zh}措施：截止日期`),
];
const document = (key, en, zh) => [
	field(`${key}Id`, `${en}: document ID`, `${zh}：文件编号`),
	field(`${key}Revision`, `${en}: revision`, `${zh}：版本`),
];

/** Page 2: the fields of each discipline, named as the mapping program reads them. */
const PAGES = {
	D0: {
		title: 'D0 Prepare and emergency response / 准备与紧急响应',
		fields: [
			textarea('symptom', 'Symptom (empty: keep the complaint text)', '症状（留空则保留投诉内容）'),
			dropdown('emergencyNeeded', 'Emergency response needed?', '是否需要紧急响应？', YES_NO),
			textarea('emergencyActions', 'Emergency actions (one per line)', '紧急措施（每行一条）'),
		],
	},
	D1: {
		title: 'D1 Team / 团队',
		fields: [
			textarea(
				'team',
				'Team members, one per line: name; role; department',
				'团队成员，每行一人：姓名；角色；部门',
				'Zhang Wei; champion; Plant management\nLi Na; leader; Quality',
			),
		],
	},
	D2: {
		title: 'D2 Problem description / 问题描述',
		fields: [
			textarea('problemStatement', 'Problem statement', '问题陈述'),
			field('who', 'Who is affected?', '谁受影响？'),
			field('what', 'What is the problem?', '问题是什么？'),
			field('where', 'Where was it found?', '在哪里发现？'),
			field('when', 'When was it found?', '何时发现？'),
			field('why', 'Why is it a problem?', '为什么是问题？'),
			field('how', 'How was it detected?', '如何发现？'),
			field('howMany', 'How many?', '数量多少？'),
			...['What', 'Where', 'When', 'Extent'].flatMap((d, i) => {
				const zh = ['什么', '哪里', '何时', '程度'][i];
				return [
					field(`is${d}`, `${d}: is`, `${zh}：是`),
					field(`isNot${d}`, `${d}: is not`, `${zh}：不是`),
				];
			}),
		],
	},
	D3: {
		title: 'D3 Interim containment / 临时遏制措施',
		fields: [
			textarea('action', 'Containment action', '遏制措施'),
			field('owner', 'Owner', '负责人'),
			date('implementedOn', 'Implemented on', '实施日期'),
			...LOCATIONS.flatMap(([key, en, zh]) => [
				count(`${key}Suspect`, `${en}: suspect`, `${zh}：可疑数量`),
				count(`${key}Sorted`, `${en}: sorted`, `${zh}：已筛选`),
				count(`${key}Rejected`, `${en}: rejected`, `${zh}：不合格`),
			]),
			...check('verified', ['Containment verified', '遏制验证'], EFFECTIVE),
		],
	},
	D4: {
		title: 'D4 Root causes and escape point / 根本原因与流出点',
		fields: [
			...cause('occurrence', 'occurrence', '发生'),
			...cause('escape', 'escape', '流出'),
			field('escapePoint', 'Escape point', '流出点'),
			...SIX_M.map((m) => {
				const [en, zh] = m.split(' / ');
				return textarea(
					`ishikawa${en}`,
					`Ishikawa ${en} (one per line)`,
					`鱼骨图 ${zh}（每行一条）`,
				);
			}),
			textarea(
				'evidence',
				'Evidence (one per line: file or report)',
				'证据（每行一项：文件或报告）',
			),
		],
	},
	D5: {
		title: 'D5 Permanent corrective actions / 永久纠正措施',
		fields: [
			...action('occurrence', 'occurrence', '发生'),
			...action('escape', 'escape', '流出'),
			...check('verified', ['Actions verified', '措施验证'], EFFECTIVE),
			field('approvedBy', 'Approved by (champion)', '批准人（倡导者）'),
		],
	},
	D6: {
		title: 'D6 Implementation and validation / 实施与验证',
		description: words(
			'Validate by the typed verification, or name the characteristic for the SPC proof',
			'(its measurements after the fix date come from the SPC monitor).',
			'/ 填写验证结果，或填写特性以 SPC 证明（修复后的测量数据来自 SPC 监控）。',
		),
		fields: [
			date('implementedOn', 'Implemented on', '实施日期'),
			...check('validated', ['Validation', '验证'], EFFECTIVE),
			textarea('evidence', 'Validation evidence (one per line)', '验证证据（每行一项）'),
			field('characteristic', 'SPC proof: characteristic', 'SPC 证明：特性'),
			date('fixedOn', 'SPC proof: fix date', 'SPC 证明：修复日期'),
			field('lsl', 'SPC proof: LSL', 'SPC 证明：规格下限'),
			field('usl', 'SPC proof: USL', 'SPC 证明：规格上限'),
			date('containmentRemovedOn', 'Interim containment removed on', '临时遏制措施解除日期'),
		],
	},
	D7: {
		title: 'D7 Prevent recurrence / 预防再发生',
		fields: [
			...document('pfmea', 'PFMEA', 'PFMEA'),
			...document('controlPlan', 'Control plan', '控制计划'),
			...document('workInstruction', 'Work instruction', '作业指导书'),
			date('updatedOn', 'Documents updated on', '文件更新日期'),
			textarea(
				'fmeaRows',
				'FMEA rows revised, one per line: ID; failure mode; cause; S; O; D; action',
				'修订的 FMEA 行，每行一条：编号；失效模式；原因；S；O；D；措施',
			),
			textarea('lessonsLearned', 'Lessons learned', '经验教训'),
			textarea(
				'horizontalDeployment',
				'Horizontal deployment (one per line)',
				'横向展开（每行一项）',
			),
		],
	},
	D8: {
		title: 'D8 Closure and recognition / 关闭与表彰',
		fields: [
			dropdown('accepted', 'Customer accepted the closure?', '客户是否接受关闭？', YES_NO),
			field('acceptedBy', 'Accepted by (customer)', '接受人（客户）'),
			date('acceptedOn', 'Accepted on', '接受日期'),
			field('reference', 'Customer reference', '客户参考号'),
			textarea('recognition', 'Recognition of the team', '团队表彰'),
			textarea('summary', 'Summary', '总结'),
			field('approvedBy', 'Closure approved by (champion)', '关闭批准人（倡导者）'),
		],
	},
};

/** Page 1: the case, the discipline, the engineer and the language of the answer. */
const FIRST_PAGE = [
	field('caseId', 'Case ID', '案例编号', {
		placeholder: '8D-20260301-1a2b3c4d',
		requiredField: true,
	}),
	{
		...dropdown('discipline', 'Discipline', '阶段', DISCIPLINES),
		requiredField: true,
	},
	field('name', 'Your name', '您的姓名', { requiredField: true }),
	dropdown('language', 'Language of the answer', '答复语言', ['English', '中文']),
];

/** A form ending that shows a text page (the message may hold links). */
const ending = (completionTitle, completionMessage) => ({
	operation: 'completion',
	respondWith: 'text',
	completionTitle,
	completionMessage,
	options: {},
});

const FORM = "$('8D review form').first().json";
const GATE = "$('8D Gate').first().json";
const language = `={{ ${FORM}.language === '中文' ? 'zh' : 'en' }}`;
/** Links to the current report of the case, as PDF and as HTML, in the answer's language. */
const reportLinks = (caseId) => {
	const href = (format) =>
		words(
			`/webhook/${REPORT_PATH}?case={{ encodeURIComponent(${caseId}) }}&format=${format}`,
			`&lang={{ ${FORM}.language === '中文' ? 'zh' : 'en' }}`,
		).replace(' &', '&');
	return words(
		`Current report: <a href="${href('pdf')}" target="_blank">PDF</a>`,
		`· <a href="${href('html')}" target="_blank">HTML</a>`,
	);
};

/** Page 2 of every discipline, routed by the discipline page 1 names. */
function disciplinePages(wf, from, [col, row], next) {
	const route = wf.node('Discipline page', 'n8n-nodes-base.switch', 3.2, [col, row], {
		mode: 'expression',
		numberOutputs: DISCIPLINES.length,
		output: `={{ Number(${FORM}.discipline.slice(1)) }}`,
		looseTypeValidation: true,
	});
	wf.link(from, route);
	DISCIPLINES.forEach((d, i) => {
		const page = wf.node(
			`${d} page`,
			'n8n-nodes-base.form',
			FORM_VERSION,
			[col + 1, row + (3 * (i - 4)) / 5],
			{
				operation: 'page',
				formFields: { values: PAGES[d].fields },
				options: {
					formTitle: PAGES[d].title,
					formDescription: PAGES[d].description ?? `=Case {{ ${FORM}.caseId }}`,
					buttonLabel: 'Submit to the gate / 提交',
				},
			},
		);
		wf.link(route, page, i);
		wf.link(page, next);
	});
}

/** The webhook serving the current report of a case, as PDF or HTML, to staff. */
function reportWebhook(wf, [col, row]) {
	const hook = wf.node(
		'Report requested',
		'n8n-nodes-base.webhook',
		2.1,
		[col, row],
		{
			httpMethod: 'GET',
			path: REPORT_PATH,
			authentication: 'basicAuth',
			responseMode: 'responseNode',
			options: {},
		},
		{ webhookId: uid('qms8dReviewForm/report'), credentials: CREDENTIALS.staff },
	);
	const load = wf.node(
		'Report: load case',
		...NODES.DATA_TABLE,
		[col + 1, row],
		getRows(
			TABLES.cases,
			where('caseId', "={{ String($json.query.case || '').trim() }}").conditions,
		),
		{ alwaysOutputData: true },
	);
	const found = wf.node(
		'Report: case found?',
		...NODES.IF,
		[col + 2, row],
		condition('={{ $json.caseId }}', 'notEmpty'),
	);
	const query = "$('Report requested').first().json.query";
	const render = wf.node('Render report', ...NODES.GATE, [col + 3, row], {
		operation: 'renderReport',
		reportField: 'report',
		documentLanguage: `={{ ${query}.lang === 'zh' ? 'zh' : 'en' }}`,
		format: `={{ ${query}.format === 'html' ? 'html' : 'pdf' }}`,
		binaryProperty: 'data',
		options: { images: 'data' },
	});
	const pdf = wf.node(
		'PDF asked?',
		...NODES.IF,
		[col + 4, row],
		condition(`={{ ${query}.format }}`, 'notEquals', 'html'),
	);
	const respond = (name, at, parameters) =>
		wf.node(name, 'n8n-nodes-base.respondToWebhook', 1.1, at, parameters);
	const sendPdf = respond('Send PDF', [col + 5, row - 1], {
		respondWith: 'binary',
		inputDataFieldName: 'data',
		options: {
			responseHeaders: {
				entries: [
					{
						name: 'Content-Disposition',
						value: '=inline; filename="{{ $json.caseId }}.pdf"',
					},
				],
			},
		},
	});
	const sendHtml = respond('Send HTML', [col + 5, row], {
		respondWith: 'text',
		responseBody: '={{ $json.html }}',
		options: {
			responseHeaders: { entries: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }] },
		},
	});
	const missing = respond('No such case', [col + 3, row + 1], {
		respondWith: 'text',
		responseBody: `=No case {{ ${query}.case }}`,
		options: { responseCode: 404 },
	});
	wf.chain(hook, load, found);
	wf.link(found, render, 0);
	wf.link(found, missing, 1);
	wf.link(render, pdf);
	wf.link(pdf, sendPdf, 0);
	wf.link(pdf, sendHtml, 1);
}

/**
 * After D8: the report PDF to the customer, when the case has their address; then `next` (the
 * answer page, shown also when the mail fails: the case is closed either way).
 */
function closureMail(wf, from, [col, row], next) {
	const closed = wf.node('Closed with customer e-mail?', ...NODES.IF, [col, row], {
		...condition(
			"={{ $json.status === 'closed' && !!$json.customerEmail }}",
			'true',
			undefined,
			'boolean',
		),
	});
	const render = wf.node(
		'Render closure report',
		...NODES.GATE,
		[col + 1, row],
		{
			operation: 'renderReport',
			reportField: 'report',
			documentLanguage: "={{ $json.language === 'zh' ? 'zh' : 'en' }}",
			format: 'pdf',
			binaryProperty: 'data',
			options: { images: 'cid' },
		},
		{ onError: 'continueRegularOutput' },
	);
	const send = wf.node(
		'Mail report to customer',
		...NODES.MAIL,
		[col + 2, row],
		{
			...mail({
				to: '={{ $json.customerEmail }}',
				subject: '=8D report {{ $json.caseId }}: closed / 8D 报告已关闭',
				text: [
					'=Dear customer,',
					'',
					'case {{ $json.caseId }} is closed. The 8D report is attached as PDF.',
					'案例 {{ $json.caseId }} 已关闭，8D 报告见附件（PDF）。',
					'',
					'{{ $json.text }}',
				].join('\n'),
				html: '={{ $json.html }}',
			}),
		},
		{ credentials: CREDENTIALS.smtp, onError: 'continueRegularOutput' },
	);
	const parameters = wf.nodes.find((n) => n.name === send).parameters;
	parameters.options = {
		attachments: "={{ $binary['d6-spc-chart'] ? 'd6-spc-chart' : '' }}",
		fileAttachments: 'data',
	};
	wf.link(from, closed);
	wf.link(closed, render, 0);
	wf.link(render, send);
	wf.link(send, next);
	wf.link(closed, next, 1);
}

function build() {
	const wf = new Workflow(
		'qms8dReviewForm',
		'QMS: 8D review form',
		words(
			'Engineers fill in a discipline of an 8D report, one page per discipline; the 8D Gate answers',
			'on the page with advanced or the exact missing items and links the current report.',
		),
	);
	about(
		wf,
		[-1, -7],
		[820, 520],
		[
			'## 8D review form',
			[
				'**What it does:** page 1 asks for the case ID, the discipline (D0 to D8) and the engineer;',
				'page 2 asks for the content of that discipline in English or Chinese: the emergency response,',
				'the team (name; role; department), 5W2H and is / is not, containment with suspect, sorted',
				'and rejected quantities per location and their verification, root causes of occurrence and',
				'escape with 5-Why, 6M category, Ishikawa and verification, permanent actions with owners and',
				'dates, implementation and validation (typed, or the SPC proof of a characteristic), the',
				'documents updated, closure and recognition. *Merge submission into report* maps the answers onto the',
				"8D record; the 8D Gate checks every rule (default rule set or the customer's) and the page",
				'answers **Advanced to Dn** or lists what is missing, with links to the current report (PDF',
				'and HTML, from the *Report requested* webhook). An advance is written with a hash-chained',
				'history entry; a blocked submission is kept as a draft in the case. Closing the case mails',
				'the report PDF to the customer.',
			],
			'',
			[
				'**Configure:** credential *QMS staff (basic auth)* (the login of the form and of the report',
				'webhook), *QMS SMTP* and the sender in **Settings**. Publish and share `/form/qms-8d-review`.',
				`Report: \`GET /webhook/${REPORT_PATH}?case=<id>&format=pdf|html&lang=en|zh\`.`,
			],
			'',
			[
				`**Where data goes:** Data Table \`${TABLES.cases}\`: \`report\` (with history), \`stage\`,`,
				`\`updatedBy\`; closing sets \`status\` and \`closedAt\`. ${SETUP_NOTE}`,
			],
		],
	);
	const trigger = wf.node(
		'8D review form',
		'n8n-nodes-base.formTrigger',
		FORM_VERSION,
		[0, 0],
		{
			formTitle: '8D review',
			formDescription: words(
				'Fill in a discipline of an 8D report: the case and the discipline here, its content on the',
				'next page. / 填写 8D 报告的一个阶段：本页填写案例与阶段，下一页填写内容。',
			),
			formFields: { values: FIRST_PAGE },
			authentication: 'basicAuth',
			options: { path: 'qms-8d-review', buttonLabel: 'Next / 下一步' },
		},
		{ webhookId: uid('qms8dReviewForm/form'), credentials: CREDENTIALS.staff },
	);
	const conf = settings(wf, [1, 0]);
	const load = wf.node(
		'Load case',
		...NODES.DATA_TABLE,
		[2, 0],
		getRows(TABLES.cases, where('caseId', `={{ ${FORM}.caseId.trim() }}`).conditions),
		{ alwaysOutputData: true },
	);
	const found = wf.node(
		'Case found?',
		...NODES.IF,
		[3, 0],
		condition('={{ $json.caseId }}', 'notEmpty'),
	);
	const notFound = wf.node(
		'Page: case not found',
		...NODES.FORM,
		[4, 5],
		ending(
			'Case not found',
			words(
				`=There is no case {{ ${FORM}.caseId }}.`,
				'Check the ID in the acknowledgement mail or the qms_cases table.',
			),
		),
	);
	const merge = codeNode(wf, 'Merge submission into report', [6, 0], {
		template: TEMPLATE,
		program: 'merge-submission',
		mode: 'runOnceForEachItem',
	});
	disciplinePages(wf, found, [4, 0], merge);
	const gate = wf.node('8D Gate', ...NODES.GATE, [7, 0], {
		operation: 'advance',
		reportField: 'report',
		target: '={{ $json.target }}',
		actor: '={{ $json.actor }}',
		ruleSetSource: 'auto',
		language,
		options: { reason: "={{ 'submitted ' + $json.discipline + ' via the 8D review form' }}" },
	});
	const save = wf.node(
		'Save advanced case',
		...NODES.DATA_TABLE,
		[8, -1],
		updateParameters(TABLES.cases, 'caseId', '={{ $json.caseId }}', {
			report: '={{ JSON.stringify($json.report) }}',
			stage: '={{ $json.report.stage }}',
			status: "={{ $json.report.status || 'open' }}",
			closedAt: "={{ $json.report.status === 'closed' ? $now.toISO() : '' }}",
			updatedBy: '={{ $json.actor }}',
		}),
	);
	const draft = wf.node(
		'Keep draft',
		...NODES.DATA_TABLE,
		[8, 1],
		updateParameters(TABLES.cases, 'caseId', '={{ $json.caseId }}', {
			report: '={{ JSON.stringify($json.report) }}',
			updatedBy: '={{ $json.actor }}',
		}),
	);
	const advanced = wf.node(
		'Page: advanced',
		...NODES.FORM,
		[12, -1],
		ending(
			`=Advanced to {{ ${GATE}.advanced.to }}`,
			words(
				`=Case {{ ${GATE}.caseId }} moved from {{ ${GATE}.advanced.from }} to`,
				`{{ ${GATE}.advanced.to }} by {{ ${GATE}.advanced.actor }} at`,
				`{{ ${GATE}.advanced.at }}. The history entry is recorded in the case.\n\n`,
				reportLinks(`${GATE}.caseId`),
			),
		),
	);
	const blocked = wf.node(
		'Page: missing items',
		...NODES.FORM,
		[9, 1],
		ending(
			`=Not advanced: {{ ${GATE}.gate.missing.length }} item(s) missing`,
			words(
				`=Case {{ ${GATE}.caseId }} stays at {{ ${GATE}.gate.current }}.`,
				`To reach {{ ${GATE}.gate.target }} it still needs:\n{{ ${GATE}.gate.summary }}\n\n`,
				'Your answers are kept in the case as a draft.\n\n',
				reportLinks(`${GATE}.caseId`),
			),
		),
	);
	wf.chain(trigger, conf, load, found);
	wf.link(found, notFound, 1);
	wf.link(merge, gate);
	wf.link(gate, save, 0);
	closureMail(wf, save, [9, -1], advanced);
	wf.link(gate, draft, 1);
	wf.link(draft, blocked);
	reportWebhook(wf, [0, 8]);
	return wf;
}

module.exports = { file: '8d-review-form.json', build };
