import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';

import { baseDescription } from '../shared/description';
import { SpcCheckV1 } from './v1/SpcCheckV1.node';

/** The "SPC Check" node: control charts, run rules and capability on measurements (engine in lib/spc). */
export class SpcCheck extends VersionedNodeType {
	constructor() {
		const base = baseDescription({
			displayName: 'SPC Check',
			name: 'spcCheck',
			subtitle:
				'={{$parameter["chartType"] + " chart, " + ($parameter["operation"] === "aggregate" ? "all items" : "per item")}}',
			description:
				'Checks measurements against a control chart (I-MR, X-bar, p, np, c, u, EWMA, CUSUM) with Nelson or Western Electric rules and routes in-control and out-of-control results',
		});
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new SpcCheckV1(base),
		};
		super(nodeVersions, base);
	}
}
