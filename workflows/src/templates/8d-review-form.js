/**
 * 8D review form: engineers submit a discipline of an 8D report; the 8D Gate answers on the page
 * with "advanced" or the exact missing items, and an advance is saved with its history entry.
 */
const {
	CREDENTIALS,
	NODES,
	SETUP_NOTE,
	TABLES,
	Workflow,
	about,
	codeNode,
	condition,
	getRows,
	uid,
	updateParameters,
	where,
	words,
} = require('../shared');

const TEMPLATE = '8d-review-form';
const FORM_FIELDS = [
	{ fieldLabel: 'Case ID', placeholder: '8D-20260301-1a2b3c4d', requiredField: true },
	{
		fieldLabel: 'Discipline',
		fieldType: 'dropdown',
		fieldOptions: {
			values: ['D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'].map((option) => ({ option })),
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
];

/** A form ending that shows a text page. */
const page = (completionTitle, completionMessage) => ({
	operation: 'completion',
	respondWith: 'text',
	completionTitle,
	completionMessage,
	options: {},
});

function build() {
	const wf = new Workflow(
		'qms8dReviewForm',
		'QMS: 8D review form',
		words(
			'Engineers submit a discipline of an 8D report; the 8D Gate answers on the page with advanced',
			'or the exact missing items.',
		),
	);
	about(
		wf,
		[-1, -3],
		[760, 400],
		[
			'## 8D review form',
			[
				'**What it does:** an engineer opens the form, enters the case ID and the discipline they',
				'finished (D0 to D8) with its content. The 8D Gate checks every rule of that discipline (default',
				"rule set or the customer's); the page answers **Advanced to Dn** or lists exactly what is",
				'missing. An advance is written to the case with a hash-chained history entry (who, when, from,',
				'to), so the audit trail can be verified later with *Verify History*.',
			],
			'',
			[
				'**Configure:** credential *QMS staff (basic auth)*: the user name and password engineers type',
				'to open the form (it is not open to the public). Publish and share the form URL',
				'(`/form/qms-8d-review`). Structured content (D3 actions, D4 root causes ...) goes into the',
				"JSON field; the engine's messages tell the field names.",
			],
			'',
			[
				`**Where data goes:** Data Table \`${TABLES.cases}\`: \`report\` (with history), \`stage\`,`,
				`\`updatedBy\`; closing sets \`status\` and \`closedAt\`. ${SETUP_NOTE}`,
			],
		],
	);
	const trigger = wf.node(
		'8D review form',
		'n8n-nodes-base.formTrigger',
		2.2,
		[0, 0],
		{
			formTitle: '8D review',
			formDescription: words(
				'Submit a finished discipline of an 8D report.',
				'The gate answers with "advanced" or the exact missing items.',
			),
			formFields: { values: FORM_FIELDS },
			authentication: 'basicAuth',
			responseMode: 'lastNode',
			options: { path: 'qms-8d-review', buttonLabel: 'Submit to the gate' },
		},
		{ webhookId: uid('qms8dReviewForm/form'), credentials: CREDENTIALS.staff },
	);
	const load = wf.node(
		'Load case',
		...NODES.DATA_TABLE,
		[1, 0],
		getRows(TABLES.cases, where('caseId', "={{ $json['Case ID'].trim() }}").conditions),
		{ alwaysOutputData: true },
	);
	const found = wf.node(
		'Case found?',
		...NODES.IF,
		[2, 0],
		condition('={{ $json.caseId }}', 'notEmpty'),
	);
	const notFound = wf.node(
		'Page: case not found',
		...NODES.FORM,
		[3, 1],
		page(
			'Case not found',
			words(
				"=There is no case {{ $('8D review form').first().json['Case ID'] }}.",
				'Check the ID in the acknowledgement mail or the qms_cases table.',
			),
		),
	);
	const merge = codeNode(wf, 'Merge submission into report', [3, 0], {
		template: TEMPLATE,
		program: 'merge-submission',
		mode: 'runOnceForEachItem',
	});
	const gate = wf.node('8D Gate', ...NODES.GATE, [4, 0], {
		operation: 'advance',
		reportField: 'report',
		target: '={{ $json.target }}',
		actor: '={{ $json.actor }}',
		ruleSetSource: 'auto',
		language: 'en',
		options: { reason: "={{ 'submitted ' + $json.discipline + ' via the 8D review form' }}" },
	});
	const save = wf.node(
		'Save advanced case',
		...NODES.DATA_TABLE,
		[5, -1],
		updateParameters(TABLES.cases, 'caseId', '={{ $json.caseId }}', {
			report: '={{ JSON.stringify($json.report) }}',
			stage: '={{ $json.report.stage }}',
			status: "={{ $json.report.status || 'open' }}",
			closedAt: "={{ $json.report.status === 'closed' ? $now.toISO() : '' }}",
			updatedBy: '={{ $json.actor }}',
		}),
	);
	const advance = "$('8D Gate').item.json";
	const advanced = wf.node(
		'Page: advanced',
		...NODES.FORM,
		[6, -1],
		page(
			`=Advanced to {{ ${advance}.advanced.to }}`,
			words(
				`=Case {{ ${advance}.caseId }} moved from {{ ${advance}.advanced.from }} to`,
				`{{ ${advance}.advanced.to }} by {{ ${advance}.advanced.actor }} at`,
				`{{ ${advance}.advanced.at }}. The history entry is recorded in the case.`,
			),
		),
	);
	const blocked = wf.node(
		'Page: missing items',
		...NODES.FORM,
		[5, 1],
		page(
			'=Not advanced: {{ $json.gate.missing.length }} item(s) missing',
			words(
				'=Case {{ $json.caseId }} stays at {{ $json.gate.current }}.',
				'To reach {{ $json.gate.target }} it still needs:\n{{ $json.gate.summary }}',
			),
		),
	);
	wf.chain(trigger, load, found);
	wf.link(found, merge, 0);
	wf.link(found, notFound, 1);
	wf.link(merge, gate);
	wf.link(gate, save, 0);
	wf.link(save, advanced);
	wf.link(gate, blocked, 1);
	return wf;
}

module.exports = { file: '8d-review-form.json', build };
