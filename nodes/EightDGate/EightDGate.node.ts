import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';

import { baseDescription } from '../shared/description';
import { EightDGateV1 } from './v1/EightDGateV1.node';

/** The "8D Gate" node: gates, deadlines and audit trail of 8D reports (engine in lib/eightd). */
export class EightDGate extends VersionedNodeType {
	constructor() {
		const base = baseDescription({
			displayName: '8D Gate',
			name: 'eightDGate',
			subtitle: '={{$parameter["operation"]}}',
			description:
				'Lets an 8D report move on only when the discipline it leaves is complete; checks deadlines and the audit trail',
		});
		const nodeVersions: IVersionedNodeType['nodeVersions'] = { 1: new EightDGateV1(base) };
		super(nodeVersions, base);
	}
}
