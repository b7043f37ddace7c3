/**
 * Writes the shipped templates (workflows/*.json) from one description, so the nodes that several
 * templates share (complaint intake, case record, mails) stay the same in each. The JSON files are
 * the product and are committed; run `node workflows/src/build.js` after changing this file.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const out = path.resolve(__dirname, '..');

/** Stable uuid-shaped id from a text (node ids, webhook ids). */
function uid(text) {
	const h = crypto.createHash('sha256').update(text).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Credentials the templates refer to; tests import credentials with these ids. */
const CREDENTIALS = {
	smtp: { smtp: { id: 'qmsSmtpCredential', name: 'QMS SMTP' } },
	imap: { imap: { id: 'qmsImapCredential', name: 'QMS complaint mailbox (IMAP)' } },
	header: { httpHeaderAuth: { id: 'qmsIntakeHeaderAuth', name: 'QMS intake token (header)' } },
	signing: {
		complaintIntakeApi: { id: 'qmsIntakeSigningSecret', name: 'QMS intake signing secret' },
	},
	staff: { httpBasicAuth: { id: 'qmsStaffBasicAuth', name: 'QMS staff (basic auth)' } },
	mcpBearer: { httpBearerAuth: { id: 'qmsMcpBearerToken', name: 'QMS MCP token (bearer)' } },
};

const TABLES = {
	cases: 'qms_cases',
	measurements: 'qms_measurements',
	supplierRows: 'qms_supplier_rows',
};

/** Columns of the Data Tables the templates use (the setup template creates them). */
const COLUMNS = {
	[TABLES.cases]: [
		['caseId', 'string'],
		['source', 'string'],
		['customer', 'string'],
		['customerEmail', 'string'],
		['supplier', 'string'],
		['category', 'string'],
		['severity', 'string'],
		['language', 'string'],
		['stage', 'string'],
		['status', 'string'],
		['text', 'string'],
		['receivedAt', 'string'],
		['responseDueAt', 'string'],
		['d3DueAt', 'string'],
		['d8DueAt', 'string'],
		['closedAt', 'string'],
		['escalation', 'string'],
		['updatedBy', 'string'],
		['report', 'string'],
	],
	[TABLES.measurements]: [
		['characteristic', 'string'],
		['value', 'number'],
		['measuredAt', 'string'],
		['line', 'string'],
		['unit', 'string'],
	],
	[TABLES.supplierRows]: [
		['kind', 'string'],
		['supplier', 'string'],
		['date', 'string'],
		['received', 'number'],
		['rejected', 'number'],
		['promisedDate', 'string'],
		['dueAt', 'string'],
		['respondedAt', 'string'],
		['closedAt', 'string'],
		['severity', 'string'],
		['buyerEmail', 'string'],
	],
};

class Workflow {
	constructor(id, name, description) {
		this.id = id;
		this.name = name;
		this.description = description;
		this.nodes = [];
		this.connections = {};
	}

	/** Adds a node at grid position [col, row]; returns its name. */
	node(name, type, typeVersion, [col, row], parameters, extra = {}) {
		this.nodes.push({
			parameters,
			id: uid(`${this.id}/${name}`),
			name,
			type,
			typeVersion,
			position: [col * 240, row * 200],
			...extra,
		});
		return name;
	}

	/** Connects output `output` of `from` to input 0 of `to`. */
	link(from, to, output = 0) {
		const main = (this.connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: 0 });
	}

	chain(...names) {
		for (let i = 1; i < names.length; i++) this.link(names[i - 1], names[i]);
	}

	sticky(name, [col, row], [width, height], content, color = 7) {
		this.nodes.push({
			parameters: { content, height, width, color },
			id: uid(`${this.id}/${name}`),
			name,
			type: 'n8n-nodes-base.stickyNote',
			typeVersion: 1,
			position: [col * 240, row * 200],
		});
	}

	toJSON() {
		return {
			id: this.id,
			name: this.name,
			description: this.description,
			active: false,
			nodes: this.nodes,
			connections: this.connections,
			settings: { executionOrder: 'v1', saveManualExecutions: true },
			pinData: {},
			meta: { templateCredsSetupCompleted: false },
			tags: [],
		};
	}
}

// ---- node helpers -------------------------------------------------------------------------

const set = (fields, includeOtherFields = true) => ({
	mode: 'manual',
	assignments: {
		assignments: fields.map(([name, value, type = 'string']) => ({
			id: uid(`${name}=${value}`),
			name,
			value,
			type,
		})),
	},
	includeOtherFields,
	options: {},
});

const condition = (leftValue, operation, rightValue, type = 'string') => ({
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
		conditions: [
			{
				id: uid(`${leftValue}${operation}${rightValue}`),
				leftValue,
				rightValue: rightValue ?? '',
				operator:
					rightValue === undefined ? { type, operation, singleValue: true } : { type, operation },
			},
		],
		combinator: 'and',
	},
	looseTypeValidation: true,
	options: {},
});

const table = (name) => ({ __rl: true, mode: 'name', value: name });

const where = (column, value) => ({
	conditions: [{ keyName: column, condition: 'eq', keyValue: value }],
});

/** Data Table insert mapping every listed column from the same field of the item. */
function insertParameters(tableName, columns) {
	return {
		resource: 'row',
		operation: 'insert',
		dataTableId: table(tableName),
		columns: {
			mappingMode: 'defineBelow',
			value: Object.fromEntries(columns.map((c) => [c, `={{ $json.${c} }}`])),
			matchingColumns: [],
			schema: columns.map((c) => {
				const type = COLUMNS[tableName].find(([n]) => n === c)[1];
				return {
					id: c,
					displayName: c,
					required: false,
					defaultMatch: false,
					display: true,
					type,
					readOnly: false,
					removed: false,
				};
			}),
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		},
		options: {},
	};
}

/** Insert, or update the row whose `keyColumn` equals the item's. */
function upsertParameters(tableName, keyColumn, columns) {
	const { dataTableId, columns: mapped } = insertParameters(tableName, columns);
	return {
		resource: 'row',
		operation: 'upsert',
		dataTableId,
		matchType: 'allConditions',
		filters: where(keyColumn, `={{ $json.${keyColumn} }}`),
		columns: mapped,
		options: {},
	};
}

function updateParameters(tableName, keyColumn, keyValue, values) {
	const columns = Object.keys(values);
	return {
		resource: 'row',
		operation: 'update',
		dataTableId: table(tableName),
		matchType: 'allConditions',
		filters: where(keyColumn, keyValue),
		columns: {
			mappingMode: 'defineBelow',
			value: values,
			matchingColumns: [],
			schema: columns.map((c) => {
				const type = COLUMNS[tableName].find(([n]) => n === c)[1];
				return {
					id: c,
					displayName: c,
					required: false,
					defaultMatch: false,
					display: true,
					type,
					readOnly: false,
					removed: false,
				};
			}),
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		},
		options: {},
	};
}

function mail({ to, subject, text, html, attachments }) {
	const parameters = {
		fromEmail: "={{ $('Settings').first().json.senderEmail }}",
		toEmail: to,
		subject,
		emailFormat: html ? 'both' : 'text',
		text,
		options: {},
	};
	if (html) parameters.html = html;
	if (attachments) parameters.options.attachments = attachments;
	return parameters;
}

const MAIL = ['n8n-nodes-base.emailSend', 2.1];
const SET = ['n8n-nodes-base.set', 3.4];
const IF = ['n8n-nodes-base.if', 2.2];
const CODE = ['n8n-nodes-base.code', 2];
const DATA_TABLE = ['n8n-nodes-base.dataTable', 1.1];
const HTTP = ['n8n-nodes-base.httpRequest', 4.2];
const CLASSIFIER = ['n8n-nodes-qms.complaintClassifier', 1];
const GATE = ['n8n-nodes-qms.eightDGate', 1];
const SPC = ['n8n-nodes-qms.spcCheck', 1];
const SCORECARD = ['n8n-nodes-qms.supplierScorecard', 1];
/** The node types and versions above, for template modules (templates/*.js). */
const NODES = { MAIL, SET, IF, CODE, DATA_TABLE, HTTP, CLASSIFIER, GATE, SPC, SCORECARD };

/** The Settings node: addresses and the chat webhook, the only values a team changes. */
function settings(wf, at, extra = []) {
	return wf.node(
		'Settings',
		...SET,
		at,
		set([
			['senderEmail', 'qms@example.com'],
			['qualityEmail', 'quality@example.com'],
			['chatWebhookUrl', ''],
			...extra,
		]),
	);
}

/**
 * A chat post (Slack, Teams, Mattermost, Google Chat incoming webhooks take `{ "text": ... }`),
 * skipped while Settings has no chat webhook URL.
 */
function chatPost(wf, from, [col, row], name, text) {
	const check = wf.node(
		`${name}: chat configured?`,
		...IF,
		[col, row],
		condition("={{ $('Settings').first().json.chatWebhookUrl }}", 'notEmpty'),
	);
	const post = wf.node(
		name,
		...HTTP,
		[col + 1, row],
		{
			method: 'POST',
			url: "={{ $('Settings').first().json.chatWebhookUrl }}",
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ text: ${text} }) }}`,
			options: { timeout: 10000 },
		},
		{ onError: 'continueRegularOutput' },
	);
	wf.link(from, check);
	wf.link(check, post, 0);
	return post;
}

const CASE_COLUMNS = COLUMNS[TABLES.cases].map(([c]) => c);

/**
 * Complaint intake shared by the mail, webhook and chat templates: from an item with `text`,
 * `customer`, `customerEmail`, `channel` to a saved case record. Returns the name of the node
 * whose output is the saved case (the Case record item, paired). `reportId` fixes the 8D report's
 * id (the case id) and makes saving an upsert on it, so a complaint run again updates its case.
 */
function intake(
	wf,
	from,
	[col, row],
	{ classifierOptions = { receivedAt: '={{ $now.toISO() }}' }, reportId } = {},
) {
	const classify = wf.node('Complaint Classifier', ...CLASSIFIER, [col, row], {
		operation: 'classify',
		text: '={{ $json.text }}',
		routing: 'single',
		taxonomy: 'default',
		summary: false,
		options: classifierOptions,
	});
	const forReport = wf.node(
		'Complaint for 8D',
		...SET,
		[col + 1, row],
		set([
			[
				'intake',
				'={{ { ...$json.complaint, text: $json.text, customer: $json.customer || undefined, receivedAt: $json.complaint.deadline ? $json.complaint.deadline.receivedAt : undefined } }}',
				'object',
			],
		]),
	);
	const open = wf.node('Open 8D report', ...GATE, [col + 2, row], {
		operation: 'openFromComplaint',
		complaintField: 'intake',
		outputField: 'report',
		profile: 'default',
		options: reportId ? { id: reportId } : {},
	});
	const record = wf.node(
		'Case record',
		...SET,
		[col + 3, row],
		set(
			[
				['caseId', '={{ $json.report.id }}'],
				['source', '={{ $json.channel }}'],
				['customer', "={{ $json.customer || '' }}"],
				['customerEmail', "={{ $json.customerEmail || '' }}"],
				['supplier', ''],
				['category', '={{ $json.complaint.category }}'],
				['severity', '={{ $json.complaint.severity }}'],
				['language', '={{ $json.complaint.language }}'],
				['stage', '={{ $json.report.stage }}'],
				['status', 'open'],
				['text', '={{ $json.text }}'],
				['receivedAt', '={{ $json.report.openedAt }}'],
				['responseDueAt', "={{ $json.complaint.deadline ? $json.complaint.deadline.dueAt : '' }}"],
				['d3DueAt', "={{ $json.report.deadlines.D3 || '' }}"],
				['d8DueAt', "={{ $json.report.deadlines.D8 || '' }}"],
				['closedAt', ''],
				['escalation', ''],
				['updatedBy', "={{ 'intake:' + $json.channel }}"],
				['report', '={{ JSON.stringify($json.report) }}'],
			],
			false,
		),
	);
	const save = wf.node(
		'Save case',
		...DATA_TABLE,
		[col + 4, row],
		reportId
			? upsertParameters(TABLES.cases, 'caseId', CASE_COLUMNS)
			: insertParameters(TABLES.cases, CASE_COLUMNS),
	);
	wf.chain(from, classify, forReport, open, record, save);
	return { save, record };
}

/** Critical complaints: escalation mail and chat post, right away. */
function escalateCritical(wf, from, [col, row]) {
	const critical = wf.node(
		'Critical?',
		...IF,
		[col, row],
		condition("={{ $('Case record').item.json.severity }}", 'equals', 'critical'),
	);
	const escalation = wf.node(
		'Escalation mail',
		...MAIL,
		[col + 1, row],
		mail({
			to: "={{ $('Settings').first().json.qualityEmail }}",
			subject:
				"=[CRITICAL] {{ $('Case record').item.json.caseId }}: {{ $('Case record').item.json.category }} complaint from {{ $('Case record').item.json.customer || 'unknown customer' }}",
			text: "=A critical complaint arrived and case {{ $('Case record').item.json.caseId }} was opened.\n\nCustomer: {{ $('Case record').item.json.customer }}\nCategory: {{ $('Case record').item.json.category }}\nContainment (D3) due: {{ $('Case record').item.json.d3DueAt }}\n\n{{ $('Case record').item.json.text }}",
		}),
		{ credentials: CREDENTIALS.smtp },
	);
	wf.link(from, critical);
	wf.link(critical, escalation, 0);
	chatPost(
		wf,
		critical,
		[col + 1, row + 1],
		'Escalation chat',
		"'🔴 Critical complaint ' + $('Case record').item.json.caseId + ' (' + $('Case record').item.json.category + ') from ' + ($('Case record').item.json.customer || 'unknown') + ': ' + $('Case record').item.json.text.slice(0, 200)",
	);
	return critical;
}

function acknowledge(wf, from, [col, row]) {
	const has = wf.node(
		'Customer e-mail known?',
		...IF,
		[col, row],
		condition("={{ $('Case record').item.json.customerEmail }}", 'notEmpty'),
	);
	const ack = wf.node(
		'Acknowledge customer',
		...MAIL,
		[col + 1, row],
		mail({
			to: "={{ $('Case record').item.json.customerEmail }}",
			subject:
				"=Your complaint is registered as {{ $('Case record').item.json.caseId }} / 您的投诉已登记",
			text: "=Dear customer,\n\nthank you for your message. We registered it as case {{ $('Case record').item.json.caseId }} ({{ $('Case record').item.json.category }}, {{ $('Case record').item.json.severity }}).\nYou will hear from us by {{ $('Case record').item.json.responseDueAt }}; containment actions are due by {{ $('Case record').item.json.d3DueAt }}.\n\n感谢您的反馈。您的投诉编号为 {{ $('Case record').item.json.caseId }}，我们将在 {{ $('Case record').item.json.responseDueAt }} 前答复。\n\nQuality team",
		}),
		{ credentials: CREDENTIALS.smtp },
	);
	wf.link(from, has);
	wf.link(has, ack, 0);
}

const setupNote = `Needs the Data Tables of the **QMS setup: data tables** template (publish it once; it creates \`${TABLES.cases}\`, \`${TABLES.measurements}\` and \`${TABLES.supplierRows}\`).`;

// ---- 0: setup -----------------------------------------------------------------------------

function setupTemplate() {
	const wf = new Workflow(
		'qmsSetupDataTables',
		'QMS setup: data tables',
		'Creates the Data Tables the QMS templates use.',
	);
	wf.sticky(
		'About',
		[-1, -2],
		[560, 380],
		[
			'## QMS setup: data tables',
			'**What it does:** creates the three n8n Data Tables the other QMS templates read and write, if they do not exist yet:',
			`- \`${TABLES.cases}\`: one row per complaint / SPC / SCAR case with its 8D report (JSON) and deadlines`,
			`- \`${TABLES.measurements}\`: measurements for the SPC monitor`,
			`- \`${TABLES.supplierRows}\`: receipts, deliveries, SCARs and complaints per supplier for the scorecard`,
			'',
			'**Configure:** nothing. **Publish** this workflow once: it runs when published and at every start of n8n, and leaves existing tables (and their rows) alone.',
			'',
			'**Team option:** keep cases in Postgres instead: replace the Data table nodes of the templates with Postgres nodes on a table with the same columns.',
		].join('\n'),
		4,
	);
	const trigger = wf.node('When published or n8n starts', 'n8n-nodes-base.n8nTrigger', 1, [0, 0], {
		events: ['activate', 'init'],
	});
	let previous = trigger;
	Object.entries(COLUMNS).forEach(([name, columns], i) => {
		const created = wf.node(
			`Create ${name}`,
			...DATA_TABLE,
			[1 + i, 0],
			{
				resource: 'table',
				operation: 'create',
				tableName: name,
				columns: { column: columns.map(([n, type]) => ({ name: n, type })) },
				options: { createIfNotExists: true },
			},
			{ executeOnce: true },
		);
		wf.link(previous, created);
		previous = created;
	});
	return wf;
}

// ---- 1: complaint to CAPA (mail) and its webhook variant ----------------------------------------

function complaintMailTemplate() {
	const wf = new Workflow(
		'qmsComplaintToCapaMail',
		'QMS: complaint to CAPA (mail)',
		'Complaint mails become classified cases with an 8D report, acknowledgement and escalation; a schedule escalates overdue 8D deadlines.',
	);
	wf.sticky(
		'About',
		[-1, -3],
		[760, 380],
		[
			'## Complaint to CAPA (mail)',
			'**What it does:** every complaint mail in the mailbox is classified (category, severity, evidence, response deadline; Chinese and English), an 8D report is opened with containment, root-cause and closure deadlines, the case is saved, the customer gets an acknowledgement with the case ID, and critical complaints are escalated at once by mail and chat. Every hour the open cases are checked against their 8D deadlines; overdue ones escalate by level (owner, manager, director), once per level.',
			'',
			'**Configure:** credentials *QMS complaint mailbox (IMAP)* and *QMS SMTP*; the addresses and the chat webhook URL (Slack / Teams / Mattermost incoming webhook, empty = no chat) in **Settings** and **Deadline settings**.',
			'',
			`**Where data goes:** Data Table \`${TABLES.cases}\` (one row per case; the full 8D report with its audited history in \`report\`). ${setupNote}`,
		].join('\n'),
		4,
	);
	const trigger = wf.node(
		'Complaint mail',
		'n8n-nodes-base.emailReadImap',
		2.1,
		[0, 0],
		{
			mailbox: 'INBOX',
			postProcessAction: 'read',
			format: 'simple',
			options: {},
		},
		{ credentials: CREDENTIALS.imap },
	);
	const conf = settings(wf, [1, 0]);
	const fields = wf.node(
		'Complaint fields',
		...SET,
		[2, 0],
		set(
			[
				['text', "={{ ($json.subject || '') + '\\n' + ($json.textPlain || $json.text || '') }}"],
				[
					'customer',
					"={{ String($json.from || '').replace(/\\s*<[^>]*>\\s*/, '').replace(/\"/g, '').trim() || String($json.from || '') }}",
				],
				[
					'customerEmail',
					"={{ (String($json.from || '').match(/[^<\\s]+@[^>\\s]+/) || [''])[0] }}",
				],
				['channel', 'mail'],
			],
			false,
		),
	);
	wf.chain(trigger, conf, fields);
	const { save } = intake(wf, fields, [3, 0]);
	acknowledge(wf, save, [8, -1]);
	escalateCritical(wf, save, [8, 1]);
	deadlineBranch(wf, [0, 4]);
	return wf;
}

/** The schedule that checks open 8D reports against their deadlines and escalates by level. */
function deadlineBranch(wf, [col, row]) {
	wf.sticky(
		'Deadlines',
		[col - 1, row - 1],
		[760, 160],
		"### Deadline check\nEvery hour: open cases -> 8D Gate *Check Deadlines* (the report's own due dates). An overdue case mails the person of its escalation level (Deadline settings: owner = quality, then manager, then director) and records the level, so each level is mailed once.",
		6,
	);
	const trigger = wf.node('Every hour', 'n8n-nodes-base.scheduleTrigger', 1.2, [col, row], {
		rule: { interval: [{ field: 'hours', hoursInterval: 1 }] },
	});
	const conf = wf.node(
		'Deadline settings',
		...SET,
		[col + 1, row],
		set([
			['senderEmail', 'qms@example.com'],
			['qualityEmail', 'quality@example.com'],
			['managerEmail', 'quality-manager@example.com'],
			['directorEmail', 'quality-director@example.com'],
		]),
	);
	const cases = wf.node(
		'Open cases',
		...DATA_TABLE,
		[col + 2, row],
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table(TABLES.cases),
			matchType: 'allConditions',
			filters: {
				conditions: [
					{ keyName: 'status', condition: 'eq', keyValue: 'open' },
					{ keyName: 'report', condition: 'isNotEmpty' },
				],
			},
			returnAll: true,
		},
		{ executeOnce: true },
	);
	const check = wf.node('Check 8D deadlines', ...GATE, [col + 3, row], {
		operation: 'checkDeadlines',
		reportField: 'report',
		profileSource: 'report',
		options: {},
	});
	const changed = wf.node(
		'New escalation level?',
		...IF,
		[col + 4, row + 1],
		condition('={{ $json.escalation }}', 'notEquals', '={{ $json.deadlines.escalation }}'),
	);
	const recipient =
		"{{ { owner: $('Deadline settings').first().json.qualityEmail, manager: $('Deadline settings').first().json.managerEmail, director: $('Deadline settings').first().json.directorEmail }[$json.deadlines.escalation] || $('Deadline settings').first().json.qualityEmail }}";
	const escalate = wf.node(
		'Escalate overdue case',
		...MAIL,
		[col + 5, row + 1],
		{
			fromEmail: "={{ $('Deadline settings').first().json.senderEmail }}",
			toEmail: `=${recipient}`,
			subject: '=[8D overdue: {{ $json.deadlines.escalation }}] {{ $json.caseId }}',
			emailFormat: 'text',
			text: "=Case {{ $json.caseId }} ({{ $json.category }}, {{ $json.severity }}, customer {{ $json.customer }}) is overdue.\n\n{{ $json.deadlines.overdue.map(o => o.discipline + ' was due ' + o.dueAt + ' (' + Math.round(o.by) + ' h late)').join('\\n') }}\n\nEscalation level: {{ $json.deadlines.escalation }}",
			options: {},
		},
		{ credentials: CREDENTIALS.smtp },
	);
	const record = wf.node(
		'Record escalation',
		...DATA_TABLE,
		[col + 6, row + 1],
		updateParameters(TABLES.cases, 'caseId', "={{ $('New escalation level?').item.json.caseId }}", {
			escalation: "={{ $('New escalation level?').item.json.deadlines.escalation }}",
			updatedBy: 'deadline-check',
		}),
	);
	wf.chain(trigger, conf, cases, check);
	wf.link(check, changed, 2);
	wf.link(changed, escalate, 0);
	wf.link(escalate, record);
}

function complaintWebhookTemplate() {
	const wf = new Workflow(
		'qmsComplaintIntakeWebhook',
		'QMS: complaint intake (webhook)',
		'Complaints pushed by portals and CRMs, signed with HMAC-SHA256, become classified cases with an 8D report; the answer is 202 with the case ID.',
	);
	wf.sticky(
		'About',
		[-1, -3],
		[760, 440],
		[
			'## Complaint intake (webhook)',
			'**What it does:** the same intake as *Complaint to CAPA (mail)*, for portals, CRMs and forms that push JSON: `POST /webhook/qms/complaints` with `{ "messageId": "crm-4711", "text": "...", "customer": "...", "contact": "buyer@example.com", "tier": "vip" }`, signed (headers `X-QMS-Timestamp`: Unix seconds, `X-QMS-Signature`: `sha256=` + hex HMAC-SHA256 of `timestamp.body` with the shared secret). The **Complaint Intake** trigger refuses unsigned, tampered or stale calls (401) and bad payloads (4xx naming the field), answers **202** `{ caseId }` at once; the same message ID always gets the same case ID. A complaint whose case exists already stops at *New case?*, so retries and resends never open a second case or mail twice, and a resend after a failed run completes it. New complaints are classified, an 8D report opened under the case ID and saved, the customer (`contact`) acknowledged with the deadlines, critical ones escalated.',
			'',
			'**Configure:** credentials *QMS intake signing secret* (the secret you share with the sender; during rotation put the old one in *Previous Secret*) and *QMS SMTP*; addresses and chat webhook URL in **Settings**. Tiers: `vip`, `key`, `standard` (default). The deadline check runs in the mail template.',
			'',
			`**Where data goes:** Data Table \`${TABLES.cases}\` (source \`webhook\`), one row per case ID (an upsert on it, so two deliveries racing each other still leave one row). ${setupNote}`,
		].join('\n'),
		4,
	);
	const trigger = wf.node(
		'Complaint Intake',
		'n8n-nodes-qms.complaintIntake',
		1,
		[0, 0],
		{
			path: 'qms/complaints',
			// Every delivery runs and the case table decides what is new, so a sender can resend what a
			// failed run (a worker that died) never saved; the trigger's own memory would answer "duplicate".
			options: { rememberIds: 0 },
		},
		{ webhookId: uid('qmsComplaintIntakeWebhook/webhook'), credentials: CREDENTIALS.signing },
	);
	const conf = settings(wf, [1, 0]);
	const fields = wf.node(
		'Complaint fields',
		...SET,
		[2, 0],
		set(
			[
				['caseId', "={{ $('Complaint Intake').item.json.caseId }}"],
				['text', "={{ $('Complaint Intake').item.json.text }}"],
				['customer', "={{ $('Complaint Intake').item.json.customer || '' }}"],
				['customerEmail', "={{ $('Complaint Intake').item.json.contact || '' }}"],
				['tier', "={{ $('Complaint Intake').item.json.tier || 'standard' }}"],
				['receivedAt', "={{ $('Complaint Intake').item.json.receivedAt }}"],
				['channel', 'webhook'],
			],
			false,
		),
	);
	// A complaint delivered again (a sender's retry, or a resend after a failed run) opens no second
	// case and sends no second acknowledgement: the case ID derives from the message ID.
	const fresh = wf.node('New case?', ...DATA_TABLE, [3, 0], {
		resource: 'row',
		operation: 'rowNotExists',
		dataTableId: table(TABLES.cases),
		matchType: 'allConditions',
		filters: where('caseId', '={{ $json.caseId }}'),
	});
	wf.chain(trigger, conf, fields, fresh);
	const { save } = intake(wf, fresh, [4, 0], {
		classifierOptions: { receivedAt: '={{ $json.receivedAt }}', tier: '={{ $json.tier }}' },
		reportId: "={{ $('Complaint fields').item.json.caseId }}",
	});
	acknowledge(wf, save, [9, -1]);
	escalateCritical(wf, save, [9, 1]);
	return wf;
}

// ---- 2: chat escalation -------------------------------------------------------------------

function chatTemplate() {
	const wf = new Workflow(
		'qmsChatEscalation',
		'QMS: chat escalation',
		'A chat message is classified, opens a case, and the chat answers with case ID, category and deadline; critical ones escalate.',
	);
	wf.sticky(
		'About',
		[-1, -3],
		[760, 380],
		[
			'## Chat escalation',
			'**What it does:** anyone (field service, sales, a customer portal) types a complaint into the n8n chat. It is classified, an 8D report is opened and saved as a case, and the chat answers with the case ID, category, severity and the response deadline. Critical complaints are escalated at once by mail and chat post.',
			'',
			'**Configure:** credentials *QMS SMTP* and *QMS staff (basic auth)* (the user name and password people type to open the chat; the chat is not open to the public); addresses and chat webhook URL in **Settings**. Publish the workflow and share the chat URL of the trigger. **Slack / Teams:** replace the Chat Trigger with a Slack Trigger (message event) or a Teams Trigger and map the message text to `text` in *Complaint fields*; answer with a Slack / Teams node instead of *Chat answer*.',
			'',
			`**Where data goes:** Data Table \`${TABLES.cases}\` (source \`chat\`). ${setupNote}`,
		].join('\n'),
		4,
	);
	const trigger = wf.node(
		'Complaint chat',
		'@n8n/n8n-nodes-langchain.chatTrigger',
		1.1,
		[0, 0],
		{
			public: true,
			mode: 'hostedChat',
			authentication: 'basicAuth',
			initialMessages:
				'Describe the quality problem (part, lot, what happened). 请描述质量问题（零件、批次、发生了什么）。',
			options: {
				responseMode: 'responseNode',
				title: 'Quality complaint',
				subtitle: 'A case is opened for every message',
			},
		},
		{ webhookId: uid('qmsChatEscalation/chat'), credentials: CREDENTIALS.staff },
	);
	const conf = settings(wf, [1, 0]);
	const fields = wf.node(
		'Complaint fields',
		...SET,
		[2, 0],
		set(
			[
				['text', '={{ $json.chatInput }}'],
				['customer', "={{ 'chat ' + $json.sessionId }}"],
				['customerEmail', ''],
				['channel', 'chat'],
			],
			false,
		),
	);
	wf.chain(trigger, conf, fields);
	const { save } = intake(wf, fields, [3, 0]);
	const answer = wf.node('Chat answer', 'n8n-nodes-base.respondToWebhook', 1.1, [8, -1], {
		respondWith: 'json',
		responseBody:
			"={{ JSON.stringify({ output: 'Case ' + $('Case record').item.json.caseId + ' opened: ' + $('Case record').item.json.category + ', ' + $('Case record').item.json.severity + '. We answer by ' + $('Case record').item.json.responseDueAt + '.' + ($('Case record').item.json.severity === 'critical' ? ' The quality team has been alerted.' : ''), caseId: $('Case record').item.json.caseId }) }}",
		options: {},
	});
	wf.link(save, answer);
	escalateCritical(wf, answer, [9, 1]);
	return wf;
}

// ---- 3: 8D review form --------------------------------------------------------------------

const MERGE_SUBMISSION = `// Merges what the engineer submitted into the case's 8D report and picks the gate target.
const row = $json;
const form = $('8D review form').first().json;
const report = JSON.parse(row.report);
const discipline = form['Discipline'];
const lines = (text) => String(text || '').split(/\\r?\\n/).map((l) => l.trim()).filter(Boolean);
report.disciplines = report.disciplines || {};
const section = (report.disciplines[discipline] = report.disciplines[discipline] || {});
if (discipline === 'D0') {
  const needed = form['Emergency response needed?'] === 'Yes';
  section.emergencyResponse = { needed, actions: lines(form['Actions (one per line)']).map((description) => ({ description })) };
}
if (discipline === 'D1') {
  section.team = lines(form['Team members (one per line: name, role)']).map((line) => {
    const [name, role] = line.split(/[,，]/).map((s) => s.trim());
    return role ? { name, role: role.toLowerCase() } : { name };
  });
}
if (discipline === 'D2' && form['Problem statement']) section.problemStatement = form['Problem statement'];
if (form['More content (JSON, optional)']) {
  let extra;
  try { extra = JSON.parse(form['More content (JSON, optional)']); } catch (e) { throw new Error('More content is not valid JSON: ' + e.message); }
  Object.assign(section, extra);
}
const next = discipline === 'D8' ? 'closed' : 'D' + (Number(discipline.slice(1)) + 1);
return { json: { caseId: row.caseId, actor: form['Your name'], discipline, target: next, report } };`;

function formTemplate() {
	const wf = new Workflow(
		'qms8dReviewForm',
		'QMS: 8D review form',
		'Engineers submit a discipline of an 8D report; the 8D Gate answers on the page with advanced or the exact missing items.',
	);
	wf.sticky(
		'About',
		[-1, -3],
		[760, 400],
		[
			'## 8D review form',
			"**What it does:** an engineer opens the form, enters the case ID and the discipline they finished (D0 to D8) with its content. The 8D Gate checks every rule of that discipline (default rule set or the customer's); the page answers **Advanced to Dn** or lists exactly what is missing. An advance is written to the case with a hash-chained history entry (who, when, from, to), so the audit trail can be verified later with *Verify History*.",
			'',
			"**Configure:** credential *QMS staff (basic auth)*: the user name and password engineers type to open the form (it is not open to the public). Publish and share the form URL (`/form/qms-8d-review`). Structured content (D3 actions, D4 root causes ...) goes into the JSON field; the engine's messages tell the field names.",
			'',
			`**Where data goes:** Data Table \`${TABLES.cases}\`: \`report\` (with history), \`stage\`, \`updatedBy\`; closing sets \`status\` and \`closedAt\`. ${setupNote}`,
		].join('\n'),
		4,
	);
	const trigger = wf.node(
		'8D review form',
		'n8n-nodes-base.formTrigger',
		2.2,
		[0, 0],
		{
			formTitle: '8D review',
			formDescription:
				'Submit a finished discipline of an 8D report. The gate answers with "advanced" or the exact missing items.',
			formFields: {
				values: [
					{ fieldLabel: 'Case ID', placeholder: '8D-20260301-1a2b3c4d', requiredField: true },
					{
						fieldLabel: 'Discipline',
						fieldType: 'dropdown',
						fieldOptions: {
							values: ['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'].map((option) => ({
								option,
							})),
						},
						requiredField: true,
					},
					{ fieldLabel: 'Your name', requiredField: true },
					{
						fieldLabel: 'Emergency response needed?',
						fieldType: 'dropdown',
						fieldOptions: { values: [{ option: 'No' }, { option: 'Yes' }] },
					},
					{ fieldLabel: 'Actions (one per line)', fieldType: 'textarea' },
					{
						fieldLabel: 'Team members (one per line: name, role)',
						fieldType: 'textarea',
						placeholder: 'Li Na, champion',
					},
					{ fieldLabel: 'Problem statement', fieldType: 'textarea' },
					{
						fieldLabel: 'More content (JSON, optional)',
						fieldType: 'textarea',
						placeholder: '{ "actions": [ ... ] }',
					},
				],
			},
			authentication: 'basicAuth',
			responseMode: 'lastNode',
			options: { path: 'qms-8d-review', buttonLabel: 'Submit to the gate' },
		},
		{ webhookId: uid('qms8dReviewForm/form'), credentials: CREDENTIALS.staff },
	);
	const load = wf.node(
		'Load case',
		...DATA_TABLE,
		[1, 0],
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table(TABLES.cases),
			matchType: 'allConditions',
			filters: where('caseId', "={{ $json['Case ID'].trim() }}"),
			returnAll: true,
		},
		{ alwaysOutputData: true },
	);
	const found = wf.node('Case found?', ...IF, [2, 0], condition('={{ $json.caseId }}', 'notEmpty'));
	const notFound = wf.node('Unknown case', 'n8n-nodes-base.form', 1, [3, 1], {
		operation: 'completion',
		respondWith: 'text',
		completionTitle: 'Case not found',
		completionMessage:
			"=There is no case {{ $('8D review form').first().json['Case ID'] }}. Check the ID in the acknowledgement mail or the qms_cases table.",
		options: {},
	});
	const merge = wf.node('Merge submission', ...CODE, [3, 0], {
		mode: 'runOnceForEachItem',
		jsCode: MERGE_SUBMISSION,
	});
	const gate = wf.node('8D Gate', ...GATE, [4, 0], {
		operation: 'advance',
		reportField: 'report',
		target: '={{ $json.target }}',
		actor: '={{ $json.actor }}',
		ruleSetSource: 'auto',
		language: 'en',
		options: { reason: "={{ 'submitted ' + $json.discipline + ' via the 8D review form' }}" },
	});
	const save = wf.node(
		'Update case',
		...DATA_TABLE,
		[5, -1],
		updateParameters(TABLES.cases, 'caseId', '={{ $json.caseId }}', {
			report: '={{ JSON.stringify($json.report) }}',
			stage: '={{ $json.report.stage }}',
			status: "={{ $json.report.status || 'open' }}",
			closedAt: "={{ $json.report.status === 'closed' ? $now.toISO() : '' }}",
			updatedBy: '={{ $json.actor }}',
		}),
	);
	const advanced = wf.node('Advanced', 'n8n-nodes-base.form', 1, [6, -1], {
		operation: 'completion',
		respondWith: 'text',
		completionTitle: "=Advanced to {{ $('8D Gate').item.json.advanced.to }}",
		completionMessage:
			"=Case {{ $('8D Gate').item.json.caseId }} moved from {{ $('8D Gate').item.json.advanced.from }} to {{ $('8D Gate').item.json.advanced.to }} by {{ $('8D Gate').item.json.advanced.actor }} at {{ $('8D Gate').item.json.advanced.at }}. The history entry is recorded in the case.",
		options: {},
	});
	const blocked = wf.node('Blocked', 'n8n-nodes-base.form', 1, [5, 1], {
		operation: 'completion',
		respondWith: 'text',
		completionTitle: '=Not advanced: {{ $json.gate.missing.length }} item(s) missing',
		completionMessage:
			'=Case {{ $json.caseId }} stays at {{ $json.gate.current }}. To reach {{ $json.gate.target }} it still needs:\n{{ $json.gate.summary }}',
		options: {},
	});
	wf.chain(trigger, load, found);
	wf.link(found, merge, 0);
	wf.link(found, notFound, 1);
	wf.link(merge, gate);
	wf.link(gate, save, 0);
	wf.link(save, advanced);
	wf.link(gate, blocked, 1);
	return wf;
}

// ---- 4: SPC monitor -----------------------------------------------------------------------

const GROUP_SERIES = `// One item per characteristic with its values in time order (the last 100 points).
const byCharacteristic = new Map();
const rows = $input.all().map((i) => i.json).filter((r) => r.characteristic && r.value !== null && r.value !== undefined);
rows.sort((a, b) => String(a.measuredAt).localeCompare(String(b.measuredAt)) || a.id - b.id);
for (const r of rows) {
  const list = byCharacteristic.get(r.characteristic) || [];
  list.push(r);
  byCharacteristic.set(r.characteristic, list);
}
return [...byCharacteristic.entries()].map(([characteristic, list]) => {
  const last = list.slice(-100);
  return { json: { characteristic, line: last[last.length - 1].line || '', unit: last[last.length - 1].unit || '', values: last.map((r) => Number(r.value)), lastMeasuredAt: last[last.length - 1].measuredAt } };
});`;

function spcTemplate() {
	const wf = new Workflow(
		'qmsSpcMonitor',
		'QMS: SPC monitor',
		'Control charts on every characteristic; an out-of-control signal opens a CAPA case and mails the chart.',
	);
	wf.sticky(
		'About',
		[-1, -3],
		[760, 380],
		[
			'## SPC monitor',
			"**What it does:** every hour (or when a machine / MES posts new measurements to `POST /webhook/qms/measurements`), each characteristic's last 100 measurements go through SPC Check (I-MR chart, Nelson rules). An out-of-control characteristic opens a CAPA case with an 8D report (once per characteristic and day) and mails the findings with the control chart as PNG.",
			'',
			'**Configure:** credentials *QMS SMTP* and *QMS intake token (header)* (for the webhook); addresses in **Settings**; chart type and rules in *SPC Check*. Webhook body: `{ "measurements": [ { "characteristic": "bore-diameter", "value": 12.01, "measuredAt": "2026-03-01T08:00:00Z", "line": "L1", "unit": "mm" } ] }`.',
			'',
			`**Where data goes:** measurements in \`${TABLES.measurements}\`, cases in \`${TABLES.cases}\` (source \`spc\`). ${setupNote}`,
		].join('\n'),
		4,
	);
	const schedule = wf.node('Every hour', 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 0], {
		rule: { interval: [{ field: 'hours', hoursInterval: 1 }] },
	});
	const hook = wf.node(
		'Measurements posted',
		'n8n-nodes-base.webhook',
		2.1,
		[0, 1],
		{
			httpMethod: 'POST',
			path: 'qms/measurements',
			authentication: 'headerAuth',
			responseMode: 'onReceived',
			options: {},
		},
		{ webhookId: uid('qmsSpcMonitor/webhook'), credentials: CREDENTIALS.header },
	);
	const split = wf.node('One item per measurement', 'n8n-nodes-base.splitOut', 1, [1, 1], {
		fieldToSplitOut: 'body.measurements',
		options: {},
	});
	const store = wf.node(
		'Store measurements',
		...DATA_TABLE,
		[2, 1],
		insertParameters(TABLES.measurements, [
			'characteristic',
			'value',
			'measuredAt',
			'line',
			'unit',
		]),
	);
	const conf = settings(wf, [3, 0]);
	wf.nodes.find((n) => n.name === conf).executeOnce = true;
	const load = wf.node(
		'All measurements',
		...DATA_TABLE,
		[4, 0],
		{ resource: 'row', operation: 'get', dataTableId: table(TABLES.measurements), returnAll: true },
		{ executeOnce: true },
	);
	const group = wf.node('Series per characteristic', ...CODE, [5, 0], {
		mode: 'runOnceForAllItems',
		jsCode: GROUP_SERIES,
	});
	const spc = wf.node('SPC Check', ...SPC, [6, 0], {
		operation: 'perItem',
		seriesField: 'values',
		chartType: 'imr',
		rulePreset: 'nelson',
		chartImage: 'png',
		options: { title: "={{ $json.characteristic + (' (' + $json.unit + ')') }}" },
	});
	const caseId = wf.node(
		'CAPA case ID',
		...SET,
		[7, 1],
		set([['caseId', "={{ 'SPC-' + $json.characteristic + '-' + $now.toFormat('yyyyMMdd') }}"]]),
	);
	const fresh = wf.node('No case today yet?', ...DATA_TABLE, [8, 1], {
		resource: 'row',
		operation: 'rowNotExists',
		dataTableId: table(TABLES.cases),
		filters: where('caseId', '={{ $json.caseId }}'),
	});
	const forReport = wf.node(
		'Finding as complaint',
		...SET,
		[9, 1],
		set([
			[
				'intake',
				"={{ { text: 'SPC signal on ' + $json.characteristic + (\$json.line ? ' (line ' + $json.line + ')' : '') + ': ' + $json.spc.summary, customer: 'internal: SPC', category: 'production', severity: 'major' } }}",
				'object',
			],
		]),
	);
	const open = wf.node('Open 8D report', ...GATE, [10, 1], {
		operation: 'openFromComplaint',
		complaintField: 'intake',
		outputField: 'report',
		profile: 'default',
		options: { id: '={{ $json.caseId }}', actor: 'spc-monitor' },
	});
	const record = wf.node(
		'Case record',
		...SET,
		[11, 1],
		set(
			[
				['caseId', '={{ $json.caseId }}'],
				['source', 'spc'],
				['customer', 'internal: SPC'],
				['customerEmail', ''],
				['supplier', ''],
				['category', 'production'],
				['severity', 'major'],
				['language', 'en'],
				['stage', '={{ $json.report.stage }}'],
				['status', 'open'],
				['text', '={{ $json.intake.text }}'],
				['receivedAt', '={{ $json.report.openedAt }}'],
				['responseDueAt', ''],
				['d3DueAt', "={{ $json.report.deadlines.D3 || '' }}"],
				['d8DueAt', "={{ $json.report.deadlines.D8 || '' }}"],
				['closedAt', ''],
				['escalation', ''],
				['updatedBy', 'spc-monitor'],
				['report', '={{ JSON.stringify($json.report) }}'],
			],
			false,
		),
	);
	const save = wf.node(
		'Save case',
		...DATA_TABLE,
		[12, 1],
		insertParameters(TABLES.cases, CASE_COLUMNS),
	);
	const mailChart = wf.node(
		'Mail chart',
		...MAIL,
		[9, 2],
		mail({
			to: "={{ $('Settings').first().json.qualityEmail }}",
			subject: '=[SPC] {{ $json.characteristic }} out of control: case {{ $json.caseId }}',
			text: "=Characteristic {{ $json.characteristic }}{{ $json.line ? ' on line ' + $json.line : '' }} is out of control ({{ $json.spc.pointCount }} points, I-MR chart, center {{ $json.spc.center.toFixed(4) }}, sigma {{ $json.spc.sigma.toFixed(4) }}).\n\n{{ $json.spc.summary }}\n\nCase {{ $json.caseId }} with an 8D report was opened. The control chart is attached.",
			attachments: 'chartPng',
		}),
		{ credentials: CREDENTIALS.smtp },
	);
	wf.link(schedule, conf);
	wf.chain(hook, split, store);
	wf.link(store, conf);
	wf.chain(conf, load, group, spc);
	wf.link(spc, caseId, 1);
	wf.chain(caseId, fresh);
	wf.link(fresh, mailChart);
	wf.link(fresh, forReport);
	wf.chain(forReport, open, record, save);
	return wf;
}

// ---- 5: weekly supplier scorecard ---------------------------------------------------------

const PER_BUYER = `// One item per buyer with the scorecards of their suppliers (buyer = buyerEmail of the supplier's rows).
const settings = $('Settings').first().json;
const buyerOf = new Map();
for (const { json: row } of $('Supplier rows').all()) if (row.buyerEmail) buyerOf.set(row.supplier, row.buyerEmail);
const byBuyer = new Map();
for (const { json: card } of $input.all()) {
  if (card.error) continue;
  const buyer = buyerOf.get(card.supplier) || settings.purchasingEmail;
  byBuyer.set(buyer, [...(byBuyer.get(buyer) || []), card]);
}
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colors = { A: '#2e7d32', B: '#558b2f', C: '#ef6c00', D: '#c62828' };
return [...byBuyer.entries()].map(([buyerEmail, cards]) => {
  cards.sort((a, b) => a.score - b.score);
  const rows = cards.map((c) => '<tr><td style="padding:4px 8px">' + esc(c.supplier) + '</td><td style="padding:4px 8px;text-align:right">' + c.score.toFixed(1) + '</td><td style="padding:4px 8px;color:#fff;background:' + colors[c.grade] + ';text-align:center">' + c.grade + '</td><td style="padding:4px 8px">' + (c.trend === undefined ? '' : (c.trend >= 0 ? '+' : '') + c.trend.toFixed(1)) + '</td><td style="padding:4px 8px">' + c.metrics.filter((m) => m.score !== null && m.score < 80).map((m) => esc(m.id)).join(', ') + '</td></tr>').join('');
  const period = cards[0].period;
  const html = '<div style="font-family:Arial,sans-serif;font-size:14px"><h2 style="margin:0 0 8px">Your suppliers, ' + esc(period) + '</h2><table style="border-collapse:collapse"><tr><th style="text-align:left;padding:4px 8px">Supplier</th><th style="padding:4px 8px">Score</th><th style="padding:4px 8px">Grade</th><th style="padding:4px 8px">Trend</th><th style="text-align:left;padding:4px 8px">Below 80</th></tr>' + rows + '</table></div>';
  const summary = cards.map((c) => c.supplier + ' ' + c.grade).join(', ');
  return { json: { buyerEmail, period, summary, cards: cards.map((c) => ({ supplier: c.supplier, score: c.score, grade: c.grade })), html } };
});`;

function supplierTemplate() {
	const wf = new Workflow(
		'qmsSupplierScorecardWeekly',
		'QMS: weekly supplier scorecard',
		'Scores suppliers from receipts, deliveries, SCARs and complaints, mails the HTML scorecard and opens SCAR cases for C and D grades.',
	);
	wf.sticky(
		'About',
		[-1, -3],
		[760, 380],
		[
			'## Weekly supplier scorecard',
			'**What it does:** every Monday 07:00 all supplier rows (receipts, deliveries, SCARs, complaints) are scored per calendar month: PPM, lot acceptance, on-time delivery, SCAR on time, complaints -> score 0..100 and grade A-D with trend. Each buyer (column `buyerEmail` of the rows) gets the scorecards of their suppliers; purchasing gets the full HTML scorecard with the trend chart; every supplier graded C or D gets a SCAR case (once per supplier and month) and its buyer a SCAR request mail.',
			'',
			'**Configure:** credential *QMS SMTP*; addresses in **Settings**; weights, curves and thresholds in *Supplier Scorecard*. **From a file instead:** replace *Supplier rows* by *Read/Write Files* + *Extract from File* (CSV / Excel with the same columns).',
			'',
			`**Where data goes:** reads \`${TABLES.supplierRows}\`; SCAR cases go to \`${TABLES.cases}\` (source \`scar\`). ${setupNote}`,
		].join('\n'),
		4,
	);
	const trigger = wf.node('Every Monday 07:00', 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 0], {
		rule: { interval: [{ field: 'weeks', triggerAtDay: [1], triggerAtHour: 7 }] },
	});
	const conf = settings(wf, [1, 0], [['purchasingEmail', 'purchasing@example.com']]);
	const rows = wf.node(
		'Supplier rows',
		...DATA_TABLE,
		[2, 0],
		{ resource: 'row', operation: 'get', dataTableId: table(TABLES.supplierRows), returnAll: true },
		{ executeOnce: true },
	);
	const score = wf.node('Supplier Scorecard', ...SCORECARD, [3, 0], {
		operation: 'scoreRows',
		period: 'month',
		timeZone: 'UTC',
		kindWhenMissing: '',
		fieldNames: {},
		metrics: ['ppm', 'lot_acceptance', 'otd', 'scar_on_time', 'complaints'],
		outputMode: 'single',
		htmlReport: true,
		chart: 'trend',
		chartFormat: 'png',
		options: {
			latestPeriodOnly: true,
			reportTitle: 'Weekly supplier scorecard',
			onUnknownKind: 'skip',
		},
	});
	const report = wf.node(
		'Mail scorecard',
		...MAIL,
		[5, -1.2],
		{
			fromEmail: "={{ $('Settings').first().json.senderEmail }}",
			toEmail: "={{ $('Settings').first().json.purchasingEmail }}",
			subject:
				"=Supplier scorecard {{ $json.periods.join(', ') }}: {{ $json.grades.A }} A, {{ $json.grades.B }} B, {{ $json.grades.C }} C, {{ $json.grades.D }} D",
			emailFormat: 'both',
			text: "=Supplier scorecard for {{ $json.periods.join(', ') }}: {{ $json.suppliers }} suppliers. Grades: A {{ $json.grades.A }}, B {{ $json.grades.B }}, C {{ $json.grades.C }}, D {{ $json.grades.D }}. The HTML version and the trend chart are attached.",
			html: '={{ $json.html }}',
			options: { attachments: 'chart,scorecard' },
		},
		{ credentials: CREDENTIALS.smtp },
	);
	const perBuyer = wf.node('Scorecards per buyer', ...CODE, [5, 0], {
		mode: 'runOnceForAllItems',
		jsCode: PER_BUYER,
	});
	const buyerMail = wf.node(
		'Mail buyer',
		...MAIL,
		[6, 0],
		{
			fromEmail: "={{ $('Settings').first().json.senderEmail }}",
			toEmail: '={{ $json.buyerEmail }}',
			subject: '=Supplier scorecard {{ $json.period }} for your suppliers: {{ $json.summary }}',
			emailFormat: 'both',
			text: "={{ $json.cards.map(c => c.supplier + ': ' + c.score.toFixed(1) + ' (' + c.grade + ')').join('\\n') }}",
			html: '={{ $json.html }}',
			options: {},
		},
		{ credentials: CREDENTIALS.smtp },
	);
	const poor = wf.node(
		'Grade C or D?',
		...IF,
		[5, 1],
		condition('={{ $json.grade }}', 'regex', '^[CD]$'),
	);
	const scar = wf.node(
		'SCAR case',
		...SET,
		[6, 1],
		set(
			[
				[
					'caseId',
					"={{ 'SCAR-' + $json.supplier.replace(/[^A-Za-z0-9]+/g, '-') + '-' + $json.period }}",
				],
				['source', 'scar'],
				['customer', ''],
				['customerEmail', ''],
				['supplier', '={{ $json.supplier }}'],
				['category', 'supplier_material'],
				['severity', "={{ $json.grade === 'D' ? 'critical' : 'major' }}"],
				['language', 'en'],
				['stage', 'D0'],
				['status', 'open'],
				[
					'text',
					"={{ 'Supplier ' + $json.supplier + ' graded ' + $json.grade + ' (' + $json.score.toFixed(1) + ') for ' + $json.period + ': ' + $json.metrics.filter(m => m.score !== null && m.score < 80).map(m => m.id + ' ' + m.value).join(', ') }}",
				],
				['receivedAt', '={{ $now.toISO() }}'],
				['responseDueAt', '={{ $now.plus({ days: 2 }).toISO() }}'],
				['d3DueAt', ''],
				['d8DueAt', '={{ $now.plus({ days: 30 }).toISO() }}'],
				['closedAt', ''],
				['escalation', ''],
				['updatedBy', 'supplier-scorecard'],
				['report', ''],
				['grade', '={{ $json.grade }}'],
				['score', '={{ $json.score }}'],
				[
					'buyerEmail',
					"={{ ($('Supplier rows').all().map(i => i.json).find(r => r.supplier === $json.supplier && r.buyerEmail) || {}).buyerEmail || $('Settings').first().json.purchasingEmail }}",
				],
			],
			false,
		),
	);
	const fresh = wf.node('No SCAR yet?', ...DATA_TABLE, [7, 1], {
		resource: 'row',
		operation: 'rowNotExists',
		dataTableId: table(TABLES.cases),
		filters: where('caseId', '={{ $json.caseId }}'),
	});
	const save = wf.node(
		'Save SCAR case',
		...DATA_TABLE,
		[8, 1],
		insertParameters(TABLES.cases, CASE_COLUMNS),
	);
	const buyer = wf.node(
		'SCAR request',
		...MAIL,
		[8, 2],
		mail({
			to: '={{ $json.buyerEmail }}',
			subject: '=SCAR {{ $json.caseId }}: {{ $json.supplier }} graded {{ $json.grade }}',
			text: '=Supplier {{ $json.supplier }} scored {{ $json.score.toFixed(1) }} (grade {{ $json.grade }}) for the period. Please send the supplier a SCAR and ask for an 8D response within 2 days.\n\n{{ $json.text }}\n\nCase: {{ $json.caseId }}',
		}),
		{ credentials: CREDENTIALS.smtp },
	);
	wf.chain(trigger, conf, rows, score);
	wf.link(score, perBuyer, 0);
	wf.link(perBuyer, buyerMail);
	wf.link(score, poor, 0);
	wf.link(poor, scar, 0);
	wf.link(score, report, 1);
	wf.chain(scar, fresh);
	wf.link(fresh, save);
	wf.link(fresh, buyer);
	return wf;
}

// ---- 6: complaint Pareto ------------------------------------------------------------------

const PARETO = `// Complaint KPIs of the window: Pareto by category, counts by severity and customer, 8D on-time rate.
const settings = $('Settings').first().json;
const now = $now.toMillis();
const since = now - Number(settings.windowDays) * 86400000;
const cases = $input.all().map((i) => i.json).filter((c) => ['mail', 'webhook', 'chat'].includes(c.source) && Date.parse(c.receivedAt) >= since);
const count = (key) => {
  const m = new Map();
  for (const c of cases) m.set(c[key] || 'unknown', (m.get(c[key] || 'unknown') || 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
};
let cumulative = 0;
const pareto = count('category').map(([category, n]) => {
  cumulative += n;
  return { category, count: n, share: n / cases.length, cumulativeShare: cumulative / cases.length };
});
// 8D on time: closed by its D8 due date, or still open and not past it.
const judged = cases.filter((c) => c.d8DueAt);
const onTime = judged.filter((c) => (c.closedAt ? Date.parse(c.closedAt) <= Date.parse(c.d8DueAt) : now <= Date.parse(c.d8DueAt))).length;
const containmentLate = cases.filter((c) => c.stage === 'D0' || c.stage === 'D1' || c.stage === 'D2').filter((c) => c.d3DueAt && now > Date.parse(c.d3DueAt)).length;
const bar = (share, color) => '<div style="background:' + color + ';height:14px;width:' + Math.max(2, Math.round(share * 300)) + 'px"></div>';
const rows = pareto.map((p) => '<tr><td style="padding:4px 8px">' + p.category + '</td><td style="padding:4px 8px;text-align:right">' + p.count + '</td><td style="padding:4px 8px">' + bar(p.share, '#1f77b4') + '</td><td style="padding:4px 8px;text-align:right">' + Math.round(p.cumulativeShare * 100) + ' %</td></tr>').join('');
const list = (pairs) => pairs.map(([k, v]) => k + ': ' + v).join(', ');
const html = '<div style="font-family:Arial,sans-serif;font-size:14px"><h2 style="margin:0 0 8px">Complaint Pareto, last ' + settings.windowDays + ' days</h2>'
  + '<p>' + cases.length + ' complaints. 8D on time: ' + (judged.length ? Math.round(onTime / judged.length * 100) + ' %' : 'n/a') + ' (' + onTime + ' of ' + judged.length + '). Containment overdue: ' + containmentLate + '.</p>'
  + '<table style="border-collapse:collapse"><tr><th style="text-align:left;padding:4px 8px">Category</th><th style="padding:4px 8px">Count</th><th style="text-align:left;padding:4px 8px">Share</th><th style="padding:4px 8px">Cumulative</th></tr>' + rows + '</table>'
  + '<p><b>By severity:</b> ' + list(count('severity')) + '<br><b>By customer:</b> ' + list(count('customer').slice(0, 10)) + '</p></div>';
return [{ json: { windowDays: Number(settings.windowDays), complaints: cases.length, pareto, bySeverity: Object.fromEntries(count('severity')), byCustomer: Object.fromEntries(count('customer')), eightD: { judged: judged.length, onTime, onTimeRate: judged.length ? onTime / judged.length : null, containmentOverdue: containmentLate }, html } }];`;

function paretoTemplate() {
	const wf = new Workflow(
		'qmsComplaintParetoWeekly',
		'QMS: weekly complaint Pareto',
		'Weekly Pareto chart of complaints by category with severity, customer and 8D on-time KPIs, mailed to management.',
	);
	wf.sticky(
		'About',
		[-1, -3],
		[760, 360],
		[
			'## Weekly complaint Pareto',
			'**What it does:** every Monday 08:00 the complaints of the last 7 days (mail, webhook and chat cases) are counted by category as a Pareto chart (bars and cumulative share, drawn in the mail so every client shows it), by severity and by customer, with the 8D on-time rate (closed by, or still within, the D8 due date) and the number of cases whose containment is overdue. Management gets it as one HTML mail.',
			'',
			'**Configure:** credential *QMS SMTP*; recipients and the window (days) in **Settings**.',
			'',
			`**Where data goes:** reads \`${TABLES.cases}\`; writes nothing. ${setupNote}`,
		].join('\n'),
		4,
	);
	const trigger = wf.node('Every Monday 08:00', 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 0], {
		rule: { interval: [{ field: 'weeks', triggerAtDay: [1], triggerAtHour: 8 }] },
	});
	const conf = settings(
		wf,
		[1, 0],
		[
			['managementEmail', 'management@example.com'],
			['windowDays', '7'],
		],
	);
	const cases = wf.node(
		'All cases',
		...DATA_TABLE,
		[2, 0],
		{ resource: 'row', operation: 'get', dataTableId: table(TABLES.cases), returnAll: true },
		{ executeOnce: true, alwaysOutputData: true },
	);
	const kpi = wf.node('Pareto and KPIs', ...CODE, [3, 0], {
		mode: 'runOnceForAllItems',
		jsCode: PARETO,
	});
	const send = wf.node(
		'Mail management',
		...MAIL,
		[4, 0],
		{
			fromEmail: "={{ $('Settings').first().json.senderEmail }}",
			toEmail: "={{ $('Settings').first().json.managementEmail }}",
			subject:
				"=Complaint Pareto: {{ $json.complaints }} complaints, top {{ $json.pareto.length ? $json.pareto[0].category : 'none' }}, 8D on time {{ $json.eightD.onTimeRate === null ? 'n/a' : Math.round($json.eightD.onTimeRate * 100) + ' %' }}",
			emailFormat: 'both',
			text: "={{ $json.pareto.map(p => p.category + ': ' + p.count + ' (' + Math.round(p.cumulativeShare * 100) + ' % cumulative)').join('\\n') }}",
			html: '={{ $json.html }}',
			options: {},
		},
		{ credentials: CREDENTIALS.smtp },
	);
	wf.chain(trigger, conf, cases, kpi, send);
	return wf;
}

const templates = [
	['qms-setup-data-tables.json', setupTemplate()],
	['complaint-to-capa-mail.json', complaintMailTemplate()],
	['complaint-intake-webhook.json', complaintWebhookTemplate()],
	['chat-escalation.json', chatTemplate()],
	['8d-review-form.json', formTemplate()],
	['spc-monitor.json', spcTemplate()],
	['supplier-scorecard-weekly.json', supplierTemplate()],
	['complaint-pareto-weekly.json', paretoTemplate()],
];

module.exports = {
	TABLES,
	COLUMNS,
	CREDENTIALS,
	CASE_COLUMNS,
	NODES,
	Workflow,
	uid,
	set,
	condition,
	table,
	intake,
	insertParameters,
	setupNote,
	setupTemplate,
	templates,
};

// Template modules build from the exports above.
for (const template of [require('./templates/qms-tools-mcp')])
	templates.push([template.file, template.build()]);

if (require.main === module) {
	for (const [file, wf] of templates)
		fs.writeFileSync(path.join(out, file), `${JSON.stringify(wf, null, '\t')}\n`);
	console.log(`wrote ${templates.length} templates to ${out}`);
}
