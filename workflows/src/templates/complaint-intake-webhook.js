/**
 * Complaint intake (webhook): complaints pushed by portals and CRMs, signed with HMAC-SHA256,
 * become classified cases with an 8D report; the answer is 202 with the case ID.
 */
const {
	CREDENTIALS,
	NODES,
	SETUP_NOTE,
	TABLES,
	Workflow,
	about,
	acknowledge,
	escalateCritical,
	intake,
	rowNotExists,
	set,
	settings,
	uid,
	words,
} = require('../shared');

function build() {
	const wf = new Workflow(
		'qmsComplaintIntakeWebhook',
		'QMS: complaint intake (webhook)',
		words(
			'Complaints pushed by portals and CRMs, signed with HMAC-SHA256, become classified cases with',
			'an 8D report; the answer is 202 with the case ID.',
		),
	);
	about(
		wf,
		[-1, -3],
		[760, 440],
		[
			'## Complaint intake (webhook)',
			[
				'**What it does:** the same intake as *Complaint to CAPA (mail)*, for portals, CRMs and forms',
				'that push JSON: `POST /webhook/qms/complaints` with `{ "messageId": "crm-4711", "text": "...",',
				'"customer": "...", "contact": "buyer@example.com", "tier": "vip" }`, signed (headers',
				'`X-QMS-Timestamp`: Unix seconds, `X-QMS-Signature`: `sha256=` + hex HMAC-SHA256 of',
				'`timestamp.body` with the shared secret). The **Complaint Intake** trigger refuses unsigned,',
				'tampered or stale calls (401) and bad payloads (4xx naming the field), answers **202**',
				'`{ caseId }` at once; the same message ID always gets the same case ID. A complaint whose case',
				'exists already stops at *New case?*, so retries and resends never open a second case or mail',
				'twice, and a resend after a failed run completes it. New complaints are classified, an 8D',
				'report opened under the case ID and saved, the customer (`contact`) acknowledged with the',
				'deadlines, critical ones escalated.',
			],
			'',
			[
				'**Configure:** credentials *QMS intake signing secret* (the secret you share with the sender;',
				'during rotation put the old one in *Previous Secret*) and *QMS SMTP*; addresses and chat',
				'webhook URL in **Settings**. Tiers: `vip`, `key`, `standard` (default). The deadline check',
				'runs in the mail template.',
			],
			'',
			[
				`**Where data goes:** Data Table \`${TABLES.cases}\` (source \`webhook\`), one row per case ID`,
				`(an upsert on it, so two deliveries racing each other still leave one row). ${SETUP_NOTE}`,
			],
		],
	);
	const trigger = wf.node(
		'Complaint Intake',
		'n8n-nodes-qms.complaintIntake',
		1,
		[0, 0],
		{
			path: 'qms/complaints',
			// Every delivery runs and the case table decides what is new, so a sender can resend what a
			// failed run (a worker that died) never saved; the trigger's own memory would answer "duplicate".
			options: { rememberIds: 0 },
		},
		{ webhookId: uid('qmsComplaintIntakeWebhook/webhook'), credentials: CREDENTIALS.signing },
	);
	const conf = settings(wf, [1, 0]);
	const received = (field, fallback) =>
		`={{ $('Complaint Intake').item.json.${field}${fallback === undefined ? '' : ` || ${fallback}`} }}`;
	const fields = wf.node(
		'Complaint fields',
		...NODES.SET,
		[2, 0],
		set(
			[
				['caseId', received('caseId')],
				['text', received('text')],
				['customer', received('customer', "''")],
				['customerEmail', received('contact', "''")],
				['tier', received('tier', "'standard'")],
				['receivedAt', received('receivedAt')],
				['channel', 'webhook'],
			],
			false,
		),
	);
	// A complaint delivered again (a sender's retry, or a resend after a failed run) opens no second
	// case and sends no second acknowledgement: the case ID derives from the message ID.
	const fresh = wf.node(
		'New case?',
		...NODES.DATA_TABLE,
		[3, 0],
		rowNotExists(TABLES.cases, 'caseId', '={{ $json.caseId }}', { matchType: 'allConditions' }),
	);
	wf.chain(trigger, conf, fields, fresh);
	const { save } = intake(wf, fresh, [4, 0], {
		classifierOptions: { receivedAt: '={{ $json.receivedAt }}', tier: '={{ $json.tier }}' },
		reportId: "={{ $('Complaint fields').item.json.caseId }}",
	});
	acknowledge(wf, save, [9, -1]);
	escalateCritical(wf, save, [9, 1]);
	return wf;
}

module.exports = { file: 'complaint-intake-webhook.json', build };
