import type { TopLevelSpec } from 'vega-lite';

import { renderChart, type RenderedChart, type RenderOptions } from '../render';
import { DEFAULT_THRESHOLDS, type Thresholds } from './scheme';
import type { SupplierScore } from './types';

/** Which chart: score per supplier over the periods, or how many suppliers got each grade per period. */
export type ScorecardChartKind = 'trend' | 'grades';

/** Options of the scorecard charts. */
export interface ScorecardChartOptions {
	title?: string;
	/** Trend chart: suppliers to draw (default: all when at most `maxSuppliers`, else the lowest scores of the last period). */
	suppliers?: string[];
	/** Trend chart: most lines drawn when `suppliers` is not given (default 10). */
	maxSuppliers?: number;
	/** Trend chart: grade thresholds drawn as dashed lines (default A 90, B 80, C 70). */
	thresholds?: Thresholds;
}

const GRADE_COLORS = ['#28a745', '#9bc53d', '#f0ad4e', '#d9534f'];

/** Periods in the order the scorecards list them (scoreSuppliers sorts by period). */
function periodOrder(cards: readonly SupplierScore[]): string[] {
	return [...new Set(cards.map((c) => c.period))];
}

function pickSuppliers(cards: readonly SupplierScore[], max: number): Set<string> {
	const all = new Set(cards.map((c) => c.supplier));
	if (all.size <= max) return all;
	const periods = periodOrder(cards);
	const last = periods[periods.length - 1];
	const worst = cards
		.filter((c) => c.period === last)
		.sort((a, b) => a.score - b.score)
		.slice(0, max);
	return new Set(worst.map((c) => c.supplier));
}

/**
 * Vega-lite spec of the score trend: one line per supplier over the periods, with the grade
 * thresholds as dashed rules.
 *
 * @example
 * const spec = scoreTrendSpec(scoreSuppliers(rows), { maxSuppliers: 5 });
 */
export function scoreTrendSpec(
	cards: readonly SupplierScore[],
	options: ScorecardChartOptions = {},
): TopLevelSpec {
	const chosen = options.suppliers
		? new Set(options.suppliers)
		: pickSuppliers(cards, options.maxSuppliers ?? 10);
	const values = cards
		.filter((c) => chosen.has(c.supplier))
		.map((c) => ({ period: c.period, supplier: c.supplier, score: c.score, grade: c.grade }));
	const t = options.thresholds ?? DEFAULT_THRESHOLDS;
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v5.json',
		title: options.title ?? 'Supplier score trend',
		width: 560,
		height: 280,
		background: 'white',
		layer: [
			{
				data: { values },
				mark: { type: 'line', point: true },
				encoding: {
					x: {
						field: 'period',
						type: 'ordinal',
						sort: periodOrder(cards),
						title: 'Period',
						axis: { labelAngle: 0 },
					},
					y: { field: 'score', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Score' },
					color: { field: 'supplier', type: 'nominal', title: 'Supplier' },
				},
			},
			{
				data: { values: [{ y: t.A }, { y: t.B }, { y: t.C }] },
				mark: { type: 'rule', strokeDash: [4, 4], color: '#999999' },
				encoding: { y: { field: 'y', type: 'quantitative' } },
			},
		],
	};
}

/**
 * Vega-lite spec of the grade distribution: stacked bars of how many suppliers got A, B, C, D
 * in each period.
 *
 * @example
 * const spec = gradeDistributionSpec(scoreSuppliers(rows));
 */
export function gradeDistributionSpec(
	cards: readonly SupplierScore[],
	options: ScorecardChartOptions = {},
): TopLevelSpec {
	const counts = new Map<string, number>();
	for (const c of cards) {
		const key = `${c.period}\u0000${c.grade}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const values = [...counts].map(([key, suppliers]) => {
		const [period, grade] = key.split('\u0000');
		return { period, grade, suppliers };
	});
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v5.json',
		title: options.title ?? 'Supplier grades per period',
		width: 560,
		height: 280,
		background: 'white',
		data: { values },
		mark: 'bar',
		encoding: {
			x: {
				field: 'period',
				type: 'ordinal',
				sort: periodOrder(cards),
				title: 'Period',
				axis: { labelAngle: 0 },
			},
			y: {
				field: 'suppliers',
				type: 'quantitative',
				stack: 'zero',
				title: 'Suppliers',
				axis: { tickMinStep: 1, format: 'd' },
			},
			color: {
				field: 'grade',
				type: 'nominal',
				scale: { domain: ['A', 'B', 'C', 'D'], range: GRADE_COLORS },
				title: 'Grade',
			},
			order: { field: 'grade', sort: 'ascending' },
		},
	};
}

/**
 * Renders a scorecard chart through the shared renderer (SVG, and PNG when asked).
 *
 * @example
 * const { svg, png } = await renderScorecardChart(scoreSuppliers(rows), 'grades', { png: true });
 */
export async function renderScorecardChart(
	cards: readonly SupplierScore[],
	kind: ScorecardChartKind,
	options: ScorecardChartOptions & RenderOptions = {},
): Promise<RenderedChart> {
	const spec =
		kind === 'trend' ? scoreTrendSpec(cards, options) : gradeDistributionSpec(cards, options);
	return renderChart(spec, options);
}
