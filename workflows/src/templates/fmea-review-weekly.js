/**
 * Weekly FMEA review from field complaints: the complaints of the week are re-classified and
 * matched against the FMEA rows of `qms_fmea`; the FMEA owner gets the new failure modes and
 * the underrated rows with their Action Priority now and as the complaints suggest.
 */
const {
	CREDENTIALS,
	NODES,
	TABLES,
	Workflow,
	about,
	allOf,
	getRows,
	setting,
	settings,
	settingsValue,
	words,
} = require('../shared');

const CLASSIFIED = 'Re-classify complaint text';

function build() {
	const wf = new Workflow(
		'qmsFmeaReviewWeekly',
		'QMS: FMEA review from field complaints',
		words(
			'Weekly: matches the complaints of the week against the FMEA rows and mails the FMEA owner the',
			'new failure modes and the underrated rows with their Action Priority.',
		),
	);
	about(
		wf,
		[-1, -3],
		[820, 440],
		[
			'## FMEA review from field complaints',
			[
				'**What it does:** every Monday 07:30 the customer complaints (mail, webhook and chat cases)',
				'received in the last `windowDays` days are classified again from their text (the case rows',
				'keep category and severity, not the keyword evidence) and matched by the **FMEA** node',
				'(*Match Complaints*) against the FMEA rows: bilingual terms of failure mode, effect and cause.',
				'A complaint no row matches is a **new failure mode**; a row is **underrated** when a complaint',
				"is more severe than its S (critical: S 9-10) or the week's complaints per million units",
				'shipped reach a higher O band. When there is either, the FMEA owner gets one HTML mail with',
				'both lists, S O D and AP now and suggested, every value escaped. Nothing is mailed in a',
				'quiet week. *Try it* runs the same chain by hand.',
			],
			'',
			[
				'**Configure:** credential *QMS SMTP*; in **Settings** the FMEA owner (`fmeaOwnerEmail`),',
				'the units shipped in the window (`unitsShipped`, 0: no occurrence check) and the window',
				'(`windowDays`). Minimum match score, another occurrence scale or units per item: options of',
				'*Match complaints against the FMEA*. The *Known* and *New Failure Mode* outputs carry each',
				'complaint with its row, e.g. for a chat post or a new FMEA row.',
			],
			'',
			[
				`**Where data goes:** reads \`${TABLES.cases}\` and \`${TABLES.fmea}\` (one row per failure`,
				'mode and cause, its ID in `fmeaId`: the *Row ID Field*; the ID the 8D names in D7 when',
				'the FMEA is reviewed); writes nothing. Needs the Data Tables of the **QMS setup: data',
				`tables** template (publish it once; it creates both tables; \`npm start\` seeds sample rows).`,
			],
		],
	);
	const schedule = wf.node('Every Monday 07:30', ...NODES.SCHEDULE, [0, 0], {
		rule: {
			interval: [{ field: 'weeks', triggerAtDay: [1], triggerAtHour: 7, triggerAtMinute: 30 }],
		},
	});
	const manual = wf.node('Try it', ...NODES.MANUAL, [0, 1], {});
	const conf = settings(
		wf,
		[1, 0.5],
		[
			['fmeaOwnerEmail', 'fmea.owner@example.com'],
			['unitsShipped', '20000'],
			['windowDays', '7'],
		],
	);
	const fmeaRows = wf.node('FMEA rows', ...NODES.DATA_TABLE, [2, 0.5], getRows(TABLES.fmea), {
		executeOnce: true,
	});
	// receivedAt is an ISO time in UTC (as the intake templates write it), so text order is time order
	const windowStart = `$now.minus({ days: Number(${setting('windowDays')}) }).toUTC().toISO()`;
	const week = wf.node(
		'Complaints of the window',
		...NODES.DATA_TABLE,
		[3, 0.5],
		getRows(TABLES.cases, [
			{ keyName: 'receivedAt', condition: 'gte', keyValue: `={{ ${windowStart} }}` },
		]),
		{ executeOnce: true },
	);
	const customers = wf.node(
		'Customer complaints only',
		...NODES.FILTER,
		[4, 0.5],
		allOf([
			"={{ ['mail', 'webhook', 'chat'].includes($json.source) }}",
			'true',
			undefined,
			'boolean',
		]),
	);
	const classify = wf.node(CLASSIFIED, ...NODES.CLASSIFIER, [5, 0.5], {
		operation: 'classify',
		text: '={{ $json.text }}',
		routing: 'single',
		taxonomy: 'default',
		summary: false,
		options: {},
	});
	const match = wf.node('Match complaints against the FMEA', ...NODES.FMEA, [6, 0.5], {
		operation: 'matchComplaints',
		fmeaRows: "={{ $('FMEA rows').all().map(item => item.json) }}",
		idField: 'fmeaId',
		classificationField: 'complaint',
		textField: 'text',
		options: {
			complaintIdField: 'caseId',
			html: true,
			language: 'en',
			period: '={{ $now.toFormat("kkkk-\'W\'WW") }}',
			unitsShipped: `={{ Number(${setting('unitsShipped')}) }}`,
		},
	});
	const needed = wf.node(
		'New failure modes or underrated rows?',
		...NODES.IF,
		[7, 1],
		allOf(['={{ $json.summary.newFailureModes + $json.summary.underrated }}', 'gt', 0, 'number']),
	);
	const complaint = `$('${CLASSIFIED}').all()[i].json`;
	const send = wf.node(
		'Mail the FMEA owner',
		...NODES.MAIL,
		[8, 1],
		{
			fromEmail: settingsValue('senderEmail'),
			toEmail: settingsValue('fmeaOwnerEmail'),
			subject: words(
				'=FMEA review {{ $now.toFormat("kkkk-\'W\'WW") }}: {{ $json.summary.newFailureModes }} new failure',
				'mode(s), {{ $json.summary.underrated }} underrated row(s) from {{ $json.summary.complaints }}',
				'complaints',
			),
			emailFormat: 'both',
			text: [
				'=New failure modes (no FMEA row matches): {{ $json.summary.newFailureModes }}',
				words(
					`{{ $json.newFailureModes.map(i => '- ' + ${complaint}.caseId + ' (' +`,
					`${complaint}.complaint.category + ', ' + ${complaint}.complaint.severity + '): ' +`,
					`${complaint}.text.slice(0, 200)).join('\\n') }}`,
				),
				'',
				'Underrated rows: {{ $json.summary.underrated }}',
				words(
					"{{ $json.underrated.map(r => '- ' + r.row.id + ' ' + r.row.failureMode + ': S O D ' +",
					"[r.row.severity, r.row.occurrence, r.row.detection].join(' ') + ' AP ' + r.row.ap +",
					"', suggested S O D ' + [r.suggested.severity, r.suggested.occurrence,",
					"r.suggested.detection].join(' ') + ' AP ' + r.suggested.ap).join('\\n') }}",
				),
				'',
				'The HTML part holds both lists with the reasons.',
			].join('\n'),
			html: '={{ $json.html }}',
			// the engine's review is a whole HTML document: nothing may follow its </html>
			options: { appendAttribution: false },
		},
		{ credentials: CREDENTIALS.smtp },
	);
	wf.link(schedule, conf);
	wf.link(manual, conf);
	wf.chain(conf, fmeaRows, week, customers, classify, match);
	wf.link(match, needed, 2);
	wf.link(needed, send, 0);
	return wf;
}

module.exports = { file: 'fmea-review-weekly.json', build };
