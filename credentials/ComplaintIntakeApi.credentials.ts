import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The shared secret a portal or CRM signs its complaint pushes with (HMAC-SHA256 over
 * `<timestamp>.<body>`), checked by the Complaint Intake trigger. A previous secret may be kept
 * while senders switch to a new one.
 */
// The Complaint Intake node tests it (v1 description: testedBy 'complaintIntakeSecret'); the rule reads only
// unversioned node classes.
// eslint-disable-next-line @n8n/community-nodes/credential-test-required
export class ComplaintIntakeApi implements ICredentialType {
	name = 'complaintIntakeApi';

	displayName = 'Complaint Intake Signing Secret API';

	icon: Icon = {
		light: 'file:../nodes/ComplaintIntake/complaintIntake.svg',
		dark: 'file:../nodes/ComplaintIntake/complaintIntake.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-qms/n8n-nodes-qms#complaint-intake';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Shared with the sender; at least 16 characters. The sender puts hex(HMAC-SHA256(secret, timestamp + "." + body)) in the signature header.',
		},
		{
			displayName: 'Previous Secret',
			name: 'previousSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'While rotating: the old secret, still accepted until every sender uses the new one',
		},
	];
}
