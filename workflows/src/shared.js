/**
 * What several templates share: the workflow builder, credentials, the QMS Data Tables, node
 * parameter helpers (Set, If, Data Table, mail, chat post), the Settings node, the complaint intake
 * chain and the sticky notes. A template module (templates/<name>.js) builds its workflow from
 * these, so a change here reaches every template that uses the part.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

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
	msaStudies: 'qms_msa_studies',
	fmea: 'qms_fmea',
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
	[TABLES.msaStudies]: [
		['gauge', 'string'],
		['studiedAt', 'string'],
		['method', 'string'],
		['parts', 'number'],
		['operators', 'number'],
		['trials', 'number'],
		['pctGrr', 'number'],
		['pctTolerance', 'number'],
		['ndc', 'number'],
		['acceptance', 'string'],
		['tolerance', 'number'],
		['csvFile', 'string'],
		['summary', 'string'],
	],
	// One flat row per failure mode and cause; `fmeaId` is the row's FMEA id (Data Tables reserve `id`).
	[TABLES.fmea]: [
		['fmeaId', 'string'],
		['type', 'string'],
		['item', 'string'],
		['processStep', 'string'],
		['function', 'string'],
		['failureMode', 'string'],
		['effect', 'string'],
		['severity', 'number'],
		['cause', 'string'],
		['preventionControls', 'string'],
		['occurrence', 'number'],
		['detectionControls', 'string'],
		['detection', 'number'],
		['owner', 'string'],
		['ownerEmail', 'string'],
	],
};

const CASE_COLUMNS = COLUMNS[TABLES.cases].map(([c]) => c);

/** Node types and the versions the templates are written for. */
const NODES = {
	MAIL: ['n8n-nodes-base.emailSend', 2.1],
	SET: ['n8n-nodes-base.set', 3.4],
	IF: ['n8n-nodes-base.if', 2.2],
	CODE: ['n8n-nodes-base.code', 2],
	DATA_TABLE: ['n8n-nodes-base.dataTable', 1.1],
	HTTP: ['n8n-nodes-base.httpRequest', 4.2],
	SCHEDULE: ['n8n-nodes-base.scheduleTrigger', 1.2],
	FORM: ['n8n-nodes-base.form', 1],
	FILTER: ['n8n-nodes-base.filter', 2.2],
	CLASSIFIER: ['n8n-nodes-qms.complaintClassifier', 1],
	GATE: ['n8n-nodes-qms.eightDGate', 1],
	SPC: ['n8n-nodes-qms.spcCheck', 1],
	SCORECARD: ['n8n-nodes-qms.supplierScorecard', 1],
	GAGE: ['n8n-nodes-qms.gageRr', 1],
	FORM_TRIGGER: ['n8n-nodes-base.formTrigger', 2.2],
	EXTRACT: ['n8n-nodes-base.extractFromFile', 1.1],
	FMEA: ['n8n-nodes-qms.fmea', 1],
	MANUAL: ['n8n-nodes-base.manualTrigger', 1],
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

/** Words joined by spaces: long texts (notes, mails, expressions) written in short lines. */
const words = (...parts) => parts.join(' ');

/**
 * The "About" sticky note every template starts with (what it does, configure, where data goes).
 * `lines` are the note's lines; a line given as an array of strings is joined by spaces, so long
 * paragraphs are written in short source lines.
 */
function about(wf, [col, row], [width, height], lines) {
	const text = lines.map((line) => (Array.isArray(line) ? words(...line) : line)).join('\n');
	wf.sticky('About', [col, row], [width, height], text, 4);
}

const SETUP_NOTE = words(
	'Needs the Data Tables of the **QMS setup: data tables** template (publish it once; it creates',
	`${Object.values(TABLES)
		.map((table) => `\`${table}\``)
		.join(', ')}).`,
);

// ---- node parameters ------------------------------------------------------------------------

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

/**
 * If / Filter parameters: all `tests` must hold, each [leftValue, operation, rightValue, type]
 * (no rightValue: a single-value operation such as notEmpty or true).
 */
const allOf = (...tests) => ({
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
		conditions: tests.map(([leftValue, operation, rightValue, type = 'string']) => ({
			id: uid(`${leftValue}${operation}${rightValue}`),
			leftValue,
			rightValue: rightValue ?? '',
			operator:
				rightValue === undefined ? { type, operation, singleValue: true } : { type, operation },
		})),
		combinator: 'and',
	},
	looseTypeValidation: true,
	options: {},
});

const condition = (leftValue, operation, rightValue, type) =>
	allOf([leftValue, operation, rightValue, type]);

const table = (name) => ({ __rl: true, mode: 'name', value: name });

const where = (column, value) => ({
	conditions: [{ keyName: column, condition: 'eq', keyValue: value }],
});

/** A schedule trigger's rule: every `hours` hours, or weekly on a day (1 = Monday) at an hour. */
const everyHours = (hoursInterval) => ({
	rule: { interval: [{ field: 'hours', hoursInterval }] },
});
const weekly = (day, hour) => ({
	rule: { interval: [{ field: 'weeks', triggerAtDay: [day], triggerAtHour: hour }] },
});

/** Data Table column mapping: `values` per column, typed after the table's columns. */
function mapColumns(tableName, values) {
	return {
		mappingMode: 'defineBelow',
		value: values,
		matchingColumns: [],
		schema: Object.keys(values).map((c) => {
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
	};
}

const sameFields = (columns) => Object.fromEntries(columns.map((c) => [c, `={{ $json.${c} }}`]));

/** Data Table insert mapping every listed column from the same field of the item. */
function insertParameters(tableName, columns) {
	return {
		resource: 'row',
		operation: 'insert',
		dataTableId: table(tableName),
		columns: mapColumns(tableName, sameFields(columns)),
		options: {},
	};
}

/** Insert, or update the row whose `keyColumn` equals the item's. */
function upsertParameters(tableName, keyColumn, columns) {
	return {
		resource: 'row',
		operation: 'upsert',
		dataTableId: table(tableName),
		matchType: 'allConditions',
		filters: where(keyColumn, `={{ $json.${keyColumn} }}`),
		columns: mapColumns(tableName, sameFields(columns)),
		options: {},
	};
}

function updateParameters(tableName, keyColumn, keyValue, values) {
	return {
		resource: 'row',
		operation: 'update',
		dataTableId: table(tableName),
		matchType: 'allConditions',
		filters: where(keyColumn, keyValue),
		columns: mapColumns(tableName, values),
		options: {},
	};
}

/** Every row of a table (`filters`: Data Table conditions, all of which must hold). */
function getRows(tableName, conditions) {
	const parameters = { resource: 'row', operation: 'get', dataTableId: table(tableName) };
	if (conditions)
		Object.assign(parameters, { matchType: 'allConditions', filters: { conditions } });
	return { ...parameters, returnAll: true };
}

/** Passes on the items for which no row of `tableName` has `column` equal to `value`. */
function rowNotExists(tableName, column, value, { matchType } = {}) {
	return {
		resource: 'row',
		operation: 'rowNotExists',
		dataTableId: table(tableName),
		...(matchType ? { matchType } : {}),
		filters: where(column, value),
	};
}

/** Send Email parameters from the Settings sender; `html` makes it a text + HTML mail. */
function mail({ to, subject, text, html, attachments, from = settingsValue('senderEmail') }) {
	const parameters = {
		fromEmail: from,
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

/** One value of a Settings node, for use inside an expression. */
const setting = (name, node = 'Settings') => `$('${node}').first().json.${name}`;
/** An expression reading one value of a Settings node. */
const settingsValue = (name, node = 'Settings') => `={{ ${setting(name, node)} }}`;

/** The Settings node: addresses and the chat webhook, the only values a team changes. */
function settings(wf, at, extra = []) {
	return wf.node(
		'Settings',
		...NODES.SET,
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
		...NODES.IF,
		[col, row],
		condition(settingsValue('chatWebhookUrl'), 'notEmpty'),
	);
	const post = wf.node(
		name,
		...NODES.HTTP,
		[col + 1, row],
		{
			method: 'POST',
			url: settingsValue('chatWebhookUrl'),
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

// ---- complaint intake (mail, webhook, chat) ---------------------------------------------------

/** The saved case of the intake chain, paired with the item at hand. */
const CASE = "$('Case row').item.json";

/**
 * Complaint intake shared by the mail, webhook and chat templates: from an item with `text`,
 * `customer`, `customerEmail`, `channel` to a saved case record. Returns the name of the node
 * whose output is the saved case (the Case row item, paired). `reportId` fixes the 8D report's
 * id (the case id) and makes saving an upsert on it, so a complaint run again updates its case.
 */
function intake(
	wf,
	from,
	[col, row],
	{ classifierOptions = { receivedAt: '={{ $now.toISO() }}' }, reportId } = {},
) {
	const classify = wf.node('Complaint Classifier', ...NODES.CLASSIFIER, [col, row], {
		operation: 'classify',
		text: '={{ $json.text }}',
		routing: 'single',
		taxonomy: 'default',
		summary: false,
		options: classifierOptions,
	});
	const forReport = wf.node(
		'Complaint for the 8D report',
		...NODES.SET,
		[col + 1, row],
		set([
			[
				'intake',
				words(
					'={{ { ...$json.complaint, text: $json.text, customer: $json.customer || undefined,',
					'receivedAt: $json.complaint.deadline ? $json.complaint.deadline.receivedAt : undefined } }}',
				),
				'object',
			],
		]),
	);
	const open = wf.node('Open 8D report', ...NODES.GATE, [col + 2, row], {
		operation: 'openFromComplaint',
		complaintField: 'intake',
		outputField: 'report',
		profile: 'default',
		options: reportId ? { id: reportId } : {},
	});
	const record = wf.node(
		'Case row',
		...NODES.SET,
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
		...NODES.DATA_TABLE,
		[col + 4, row],
		reportId
			? upsertParameters(TABLES.cases, 'caseId', CASE_COLUMNS)
			: insertParameters(TABLES.cases, CASE_COLUMNS),
	);
	wf.chain(from, classify, forReport, open, record, save);
	return { save, record };
}

/** The classification of the complaint at hand (hazards, severity reason), paired like CASE. */
const CLASSIFICATION = "$('Complaint Classifier').item.json.complaint";
/** Every hazard found, quoted on one line: `fire_thermal: "smoke" (actual); ...`. */
const HAZARD_EVIDENCE =
	`((${CLASSIFICATION}.hazards || []).map((h) => h.class + ': "' + h.term + '" (' + h.harm + ')')` +
	".join('; ') || 'none detected')";

/**
 * Critical complaints: escalation mail and chat post, right away, quoting why the complaint is
 * critical (the severity reason and the hazards found). Routed on severity, so every critical
 * complaint escalates whatever the classifier's Escalate On Hazard Classes selection.
 */
function escalateCritical(wf, from, [col, row]) {
	const critical = wf.node(
		'Critical?',
		...NODES.IF,
		[col, row],
		condition(`={{ ${CASE}.severity }}`, 'equals', 'critical'),
	);
	const escalation = wf.node(
		'Escalation mail',
		...NODES.MAIL,
		[col + 1, row],
		mail({
			to: settingsValue('qualityEmail'),
			subject: words(
				`=[CRITICAL] {{ ${CASE}.caseId }}: {{ ${CASE}.category }} complaint from`,
				`{{ ${CASE}.customer || 'unknown customer' }}`,
			),
			text: [
				`=A critical complaint arrived and case {{ ${CASE}.caseId }} was opened.`,
				'',
				`Customer: {{ ${CASE}.customer }}`,
				`Category: {{ ${CASE}.category }}`,
				`Containment (D3) due: {{ ${CASE}.d3DueAt }}`,
				`Why critical: {{ ${CLASSIFICATION}.severityReason }}`,
				`Hazards: {{ ${HAZARD_EVIDENCE} }}`,
				'',
				`{{ ${CASE}.text }}`,
			].join('\n'),
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
		words(
			`'🔴 Critical complaint ' + ${CASE}.caseId + ' (' + ${CASE}.category + ') from ' +`,
			`(${CASE}.customer || 'unknown') + ': ' + ${CASE}.text.slice(0, 200) +`,
			`' | Hazards: ' + ${HAZARD_EVIDENCE}`,
		),
	);
	return critical;
}

/** The acknowledgement mail with case ID and deadlines, when the customer's address is known. */
function acknowledge(wf, from, [col, row]) {
	const has = wf.node(
		'Customer e-mail known?',
		...NODES.IF,
		[col, row],
		condition(`={{ ${CASE}.customerEmail }}`, 'notEmpty'),
	);
	const ack = wf.node(
		'Acknowledge customer',
		...NODES.MAIL,
		[col + 1, row],
		mail({
			to: `={{ ${CASE}.customerEmail }}`,
			subject: `=Your complaint is registered as {{ ${CASE}.caseId }} / 您的投诉已登记`,
			text: [
				'=Dear customer,',
				'',
				words(
					`thank you for your message. We registered it as case {{ ${CASE}.caseId }}`,
					`({{ ${CASE}.category }}, {{ ${CASE}.severity }}).`,
				),
				words(
					`You will hear from us by {{ ${CASE}.responseDueAt }};`,
					`containment actions are due by {{ ${CASE}.d3DueAt }}.`,
				),
				'',
				`感谢您的反馈。您的投诉编号为 {{ ${CASE}.caseId }}，我们将在 {{ ${CASE}.responseDueAt }} 前答复。`,
				'',
				'Quality team',
			].join('\n'),
		}),
		{ credentials: CREDENTIALS.smtp },
	);
	wf.link(from, has);
	wf.link(has, ack, 0);
}

// ---- Code nodes -----------------------------------------------------------------------------

const codeDir = path.join(__dirname, 'code');

/**
 * A Code node running workflows/src/code/<template>/<program>.js: the program is a linted,
 * unit-tested file (tests/unit/templates/) and goes into the template as the node's source.
 */
function codeNode(wf, name, [col, row], { template, program, mode }, extra = {}) {
	const jsCode = fs.readFileSync(path.join(codeDir, template, `${program}.js`), 'utf8').trimEnd();
	return wf.node(name, ...NODES.CODE, [col, row], { mode, jsCode }, extra);
}

module.exports = {
	uid,
	CREDENTIALS,
	TABLES,
	COLUMNS,
	CASE_COLUMNS,
	NODES,
	CASE,
	SETUP_NOTE,
	Workflow,
	words,
	about,
	set,
	allOf,
	condition,
	table,
	where,
	everyHours,
	weekly,
	insertParameters,
	upsertParameters,
	updateParameters,
	getRows,
	rowNotExists,
	mail,
	setting,
	settingsValue,
	settings,
	chatPost,
	intake,
	escalateCritical,
	acknowledge,
	codeNode,
};
