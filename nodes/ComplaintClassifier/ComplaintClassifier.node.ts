import { VersionedNodeType, type IVersionedNodeType } from 'n8n-workflow';

import { baseDescription } from '../shared/description';
import { ComplaintClassifierV1 } from './v1/ComplaintClassifierV1.node';

/** The "Complaint Classifier" node: category, severity, evidence and deadline per complaint (engine in lib/complaints). */
export class ComplaintClassifier extends VersionedNodeType {
	constructor() {
		const base = baseDescription({
			displayName: 'Complaint Classifier',
			name: 'complaintClassifier',
			subtitle:
				'={{ $parameter["operation"] === "train" ? "Train model" : $parameter["operation"] === "pareto" ? "Pareto" : $parameter["routing"] === "single" ? "Classify" : "Route by category" }}',
			description:
				'Classifies customer complaints in Chinese, English or both into a category and severity with highlighted evidence, part/lot/order numbers and a response deadline, and routes them',
		});
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new ComplaintClassifierV1(base),
		};
		super(nodeVersions, base);
	}
}
