import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';

import { baseDescription } from '../shared/description';
import { SupplierScorecardV1 } from './v1/SupplierScorecardV1.node';

/** The "Supplier Scorecard" node: grades suppliers per period from raw quality and delivery records (engine in lib/suppliers). */
export class SupplierScorecard extends VersionedNodeType {
	constructor() {
		const base = baseDescription({
			displayName: 'Supplier Scorecard',
			name: 'supplierScorecard',
			subtitle:
				'={{ $parameter["operation"] === "scoreMetrics" ? "Score pre-aggregated metrics" : "Score raw rows" }}',
			description:
				'Grades suppliers per period (A to D) from receipts, deliveries, SCARs and complaints, explains every metric, and writes an email-ready scorecard',
		});
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new SupplierScorecardV1(base),
		};
		super(nodeVersions, base);
	}
}
