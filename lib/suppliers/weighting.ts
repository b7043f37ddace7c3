import { curveScore } from './curves';
import type { ResolvedScheme, Thresholds } from './scheme';
import type { Grade, MetricId, MetricResult } from './types';

/** A metric's measured value and the counts behind it. */
export interface MeasuredValue {
	value: number | null;
	basis: string;
}

/** Total score of one supplier-period, explained metric by metric. */
export interface WeightedScore {
	/** 0..100 rounded to 2 decimals, `null` when no weighted metric has data. */
	score: number | null;
	grade: Grade | null;
	metrics: MetricResult[];
	notes: string[];
}

const round = (x: number, digits: number): number => {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
};

const percent = (fraction: number): string => `${round(fraction * 100, 1)}%`;

/**
 * Grade of a score under the thresholds (lowest score of A, B and C).
 *
 * @example
 * gradeOf(85, { A: 90, B: 80, C: 70 }); // 'B'
 */
export function gradeOf(score: number, t: Thresholds): Grade {
	if (score >= t.A) return 'A';
	if (score >= t.B) return 'B';
	if (score >= t.C) return 'C';
	return 'D';
}

/**
 * Scores each metric on its curve and combines them with the scheme's weights. A metric
 * without data (n/a) gets weight 0 and the others share its weight in proportion to their
 * own; `notes` says so. Metric scores, weights and contributions are rounded for reading
 * (2, 4 and 2 decimals); the total is computed unrounded and then rounded to 2 decimals.
 *
 * @example
 * const s = resolveScheme({ metrics: ['ppm', 'otd'], weights: { ppm: 1, otd: 1 } });
 * weighScore(new Map([['ppm', { value: 0, basis: '' }], ['otd', { value: null, basis: '' }]]), s).score; // 100
 */
export function weighScore(
	measured: ReadonlyMap<MetricId, MeasuredValue>,
	scheme: ResolvedScheme,
): WeightedScore {
	const totalWeight = scheme.metrics.reduce((sum, m) => sum + m.weight, 0);
	const availableWeight = scheme.metrics.reduce(
		(sum, m) => sum + (measured.get(m.definition.id)?.value == null ? 0 : m.weight),
		0,
	);
	let total = 0;
	const notes: string[] = [];
	const metrics = scheme.metrics.map((m): MetricResult => {
		const { id, label } = m.definition;
		const found = measured.get(id);
		const value = found?.value ?? null;
		const nominalWeight = m.weight / totalWeight;
		if (value === null) {
			if (m.weight > 0)
				notes.push(
					`${id}: no data (n/a); its weight ${percent(nominalWeight)} is redistributed over the other metrics in proportion to their weights.`,
				);
			return {
				id,
				label,
				value: null,
				score: null,
				weight: 0,
				nominalWeight: round(nominalWeight, 4),
				contribution: null,
				na: true,
				basis: found?.basis ?? 'no data',
			};
		}
		const score = curveScore(m.curve, value);
		const weight = availableWeight > 0 ? m.weight / availableWeight : 0;
		total += weight * score;
		return {
			id,
			label,
			value,
			score: round(score, 2),
			weight: round(weight, 4),
			nominalWeight: round(nominalWeight, 4),
			contribution: round(weight * score, 2),
			na: false,
			basis: found?.basis ?? '',
		};
	});
	if (availableWeight === 0) return { score: null, grade: null, metrics, notes };
	const score = round(total, 2);
	return { score, grade: gradeOf(score, scheme.thresholds), metrics, notes };
}
