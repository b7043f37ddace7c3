/**
 * Complaint to CAPA (mail): complaint mails become classified cases with an 8D report,
 * acknowledgement and escalation; an hourly schedule escalates overdue 8D deadlines by level.
 */
const {
	CREDENTIALS,
	NODES,
	SETUP_NOTE,
	TABLES,
	Workflow,
	about,
	acknowledge,
	condition,
	escalateCritical,
	everyHours,
	getRows,
	intake,
	set,
	settings,
	setting,
	settingsValue,
	updateParameters,
	words,
} = require('../shared');

/** The schedule that checks open 8D reports against their deadlines and escalates by level. */
function deadlineBranch(wf, [col, row]) {
	wf.sticky(
		'Deadlines',
		[col - 1, row - 1],
		[760, 180],
		words(
			"### Deadline check\nEvery hour: open cases -> 8D Gate *Check Deadlines* (the report's own due",
			'dates). An overdue case mails the person of its escalation level (Deadline settings: owner =',
			'quality, then manager, then director) and records the level, so each level is mailed once.',
			'A report that cannot be read is mailed to quality (every hour until fixed).',
		),
		6,
	);
	const trigger = wf.node('Every hour', ...NODES.SCHEDULE, [col, row], everyHours(1));
	const conf = wf.node(
		'Deadline settings',
		...NODES.SET,
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
		...NODES.DATA_TABLE,
		[col + 2, row],
		getRows(TABLES.cases, [
			{ keyName: 'status', condition: 'eq', keyValue: 'open' },
			{ keyName: 'report', condition: 'isNotEmpty' },
		]),
		{ executeOnce: true },
	);
	// A report that cannot be read takes the error output (only `error` and `details`), so the
	// other cases are still checked and quality hears of the broken one.
	const check = wf.node(
		'Check 8D deadlines',
		...NODES.GATE,
		[col + 3, row],
		{ operation: 'checkDeadlines', reportField: 'report', profileSource: 'report', options: {} },
		{ onError: 'continueErrorOutput' },
	);
	const unreadable = wf.node(
		'Mail unreadable report',
		...NODES.MAIL,
		[col + 4, row + 2],
		{
			fromEmail: settingsValue('senderEmail', 'Deadline settings'),
			toEmail: settingsValue('qualityEmail', 'Deadline settings'),
			subject: "=[8D report unreadable] {{ $('Open cases').item.json.caseId }}",
			emailFormat: 'text',
			text: [
				words(
					"=The 8D report of case {{ $('Open cases').item.json.caseId }} cannot be checked against",
					'its deadlines, so it escalates no further until the `report` column of its row is fixed:',
				),
				'',
				'{{ $json.error }}',
			].join('\n'),
			options: {},
		},
		{ credentials: CREDENTIALS.smtp },
	);
	const changed = wf.node(
		'New escalation level?',
		...NODES.IF,
		[col + 4, row + 1],
		condition('={{ $json.escalation }}', 'notEquals', '={{ $json.deadlines.escalation }}'),
	);
	const address = (name) => setting(name, 'Deadline settings');
	const recipient = words(
		`{{ { owner: ${address('qualityEmail')}, manager: ${address('managerEmail')},`,
		`director: ${address('directorEmail')} }[$json.deadlines.escalation] ||`,
		`${address('qualityEmail')} }}`,
	);
	const escalate = wf.node(
		'Escalate overdue case',
		...NODES.MAIL,
		[col + 5, row + 1],
		{
			fromEmail: settingsValue('senderEmail', 'Deadline settings'),
			toEmail: `=${recipient}`,
			subject: '=[8D overdue: {{ $json.deadlines.escalation }}] {{ $json.caseId }}',
			emailFormat: 'text',
			text: [
				words(
					'=Case {{ $json.caseId }} ({{ $json.category }}, {{ $json.severity }},',
					'customer {{ $json.customer }}) is overdue.',
				),
				'',
				words(
					"{{ $json.deadlines.overdue.map(o => o.discipline + ' was due ' + o.dueAt +",
					"' (' + Math.round(o.by) + ' h late)').join('\\n') }}",
				),
				'',
				'Escalation level: {{ $json.deadlines.escalation }}',
			].join('\n'),
			options: {},
		},
		{ credentials: CREDENTIALS.smtp },
	);
	const record = wf.node(
		'Record escalation',
		...NODES.DATA_TABLE,
		[col + 6, row + 1],
		updateParameters(TABLES.cases, 'caseId', "={{ $('New escalation level?').item.json.caseId }}", {
			escalation: "={{ $('New escalation level?').item.json.deadlines.escalation }}",
			updatedBy: 'deadline-check',
		}),
	);
	wf.chain(trigger, conf, cases, check);
	wf.link(check, changed, 2);
	wf.link(check, unreadable, 3);
	wf.link(changed, escalate, 0);
	wf.link(escalate, record);
}

function build() {
	const wf = new Workflow(
		'qmsComplaintToCapaMail',
		'QMS: complaint to CAPA (mail)',
		words(
			'Complaint mails become classified cases with an 8D report, acknowledgement and escalation;',
			'a schedule escalates overdue 8D deadlines.',
		),
	);
	about(
		wf,
		[-1, -3],
		[760, 380],
		[
			'## Complaint to CAPA (mail)',
			[
				'**What it does:** every complaint mail in the mailbox is classified (category, severity,',
				'evidence, response deadline; Chinese and English), an 8D report is opened with containment,',
				'root-cause and closure deadlines, the case is saved, the customer gets an acknowledgement',
				'with the case ID, and critical complaints are escalated at once by mail and chat. Every hour',
				'the open cases are checked against their 8D deadlines; overdue ones escalate by level (owner,',
				'manager, director), once per level.',
			],
			'',
			[
				'**Configure:** credentials *QMS complaint mailbox (IMAP)* and *QMS SMTP*; the addresses and',
				'the chat webhook URL (Slack / Teams / Mattermost incoming webhook, empty = no chat) in',
				'**Settings** and **Deadline settings**.',
			],
			'',
			[
				`**Where data goes:** Data Table \`${TABLES.cases}\` (one row per case; the full 8D report`,
				`with its audited history in \`report\`). ${SETUP_NOTE}`,
			],
		],
	);
	const trigger = wf.node(
		'Complaint mail',
		'n8n-nodes-base.emailReadImap',
		2.1,
		[0, 0],
		{ mailbox: 'INBOX', postProcessAction: 'read', format: 'simple', options: {} },
		{ credentials: CREDENTIALS.imap },
	);
	const conf = settings(wf, [1, 0]);
	const fields = wf.node(
		'Complaint fields',
		...NODES.SET,
		[2, 0],
		set(
			[
				['text', "={{ ($json.subject || '') + '\\n' + ($json.textPlain || $json.text || '') }}"],
				[
					'customer',
					words(
						"={{ String($json.from || '').replace(/\\s*<[^>]*>\\s*/, '').replace(/\"/g, '').trim() ||",
						"String($json.from || '') }}",
					),
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

module.exports = { file: 'complaint-to-capa-mail.json', build };
