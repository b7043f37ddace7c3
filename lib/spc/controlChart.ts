import { attributeChart } from './attribute';
import { cusumChart } from './cusum';
import { ewmaChart } from './ewma';
import { imrChart } from './imr';
import { pointsNeeded, resolveRules } from './rules';
import type { ChartInput, ChartResult, ChartType } from './types';
import { SpcInputError } from './validate';
import { xbarChart } from './xbar';

const CHARTS: readonly ChartType[] = [
	'imr',
	'xbar-r',
	'xbar-s',
	'p',
	'np',
	'c',
	'u',
	'ewma',
	'cusum',
];

/**
 * Control chart with limits, run-rule reports and (I-MR, X-bar/R, X-bar/S) the dispersion chart.
 * See docs/CONTRACT.md (SPC) for the fields. Bad input throws an `SpcInputError` naming the
 * field and index; rules needing more points than the chart has are listed in `skippedRules`.
 * EWMA and CUSUM report their own signals (`EWMA`, `CUSUM+`, `CUSUM-`) and ignore `rules`.
 *
 * @example
 * const r = controlChart({ chart: 'imr', values: [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1] });
 * r.center;  // 50.81
 * r.ucl;     // 55.8024...
 */
export function controlChart(input: ChartInput): ChartResult {
	if (input === null || typeof input !== 'object')
		throw new SpcInputError('input', 'must be an object');
	if (!CHARTS.includes(input.chart)) {
		throw new SpcInputError(
			'chart',
			`must be one of ${CHARTS.join(', ')}, got ${JSON.stringify(input.chart)}`,
		);
	}
	const subgrouped = input.chart === 'xbar-r' || input.chart === 'xbar-s';
	if (subgrouped && input.values !== undefined) {
		throw new SpcInputError(
			'values',
			'X-bar charts take subgroups (arrays of measurements), not values',
		);
	}
	if (
		!subgrouped &&
		input.chart !== 'ewma' &&
		input.chart !== 'cusum' &&
		input.subgroups !== undefined
	) {
		throw new SpcInputError(
			'subgroups',
			`${input.chart === 'imr' ? 'I-MR' : input.chart} charts take values (one per point), not subgroups`,
		);
	}
	if (input.chart === 'ewma') return { ...ewmaChart(input), skippedRules: [] };
	if (input.chart === 'cusum') return { ...cusumChart(input), skippedRules: [] };
	const rules = resolveRules(input.rules);
	const result =
		input.chart === 'imr'
			? imrChart(input, rules)
			: subgrouped
				? xbarChart(input, rules)
				: attributeChart(input, rules);
	const n = result.points.length;
	return { ...result, skippedRules: rules.filter((r) => pointsNeeded(r) > n).map((r) => r.id) };
}
