import type { TopLevelSpec } from 'vega-lite';

import { chartConstants } from '../spc/constants';
import { levelLabel, mean } from './design';
import type { GageRRResult, Measurement } from './types';

/** Options of {@link gageChartSpec}. */
export interface GageChartOptions {
	/** Title over the six panels (default "Gage R&R report"). */
	title?: string;
	/** Width and height of one panel in pixels (default 340 x 170). */
	panelWidth?: number;
	panelHeight?: number;
}

const COLORS = { line: '#1f3b57', center: '#2ca02c', limit: '#d62728' };
const MEASURES = ['% Contribution', '% Study Var', '% Tolerance'];

/** Center line and dashed limits drawn as rules at fixed y values. */
function limitRules(center: number, ucl: number, lcl: number) {
	const rule = (y: number, color: string, dash?: number[]) => ({
		mark: { type: 'rule', color, strokeWidth: 1.2, ...(dash ? { strokeDash: dash } : {}) },
		encoding: { y: { datum: y } },
	});
	return [
		rule(ucl, COLORS.limit, [6, 3]),
		rule(lcl, COLORS.limit, [6, 3]),
		rule(center, COLORS.center),
	];
}

/** One operator-faceted control chart (R or X-bar), parts along x within each operator. */
function chartByOperator(
	result: GageRRResult,
	field: 'range' | 'mean',
	limits: { center: number; ucl: number; lcl: number },
	title: string,
	size: { width: number; height: number },
) {
	const facetWidth = Math.max(60, Math.floor(size.width / result.operators) - 8);
	return {
		title: { text: title, anchor: 'middle' },
		data: {
			values: result.cells.map((c) => ({ part: c.part, operator: c.operator, value: c[field] })),
		},
		facet: {
			column: { field: 'operator', type: 'nominal', sort: result.operatorLabels, title: null },
		},
		spacing: 4,
		spec: {
			width: facetWidth,
			height: size.height,
			layer: [
				...limitRules(limits.center, limits.ucl, limits.lcl),
				{
					mark: {
						type: 'line',
						color: COLORS.line,
						point: { filled: true, color: COLORS.line, size: 25 },
					},
					encoding: {
						x: {
							field: 'part',
							type: 'ordinal',
							sort: result.partLabels,
							title: null,
							axis: { labelAngle: 0, labelFontSize: 8 },
						},
						y: {
							field: 'value',
							type: 'quantitative',
							title: field === 'range' ? 'Sample range' : 'Sample mean',
							scale: { zero: false },
						},
					},
				},
			],
		},
		resolve: { scale: { y: 'shared' } },
	};
}

/**
 * Vega-lite spec of the Gage R&R report in Minitab's six-panel layout: components of variation
 * (%Contribution, %StudyVar, %Tolerance of GRR, repeatability, reproducibility and part-to-part),
 * R chart by operator (center R-bar, limits D3 R-bar and D4 R-bar), X-bar chart by operator
 * (center the grand mean, limits +/- A2 R-bar), measurements by part with the part means,
 * measurements by operator (box plots) and the operator x part interaction (cell means per
 * operator). Render it with `renderChart` from lib/render.
 *
 * @example
 * const { png } = await renderChart(gageChartSpec(gageRR({ measurements }), measurements), { png: true });
 */
export function gageChartSpec(
	result: GageRRResult,
	measurements: readonly Measurement[],
	options: GageChartOptions = {},
): TopLevelSpec {
	const size = { width: options.panelWidth ?? 340, height: options.panelHeight ?? 170 };
	const c = result.components;
	const sources: [string, typeof c.grr][] = [
		['Gage R&R', c.grr],
		['Repeat', c.repeatability],
		['Reprod', c.reproducibility],
		['Part-to-Part', c.part],
	];
	const bars = sources.flatMap(([source, comp]) => [
		{ source, measure: MEASURES[0], value: comp.pctContribution },
		{ source, measure: MEASURES[1], value: comp.pctStudyVar },
		...(comp.pctTolerance !== undefined
			? [{ source, measure: MEASURES[2], value: comp.pctTolerance }]
			: []),
	]);
	const rBar = mean(result.cells.map((cell) => cell.range));
	const grand = mean(result.cells.map((cell) => cell.mean));
	const k = chartConstants(result.trials);
	const points = measurements.map((m) => ({
		part: levelLabel(m.part),
		operator: levelLabel(m.operator),
		value: m.value,
	}));
	const partAxis = {
		field: 'part',
		type: 'ordinal',
		sort: result.partLabels,
		title: 'Part',
		axis: { labelAngle: 0 },
	} as const;
	const valueAxis = {
		field: 'value',
		type: 'quantitative',
		title: 'Measurement',
		scale: { zero: false },
	} as const;

	const components = {
		title: 'Components of variation',
		width: size.width,
		height: size.height,
		data: { values: bars },
		mark: 'bar',
		encoding: {
			x: {
				field: 'source',
				type: 'nominal',
				sort: sources.map((s) => s[0]),
				title: null,
				axis: { labelAngle: 0 },
			},
			xOffset: { field: 'measure', type: 'nominal', sort: MEASURES },
			y: { field: 'value', type: 'quantitative', title: 'Percent' },
			color: {
				field: 'measure',
				type: 'nominal',
				sort: MEASURES,
				title: null,
				legend: { orient: 'top' },
			},
		},
	};
	const byPart = {
		title: 'Measurements by part',
		width: size.width,
		height: size.height,
		data: { values: points },
		layer: [
			{
				mark: { type: 'point', color: '#7f7f7f', size: 18 },
				encoding: { x: partAxis, y: valueAxis },
			},
			{
				mark: { type: 'line', color: COLORS.line, point: { filled: true, color: COLORS.line } },
				encoding: { x: partAxis, y: { ...valueAxis, aggregate: 'mean' } },
			},
		],
	};
	const byOperator = {
		title: 'Measurements by operator',
		width: size.width,
		height: size.height,
		data: { values: points },
		mark: { type: 'boxplot', extent: 1.5, color: '#4c78a8' },
		encoding: {
			x: {
				field: 'operator',
				type: 'nominal',
				sort: result.operatorLabels,
				title: 'Operator',
				axis: { labelAngle: 0 },
			},
			y: valueAxis,
		},
	};
	const interaction = {
		title: 'Part x operator interaction',
		width: size.width,
		height: size.height,
		data: { values: result.cells },
		mark: { type: 'line', point: true },
		encoding: {
			x: partAxis,
			y: { field: 'mean', type: 'quantitative', title: 'Average', scale: { zero: false } },
			color: {
				field: 'operator',
				type: 'nominal',
				sort: result.operatorLabels,
				title: 'Operator',
				legend: { orient: 'top' },
			},
		},
	};
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v5.json',
		title: options.title ?? 'Gage R&R report',
		background: 'white',
		config: { view: { stroke: null }, axis: { grid: true, gridOpacity: 0.4 } },
		hconcat: [
			{
				vconcat: [
					components,
					chartByOperator(
						result,
						'range',
						{ center: rBar, ucl: k.D4 * rBar, lcl: k.D3 * rBar },
						'R chart by operator',
						size,
					),
					chartByOperator(
						result,
						'mean',
						{ center: grand, ucl: grand + k.A2 * rBar, lcl: grand - k.A2 * rBar },
						'X-bar chart by operator',
						size,
					),
				],
			},
			{ vconcat: [byPart, byOperator, interaction] },
		],
		resolve: { scale: { color: 'independent' } },
	} as TopLevelSpec;
}
