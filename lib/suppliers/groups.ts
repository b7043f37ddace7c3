import type { SupplierScore } from './types';

/**
 * Scorecards grouped by a value of the rows each was scored from, e.g. the buyer in charge: a
 * scorecard belongs to the last non-empty value (trimmed text) of its rows (`card.rows`, indices
 * into the input); groups in name order; scorecards whose rows have no value belong to none.
 *
 * @example
 * const rows = [{ buyer: 'ann' }, { buyer: 'bob' }, { buyer: '' }];
 * groupScorecards(cards, (row) => rows[row].buyer); // Map { 'ann' => [...], 'bob' => [...] }
 */
export function groupScorecards(
	cards: readonly SupplierScore[],
	valueOf: (row: number) => unknown,
): Map<string, SupplierScore[]> {
	const groups = new Map<string, SupplierScore[]>();
	for (const card of cards) {
		let group = '';
		for (const row of card.rows ?? []) {
			const value = valueOf(row);
			if (value !== undefined && value !== null && String(value).trim() !== '')
				group = String(value).trim();
		}
		if (group) groups.set(group, [...(groups.get(group) ?? []), card]);
	}
	return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}
