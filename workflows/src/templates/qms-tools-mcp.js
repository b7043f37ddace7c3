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
	TABLES,
	CREDENTIALS,
	Workflow,
	uid,
	set,
	condition,
	table,
	intake,
	NODES,
	setupNote,
} = require('../build');

const SERVER_PATH = 'qms';

/** Spec limits per characteristic of qms_measurements: capability is reported where known. */
const SPEC_LIMITS = {
	'bore-diameter': { lsl: 11.97, usl: 12.03, target: 12 },
	'shaft-length': { lsl: 49.85, usl: 50.15, target: 50 },
};

/** Points of a characteristic the chart looks at (the latest ones), as in the SPC monitor. */
const SPC_WINDOW = 100;

/** The inputs of the tool sub-workflow; each tool fills the ones it needs. */
const INPUTS = [
	['tool', 'string'],
	['text', 'string'],
	['customer', 'string'],
	['caseId', 'string'],
	['characteristic', 'string'],
	['supplier', 'string'],
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
 * Data Table rows whose `column` contains the asked name, ignoring case (narrowed in the
 * database; the Code node after it keeps the exact name, so the model may get the case wrong).
 */
const rowsLike = (tableName, column, value) => ({
	resource: 'row',
	operation: 'get',
	dataTableId: table(tableName),
	matchType: 'allConditions',
	filters: { conditions: [{ keyName: column, condition: 'ilike', keyValue: value }] },
	returnAll: true,
});

/** Code: the rows named `asked` (ignoring case), or one item { found: false, similar } without them. */
const exactName = (column, asked) => `const asked = String(${asked}).trim();
const rows = $input.all().map((item) => item.json).filter((row) => row.${column} !== undefined);
const named = rows.filter((row) => String(row.${column}).toLowerCase() === asked.toLowerCase());
if (named.length === 0) {
  const similar = [...new Set(rows.map((row) => row.${column}))].sort();
  return [{ json: { found: false, ${column}: asked, similar } }];
}`;

const SERIES = `// The characteristic's latest ${SPC_WINDOW} measurements in time order, with its spec limits if known.
${exactName('characteristic', "$('Tool call').first().json.characteristic")}
named.sort((a, b) => String(a.measuredAt).localeCompare(String(b.measuredAt)));
const latest = named.slice(-${SPC_WINDOW});
const specs = $('Spec limits').first().json.specs[latest[0].characteristic] || {};
return [{ json: {
  found: true,
  characteristic: latest[0].characteristic,
  unit: latest[0].unit || '',
  values: latest.map((row) => row.value),
  firstMeasuredAt: latest[0].measuredAt,
  lastMeasuredAt: latest[latest.length - 1].measuredAt,
  ...specs,
} }];`;

const SUPPLIER_ROWS = `// The rows of the supplier asked for.
${exactName('supplier', "$('Tool call').first().json.supplier")}
return named.map((json) => ({ json }));`;

function build() {
	const wf = new Workflow(
		'qmsToolsMcp',
		'QMS tools (MCP server)',
		'The QMS engines as tools of MCP clients (Claude Desktop, IDEs, n8n AI Agent): classify a complaint, open and follow 8D cases, check SPC, score suppliers.',
	);
	wf.sticky(
		'About',
		[-1, -4],
		[860, 560],
		[
			'## QMS tools (MCP server)',
			`**What it does:** an MCP server at \`/mcp/${SERVER_PATH}\` whose tools an AI assistant calls on your own data: **classify_complaint** (category, severity, hazards, response deadline), **open_case** (classify, open the 8D report, save the case), **case_status** (current discipline, what blocks the next step, overdue deadlines, whether the audited history verifies), **spc_check** (I-MR chart with Nelson rules on the latest ${SPC_WINDOW} measurements, capability when spec limits are known) and **supplier_scorecard** (latest score, grade, trend, weakest metric). Each answer is computed by the QMS engines, not by the model.`,
			'',
			"**Configure:** create the credential *QMS MCP token (bearer)* with a long random token (e.g. `openssl rand -hex 32`) and publish the workflow. Clients send `Authorization: Bearer <token>`; calls without it get 403. Spec limits per characteristic in **Spec limits**. The MCP Server Trigger's *Instructions* are sent to every client as guidance for the model.",
			'',
			`**Where data goes:** open_case writes a case to \`${TABLES.cases}\` (source \`mcp\`); the other tools only read \`${TABLES.cases}\`, \`${TABLES.measurements}\` and \`${TABLES.supplierRows}\`. ${setupNote}`,
		].join('\n'),
		4,
	);
	wf.sticky(
		'Connect a client',
		[7, -4],
		[700, 760],
		[
			'### Connect an MCP client',
			`URL (production, once published): \`https://<your n8n>/mcp/${SERVER_PATH}\`. It speaks **Streamable HTTP** (POST) and, for older clients, **SSE** (GET on the same URL). While you test in the editor: \`/mcp-test/${SERVER_PATH}\` after *Execute workflow*.`,
			'',
			'**Claude Desktop** (`claude_desktop_config.json`, through the `mcp-remote` bridge):',
			'```json',
			'{ "mcpServers": { "qms": {',
			'  "command": "npx",',
			`  "args": ["mcp-remote", "https://<your n8n>/mcp/${SERVER_PATH}",`,
			'           "--header", "Authorization: Bearer ${QMS_MCP_TOKEN}"],',
			'  "env": { "QMS_MCP_TOKEN": "<token>" } } } }',
			'```',
			'**VS Code / Cursor** (`.vscode/mcp.json` or `~/.cursor/mcp.json`):',
			'```json',
			'{ "servers": { "qms": { "type": "http",',
			`  "url": "https://<your n8n>/mcp/${SERVER_PATH}",`,
			'  "headers": { "Authorization": "Bearer <token>" } } } }',
			'```',
			"**n8n's AI Agent** (another workflow): add the *MCP Client Tool*, endpoint as above, transport HTTP Streamable, authentication Bearer with the same token. Or attach the QMS nodes directly: every QMS node has a tool variant (e.g. *Complaint Classifier Tool*).",
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
				'Use classify_complaint to assess a complaint without saving it; use open_case only when the user wants a case opened (it writes a record).',
				'Case ids look like 8D-20261203-1a2b3c4d; pass them exactly as given.',
				'Quote numbers, rules and deadlines from the tool answers; do not estimate them.',
			].join('\n'),
		},
		{ webhookId: uid('qmsToolsMcp/mcp'), credentials: CREDENTIALS.mcpBearer },
	);
	const attach = (tool) => {
		(wf.connections[tool] ??= {}).ai_tool = [[{ node: server, type: 'ai_tool', index: 0 }]];
	};

	attach(
		wf.node('classify_complaint', 'n8n-nodes-qms.complaintClassifierTool', 1, [0, 0], {
			descriptionType: 'manual',
			toolDescription:
				'Classifies a customer complaint (Chinese, English or mixed) without saving anything. Returns the category (design, production, supplier_material, logistics_packaging, service, documentation, delivery or unclassified), the severity (critical, major, minor) with its reason and the hazards found, the evidence keywords with their offsets in the text, the language, a confidence from 0 to 1, and the response deadline counted from now.',
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
			'Opens a quality case for a customer complaint: classifies it, opens its 8D report with the containment (D3), root-cause (D4) and closure (D8) deadlines, and saves the case. Returns the new case id, the classification and the due dates. Call it once per complaint, only when a case should be recorded.',
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
			"Status of a quality case (8D report) by its case id: the discipline it is in (D0..D8), whether it may move to the next one and, if not, each missing item with the reason, the deadlines that are overdue and by how many hours, and whether the report's audited history verifies (no entry altered).",
			{ caseId: ['The case id, e.g. 8D-20261203-1a2b3c4d', 'string'] },
		),
	);
	attach(
		workflowTool(
			wf,
			'spc_check',
			[3, 0],
			`Statistical process control for a measured characteristic (e.g. bore-diameter): an I-MR control chart over its latest ${SPC_WINDOW} measurements with the Nelson rules. Returns whether it is in control, center line, sigma and control limits, each rule violation with the points involved, and process capability (Cp, Cpk, Pp, Ppk) when spec limits are known.`,
			{ characteristic: ['Name of the characteristic as measured, e.g. bore-diameter', 'string'] },
		),
	);
	attach(
		workflowTool(
			wf,
			'supplier_scorecard',
			[4, 0],
			"A supplier's scorecard for its latest month: score 0..100 and grade (A >= 90, B >= 80, C >= 70, else D), the change against the previous month, the weakest metric, and every metric (ppm, lot acceptance, on-time delivery, SCARs closed on time, complaints) with its value and score.",
			{ supplier: ['The supplier name, e.g. Acme Castings', 'string'] },
		),
	);

	// ---- the tools that need Data Tables: this workflow called by its own tools ----
	wf.sticky(
		'Tool chains',
		[-1, 1.4],
		[760, 160],
		'### Tool chains\nThe tools above (except classify_complaint) call this workflow: *Tool call* receives the tool name and its arguments, *Which tool?* routes to the chain, and the last node of the chain is the answer the client gets.',
		6,
	);
	const call = wf.node('Tool call', 'n8n-nodes-base.executeWorkflowTrigger', 1.1, [0, 3], {
		inputSource: 'workflowInputs',
		workflowInputs: { values: INPUTS.map(([name, type]) => ({ name, type })) },
	});
	const route = wf.node('Which tool?', 'n8n-nodes-base.switch', 3.2, [1, 3], {
		rules: {
			values: ['open_case', 'case_status', 'spc_check', 'supplier_scorecard'].map(toolRule),
		},
		options: {},
	});
	wf.link(call, route);

	// open_case: the intake chain of the other templates, then the answer.
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
	const opened = wf.node(
		'open_case answer',
		...NODES.SET,
		[8, 2],
		set(
			[
				['caseId', "={{ $('Case record').item.json.caseId }}"],
				['stage', "={{ $('Case record').item.json.stage }}"],
				['receivedAt', "={{ $('Case record').item.json.receivedAt }}"],
				['responseDueAt', "={{ $('Case record').item.json.responseDueAt }}"],
				['containmentDueAt', "={{ $('Case record').item.json.d3DueAt }}"],
				['closureDueAt', "={{ $('Case record').item.json.d8DueAt }}"],
				['classification', "={{ $('Complaint Classifier').item.json.complaint }}", 'object'],
			],
			false,
		),
	);
	wf.link(save, opened);

	// case_status: the case's report through the gate to its next discipline and the history check.
	const find = wf.node(
		'Find case',
		...NODES.DATA_TABLE,
		[2, 3],
		{
			resource: 'row',
			operation: 'get',
			dataTableId: table(TABLES.cases),
			matchType: 'allConditions',
			filters: {
				conditions: [{ keyName: 'caseId', condition: 'eq', keyValue: '={{ $json.caseId }}' }],
			},
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
	const status = wf.node(
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
	wf.link(history, status, 0);
	wf.link(history, status, 1);
	const noCase = wf.node(
		'case_status: no such case',
		...NODES.SET,
		[4, 4],
		set(
			[
				['caseId', "={{ $('Tool call').first().json.caseId }}"],
				['found', '={{ false }}', 'boolean'],
				[
					'message',
					`={{ 'No case ' + $('Tool call').first().json.caseId + ' in ${TABLES.cases}' }}`,
				],
			],
			false,
		),
	);
	wf.link(found, noCase, 1);

	// spc_check: spec limits, the characteristic's measurements, the chart.
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
		rowsLike(TABLES.measurements, 'characteristic', '={{ $json.characteristic }}'),
		{ alwaysOutputData: true },
	);
	wf.link(specs, measurements);
	const series = wf.node('Series and specs', ...NODES.CODE, [4, 5], {
		mode: 'runOnceForAllItems',
		jsCode: SERIES,
	});
	wf.link(measurements, series);
	const measured = wf.node(...notFoundCheck('Characteristic measured?', [5, 5]));
	wf.link(series, measured);
	const spc = wf.node('SPC Check', ...NODES.SPC, [6, 5], {
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
	wf.link(measured, spc, 1);
	const chart = wf.node(
		'spc_check answer',
		...NODES.SET,
		[7, 5],
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
				[
					'specLimits',
					'={{ $json.lsl === undefined && $json.usl === undefined ? null : { lsl: $json.lsl, usl: $json.usl, target: $json.target } }}',
					'object',
				],
				['capability', '={{ $json.spc.capability ?? null }}', 'object'],
			],
			false,
		),
	);
	wf.link(spc, chart, 0);
	wf.link(spc, chart, 1);
	wf.link(
		measured,
		wf.node(...notFound('spc_check: not measured', [6, 6], 'characteristic', TABLES.measurements)),
		0,
	);

	// supplier_scorecard: the supplier's rows, the latest month's scorecard.
	const rows = wf.node(
		'Supplier rows',
		...NODES.DATA_TABLE,
		[2, 7],
		rowsLike(TABLES.supplierRows, 'supplier', '={{ $json.supplier }}'),
		{ alwaysOutputData: true },
	);
	wf.link(route, rows, 3);
	const named = wf.node('Rows of the supplier', ...NODES.CODE, [3, 7], {
		mode: 'runOnceForAllItems',
		jsCode: SUPPLIER_ROWS,
	});
	wf.link(rows, named);
	const known = wf.node(...notFoundCheck('Supplier known?', [4, 7]));
	wf.link(named, known);
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
	const card = wf.node(
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
				[
					'weakestMetric',
					'={{ $json.metrics.filter(m => m.score !== null).sort((a, b) => a.score - b.score)[0] ?? null }}',
					'object',
				],
				['metrics', '={{ $json.metrics }}', 'array'],
				['flags', '={{ $json.flags }}', 'array'],
				['notes', '={{ $json.notes }}', 'array'],
			],
			false,
		),
	);
	wf.link(score, card, 0);
	wf.link(
		known,
		wf.node(
			...notFound('supplier_scorecard: unknown supplier', [5, 8], 'supplier', TABLES.supplierRows),
		),
		0,
	);
	return wf;
}

/** If on the { found: false } item of {@link exactName}: output 0 not found, 1 the rows. */
function notFoundCheck(name, at) {
	return [
		name,
		...NODES.IF,
		at,
		condition("={{ $json.found === false ? 'no' : 'yes' }}", 'equals', 'no'),
	];
}

/** The answer when nothing has the name asked for, with the names that contain it. */
function notFound(name, at, column, tableName) {
	return [
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
					`={{ 'Nothing named ' + $json.${column} + ' in ${tableName}' + ($json.similar.length ? '; names containing it: ' + $json.similar.join(', ') : '') }}`,
				],
			],
			false,
		),
	];
}

module.exports = { file: 'qms-tools-mcp.json', build };
