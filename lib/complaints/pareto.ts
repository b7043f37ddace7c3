import type { ComplaintClassification } from './types';

/** One bar of a Pareto chart: a category with its count and shares. */
export interface ParetoRow {
	category: string;
	count: number;
	/** Share of the classified complaints, 0..1. */
	share: number;
	/** Share of this category and all more frequent ones. */
	cumulativeShare: number;
}

/** Counts over a batch of complaints, for a Pareto chart. */
export interface ComplaintPareto {
	/** Complaints classified (failures not included). */
	total: number;
	/** Complaints that could not be classified. */
	errors: number;
	counts: Record<string, number>;
	bySeverity: { critical: number; major: number; minor: number };
	/** Categories, most frequent first (ties by name). */
	pareto: ParetoRow[];
}

/**
 * Counts per category, most frequent first, with shares and cumulative shares for a Pareto
 * chart (Juran's vital few: the categories up to about 80 % cumulative share). An undefined
 * entry is a complaint that failed; it counts in `errors`, not in the shares.
 *
 * @example
 * const r = (category: string) => ({ category, severity: 'minor' }) as ComplaintClassification;
 * complaintPareto([r('design'), r('service'), r('design'), undefined]).pareto[0];
 * // { category: 'design', count: 2, share: 0.667, cumulativeShare: 0.667 } (shares unrounded)
 */
export function complaintPareto(
	results: readonly (Pick<ComplaintClassification, 'category' | 'severity'> | undefined)[],
): ComplaintPareto {
	const counts = new Map<string, number>();
	const bySeverity = { critical: 0, major: 0, minor: 0 };
	let errors = 0;
	for (const r of results) {
		if (!r) {
			errors++;
			continue;
		}
		counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
		bySeverity[r.severity]++;
	}
	const total = results.length - errors;
	let cumulative = 0;
	const pareto = [...counts.entries()]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.map(([category, count]) => {
			cumulative += count;
			return {
				category,
				count,
				share: total ? count / total : 0,
				cumulativeShare: total ? cumulative / total : 0,
			};
		});
	return { total, errors, counts: Object.fromEntries(counts), bySeverity, pareto };
}
