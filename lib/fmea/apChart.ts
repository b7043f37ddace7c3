import type { TopLevelSpec } from 'vega-lite';

import { renderChart, type RenderedChart, type RenderOptions } from '../render';
import type { FmeaAnalysis } from './types';

/** Options of the AP chart. */
export interface ApChartOptions {
	title?: string;
	/** Also draw the counts after the rows' actions, beside the current ones (default: when any row has revised ratings). */
	revised?: boolean;
}

const AP_COLORS = ['#d9534f', '#f0ad4e', '#28a745'];
const AP_LABELS = ['H', 'M', 'L'];

/**
 * Vega-lite spec of the Action Priority counts: one bar per AP (H, M, L), and, when the rows'
 * actions revise ratings, the counts after the actions beside them.
 *
 * @example
 * const spec = apChartSpec(analyzeFmea(rows));
 */
export function apChartSpec(analysis: FmeaAnalysis, options: ApChartOptions = {}): TopLevelSpec {
	const s = analysis.summary;
	const revised = options.revised ?? analysis.rows.some((r) => r.revised);
	const current = [s.high, s.medium, s.low];
	const after = [s.revised.high, s.revised.medium, s.revised.low];
	const values = AP_LABELS.flatMap((ap, i) => [
		{ ap, state: 'Current', rows: current[i] },
		...(revised ? [{ ap, state: 'After actions', rows: after[i] }] : []),
	]);
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v5.json',
		title: options.title ?? 'FMEA rows by Action Priority',
		width: 360,
		height: 220,
		background: 'white',
		data: { values },
		mark: { type: 'bar' },
		encoding: {
			x: {
				field: 'ap',
				type: 'nominal',
				sort: AP_LABELS,
				title: 'Action Priority',
				axis: { labelAngle: 0 },
			},
			...(revised
				? { xOffset: { field: 'state', type: 'nominal', sort: ['Current', 'After actions'] } }
				: {}),
			y: {
				field: 'rows',
				type: 'quantitative',
				title: 'Rows',
				axis: { tickMinStep: 1, format: 'd' },
			},
			color: revised
				? {
						field: 'state',
						type: 'nominal',
						title: null,
						scale: { domain: ['Current', 'After actions'], range: ['#555555', '#9ecae1'] },
					}
				: {
						field: 'ap',
						type: 'nominal',
						scale: { domain: AP_LABELS, range: AP_COLORS },
						legend: null,
					},
		},
	};
}

/**
 * Renders the AP chart through the shared renderer (SVG, and PNG when asked).
 *
 * @example
 * const { png } = await renderApChart(analyzeFmea(rows), { png: true });
 */
export async function renderApChart(
	analysis: FmeaAnalysis,
	options: ApChartOptions & RenderOptions = {},
): Promise<RenderedChart> {
	return renderChart(apChartSpec(analysis, options), options);
}
