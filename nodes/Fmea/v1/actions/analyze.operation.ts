import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	analyzeFmea,
	checkRows,
	fmeaWorksheetHtml,
	renderApChart,
	type ActionPriority,
	type FmeaRow,
} from '../../../../lib/fmea';
import { optionsCollection } from '../../../shared/description';
import type { Routing } from '../../../shared/routing';
import { chartBinary, textBinary } from '../../../shared/binary';
import { explanation, idFieldProperty, languageOption, toRow } from './common';

const show = ['analyze'];

export const description: INodeProperties[] = [
	idFieldProperty(show),
	optionsCollection(
		[
			{
				displayName: 'Action Required From',
				name: 'actionAt',
				type: 'options',
				options: [
					{ name: 'AP M (H and M Rows)', value: 'M' },
					{ name: 'AP H Only', value: 'H' },
				],
				default: 'M',
				description:
					'Lowest Action Priority that requires action; severity 9-10 with occurrence 2 or more always does',
			},
			{
				displayName: 'Add HTML Worksheet',
				name: 'html',
				type: 'boolean',
				default: true,
				description:
					'Whether the Summary item carries an email-ready HTML worksheet sorted by priority, in its html field and as a binary file',
			},
			{
				displayName: 'Chart',
				name: 'chart',
				type: 'options',
				options: [
					{ name: 'PNG', value: 'png' },
					{ name: 'SVG', value: 'svg' },
					{ name: 'None', value: 'none' },
				],
				default: 'png',
				description: 'Chart of the AP counts attached to the Summary item',
			},
			{
				displayName: 'Chart Image Source in HTML',
				name: 'chartSrc',
				type: 'string',
				default: '',
				placeholder: 'cid:fmea-ap-chart',
				description: 'Image source the HTML shows above the table; empty: no image in the HTML',
			},
			{
				displayName: 'Explain Ratings',
				name: 'explain',
				type: 'boolean',
				default: false,
				description:
					'Whether each row gets "explanation": what its S, O and D mean on the AIAG-VDA DFMEA or PFMEA scale',
			},
			languageOption,
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'Heading of the HTML worksheet (default "FMEA worksheet")',
			},
		],
		{ show: { operation: show } },
	),
];

/** Outputs "High", "Medium", "Low", "Summary"; a row that cannot be rated is treated as High. */
export const outputs = 4;
export const failedOutput = 0;
const OUTPUT: Record<ActionPriority, number> = { H: 0, M: 1, L: 2 };

interface AnalyzeOptions {
	actionAt?: 'H' | 'M';
	html?: boolean;
	chart?: 'png' | 'svg' | 'none';
	chartSrc?: string;
	explain?: boolean;
	language?: 'en' | 'zh';
	title?: string;
}

/**
 * All input items are one worksheet: each row goes to the output of its AP in rank order, a bad
 * row to High with its error, and one Summary item (paired with every item) holds the counts,
 * the HTML worksheet and the AP chart.
 */
export async function aggregate(this: IExecuteFunctions, routing: Routing): Promise<void> {
	const items = this.getInputData();
	const idField = this.getNodeParameter('idField', 0) as string;
	const options = this.getNodeParameter('options', 0, {}) as AnalyzeOptions;
	const checked = checkRows(items.map((item) => toRow(item.json, idField)));
	for (const error of checked.errors) routing.fail(error, error.index);
	const analysis = analyzeFmea(checked.rows, { actionAt: options.actionAt ?? 'M' });
	const indexOf = new Map(checked.rows.map((row, k) => [String(row.id), checked.indices[k]]));
	const language = options.language ?? 'en';
	for (const row of analysis.rows) {
		const index = indexOf.get(String(row.id)) as number;
		const json: IDataObject = {
			...items[index].json,
			severity: row.severity,
			occurrence: row.occurrence,
			detection: row.detection,
			rpn: row.rpn,
			ap: row.ap,
			rank: row.rank,
			actionRequired: row.actionRequired,
			actionReasons: row.actionReasons,
		};
		if (row.revised) json.revised = { ...row.revised };
		if (options.explain) json.explanation = explanation(row as FmeaRow, language);
		routing.route(index, { output: OUTPUT[row.ap], json });
	}
	const json: IDataObject = { summary: { ...analysis.summary, failed: checked.errors.length } };
	const binary: IBinaryKeyData = {};
	if (options.html ?? true) {
		const html = fmeaWorksheetHtml(analysis, {
			language,
			title: options.title || undefined,
			chartSrc: options.chartSrc || undefined,
		});
		json.html = html;
		binary.worksheet = await textBinary.call(this, html, 'fmea-worksheet.html', 'text/html');
	}
	const chart = options.chart ?? 'png';
	if (chart !== 'none') {
		const rendered = await renderApChart(analysis, { png: chart === 'png' });
		binary.chart = await chartBinary.call(this, rendered, 'fmea-ap-chart', chart === 'png');
	}
	routing.route(routing.allItems(), {
		output: 3,
		json,
		...(Object.keys(binary).length ? { binary } : {}),
	});
}
