import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	attributeAgreement,
	type AttributeAgreementResult,
	type AttributeAssessment,
} from '../../../../lib/msa';
import { optionsCollection } from '../../../shared/description';
import type { Routing } from '../../../shared/routing';
import type { OperationResult } from '../../../shared/types';
import { OUTPUT, asItemData, fieldProperty, inputProperties, runStudies } from './common';

export { outputs, failedOutput } from './common';

const show = ['attributeAgreement'];

export const description: INodeProperties[] = [
	...inputProperties(show),
	fieldProperty(
		show,
		'partField',
		'Part Field',
		'part',
		'Field with the part (sample) id of each rating',
	),
	fieldProperty(
		show,
		'appraiserField',
		'Appraiser Field',
		'appraiser',
		'Field with the appraiser of each rating',
	),
	fieldProperty(
		show,
		'ratingField',
		'Rating Field',
		'rating',
		'Field with the attribute rating (e.g. pass/fail, a grade)',
	),
	fieldProperty(
		show,
		'standardField',
		'Standard Field',
		'standard',
		"Field with the part's known correct rating; empty when there is no standard",
	),
	optionsCollection(
		[
			{
				displayName: 'Confidence Level',
				name: 'confidence',
				type: 'number',
				default: 0.95,
				typeOptions: { minValue: 0.5, maxValue: 0.999, numberPrecision: 3 },
				description: 'Of the intervals of the agreement percentages and kappas',
			},
		],
		{ show: { operation: show } },
	),
];

function summary(r: AttributeAgreementResult): string {
	const kappa = r.acceptanceKappa === undefined ? 'undefined' : r.acceptanceKappa.toFixed(3);
	const basis = r.eachVsStandard ? 'lowest appraiser vs standard' : 'between appraisers';
	return `Fleiss' kappa ${kappa} (${basis}, ${r.acceptance}); ${r.parts} parts x ${r.appraisers} appraisers x ${r.trials} trials, between-appraiser agreement ${r.betweenAppraisers.agreement.percent.toFixed(1)} %`;
}

/** Attribute agreement over the items (one rating each) or over each item's table. */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	const fields = {
		part: this.getNodeParameter('partField', 0) as string,
		appraiser: this.getNodeParameter('appraiserField', 0) as string,
		rating: this.getNodeParameter('ratingField', 0) as string,
		standard: this.getNodeParameter('standardField', 0, '') as string,
	};
	await runStudies.call(this, routing, fields, [], (rows, index): OperationResult => {
		const confidence = this.getNodeParameter('options.confidence', index, 0.95) as number;
		const result = attributeAgreement({
			assessments: rows as unknown as AttributeAssessment[],
			confidence,
		});
		const base =
			this.getNodeParameter('inputMode', 0) === 'table' ? this.getInputData()[index].json : {};
		return {
			output: OUTPUT[result.acceptance],
			json: { ...base, summary: summary(result), attributeAgreement: asItemData(result) },
		};
	});
}
