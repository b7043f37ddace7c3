/**
 * QMS tools (MCP server): the engines as tools of any MCP client (Claude Desktop, an IDE, n8n's
 * AI Agent) on the team's own Data Tables.
 *
 * classify_complaint is the Complaint Classifier's tool variant itself. The tools that read or
 * write Data Tables (which a community node cannot reach) are "Call n8n Workflow Tool" nodes that
 * call this same workflow: its Execute Workflow Trigger routes on `tool` to a chain Data Table ->
 * QMS node -> answer, and the answer (the last node's first item) goes back to the client.
 */
const {
	CASE,
	CREDENTIALS,
	NODES,
	SETUP_NOTE,
	TABLES,
	Workflow,
	about,
	codeNode,
	condition,
	getRows,
	intake,
	set,
	table,
	uid,
	words,
} = require('../shared');

const SERVER_PATH = 'qms';

/** Spec limits per characteristic of qms_measurements: capability is reported where known. */
const SPEC_LIMITS = {
	'bore-diameter': { lsl: 11.97, usl: 12.03, target: 12 },
	'shaft-length': { lsl: 49.85, usl: 50.15, target: 50 },
};

/** The inputs of the tool sub-workflow; each tool fills the ones it needs. */
const INPUTS = [
	['tool', 'string'],
	['text', 'string'],
	['customer', 'string'],
	['caseId', 'string'],
	['characteristic', 'string'],
	['supplier', 'string'],
	['description', 'string'],
];

const fromAI = (key, description, type = 'string') =>
	`={{ $fromAI('${key}', ${JSON.stringify(description)}, '${type}') }}`;

/**
 * A "Call n8n Workflow Tool" on this workflow: `tool` fixed, `arguments` ({ input: [description,
 * type] }) filled by the model. The tool's name is the node name.
 */
function workflowTool(wf, name, [col, row], description, args) {
	const value = { tool: name };
	for (const [key, [text, type]] of Object.entries(args)) value[key] = fromAI(key, text, type);
	return wf.node(name, '@n8n/n8n-nodes-langchain.toolWorkflow', 2.2, [col, row], {
		description,
		workflowId: { __rl: true, mode: 'id', value: '={{ $workflow.id }}' },
		workflowInputs: {
			mappingMode: 'defineBelow',
			value,
			matchingColumns: [],
			schema: INPUTS.map(([id, type]) => ({
				id,
				displayName: id,
				required: false,
				defaultMatch: false,
				display: true,
				canBeUsedToMatch: true,
				type,
				removed: !(id in value),
			})),
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		},
	});
}

/** Switch rule: `$json.tool` equals `name`, on an output of that name. */
const toolRule = (name) => ({
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
		conditions: [
			{
				id: uid(`tool=${name}`),
				leftValue: '={{ $json.tool }}',
				rightValue: name,
				operator: { type: 'string', operation: 'equals' },
			},
		],
		combinator: 'and',
	},
	renameOutput: true,
	outputKey: name,
});

/**
 * Data Table rows whose `column` contains the name asked for, ignoring case: narrowed in the
 * database, then "Rows named" keeps the exact name (the model may get the case wrong).
 */
const rowsLike = (tableName, column) =>
	getRows(tableName, [{ keyName: column, condition: 'ilike', keyValue: `={{ $json.${column} }}` }]);

/** If on the { found: false } item of rows-named.js: output 0 nothing named so, 1 the rows. */
const nothingNamed = () => condition("={{ $json.found === false ? 'no' : 'yes' }}", 'equals', 'no');

/** The answer when nothing has the name asked for, with the names that contain it. */
function notFound(wf, name, at, column, tableName) {
	return wf.node(
		name,
		...NODES.SET,
		at,
		set(
			[
				[column, `={{ $json.${column} }}`],
				['found', '={{ false }}', 'boolean'],
				['similar', '={{ $json.similar }}', 'array'],
				[
					'message',
					words(
						`={{ 'Nothing named ' + $json.${column} + ' in ${tableName}'`,
						"+ ($json.similar.length ? '; names containing it: ' + $json.similar.join(', ') : '') }}",
					),
				],
			],
			false,
		),
	);
}

/** The tools the model sees: name (the node name), description, inputs. */
function tools(wf, server) {
	const attach = (tool) => {
		(wf.connections[tool] ??= {}).ai_tool = [[{ node: server, type: 'ai_tool', index: 0 }]];
	};
	attach(
		wf.node('classify_complaint', `${NODES.CLASSIFIER[0]}Tool`, NODES.CLASSIFIER[1], [0, 0], {
			descriptionType: 'manual',
			toolDescription: words(
				'Classifies a customer complaint (Chinese, English or mixed) without saving anything. Returns',
				'the category (design, production, supplier_material, logistics_packaging, service,',
				'documentation, delivery or unclassified), the severity (critical, major, minor) with its',
				'reason, the safety hazards found (class such as fire_thermal or electrical, actual harm or',
				'potential hazard), the evidence keywords with their offsets in the text, the lot and part',
				'numbers mentioned, the language, a confidence from 0 to 1, and the response deadline counted',
				'from now.',
			),
			operation: 'classify',
			text: fromAI('text', 'The complaint exactly as the customer wrote it'),
			routing: 'single',
			taxonomy: 'default',
			summary: false,
			// A receipt time gives the response deadline (counted from the call).
			options: { receivedAt: '={{ $now.toISO() }}' },
		}),
	);
	attach(
		workflowTool(
			wf,
			'open_case',
			[1, 0],
			words(
				'Opens a quality case for a customer complaint: classifies it, opens its 8D report with the',
				'containment (D3), root-cause (D4) and closure (D8) deadlines, and saves the case. Returns the',
				'new case id, the classification and the due dates. Call it once per complaint, only when a',
				'case should be recorded.',
			),
			{
				text: ['The complaint exactly as the customer wrote it', 'string'],
				customer: ['The customer (company) who complained; empty if unknown', 'string'],
			},
		),
	);
	attach(
		workflowTool(
			wf,
			'case_status',
			[2, 0],
			words(
				'Status of a quality case (8D report) by its case id: the discipline it is in (D0..D8),',
				'whether it may move to the next one and, if not, each missing item with the reason, the',
				"deadlines that are overdue and by how many hours, and whether the report's audited history",
				'verifies (no entry altered).',
			),
			{ caseId: ['The case id, e.g. 8D-20261203-1a2b3c4d', 'string'] },
		),
	);
	attach(
		workflowTool(
			wf,
			'spc_check',
			[3, 0],
			words(
				'Statistical process control for a measured characteristic (e.g. bore-diameter): an I-MR',
				'control chart over its latest 100 measurements with the Nelson rules. Returns whether it is',
				'in control, center line, sigma and control limits, each rule violation with the points',
				'involved, and process capability (Cp, Cpk, Pp, Ppk) when spec limits are known.',
			),
			{ characteristic: ['Name of the characteristic as measured, e.g. bore-diameter', 'string'] },
		),
	);
	attach(
		workflowTool(
			wf,
			'supplier_scorecard',
			[4, 0],
			words(
				"A supplier's scorecard for its latest month: score 0..100 and grade (A >= 90, B >= 80,",
				'C >= 70, else D), the change against the previous month, the weakest metric, and every',
				'metric (ppm, lot acceptance, on-time delivery, SCARs closed on time, complaints) with its',
				'value, score and basis.',
			),
			{ supplier: ['The supplier name, e.g. Acme Castings', 'string'] },
		),
	);
	attach(
		workflowTool(
			wf,
			'fmea_lookup',
			[5, 0],
			words(
				'Finds the rows of the FMEA (qms_fmea) that match a described failure or complaint (Chinese or',
				'English): the best matches with their score, failure mode, effect, cause, severity, occurrence,',
				'detection, RPN and AIAG-VDA action priority (AP H, M or L), or newFailureMode true when no row',
				'matches, meaning the FMEA lacks this failure mode.',
			),
			{
				description: [
					'The failure or complaint in words, e.g. "terminal backs out of the housing"',
					'string',
				],
			},
		),
	);
}

/** open_case: the intake chain of the other templates, then the answer. */
function openCase(wf, route) {
	const complaint = wf.node(
		'Complaint from the client',
		...NODES.SET,
		[2, 2],
		set(
			[
				['text', '={{ $json.text }}'],
				['customer', "={{ $json.customer || '' }}"],
				['customerEmail', ''],
				['channel', 'mcp'],
			],
			false,
		),
	);
	wf.link(route, complaint, 0);
	const { save } = intake(wf, complaint, [3, 2]);
	const record = (field) => `={{ ${CASE}.${field} }}`;
	const answer = wf.node(
		'open_case answer',
		...NODES.SET,
		[8, 2],
		set(
			[
				['caseId', record('caseId')],
				['stage', record('stage')],
				['receivedAt', record('receivedAt')],
				['responseDueAt', record('responseDueAt')],
				['containmentDueAt', record('d3DueAt')],
				['closureDueAt', record('d8DueAt')],
				['classification', "={{ $('Complaint Classifier').item.json.complaint }}", 'object'],
			],
			false,
		),
	);
	wf.link(save, answer);
}

/** case_status: the case's report through the gate to its next discipline and the history check. */
function caseStatus(wf, route) {
	const find = wf.node(
		'Find case',
		...NODES.DATA_TABLE,
		[2, 3],
		{
			...getRows(TABLES.cases, [
				{ keyName: 'caseId', condition: 'eq', keyValue: '={{ $json.caseId }}' },
			]),
			returnAll: false,
			limit: 1,
		},
		{ alwaysOutputData: true },
	);
	wf.link(route, find, 1);
	const found = wf.node(
		'Case found?',
		...NODES.IF,
		[3, 3],
		condition('={{ $json.report }}', 'notEmpty'),
	);
	wf.link(find, found);
	// One clock for the gate and the answer, so the overdue hours can be checked against it.
	const clock = wf.node(
		'Status time',
		...NODES.SET,
		[4, 3],
		set([['checkedAt', '={{ $now.toISO() }}']]),
	);
	wf.link(found, clock, 0);
	const gate = wf.node('Gate to next discipline', ...NODES.GATE, [5, 3], {
		operation: 'evaluateGate',
		reportField: 'report',
		target: 'next',
		ruleSetSource: 'auto',
		language: 'en',
		options: { now: '={{ $json.checkedAt }}' },
	});
	wf.link(clock, gate);
	const history = wf.node('Verify history', ...NODES.GATE, [6, 3], {
		operation: 'verifyHistory',
		reportField: 'report',
	});
	wf.link(gate, history, 0);
	wf.link(gate, history, 1);
	const answer = wf.node(
		'case_status answer',
		...NODES.SET,
		[7, 3],
		set(
			[
				['caseId', '={{ $json.caseId }}'],
				['found', '={{ true }}', 'boolean'],
				['status', '={{ $json.status }}'],
				['customer', '={{ $json.customer }}'],
				['category', '={{ $json.category }}'],
				['severity', '={{ $json.severity }}'],
				['currentDiscipline', '={{ $json.gate.current }}'],
				['nextDiscipline', '={{ $json.gate.target }}'],
				['canAdvance', '={{ $json.gate.allowed }}', 'boolean'],
				['blockedBy', '={{ $json.gate.missing }}', 'array'],
				['overdue', '={{ $json.gate.overdue }}', 'array'],
				['warnings', '={{ $json.gate.warnings }}', 'array'],
				['historyVerified', '={{ $json.historyCheck.valid }}', 'boolean'],
				['historyBrokenAt', '={{ $json.historyCheck.brokenAt ?? null }}', 'number'],
				['checkedAt', '={{ $json.checkedAt }}'],
			],
			false,
		),
	);
	wf.link(history, answer, 0);
	wf.link(history, answer, 1);
	const asked = "$('Tool call').first().json.caseId";
	const noCase = wf.node(
		'case_status: no such case',
		...NODES.SET,
		[4, 4],
		set(
			[
				['caseId', `={{ ${asked} }}`],
				['found', '={{ false }}', 'boolean'],
				['message', `={{ 'No case ' + ${asked} + ' in ${TABLES.cases}' }}`],
			],
			false,
		),
	);
	wf.link(found, noCase, 1);
}

/** spc_check: spec limits, the characteristic's measurements, the chart. */
function spcCheck(wf, route) {
	const specs = wf.node(
		'Spec limits',
		...NODES.SET,
		[2, 5],
		set([['specs', JSON.stringify(SPEC_LIMITS), 'object']]),
	);
	wf.link(route, specs, 2);
	const measurements = wf.node(
		'Measurements',
		...NODES.DATA_TABLE,
		[3, 5],
		rowsLike(TABLES.measurements, 'characteristic'),
		{ alwaysOutputData: true },
	);
	wf.link(specs, measurements);
	const named = codeNode(wf, 'Measurements named', [4, 5], {
		template: 'qms-tools-mcp',
		program: 'rows-named',
		mode: 'runOnceForAllItems',
	});
	wf.link(measurements, named);
	const measured = wf.node('Characteristic measured?', ...NODES.IF, [5, 5], nothingNamed());
	wf.link(named, measured);
	const series = codeNode(wf, 'Series and specs', [6, 5], {
		template: 'qms-tools-mcp',
		program: 'series-and-specs',
		mode: 'runOnceForAllItems',
	});
	wf.link(measured, series, 1);
	const spc = wf.node('SPC Check', ...NODES.SPC, [7, 5], {
		operation: 'perItem',
		seriesField: 'values',
		chartType: 'imr',
		rulePreset: 'nelson',
		chartImage: 'none',
		options: {
			includePoints: false,
			lsl: '={{ $json.lsl }}',
			usl: '={{ $json.usl }}',
			target: '={{ $json.target }}',
		},
	});
	wf.link(series, spc);
	const specLimits = words(
		'={{ $json.lsl === undefined && $json.usl === undefined ? null',
		': { lsl: $json.lsl, usl: $json.usl, target: $json.target } }}',
	);
	const answer = wf.node(
		'spc_check answer',
		...NODES.SET,
		[8, 5],
		set(
			[
				['characteristic', '={{ $json.characteristic }}'],
				['found', '={{ true }}', 'boolean'],
				['unit', '={{ $json.unit }}'],
				['points', '={{ $json.spc.pointCount }}', 'number'],
				['from', '={{ $json.firstMeasuredAt }}'],
				['to', '={{ $json.lastMeasuredAt }}'],
				['chart', '={{ $json.spc.chart }}'],
				['inControl', '={{ $json.spc.inControl }}', 'boolean'],
				['summary', '={{ $json.spc.summary }}'],
				['center', '={{ $json.spc.center }}', 'number'],
				['sigma', '={{ $json.spc.sigma }}', 'number'],
				['ucl', '={{ $json.spc.ucl }}', 'number'],
				['lcl', '={{ $json.spc.lcl }}', 'number'],
				['violations', '={{ $json.spc.findings }}', 'array'],
				['specLimits', specLimits, 'object'],
				['capability', '={{ $json.spc.capability ?? null }}', 'object'],
			],
			false,
		),
	);
	wf.link(spc, answer, 0);
	wf.link(spc, answer, 1);
	wf.link(
		measured,
		notFound(wf, 'spc_check: not measured', [6, 6], 'characteristic', TABLES.measurements),
		0,
	);
}

/** supplier_scorecard: the supplier's rows, the latest month's scorecard. */
function supplierScorecard(wf, route) {
	const rows = wf.node(
		'Supplier rows',
		...NODES.DATA_TABLE,
		[2, 7],
		rowsLike(TABLES.supplierRows, 'supplier'),
		{
			alwaysOutputData: true,
		},
	);
	wf.link(route, rows, 3);
	const named = codeNode(wf, 'Supplier rows named', [3, 7], {
		template: 'qms-tools-mcp',
		program: 'rows-named',
		mode: 'runOnceForAllItems',
	});
	wf.link(rows, named);
	const known = wf.node('Supplier known?', ...NODES.IF, [4, 7], nothingNamed());
	wf.link(named, known);
	// The metrics of the weekly supplier scorecard, so the assistant and the mail agree.
	const score = wf.node('Supplier Scorecard', ...NODES.SCORECARD, [5, 7], {
		operation: 'scoreRows',
		period: 'month',
		timeZone: 'UTC',
		kindWhenMissing: '',
		fieldNames: {},
		metrics: ['ppm', 'lot_acceptance', 'otd', 'scar_on_time', 'complaints'],
		outputMode: 'single',
		htmlReport: false,
		chart: 'none',
		options: { latestPeriodOnly: true, onUnknownKind: 'skip' },
	});
	wf.link(known, score, 1);
	const weakest =
		'={{ $json.metrics.filter(m => m.score !== null).sort((a, b) => a.score - b.score)[0] ?? null }}';
	const answer = wf.node(
		'supplier_scorecard answer',
		...NODES.SET,
		[6, 7],
		set(
			[
				['supplier', '={{ $json.supplier }}'],
				['found', '={{ true }}', 'boolean'],
				['period', '={{ $json.period }}'],
				['score', '={{ $json.score }}', 'number'],
				['grade', '={{ $json.grade }}'],
				['previousScore', '={{ $json.previousScore ?? null }}', 'number'],
				['previousGrade', '={{ $json.previousGrade ?? null }}'],
				['trend', '={{ $json.trend ?? null }}', 'number'],
				['weakestMetric', weakest, 'object'],
				['metrics', '={{ $json.metrics }}', 'array'],
				['flags', '={{ $json.flags }}', 'array'],
				['notes', '={{ $json.notes }}', 'array'],
			],
			false,
		),
	);
	wf.link(score, answer, 0);
	wf.link(
		known,
		notFound(wf, 'supplier_scorecard: unknown supplier', [5, 8], 'supplier', TABLES.supplierRows),
		0,
	);
}

/**
 * fmea_lookup: the worksheet rated (AP per row) on a side branch that runs first, the description
 * classified and matched against the rows; the answer joins each match with its rated row.
 */
function fmeaLookup(wf, route) {
	const rows = wf.node('FMEA rows', ...NODES.DATA_TABLE, [2, 9], getRows(TABLES.fmea), {
		alwaysOutputData: true,
	});
	wf.link(route, rows, 4);
	// Above the matching branch: n8n's v1 order runs it first, so its items are there for the answer.
	const rated = wf.node('FMEA worksheet', ...NODES.FMEA, [3, 8.6], {
		operation: 'analyze',
		idField: 'fmeaId',
		options: { html: false, chart: 'none' },
	});
	wf.link(rows, rated);
	const described = wf.node(
		'Description as complaint',
		...NODES.SET,
		[3, 9.4],
		set([['text', "={{ $('Tool call').first().json.description }}"]], false),
		{ executeOnce: true },
	);
	wf.link(rows, described);
	const classify = wf.node('Classify description', ...NODES.CLASSIFIER, [4, 9.4], {
		operation: 'classify',
		text: '={{ $json.text }}',
		routing: 'single',
		taxonomy: 'default',
		summary: false,
		options: {},
	});
	wf.link(described, classify);
	const match = wf.node('Match FMEA rows', ...NODES.FMEA, [5, 9.4], {
		operation: 'matchComplaints',
		fmeaRows: "={{ $('FMEA rows').all().map(item => item.json) }}",
		idField: 'fmeaId',
		classificationField: 'complaint',
		textField: 'text',
		options: { html: false },
	});
	wf.link(classify, match);
	const ratedRow = words(
		"[0, 1, 2].flatMap(output => $('FMEA worksheet').all(output)).map(item => item.json)",
		'.find(row => row.fmeaId === m.rowId)',
	);
	const matches = words(
		`={{ $json.fmea.matches.map(m => { const row = ${ratedRow};`,
		'return { fmeaId: m.rowId, score: m.score, item: row.item, processStep: row.processStep,',
		'failureMode: row.failureMode, effect: row.effect, cause: row.cause, severity: row.severity,',
		'occurrence: row.occurrence, detection: row.detection, rpn: row.rpn, ap: row.ap,',
		'actionRequired: row.actionRequired, owner: row.owner }; }) }}',
	);
	const answer = wf.node(
		'fmea_lookup answer',
		...NODES.SET,
		[6, 9.4],
		set(
			[
				['description', '={{ $json.text }}'],
				['newFailureMode', '={{ $json.fmea.newFailureMode }}', 'boolean'],
				['matches', matches, 'array'],
				[
					'classification',
					words(
						'={{ { category: $json.complaint.category, severity: $json.complaint.severity,',
						'hazards: $json.complaint.hazards } }}',
					),
					'object',
				],
			],
			false,
		),
	);
	wf.link(match, answer, 0);
	wf.link(match, answer, 1);
}

function build() {
	const wf = new Workflow(
		'qmsToolsMcp',
		'QMS tools (MCP server)',
		words(
			'The QMS engines as tools of MCP clients (Claude Desktop, IDEs, n8n AI Agent): classify a',
			'complaint, open and follow 8D cases, check SPC, score suppliers.',
		),
	);
	about(
		wf,
		[-1, -3],
		[860, 360],
		[
			'## QMS tools (MCP server)',
			[
				`**What it does:** an MCP server at \`/mcp/${SERVER_PATH}\` whose tools an AI assistant calls on your`,
				'own data: **classify_complaint** (category, severity, hazards, response deadline), **open_case**',
				'(classify, open the 8D report, save the case), **case_status** (current discipline, what blocks the',
				'next step, overdue deadlines, whether the audited history verifies), **spc_check** (I-MR chart with',
				'Nelson rules on the latest 100 measurements, capability when spec limits are known),',
				'**supplier_scorecard** (latest score, grade, trend, weakest metric) and **fmea_lookup** (the FMEA',
				'rows matching a described failure, with their action priority). The QMS engines compute every',
				'answer; the model only picks the tool and reads the result.',
			],
			'',
			[
				'**Configure:** create the credential *QMS MCP token (bearer)* with a long random token (e.g.',
				'`openssl rand -hex 32`) and publish the workflow. Clients send `Authorization: Bearer <token>`;',
				'calls without it get 403. Spec limits per characteristic in **Spec limits**. The *Instructions* of',
				'the MCP Server Trigger reach every client as guidance for its model.',
			],
			'',
			[
				`**Where data goes:** open_case writes a case to \`${TABLES.cases}\` (source \`mcp\`); the other`,
				`tools only read \`${TABLES.cases}\`, \`${TABLES.measurements}\`, \`${TABLES.supplierRows}\` and`,
				`\`${TABLES.fmea}\`.`,
				SETUP_NOTE,
			],
		],
	);
	wf.sticky(
		'Connect a client',
		[5, -3],
		[700, 460],
		[
			'### Connect an MCP client',
			words(
				`URL (once published): \`https://<your n8n>/mcp/${SERVER_PATH}\`. It speaks **Streamable HTTP**`,
				'(POST) and, for older clients, **SSE** (GET on the same URL). While you build, *Execute workflow*',
				`listens once on the test URL \`/mcp-test/${SERVER_PATH}\`.`,
			),
			'',
			'**Claude Desktop** (`claude_desktop_config.json`, through the `mcp-remote` bridge):',
			'```json',
			'{ "mcpServers": { "qms": {',
			'  "command": "npx",',
			`  "args": ["mcp-remote", "https://<your n8n>/mcp/${SERVER_PATH}",`,
			'           "--header", "Authorization:${QMS_AUTH_HEADER}"],',
			'  "env": { "QMS_AUTH_HEADER": "Bearer <token>" } } } }',
			'```',
			'**VS Code** (`.vscode/mcp.json`; Cursor: `~/.cursor/mcp.json` with `mcpServers`):',
			'```json',
			'{ "servers": { "qms": { "type": "http",',
			`  "url": "https://<your n8n>/mcp/${SERVER_PATH}",`,
			'  "headers": { "Authorization": "Bearer <token>" } } } }',
			'```',
			words(
				"**n8n's AI Agent** (another workflow): add the *MCP Client Tool* with this URL, transport HTTP",
				'Streamable, authentication Bearer with the same token.',
			),
		].join('\n'),
		5,
	);
	const server = wf.node(
		'QMS tools',
		'@n8n/n8n-nodes-langchain.mcpTrigger',
		2.1,
		[2, -1],
		{
			authentication: 'bearerAuth',
			path: SERVER_PATH,
			instructions: [
				"Quality management tools on the team's own complaint, 8D, SPC and supplier data.",
				words(
					'Use classify_complaint to assess a complaint without saving it; use open_case only when the',
					'user wants a case opened (it writes a record).',
				),
				'Pass case ids exactly as given (e.g. 8D-20261203-1a2b3c4d).',
				'Quote numbers, rules and deadlines from the tool answers; do not estimate them.',
			].join('\n'),
		},
		{ webhookId: uid('qmsToolsMcp/mcp'), credentials: CREDENTIALS.mcpBearer },
	);
	tools(wf, server);

	wf.sticky(
		'Tool chains',
		[-1, 1.4],
		[760, 160],
		words(
			'### Tool chains\nThe tools above except classify_complaint call this workflow: *Tool call* receives',
			'the tool name and its arguments, *Which tool?* routes to its chain, and the last node of the chain',
			'is the answer the client gets.',
		),
		6,
	);
	const call = wf.node('Tool call', 'n8n-nodes-base.executeWorkflowTrigger', 1.1, [0, 3], {
		inputSource: 'workflowInputs',
		workflowInputs: { values: INPUTS.map(([name, type]) => ({ name, type })) },
	});
	const route = wf.node('Which tool?', 'n8n-nodes-base.switch', 3.2, [1, 3], {
		rules: {
			values: ['open_case', 'case_status', 'spc_check', 'supplier_scorecard', 'fmea_lookup'].map(
				toolRule,
			),
		},
		options: {},
	});
	wf.link(call, route);
	openCase(wf, route);
	caseStatus(wf, route);
	spcCheck(wf, route);
	supplierScorecard(wf, route);
	fmeaLookup(wf, route);
	return wf;
}

module.exports = { file: 'qms-tools-mcp.json', build };
