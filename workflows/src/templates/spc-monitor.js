/**
 * SPC monitor: control charts on every characteristic; an out-of-control signal opens a CAPA case
 * (once per characteristic and day) and mails the chart; cases at D6 get the measurements of their
 * SPC proof attached.
 */
const {
	CASE_COLUMNS,
	CREDENTIALS,
	NODES,
	SETUP_NOTE,
	TABLES,
	Workflow,
	about,
	codeNode,
	everyHours,
	getRows,
	insertParameters,
	mail,
	rowNotExists,
	set,
	settings,
	settingsValue,
	uid,
	updateParameters,
	words,
} = require('../shared');

function build() {
	const wf = new Workflow(
		'qmsSpcMonitor',
		'QMS: SPC monitor',
		'Control charts on every characteristic; an out-of-control signal opens a CAPA case and mails the chart.',
	);
	about(
		wf,
		[-1, -3],
		[760, 380],
		[
			'## SPC monitor',
			[
				'**What it does:** every hour (or when a machine / MES posts new measurements to',
				"`POST /webhook/qms/measurements`), each characteristic's last 100 measurements go through SPC",
				'Check (I-MR chart, Nelson rules). An out-of-control characteristic opens a CAPA case with an',
				'8D report (once per characteristic and day) and mails the findings with the control chart as',
				"PNG. A case at D6 whose SPC proof names a characteristic gets that characteristic's",
				'measurements around its fix date attached to the proof, so the 8D Gate can pass D6 on the',
				'proof alone and the report document shows the after-fix chart.',
			],
			'',
			[
				'**Configure:** credentials *QMS SMTP* and *QMS intake token (header)* (for the webhook);',
				'addresses in **Settings**; chart type and rules in *SPC Check*. Webhook body:',
				'`{ "measurements": [ { "characteristic": "bore-diameter", "value": 12.01, "measuredAt":',
				'"2026-03-01T08:00:00Z", "line": "L1", "unit": "mm" } ] }`.',
			],
			'',
			[
				`**Where data goes:** measurements in \`${TABLES.measurements}\`, cases in \`${TABLES.cases}\``,
				`(source \`spc\`). ${SETUP_NOTE}`,
			],
		],
	);
	const schedule = wf.node('Every hour', ...NODES.SCHEDULE, [0, 0], everyHours(1));
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
		...NODES.DATA_TABLE,
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
		...NODES.DATA_TABLE,
		[4, 0],
		getRows(TABLES.measurements),
		{
			executeOnce: true,
		},
	);
	const group = codeNode(wf, 'Series per characteristic', [5, 0], {
		template: 'spc-monitor',
		program: 'series-per-characteristic',
		mode: 'runOnceForAllItems',
	});
	const spc = wf.node('SPC Check', ...NODES.SPC, [6, 0], {
		operation: 'perItem',
		seriesField: 'values',
		chartType: 'imr',
		rulePreset: 'nelson',
		chartImage: 'png',
		options: { title: "={{ $json.characteristic + (' (' + $json.unit + ')') }}" },
	});
	const caseId = wf.node(
		'CAPA case ID',
		...NODES.SET,
		[7, 1],
		set([['caseId', "={{ 'SPC-' + $json.characteristic + '-' + $now.toFormat('yyyyMMdd') }}"]]),
	);
	const fresh = wf.node(
		'No case today yet?',
		...NODES.DATA_TABLE,
		[8, 1],
		rowNotExists(TABLES.cases, 'caseId', '={{ $json.caseId }}'),
	);
	const forReport = wf.node(
		'Finding as complaint',
		...NODES.SET,
		[9, 1],
		set([
			[
				'intake',
				words(
					"={{ { text: 'SPC signal on ' + $json.characteristic +",
					"($json.line ? ' (line ' + $json.line + ')' : '') + ': ' + $json.spc.summary,",
					"customer: 'internal: SPC', category: 'production', severity: 'major' } }}",
				),
				'object',
			],
		]),
	);
	const open = wf.node('Open 8D report', ...NODES.GATE, [10, 1], {
		operation: 'openFromComplaint',
		complaintField: 'intake',
		outputField: 'report',
		profile: 'default',
		options: { id: '={{ $json.caseId }}', actor: 'spc-monitor' },
	});
	const record = wf.node(
		'Case row',
		...NODES.SET,
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
		...NODES.DATA_TABLE,
		[12, 1],
		insertParameters(TABLES.cases, CASE_COLUMNS),
	);
	const mailChart = wf.node(
		'Mail chart to quality',
		...NODES.MAIL,
		[9, 2],
		mail({
			to: settingsValue('qualityEmail'),
			subject: '=[SPC] {{ $json.characteristic }} out of control: case {{ $json.caseId }}',
			text: [
				words(
					"=Characteristic {{ $json.characteristic }}{{ $json.line ? ' on line ' + $json.line : '' }}",
					'is out of control ({{ $json.spc.pointCount }} points, I-MR chart,',
					'center {{ $json.spc.center.toFixed(4) }}, sigma {{ $json.spc.sigma.toFixed(4) }}).',
				),
				'',
				'{{ $json.spc.summary }}',
				'',
				'Case {{ $json.caseId }} with an 8D report was opened. The control chart is attached.',
			].join('\n'),
			attachments: 'chartPng',
		}),
		{ credentials: CREDENTIALS.smtp },
	);
	const atD6 = wf.node(
		'Cases at D6',
		...NODES.DATA_TABLE,
		[5, -1],
		getRows(TABLES.cases, [
			{ keyName: 'stage', condition: 'eq', keyValue: 'D6' },
			{ keyName: 'status', condition: 'eq', keyValue: 'open' },
		]),
		{ executeOnce: true },
	);
	const attach = codeNode(wf, 'Attach SPC proof', [6, -1], {
		template: 'spc-monitor',
		program: 'attach-spc-proof',
		mode: 'runOnceForAllItems',
	});
	const saveProof = wf.node(
		'Save SPC proof',
		...NODES.DATA_TABLE,
		[7, -1],
		updateParameters(TABLES.cases, 'caseId', '={{ $json.caseId }}', {
			report: '={{ JSON.stringify($json.report) }}',
			updatedBy: 'spc-monitor',
		}),
	);
	wf.link(schedule, conf);
	wf.chain(hook, split, store);
	wf.link(store, conf);
	wf.chain(conf, load, group, spc);
	wf.chain(load, atD6, attach, saveProof);
	wf.link(spc, caseId, 1);
	wf.chain(caseId, fresh);
	wf.link(fresh, mailChart);
	wf.link(fresh, forReport);
	wf.chain(forReport, open, record, save);
	return wf;
}

module.exports = { file: 'spc-monitor.json', build };
