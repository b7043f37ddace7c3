import type { TopLevelSpec } from 'vega-lite';
import type { LayerSpec, UnitSpec } from 'vega-lite/build/src/spec';
import type { Field } from 'vega-lite/build/src/channeldef';

import type { ChartResult, ChartType } from './types';

/** Options of {@link chartSpec}. */
export interface ChartSpecOptions {
	title?: string;
	width?: number;
	height?: number;
}

/** One plotted point with its limits and zone edges (1-based `point` for people). */
interface Row {
	point: number;
	value: number | null;
	center: number;
	ucl: number;
	lcl: number;
	zoneHigh1?: number;
	zoneLow1?: number;
	zoneHigh2?: number;
	zoneLow2?: number;
	signal: boolean;
	rules: string;
	/** CUSUM only: -C- and its signal (the upper sum is `value`). */
	lower?: number;
	lowerSignal?: boolean;
}

/** One plotted series of a panel: its value and signal fields and its mark-name prefix. */
interface Series {
	value: string;
	signal: string;
	name: string;
}

const STATISTIC: Record<ChartType, string> = {
	imr: 'Individual value',
	'xbar-r': 'Subgroup mean',
	'xbar-s': 'Subgroup mean',
	p: 'Fraction defective',
	np: 'Defectives',
	c: 'Defects',
	u: 'Defects per unit',
	ewma: 'EWMA',
	cusum: 'Cumulative sum',
};
const CHART_TITLE: Record<ChartType, string> = {
	imr: 'Individuals and moving range chart',
	'xbar-r': 'X-bar and R chart',
	'xbar-s': 'X-bar and S chart',
	p: 'p chart',
	np: 'np chart',
	c: 'c chart',
	u: 'u chart',
	ewma: 'EWMA chart',
	cusum: 'Tabular CUSUM chart',
};
const SECONDARY_TITLE = { mr: 'Moving range', r: 'Range', s: 'Standard deviation' };

const COLORS = {
	zone: '#4c78a8',
	line: '#1f3b57',
	center: '#2ca02c',
	limit: '#d62728',
	signal: '#d62728',
};

/** Value of a scalar-or-list at i. */
function at(v: number | number[], i: number): number {
	return typeof v === 'number' ? v : v[i];
}

/** Rows of the primary chart; zones at 1 and 2 sigma only where limits are +/- 3 sigma of a mean-type chart. */
function primaryRows(result: ChartResult): Row[] {
	const rules = new Map<number, string[]>();
	for (const v of result.violations) {
		if (v.chart !== 'primary') continue;
		const list = rules.get(v.index) ?? [];
		if (!list.includes(v.rule)) list.push(v.rule);
		rules.set(v.index, list);
	}
	const zoned = result.chart !== 'ewma' && result.chart !== 'cusum';
	return result.points.map((value, i) => {
		const center = result.center;
		const ucl = at(result.ucl, i);
		const lcl = at(result.lcl, i);
		const sigma = (ucl - center) / 3;
		const row: Row = {
			point: i + 1,
			value,
			center,
			ucl,
			lcl,
			signal: rules.has(i),
			rules: (rules.get(i) ?? []).join(', '),
		};
		if (zoned) {
			row.zoneHigh1 = center + sigma;
			row.zoneLow1 = Math.max(lcl, center - sigma);
			row.zoneHigh2 = center + 2 * sigma;
			row.zoneLow2 = Math.max(lcl, center - 2 * sigma);
		}
		return row;
	});
}

/** Rows of the CUSUM chart: C+ above zero, -C- below, decision interval +/- H. */
function cusumRows(result: ChartResult): Row[] {
	const upperHits = new Set(
		result.violations.filter((v) => v.rule === 'CUSUM+').map((v) => v.index),
	);
	const lowerHits = new Set(
		result.violations.filter((v) => v.rule === 'CUSUM-').map((v) => v.index),
	);
	const lower = result.lower ?? [];
	return (result.upper ?? []).map((u, i) => ({
		point: i + 1,
		value: u,
		lower: -lower[i],
		center: 0,
		ucl: at(result.ucl, i),
		lcl: at(result.lcl, i),
		signal: upperHits.has(i),
		lowerSignal: lowerHits.has(i),
		rules: [upperHits.has(i) ? 'CUSUM+' : '', lowerHits.has(i) ? 'CUSUM-' : '']
			.filter(Boolean)
			.join(', '),
	}));
}

/** Rows of the R, S or MR chart (the MR series starts at point 2). */
function secondaryRows(result: ChartResult): Row[] {
	const s = result.secondary;
	if (!s) return [];
	const hit = new Map<number, string>();
	for (const v of result.violations) if (v.chart === 'secondary') hit.set(v.index, v.rule);
	const rows: Row[] = [];
	s.points.forEach((value, i) => {
		if (value === null) return;
		rows.push({
			point: i + 1,
			value,
			center: at(s.center, i),
			ucl: at(s.ucl, i),
			lcl: at(s.lcl, i),
			signal: hit.has(i),
			rules: hit.get(i) ?? '',
		});
	});
	return rows;
}

const x = {
	field: 'point',
	type: 'quantitative',
	title: 'Point',
	axis: { tickMinStep: 1, format: 'd' },
	scale: { zero: false, nice: false },
} as const;

/** A line over the points for one field (step-wise where limits change per point). */
function line(
	field: string,
	color: string,
	dash: number[] | undefined,
	step: boolean,
): UnitSpec<Field> {
	return {
		mark: {
			type: 'line',
			color,
			strokeWidth: 1.2,
			...(dash ? { strokeDash: dash } : {}),
			interpolate: step ? 'step' : 'linear',
		},
		encoding: { x, y: { field, type: 'quantitative' } },
	};
}

/** A shaded band between two fields. */
function band(low: string, high: string, opacity: number, step: boolean): UnitSpec<Field> {
	return {
		mark: { type: 'area', color: COLORS.zone, opacity, interpolate: step ? 'step' : 'linear' },
		encoding: { x, y: { field: low, type: 'quantitative' }, y2: { field: high } },
	};
}

/** Line, symbols and signal markers of one series (mark names `<name>_series|_points|_signals`). */
function seriesLayers(series: Series, yTitle: string): UnitSpec<Field>[] {
	const y = {
		field: series.value,
		type: 'quantitative',
		title: yTitle,
		scale: { zero: false },
	} as const;
	return [
		{
			name: `${series.name}_series`,
			mark: { type: 'line', color: COLORS.line, strokeWidth: 1.5 },
			encoding: { x, y },
		},
		{
			name: `${series.name}_points`,
			mark: { type: 'point', filled: true, color: COLORS.line, size: 30 },
			encoding: {
				x,
				y,
				tooltip: [
					{ field: 'point', type: 'quantitative' },
					{ field: series.value, type: 'quantitative' },
				],
			},
		},
		{
			name: `${series.name}_signals`,
			transform: [{ filter: `datum.${series.signal}` }],
			mark: { type: 'point', shape: 'diamond', filled: true, color: COLORS.signal, size: 110 },
			encoding: {
				x,
				y,
				tooltip: [
					{ field: 'point', type: 'quantitative' },
					{ field: 'rules', type: 'nominal', title: 'rules' },
				],
			},
		},
	];
}

/** One chart panel: zones, limits, center line, then each series with its signals. */
function panel(
	rows: Row[],
	series: Series[],
	yTitle: string,
	zones: boolean,
	step: boolean,
	size: { width: number; height: number },
): LayerSpec<Field> {
	const layers: UnitSpec<Field>[] = [];
	if (zones) {
		layers.push(
			band('lcl', 'ucl', 0.08, step),
			band('zoneLow2', 'zoneHigh2', 0.1, step),
			band('zoneLow1', 'zoneHigh1', 0.12, step),
		);
	}
	layers.push(
		line('ucl', COLORS.limit, [6, 3], step),
		line('lcl', COLORS.limit, [6, 3], step),
		line('center', COLORS.center, undefined, step),
	);
	for (const s of series) layers.push(...seriesLayers(s, yTitle));
	return {
		data: { values: rows as unknown as Record<string, unknown>[] },
		...size,
		layer: layers,
	} as LayerSpec<Field>;
}

/**
 * Vega-lite spec of a control chart: shaded zones (1, 2, 3 sigma), dashed control limits,
 * center line, the series with one symbol per point, and red diamonds on the points that report
 * a rule; a second panel for the R, S or moving-range chart; for CUSUM the upper sum and the
 * negated lower sum against +/- H in one panel. Mark names end in `_points` and `_signals` (one symbol each).
 *
 * @example
 * const { svg } = await renderChart(chartSpec(controlChart({ chart: 'imr', values })));
 */
export function chartSpec(result: ChartResult, options: ChartSpecOptions = {}): TopLevelSpec {
	const width = options.width ?? 640;
	const height = options.height ?? 260;
	const step = Array.isArray(result.ucl) && result.chart !== 'ewma';
	const title = options.title ?? CHART_TITLE[result.chart];
	const panels: LayerSpec<Field>[] = [];
	const size = { width, height };
	if (result.chart === 'cusum') {
		const series = [
			{ value: 'value', signal: 'signal', name: 'upper' },
			{ value: 'lower', signal: 'lowerSignal', name: 'lower' },
		];
		panels.push(panel(cusumRows(result), series, 'C+ and -C-', false, step, size));
	} else {
		const zones = result.chart !== 'ewma';
		panels.push(
			panel(
				primaryRows(result),
				[{ value: 'value', signal: 'signal', name: 'primary' }],
				STATISTIC[result.chart],
				zones,
				step,
				size,
			),
		);
		if (result.secondary) {
			const s = result.secondary;
			const secondary = [{ value: 'value', signal: 'signal', name: 'secondary' }];
			panels.push(
				panel(
					secondaryRows(result),
					secondary,
					SECONDARY_TITLE[s.chart],
					false,
					Array.isArray(s.ucl),
					{ width, height: Math.round(height * 0.6) },
				),
			);
		}
	}
	const base = {
		$schema: 'https://vega.github.io/schema/vega-lite/v5.json',
		title,
		background: 'white',
		config: { view: { stroke: null }, axis: { grid: true, gridOpacity: 0.4 } },
	};
	if (panels.length === 1) return { ...base, ...panels[0] } as TopLevelSpec;
	return { ...base, vconcat: panels } as TopLevelSpec;
}
