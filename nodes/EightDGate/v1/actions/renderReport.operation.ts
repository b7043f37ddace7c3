import type { IBinaryKeyData, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { renderEightDReport } from '../../../../lib/eightd/report';
import type { OperationResult } from '../../../shared/types';
import { measurementsOption, optionsCollection, readMeasurements, readReport } from './common';

const show = ['renderReport'];

export const description: INodeProperties[] = [
	{
		displayName: 'Document Language',
		name: 'documentLanguage',
		type: 'options',
		options: [
			{ name: 'English', value: 'en' },
			{ name: 'Chinese (中文)', value: 'zh' },
		],
		default: 'en',
		description: 'Language of the report document',
		displayOptions: { show: { operation: show } },
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: [
			{
				name: 'PDF and HTML',
				value: 'pdf',
				description: 'The PDF as binary data, the HTML and plain text in the item',
			},
			{ name: 'HTML Only', value: 'html', description: 'HTML and plain text in the item' },
		],
		default: 'pdf',
		displayOptions: { show: { operation: show } },
	},
	{
		displayName: 'Put PDF in Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		required: true,
		description: 'Binary field that receives the PDF, named after the report ID (8D-….pdf)',
		displayOptions: { show: { operation: show, format: ['pdf'] } },
	},
	optionsCollection(show, [
		measurementsOption,
		{
			displayName: 'HTML Images',
			name: 'images',
			type: 'options',
			options: [
				{
					name: 'Attached (Cid:)',
					value: 'cid',
					description:
						'Each chart is a binary field named by its image ID (d6-spc-chart); the HTML refers to it as cid:ID, for a mail that embeds those fields',
				},
				{
					name: 'Embedded (Data: URI)',
					value: 'data',
					description: 'The charts are inside the HTML, for a web page or a file',
				},
			],
			default: 'cid',
		},
	]),
];

/** Output 0 "Report", 1 "Failed" (a report that cannot be rendered). */
export const outputs = 2;
export const failedOutput = 1;

export async function execute(this: IExecuteFunctions, index: number): Promise<OperationResult> {
	const report = readReport.call(this, index);
	const format = this.getNodeParameter('format', index) as 'pdf' | 'html';
	const images = this.getNodeParameter('options.images', index, 'cid') as 'cid' | 'data';
	const measurements = readMeasurements.call(this, index, report);
	const rendered = renderEightDReport(report, {
		language: this.getNodeParameter('documentLanguage', index) as 'en' | 'zh',
		format,
		now: (this.getNodeParameter('options.now', index, '') as string) || undefined,
		...(measurements && { measurements }),
		...(images === 'cid' && { imageSrc: (id: string) => `cid:${id}` }),
	});
	const id = (report as { id: string }).id;
	const json = this.getInputData()[index].json;
	const binary: IBinaryKeyData = { ...this.getInputData()[index].binary };
	if (rendered.pdf)
		binary[this.getNodeParameter('binaryProperty', index) as string] =
			await this.helpers.prepareBinaryData(rendered.pdf, `${id}.pdf`, 'application/pdf');
	if (images === 'cid')
		for (const image of rendered.images)
			binary[image.id] = await this.helpers.prepareBinaryData(
				image.data,
				image.fileName,
				image.mimeType,
			);
	return {
		output: 0,
		json: {
			...json,
			html: rendered.html,
			text: rendered.text,
			...(rendered.pdf && { pdfBytes: rendered.pdf.length }),
		},
		...(Object.keys(binary).length > 0 && { binary }),
	};
}
