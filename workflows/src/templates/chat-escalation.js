/**
 * Chat escalation: a chat message is classified and opens a case; the chat answers with case ID,
 * category and deadline, and critical complaints escalate.
 */
const {
	CASE,
	CREDENTIALS,
	NODES,
	SETUP_NOTE,
	TABLES,
	Workflow,
	about,
	escalateCritical,
	intake,
	set,
	settings,
	uid,
	words,
} = require('../shared');

function build() {
	const wf = new Workflow(
		'qmsChatEscalation',
		'QMS: chat escalation',
		words(
			'A chat message is classified, opens a case, and the chat answers with case ID, category and',
			'deadline; critical ones escalate.',
		),
	);
	about(
		wf,
		[-1, -3],
		[760, 380],
		[
			'## Chat escalation',
			[
				'**What it does:** anyone (field service, sales, a customer portal) types a complaint into the',
				'n8n chat. It is classified, an 8D report is opened and saved as a case, and the chat answers',
				'with the case ID, category, severity and the response deadline. Critical complaints are',
				'escalated at once by mail and chat post.',
			],
			'',
			[
				'**Configure:** credentials *QMS SMTP* and *QMS staff (basic auth)* (the user name and',
				'password people type to open the chat; the chat is not open to the public); addresses and',
				'chat webhook URL in **Settings**. Publish the workflow and share the chat URL of the trigger.',
				'**Slack / Teams:** replace the Chat Trigger with a Slack Trigger (message event) or a Teams',
				'Trigger and map the message text to `text` in *Complaint fields*; answer with a Slack /',
				'Teams node instead of *Chat answer*.',
			],
			'',
			`**Where data goes:** Data Table \`${TABLES.cases}\` (source \`chat\`). ${SETUP_NOTE}`,
		],
	);
	const trigger = wf.node(
		'Complaint chat',
		'@n8n/n8n-nodes-langchain.chatTrigger',
		1.1,
		[0, 0],
		{
			public: true,
			mode: 'hostedChat',
			authentication: 'basicAuth',
			initialMessages: words(
				'Describe the quality problem (part, lot, what happened).',
				'请描述质量问题（零件、批次、发生了什么）。',
			),
			options: {
				responseMode: 'responseNode',
				title: 'Quality complaint',
				subtitle: 'A case is opened for every message',
			},
		},
		{ webhookId: uid('qmsChatEscalation/chat'), credentials: CREDENTIALS.staff },
	);
	const conf = settings(wf, [1, 0]);
	const fields = wf.node(
		'Complaint fields',
		...NODES.SET,
		[2, 0],
		set(
			[
				['text', '={{ $json.chatInput }}'],
				['customer', "={{ 'chat ' + $json.sessionId }}"],
				['customerEmail', ''],
				['channel', 'chat'],
			],
			false,
		),
	);
	wf.chain(trigger, conf, fields);
	const { save } = intake(wf, fields, [3, 0]);
	const answer = wf.node('Chat answer', 'n8n-nodes-base.respondToWebhook', 1.1, [8, -1], {
		respondWith: 'json',
		responseBody: words(
			`={{ JSON.stringify({ output: 'Case ' + ${CASE}.caseId + ' opened: ' + ${CASE}.category +`,
			`', ' + ${CASE}.severity + '. We answer by ' + ${CASE}.responseDueAt + '.' +`,
			`(${CASE}.severity === 'critical' ? ' The quality team has been alerted.' : ''),`,
			`caseId: ${CASE}.caseId }) }}`,
		),
		options: {},
	});
	wf.link(save, answer);
	escalateCritical(wf, answer, [9, 1]);
	return wf;
}

module.exports = { file: 'chat-escalation.json', build };
