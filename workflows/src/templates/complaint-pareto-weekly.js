/**
 * Weekly complaint Pareto: complaints of the window by category (Pareto), severity and customer,
 * with the 8D on-time rate, mailed to management.
 */
const {
	CREDENTIALS,
	NODES,
	SETUP_NOTE,
	TABLES,
	Workflow,
	about,
	codeNode,
	allOf,
	getRows,
	setting,
	settings,
	settingsValue,
	weekly,
	words,
} = require('../shared');

function build() {
	const wf = new Workflow(
		'qmsComplaintParetoWeekly',
		'QMS: weekly complaint Pareto',
		words(
			'Weekly Pareto chart of complaints by category with severity, customer and 8D on-time KPIs,',
			'mailed to management.',
		),
	);
	about(
		wf,
		[-1, -3],
		[760, 360],
		[
			'## Weekly complaint Pareto',
			[
				'**What it does:** every Monday 08:00 the complaints of the last 7 days (mail, webhook and chat',
				'cases: *Complaints of the window*) are counted by the Complaint Classifier (*Pareto of',
				'Classified Items*) by category as a Pareto chart (bars and cumulative share, drawn in the mail',
				'so every client shows it), by severity and by customer; *8D on-time rate* adds the share of',
				'8D reports closed by, or still within, their D8 due date and the number of cases whose',
				'containment is overdue. Management gets it as one HTML mail, every name in it escaped.',
			],
			'',
			[
				'**Configure:** credential *QMS SMTP*; recipients and the window (`windowDays`) in',
				'**Settings**. Another set of complaint sources: edit *Complaints of the window*.',
			],
			'',
			`**Where data goes:** reads \`${TABLES.cases}\`; writes nothing. ${SETUP_NOTE}`,
		],
	);
	const trigger = wf.node('Every Monday 08:00', ...NODES.SCHEDULE, [0, 0], weekly(1, 8));
	const conf = settings(
		wf,
		[1, 0],
		[
			['managementEmail', 'management@example.com'],
			['windowDays', '7'],
		],
	);
	const cases = wf.node('All cases', ...NODES.DATA_TABLE, [2, 0], getRows(TABLES.cases), {
		executeOnce: true,
		alwaysOutputData: true,
	});
	const windowDays = `Number(${setting('windowDays')})`;
	const inWindow = wf.node(
		'Complaints of the window',
		...NODES.FILTER,
		[3, 0],
		allOf(
			["={{ ['mail', 'webhook', 'chat'].includes($json.source) }}", 'true', undefined, 'boolean'],
			[
				`={{ Date.parse($json.receivedAt) >= $now.minus({ days: ${windowDays} }).toMillis() }}`,
				'true',
				undefined,
				'boolean',
			],
		),
		{ alwaysOutputData: true },
	);
	const count = wf.node('Pareto by category', ...NODES.CLASSIFIER, [4, 0], {
		operation: 'pareto',
		category: '={{ $json.category }}',
		severity: '={{ $json.severity }}',
		customer: '={{ $json.customer }}',
		paretoHtml: true,
		paretoOptions: { title: `={{ 'Complaint Pareto, last ' + ${windowDays} + ' days' }}` },
	});
	const kpi = codeNode(wf, '8D on-time rate', [5, 0], {
		template: 'complaint-pareto-weekly',
		program: 'eight-d-on-time',
		mode: 'runOnceForAllItems',
	});
	const send = wf.node(
		'Mail management',
		...NODES.MAIL,
		[6, 0],
		{
			fromEmail: settingsValue('senderEmail'),
			toEmail: settingsValue('managementEmail'),
			subject: words(
				'=Complaint Pareto: {{ $json.total }} complaints, top {{ $json.pareto.length ?',
				"$json.pareto[0].category : 'none' }}, 8D on time {{ $json.eightD.onTimeRate === null ? 'n/a' :",
				"Math.round($json.eightD.onTimeRate * 100) + ' %' }}",
			),
			emailFormat: 'both',
			text: words(
				"={{ $json.pareto.map(p => p.category + ': ' + p.count + ' (' + Math.round(p.cumulativeShare * 100) +",
				"' % cumulative)').join('\\n') }}",
			),
			html: '={{ $json.html }}',
			options: {},
		},
		{ credentials: CREDENTIALS.smtp },
	);
	wf.chain(trigger, conf, cases, inWindow, count, kpi, send);
	return wf;
}

module.exports = { file: 'complaint-pareto-weekly.json', build };
