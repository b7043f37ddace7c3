/**
 * Gage R&R study: a quality engineer uploads the measurements of a crossed study as CSV through a
 * staff-only form; the Gage R&R node runs it, the HTML report with the six-panel chart goes by
 * mail, the result is stored in a Data Table, and the form's answer page shows the verdict.
 */
const {
	CREDENTIALS,
	NODES,
	SETUP_NOTE,
	TABLES,
	Workflow,
	about,
	insertParameters,
	COLUMNS,
	mail,
	set,
	uid,
	words,
} = require('../shared');

const FORM_NAME = 'Gage R&R study form';
const GAGE_NAME = 'Run crossed Gage R&R';
/** The form submission and the study result, for expressions further down the chain. */
const FORM = `$('${FORM_NAME}').first().json`;
const STUDY = `$('${GAGE_NAME}').item.json`;

/** Form labels: the item fields of the submission (and, with \W as _, the CSV's binary key). */
const LABEL = {
	csv: 'CSV file',
	gauge: 'Gauge',
	part: 'Part column',
	operator: 'Operator column',
	value: 'Value column',
	tolerance: 'Tolerance (USL - LSL)',
	recipient: 'Send the report to',
};
const CSV_BINARY = LABEL.csv.replace(/\W/g, '_');
const field = (name) => `${FORM}['${LABEL[name]}']`;

const FORM_FIELDS = [
	{
		fieldLabel: LABEL.csv,
		fieldType: 'file',
		multipleFiles: false,
		acceptFileTypes: '.csv',
		requiredField: true,
	},
	{ fieldLabel: LABEL.gauge, placeholder: 'Caliper C-0421, bore diameter', requiredField: true },
	{ fieldLabel: LABEL.part, defaultValue: 'part', requiredField: true },
	{ fieldLabel: LABEL.operator, defaultValue: 'operator', requiredField: true },
	{ fieldLabel: LABEL.value, defaultValue: 'value', requiredField: true },
	{ fieldLabel: LABEL.tolerance, fieldType: 'number', placeholder: 'empty: no %Tolerance' },
	{
		fieldLabel: LABEL.recipient,
		fieldType: 'email',
		placeholder: 'quality@example.com',
		requiredField: true,
	},
];

/** A form ending that shows a text page. */
const page = (completionTitle, completionMessage) => ({
	operation: 'completion',
	respondWith: 'text',
	completionTitle,
	completionMessage,
	options: {},
});

/** "Marginal" from "marginal", in an expression. */
const verdict = (acceptance) => `${acceptance}.charAt(0).toUpperCase() + ${acceptance}.slice(1)`;

function build() {
	const wf = new Workflow(
		'qmsGageRrStudy',
		'QMS: Gage R&R study',
		words(
			'Upload a crossed Gage R&R study as CSV; the HTML report with the chart goes by mail, the',
			'result into a Data Table, and the page answers with the verdict.',
		),
	);
	about(
		wf,
		[-1, -3],
		[760, 460],
		[
			'## Gage R&R study',
			[
				'**What it does:** an engineer opens the form, uploads the measurements of a crossed study',
				'(every operator measures every part the same number of times) as a CSV with one row per',
				'measurement, names the gauge and the recipient. *Run crossed Gage R&R* computes the study by',
				"ANOVA as Minitab's crossed Gage R&R does and judges %GRR by AIAG MSA 4th ed. (under 10 %",
				'Acceptable, up to 30 % Marginal, above Unacceptable; ndc 5 or more). The recipient gets the',
				'HTML report with the six-panel chart; the study is stored, and the page shows the verdict.',
			],
			'',
			[
				'**Configure:** credentials *QMS staff (basic auth)* (the login engineers type to open the',
				'form) and *QMS SMTP*; the sender in **Settings**. Publish and share `/form/qms-gage-rr`.',
				'The CSV needs a header row; its column names go into the form (default `part`, `operator`,',
				'`value`), so an export with `appraiser` or `measurement` columns works as it is.',
			],
			'',
			[
				`**Where data goes:** Data Table \`${TABLES.msaStudies}\`, one row per study: gauge, date,`,
				`method, parts / operators / trials, %GRR, %Tolerance, ndc, acceptance. ${SETUP_NOTE}`,
			],
		],
	);
	wf.sticky(
		'Study options',
		[2.5, -3],
		[480, 300],
		[
			'### Study options',
			words(
				'Method, study-variation multiplier (6 or 5.15), interaction alpha (Minitab 0.05,',
				'qualityTools 0.25), ndc factor and whether %GRR is judged on study variation or on',
				'tolerance are parameters of *Run crossed Gage R&R*. A semicolon CSV (European Excel): set',
				'the delimiter in *Read CSV rows*.',
			),
			'',
			words(
				'A study that cannot be run (an operator who skipped a part, a value that is not a number,',
				'a column name that is not in the file) ends on *Study not run*, naming the row and field.',
			),
		].join('\n'),
	);
	wf.sticky(
		'8D evidence',
		[4.75, -3],
		[520, 340],
		[
			'### Evidence for 8D D4 and D6',
			words(
				'The 8D rule set `measurement-system` requires "measurement system verified (%GRR ≤ 30 %)"',
				"at D4 (root cause) and D6 (validation): evidence of kind `msa` in the report's `evidence`",
				'list. A study on *Acceptable* or *Marginal* qualifies; add one entry per discipline, e.g.',
				'`{ "id": "msa-c0421", "discipline": "D4", "kind": "msa", "name": "Gage R&R C-0421:',
				'%GRR 27.86 % (Marginal)", "uri": "qms_msa_studies" }`. An *Unacceptable* study does not:',
				'improve the gauge and run the study again.',
			),
		].join('\n'),
	);
	const trigger = wf.node(
		FORM_NAME,
		...NODES.FORM_TRIGGER,
		[0, 0],
		{
			formTitle: 'Gage R&R study',
			formDescription: words(
				'Upload a crossed study as CSV, one row per measurement with a header row',
				'(e.g. part,operator,value). Every operator measures every part the same number of times.',
			),
			formFields: { values: FORM_FIELDS },
			authentication: 'basicAuth',
			responseMode: 'lastNode',
			options: { path: 'qms-gage-rr', buttonLabel: 'Run the study' },
		},
		{ webhookId: uid('qmsGageRrStudy/form'), credentials: CREDENTIALS.staff },
	);
	// The Set node keeps the uploaded file only with stripBinary off.
	const settings = wf.node('Settings', ...NODES.SET, [1, 0], {
		...set([['senderEmail', 'qms@example.com']]),
		options: { stripBinary: false },
	});
	const rows = wf.node('Read CSV rows', ...NODES.EXTRACT, [2, 0], {
		operation: 'csv',
		binaryPropertyName: CSV_BINARY,
		options: { enableBOM: true },
	});
	const gage = wf.node(
		GAGE_NAME,
		...NODES.GAGE,
		[3, 0],
		{
			operation: 'crossedStudy',
			inputMode: 'items',
			partField: `={{ ${field('part')} }}`,
			operatorField: `={{ ${field('operator')} }}`,
			valueField: `={{ ${field('value')} }}`,
			method: 'anova',
			chartImage: 'png',
			htmlReport: true,
			options: {
				tolerance: `={{ Number(${field('tolerance')}) || 0 }}`,
				reportTitle: `={{ 'Gage R&R study: ' + ${field('gauge')} }}`,
				chartSrc: 'cid:chart',
			},
		},
		{ onError: 'continueErrorOutput' },
	);
	const reportMail = mail({
		to: `={{ ${field('recipient')} }}`,
		subject: words(
			`=[MSA] {{ ${field('gauge')} }}: {{ ${verdict('$json.gageRR.acceptance')} }},`,
			'%GRR {{ $json.gageRR.pctGrr.toFixed(2) }} %, ndc {{ $json.gageRR.ndc }}',
		),
		text: [
			`=Gage R&R study of {{ ${field('gauge')} }} ({{ ${FORM}['${LABEL.csv}'].filename }}):`,
			'{{ $json.summary }}',
			'',
			'The HTML version of this mail holds the report and the chart.',
		].join('\n'),
		html: '={{ $json.html }}',
		attachments: 'chart',
	});
	// n8n's attribution would be appended after the report's closing </html>.
	reportMail.options.appendAttribution = false;
	const report = wf.node('Mail report with chart', ...NODES.MAIL, [4, 0], reportMail, {
		credentials: CREDENTIALS.smtp,
		onError: 'continueRegularOutput',
	});
	const record = wf.node(
		'Study record',
		...NODES.SET,
		[5, 0],
		set(
			[
				['gauge', `={{ ${field('gauge')} }}`],
				['studiedAt', `={{ ${FORM}.submittedAt }}`],
				['method', `={{ ${STUDY}.gageRR.method }}`],
				['parts', `={{ ${STUDY}.gageRR.parts }}`, 'number'],
				['operators', `={{ ${STUDY}.gageRR.operators }}`, 'number'],
				['trials', `={{ ${STUDY}.gageRR.trials }}`, 'number'],
				['pctGrr', `={{ ${STUDY}.gageRR.pctGrr }}`, 'number'],
				['pctTolerance', `={{ ${STUDY}.gageRR.components.grr.pctTolerance ?? null }}`, 'number'],
				['ndc', `={{ ${STUDY}.gageRR.ndc }}`, 'number'],
				['acceptance', `={{ ${STUDY}.gageRR.acceptance }}`],
				['tolerance', `={{ ${STUDY}.gageRR.tolerance ?? null }}`, 'number'],
				['csvFile', `={{ ${FORM}['${LABEL.csv}'].filename }}`],
				['summary', `={{ ${STUDY}.summary }}`],
			],
			false,
		),
	);
	const save = wf.node(
		'Store study',
		...NODES.DATA_TABLE,
		[6, 0],
		insertParameters(
			TABLES.msaStudies,
			COLUMNS[TABLES.msaStudies].map(([c]) => c),
		),
	);
	const mailed = `$('Mail report with chart').item.json`;
	const result = wf.node(
		'Show result',
		...NODES.FORM,
		[7, 0],
		page(
			`={{ ${verdict(`${STUDY}.gageRR.acceptance`)} }}: %GRR {{ ${STUDY}.gageRR.pctGrr.toFixed(2) }} %`,
			[
				`={{ ${STUDY}.summary }}`,
				words(
					`{{ ${mailed}.error ? 'The report could not be mailed: ' + ${mailed}.error :`,
					`'The report with the chart was mailed to ' + ${field('recipient')} + '.' }}`,
				),
				`The study is stored in ${TABLES.msaStudies}.`,
			].join('\n'),
		),
	);
	const notRun = wf.node(
		'Study not run',
		...NODES.FORM,
		[4, 2],
		page(
			'Study not run',
			words(
				'=The measurements could not be analysed: {{ $json.error }}',
				'\nCheck the column names in the form against the header row of the CSV.',
			),
		),
	);
	wf.chain(trigger, settings, rows, gage);
	for (const output of [0, 1, 2]) wf.link(gage, report, output);
	wf.link(gage, notRun, 3);
	wf.chain(report, record, save, result);
	return wf;
}

module.exports = { file: 'gage-rr-study.json', build };
