/**
 * Weekly supplier scorecard: scores suppliers from receipts, deliveries, SCARs and complaints,
 * mails the HTML scorecard to purchasing and each buyer, and opens SCAR cases for C and D grades.
 */
const {
	CASE_COLUMNS,
	CREDENTIALS,
	NODES,
	SETUP_NOTE,
	TABLES,
	Workflow,
	about,
	condition,
	getRows,
	insertParameters,
	mail,
	rowNotExists,
	set,
	settings,
	settingsValue,
	weekly,
	words,
} = require('../shared');

function build() {
	const wf = new Workflow(
		'qmsSupplierScorecardWeekly',
		'QMS: weekly supplier scorecard',
		words(
			'Scores suppliers from receipts, deliveries, SCARs and complaints, mails the HTML scorecard and',
			'opens SCAR cases for C and D grades.',
		),
	);
	about(
		wf,
		[-1, -3],
		[760, 380],
		[
			'## Weekly supplier scorecard',
			[
				'**What it does:** every Monday 07:00 all supplier rows (receipts, deliveries, SCARs,',
				'complaints) are scored per calendar month: PPM, lot acceptance, on-time delivery, SCAR on',
				'time, complaints -> score 0..100 and grade A-D with trend. Purchasing gets the full HTML',
				'scorecard with the trend chart; each buyer (column `buyerEmail` of the rows, the *Summary per',
				'Group Field* option of *Supplier Scorecard*) gets the scorecards of their suppliers; every',
				'supplier graded C or D gets a SCAR case (once per supplier and month) and its buyer a SCAR',
				'request mail (purchasing, for a supplier without a buyer).',
			],
			'',
			[
				'**Configure:** credential *QMS SMTP*; addresses in **Settings**; weights, curves and',
				'thresholds in *Supplier Scorecard*. **From a file instead:** replace *Supplier rows* by',
				'*Read/Write Files* + *Extract from File* (CSV / Excel with the same columns).',
			],
			'',
			[
				`**Where data goes:** reads \`${TABLES.supplierRows}\`; SCAR cases go to \`${TABLES.cases}\``,
				`(source \`scar\`). ${SETUP_NOTE}`,
			],
		],
	);
	const trigger = wf.node('Every Monday 07:00', ...NODES.SCHEDULE, [0, 0], weekly(1, 7));
	const conf = settings(wf, [1, 0], [['purchasingEmail', 'purchasing@example.com']]);
	const rows = wf.node('Supplier rows', ...NODES.DATA_TABLE, [2, 0], getRows(TABLES.supplierRows), {
		executeOnce: true,
	});
	// A bad row is skipped and listed in the Summary (badRows), a failure of the whole run takes the
	// error output: one wrong row does not stop the weekly mails.
	const score = wf.node(
		'Supplier Scorecard',
		...NODES.SCORECARD,
		[3, 0],
		{
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
				summaryGroupField: 'buyerEmail',
			},
		},
		{ onError: 'continueErrorOutput' },
	);
	const report = wf.node(
		'Mail scorecard to purchasing',
		...NODES.MAIL,
		[5, -1.2],
		{
			fromEmail: settingsValue('senderEmail'),
			toEmail: settingsValue('purchasingEmail'),
			subject: words(
				"=Supplier scorecard {{ $json.periods.join(', ') }}: {{ $json.grades.A }} A,",
				'{{ $json.grades.B }} B, {{ $json.grades.C }} C, {{ $json.grades.D }} D',
			),
			emailFormat: 'both',
			text: words(
				"=Supplier scorecard for {{ $json.periods.join(', ') }}: {{ $json.suppliers }} suppliers.",
				'Grades: A {{ $json.grades.A }}, B {{ $json.grades.B }}, C {{ $json.grades.C }},',
				'D {{ $json.grades.D }}. The HTML version and the trend chart are attached.',
				"{{ ($json.badRows || []).length ? '\\n\\nRows skipped as unreadable (fix them in the table):\\n' +",
				"$json.badRows.map(b => 'row ' + b.row + ': ' + b.message).join('\\n') : '' }}",
			),
			html: '={{ $json.html }}',
			options: { attachments: 'chart,scorecard' },
		},
		{ credentials: CREDENTIALS.smtp },
	);
	const overall = wf.node(
		'Overall summary?',
		...NODES.IF,
		[4, -0.6],
		condition('={{ $json.group }}', 'empty'),
	);
	const buyerMail = wf.node(
		'Mail buyer their suppliers',
		...NODES.MAIL,
		[5, 0],
		{
			fromEmail: settingsValue('senderEmail'),
			toEmail: '={{ $json.group }}',
			subject: words(
				"=Supplier scorecard {{ $json.periods.join(', ') }} for your suppliers:",
				"{{ $json.ranking.map(c => c.supplier + ' ' + c.grade).join(', ') }}",
			),
			emailFormat: 'both',
			text: words(
				"={{ $json.ranking.map(c => c.supplier + ': ' + c.score.toFixed(1) + ' (' + c.grade + ')')",
				".join('\\n') }}",
			),
			html: '={{ $json.html }}',
			options: {},
		},
		{ credentials: CREDENTIALS.smtp },
	);
	const poor = wf.node(
		'Grade C or D?',
		...NODES.IF,
		[5, 1],
		condition('={{ $json.grade }}', 'regex', '^[CD]$'),
	);
	const scar = wf.node(
		'SCAR case',
		...NODES.SET,
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
					words(
						"={{ 'Supplier ' + $json.supplier + ' graded ' + $json.grade + ' (' + $json.score.toFixed(1) +",
						"') for ' + $json.period + ': ' + $json.metrics.filter(m => m.score !== null &&",
						"m.score < 80).map(m => m.id + ' ' + m.value).join(', ') }}",
					),
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
					words(
						"={{ ($('Supplier rows').all().map(i => i.json).find(r => r.supplier === $json.supplier &&",
						"r.buyerEmail) || {}).buyerEmail || $('Settings').first().json.purchasingEmail }}",
					),
				],
			],
			false,
		),
	);
	const fresh = wf.node(
		'No SCAR yet?',
		...NODES.DATA_TABLE,
		[7, 1],
		rowNotExists(TABLES.cases, 'caseId', '={{ $json.caseId }}'),
	);
	const save = wf.node(
		'Save SCAR case',
		...NODES.DATA_TABLE,
		[8, 1],
		insertParameters(TABLES.cases, CASE_COLUMNS),
	);
	const buyer = wf.node(
		'SCAR request to buyer',
		...NODES.MAIL,
		[8, 2],
		mail({
			to: '={{ $json.buyerEmail }}',
			subject: '=SCAR {{ $json.caseId }}: {{ $json.supplier }} graded {{ $json.grade }}',
			text: [
				words(
					'=Supplier {{ $json.supplier }} scored {{ $json.score.toFixed(1) }} (grade {{ $json.grade }})',
					'for the period. Please send the supplier a SCAR and ask for an 8D response within 2 days.',
				),
				'',
				'{{ $json.text }}',
				'',
				'Case: {{ $json.caseId }}',
			].join('\n'),
		}),
		{ credentials: CREDENTIALS.smtp },
	);
	wf.chain(trigger, conf, rows, score);
	wf.link(score, poor, 0);
	wf.link(poor, scar, 0);
	wf.link(score, overall, 1);
	wf.link(overall, report, 0);
	wf.link(overall, buyerMail, 1);
	wf.chain(scar, fresh);
	wf.link(fresh, save);
	wf.link(fresh, buyer);
	return wf;
}

module.exports = { file: 'supplier-scorecard-weekly.json', build };
