import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { ComplaintIntakeV1 } from './v1/ComplaintIntakeV1.node';

/** The "Complaint Intake" trigger: signed complaint pushes from portals and CRMs (helpers in lib/intake). */
export class ComplaintIntake extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Complaint Intake',
			name: 'complaintIntake',
			icon: { light: 'file:complaintIntake.svg', dark: 'file:complaintIntake.dark.svg' },
			group: ['trigger'],
			subtitle: '={{ "POST /" + $parameter["path"] }}',
			description:
				'Receives complaints pushed by customer portals and CRMs: checks the HMAC signature and timestamp, validates the payload, answers duplicates idempotently and starts the workflow with a case ID',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new ComplaintIntakeV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
