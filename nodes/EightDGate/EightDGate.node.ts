import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';

import { EightDGateV1 } from './v1/EightDGateV1.node';

/** The "8D Gate" node: gates, deadlines and audit trail of 8D reports (engine in lib/eightd). */
export class EightDGate extends VersionedNodeType {
	constructor() {
		const v1 = new EightDGateV1();
		const { displayName, name, icon, group, subtitle, description } = v1.description;
		const nodeVersions: IVersionedNodeType['nodeVersions'] = { 1: v1 };
		super(nodeVersions, {
			displayName,
			name,
			icon,
			group,
			subtitle,
			description,
			defaultVersion: 1,
			usableAsTool: true,
		});
	}
}
