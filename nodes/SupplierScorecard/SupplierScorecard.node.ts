import {
	VersionedNodeType,
	type INodeTypeBaseDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { SupplierScorecardV1 } from './v1/SupplierScorecardV1.node';

/** The "Supplier Scorecard" node: grades suppliers per period from raw quality and delivery records (engine in lib/suppliers). */
export class SupplierScorecard extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Supplier Scorecard',
			name: 'supplierScorecard',
			icon: { light: 'file:supplierScorecard.svg', dark: 'file:supplierScorecard.dark.svg' },
			group: ['transform'],
			subtitle:
				'={{ $parameter["operation"] === "scoreMetrics" ? "Score pre-aggregated metrics" : "Score raw rows" }}',
			description:
				'Grades suppliers per period (A to D) from receipts, deliveries, SCARs and complaints, explains every metric, and writes an email-ready scorecard',
			defaultVersion: 1,
			usableAsTool: true,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new SupplierScorecardV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
