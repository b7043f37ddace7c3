import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';

import { baseDescription } from '../shared/description';
import { GageRrV1 } from './v1/GageRrV1.node';

/** The "Gage R&R" node: measurement system analysis, crossed studies and attribute agreement (engine in lib/msa). */
export class GageRr extends VersionedNodeType {
	constructor() {
		const base = baseDescription({
			displayName: 'Gage R&R',
			name: 'gageRr',
			subtitle:
				'={{$parameter["operation"] === "attributeAgreement" ? "Attribute Agreement" : "Crossed Study"}}',
			description:
				'Proves a gauge before its data is trusted: crossed Gage R&R (ANOVA or AIAG average and range) and attribute agreement, routed acceptable, marginal or unacceptable',
		});
		const nodeVersions: IVersionedNodeType['nodeVersions'] = { 1: new GageRrV1(base) };
		super(nodeVersions, base);
	}
}
