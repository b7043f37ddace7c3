import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';

import { baseDescription } from '../shared/description';
import { ComplaintIntakeV1 } from './v1/ComplaintIntakeV1.node';

/** The "Complaint Intake" trigger: signed complaint pushes from portals and CRMs (helpers in lib/intake). */
export class ComplaintIntake extends VersionedNodeType {
	constructor() {
		const base = baseDescription({
			displayName: 'Complaint Intake',
			name: 'complaintIntake',
			group: 'trigger',
			subtitle: '={{ "POST /" + $parameter["path"] }}',
			description:
				'Receives complaints pushed by customer portals and CRMs: checks the HMAC signature and timestamp, validates the payload, answers duplicates idempotently and starts the workflow with a case ID',
		});
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new ComplaintIntakeV1(base),
		};
		super(nodeVersions, base);
	}
}
