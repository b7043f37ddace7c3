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

const COLORS = { zone: '#4c78a8', line: '#1f3b57', center: '#2ca02c', limit: '#d62728', signal: '#d62728' };

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
		const row: Row = { point: i + 1, value, center, ucl, lcl, signal: rules.has(i), rules: (rules.get(i) ?? []).join(', ') };
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
function cusumRows(result: ChartResult, side: 'upper' | 'lower'): Row[] {
	const sums = (side === 'upper' ? result.upper : result.lower) ?? [];
	const rule = side === 'upper' ? 'CUSUM+' : 'CUSUM-';
	const hit = new Set(result.violations.filter((v) => v.rule === rule).map((v) => v.index));
	return sums.map((s, i) => ({
		point: i + 1,
		value: side === 'upper' ? s : -s,
		center: 0,
		ucl: at(result.ucl, i),
		lcl: at(result.lcl, i),
		signal: hit.has(i),
		rules: hit.has(i) ? rule : '',
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

const x = { field: 'point', type: 'quantitative', title: 'Point', axis: { tickMinStep: 1 }, scale: { zero: false, nice: false } } as const;

/** A line over the points for one field (step-wise where limits change per point). */
function line(field: string, color: string, dash: number[] | undefined, step: boolean): LayerSpec<Field> | UnitSpec<Field> {
	return {
		mark: { type: 'line', color, strokeWidth: 1.2, ...(dash ? { strokeDash: dash } : {}), interpolate: step ? 'step' : 'linear' },
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

/** Layers of one control chart panel: zones, limits, center, the series and its signals. */
function panel(rows: Row[], yTitle: string, zones: boolean, step: boolean, name: string, height: number, width: number): LayerSpec<Field> {
	const layers: (LayerSpec<Field> | UnitSpec<Field>)[] = [];
	if (zones) {
		layers.push(band('lcl', 'ucl', 0.08, step), band('zoneLow2', 'zoneHigh2', 0.1, step), band('zoneLow1', 'zoneHigh1', 0.12, step));
	}
	layers.push(
		line('ucl', COLORS.limit, [6, 3], step),
		line('lcl', COLORS.limit, [6, 3], step),
		line('center', COLORS.center, undefined, step),
		{
			name: `${name}_series`,
			mark: { type: 'line', color: COLORS.line, strokeWidth: 1.5, point: false },
			encoding: { x, y: { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: false } } },
		},
		{
			name: `${name}_points`,
			mark: { type: 'point', filled: true, color: COLORS.line, size: 30 },
			encoding: {
				x,
				y: { field: 'value', type: 'quantitative' },
				tooltip: [
					{ field: 'point', type: 'quantitative' },
					{ field: 'value', type: 'quantitative' },
				],
			},
		},
		{
			name: `${name}_signals`,
			transform: [{ filter: 'datum.signal' }],
			mark: { type: 'point', shape: 'diamond', filled: true, color: COLORS.signal, size: 110 },
			encoding: {
				x,
				y: { field: 'value', type: 'quantitative' },
				tooltip: [
					{ field: 'point', type: 'quantitative' },
					{ field: 'rules', type: 'nominal', title: 'rules' },
				],
			},
		},
	);
	return { data: { values: rows as unknown as Record<string, unknown>[] }, width, height, layer: layers } as LayerSpec<Field>;
}

/**
 * Vega-lite spec of a control chart: shaded zones (1, 2, 3 sigma), dashed control limits,
 * center line, the series with one symbol per point, and red diamonds on the points that report
 * a rule; a second panel for the R, S or moving-range chart; for CUSUM the upper sum and the
 * negated lower sum against +/- H. Mark names end in `_points` and `_signals` (one symbol each).
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
	if (result.chart === 'cusum') {
		panels.push(panel(cusumRows(result, 'upper'), 'C+ (upper sum)', false, step, 'upper', height, width));
		panels.push(panel(cusumRows(result, 'lower'), '-C- (lower sum)', false, step, 'lower', height, width));
	} else {
		const zones = result.chart !== 'ewma';
		panels.push(panel(primaryRows(result), STATISTIC[result.chart], zones, step, 'primary', height, width));
		if (result.secondary) {
			const s = result.secondary;
			const secondaryStep = Array.isArray(s.ucl);
			panels.push(panel(secondaryRows(result), SECONDARY_TITLE[s.chart], false, secondaryStep, 'secondary', Math.round(height * 0.6), width));
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
