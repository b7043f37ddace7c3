import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import { optionsCollection } from '../../shared/description';

export const versionDescription = {
	version: 1,
	defaults: { name: 'Complaint Intake' },
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'complaintIntakeApi', required: true, testedBy: 'complaintIntakeSecret' }],
	webhooks: [
		{
			name: 'default',
			httpMethod: 'POST',
			// 202 once the execution exists (queued in queue mode); the body is the node's own answer
			responseMode: 'onReceived',
			responseCode: '={{202}}',
			responseData: '',
			path: '={{$parameter["path"]}}',
			isFullPath: true,
		},
	],
	properties: [
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: 'complaints',
			required: true,
			placeholder: 'complaints',
			description: 'The webhook path: senders POST to &lt;n8n URL&gt;/webhook/&lt;path&gt;',
		},
		{
			displayName:
				'Senders POST JSON { "messageId", "text", "customer"?, "receivedAt"?, ... } with headers X-QMS-Timestamp (Unix seconds) and X-QMS-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)). Answers: 202 with the case ID, 200 for a message ID seen before (same case ID), 401 unsigned/bad signature/stale timestamp, 400/413/415/422 bad payload.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		optionsCollection([
			{
				displayName: 'Case ID Prefix',
				name: 'caseIdPrefix',
				type: 'string',
				default: 'CMP',
				description:
					'Case IDs are the prefix, a dash and 16 hex digits derived from the message ID',
			},
			{
				displayName: 'Max Body Size (Bytes)',
				name: 'maxBytes',
				type: 'number',
				default: 1048576,
				typeOptions: { minValue: 1024 },
				description: 'Larger bodies are refused with 413',
			},
			{
				displayName: 'Max Text Length',
				name: 'maxTextLength',
				type: 'number',
				default: 100000,
				typeOptions: { minValue: 100 },
				description: 'Longer complaint texts are refused with 422',
			},
			{
				displayName: 'Remembered Message IDs',
				name: 'rememberIds',
				type: 'number',
				default: 1000,
				typeOptions: { minValue: 0, maxValue: 100000 },
				description:
					'How many recent message IDs the workflow keeps to answer repeats (0: none; repeats then still get the same case ID)',
			},
			{
				displayName: 'Signature Header',
				name: 'signatureHeader',
				type: 'string',
				default: 'x-qms-signature',
			},
			{
				displayName: 'Timestamp Header',
				name: 'timestampHeader',
				type: 'string',
				default: 'x-qms-timestamp',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				default: 300,
				typeOptions: { minValue: 1, maxValue: 86400 },
				description:
					'Requests whose timestamp is further from the server clock are refused as replays',
			},
		]),
	],
} satisfies Omit<INodeTypeDescription, 'displayName' | 'name' | 'group' | 'description'>;
