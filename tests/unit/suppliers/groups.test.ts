import { groupScorecards, type SupplierScore } from '../../../lib/suppliers';

describe('groupScorecards', () => {
	const card = (supplier: string, rows: number[]) =>
		({ supplier, rows }) as unknown as SupplierScore;
	// Rows 0-4: the buyer of each row; a card belongs to the last non-empty buyer of its rows.
	const buyers = ['bob', ' ann ', '', null, 'ann'];
	const cards = [card('S1', [0, 1]), card('S2', [0, 2]), card('S3', [2, 3]), card('S4', [4])];

	it('groups by the last non-empty value of the rows, groups in name order, no value: no group', () => {
		const groups = groupScorecards(cards, (row) => buyers[row]);
		expect([...groups].map(([group, members]) => [group, members.map((c) => c.supplier)])).toEqual([
			['ann', ['S1', 'S4']],
			['bob', ['S2']],
		]);
	});
});
