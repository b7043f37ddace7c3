import { analyzeFmea, checkRows, FmeaInputError, reviseFmea, rpn } from '../../../lib/fmea';

const rows = [
	{ id: 'L1', failureMode: 'Label smudged', severity: 3, occurrence: 3, detection: 2 },
	{ id: 'H1', failureMode: 'Terminal not seated', severity: 8, occurrence: 4, detection: 7 },
	{ id: 'S1', failureMode: 'Insulation pierced', severity: 10, occurrence: 2, detection: 2 },
	{ id: 'M1', failureMode: 'Latch weak', severity: 7, occurrence: 4, detection: 3 },
	{ id: 'H2', failureMode: 'Crimp height low', severity: 8, occurrence: 6, detection: 5 },
	{ id: 'M2', failureMode: 'Seal pinched', severity: 7, occurrence: 4, detection: 3 },
];

describe('rpn', () => {
	it('is S x O x D', () => {
		expect(rpn(8, 4, 7)).toBe(224);
		expect(rpn(1, 1, 1)).toBe(1);
		expect(rpn(10, 10, 10)).toBe(1000);
	});
	it('rejects a rating outside 1..10', () => {
		expect(() => rpn(8, 0, 7)).toThrow('occurrence: must be an integer from 1 to 10, got 0');
	});
});

describe('analyzeFmea', () => {
	const { rows: out, summary } = analyzeFmea(rows);
	const byId = Object.fromEntries(out.map((r) => [r.id, r]));

	it('computes RPN and AP per row (hand-checked against the AP table)', () => {
		expect(byId.H1).toMatchObject({ rpn: 224, ap: 'H' }); // S7-8, O4-5, D7-10
		expect(byId.H2).toMatchObject({ rpn: 240, ap: 'H' }); // S7-8, O6-7, D5-6
		expect(byId.M1).toMatchObject({ rpn: 84, ap: 'M' }); // S7-8, O4-5, D2-4
		expect(byId.S1).toMatchObject({ rpn: 40, ap: 'L' }); // S9-10, O2-3, D2-4
		expect(byId.L1).toMatchObject({ rpn: 18, ap: 'L' });
	});

	it('ranks by AP, then S, O, D, RPN; ties keep input order', () => {
		// H2 before H1: same AP and S, higher O. S1 (L, S10) before L1 (L, S3). M1 before M2 (tie).
		expect(out.map((r) => r.id)).toEqual(['H2', 'H1', 'M1', 'M2', 'S1', 'L1']);
		expect(out.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('requires action for H and M, and for S >= 9 with O >= 2 whatever the AP', () => {
		expect(out.filter((r) => r.actionRequired).map((r) => r.id)).toEqual([
			'H2',
			'H1',
			'M1',
			'M2',
			'S1',
		]);
		expect(byId.S1.actionReasons).toEqual(['severity']);
		expect(byId.H1.actionReasons).toEqual(['ap']);
		expect(byId.L1.actionRequired).toBe(false);
	});

	it('with actionAt H, M rows no longer require action', () => {
		const strict = analyzeFmea(rows, { actionAt: 'H' });
		expect(strict.rows.filter((r) => r.actionRequired).map((r) => r.id)).toEqual([
			'H2',
			'H1',
			'S1',
		]);
		expect(strict.summary.actionRequired).toBe(3);
	});

	it('S 9 with O 1 does not require action by severity', () => {
		const [row] = analyzeFmea([
			{ id: 1, failureMode: 'x', severity: 9, occurrence: 1, detection: 10 },
		]).rows;
		expect(row).toMatchObject({ ap: 'L', actionRequired: false, actionReasons: [] });
	});

	it('summarises the counts', () => {
		expect(summary).toEqual({
			rows: 6,
			high: 2,
			medium: 2,
			low: 2,
			actionRequired: 5,
			revised: { high: 2, medium: 2, low: 2 },
		});
	});

	it('keeps every other field of the row', () => {
		const [row] = analyzeFmea([
			{
				id: 'X',
				failureMode: 'x',
				severity: 2,
				occurrence: 2,
				detection: 2,
				owner: 'Li',
				item: 'Housing',
			},
		]).rows;
		expect(row).toMatchObject({ owner: 'Li', item: 'Housing' });
	});

	it('reads ratings given as digit strings (spreadsheets, Data Tables)', () => {
		const [row] = analyzeFmea([
			{ id: 'X', failureMode: 'x', severity: '8', occurrence: ' 4 ', detection: '7' },
		]).rows;
		expect(row).toMatchObject({ severity: 8, occurrence: 4, detection: 7, rpn: 224, ap: 'H' });
	});

	it('shows RPN and AP after the actions that revise ratings (the last one wins per rating)', () => {
		const [row] = analyzeFmea([
			{
				...rows[4],
				actions: [
					{ description: 'Crimp force monitoring', occurrence: 3, detection: 4 },
					{ description: 'Error-proof applicator', detection: 2 },
					{ description: 'Review work instruction' },
				],
			},
		]).rows;
		expect(row.ap).toBe('H');
		expect(row.revised).toEqual({ severity: 8, occurrence: 3, detection: 2, rpn: 48, ap: 'L' });
	});

	it('has no revised state when no action revises a rating', () => {
		const [row] = analyzeFmea([{ ...rows[1], actions: [{ description: 'Audit' }] }]).rows;
		expect(row.revised).toBeUndefined();
	});
});

describe('analyzeFmea errors name the row and the field', () => {
	const base = {
		id: 'PF-10',
		failureMode: 'Crimp height low',
		severity: 8,
		occurrence: 4,
		detection: 5,
	};
	const cases: [string, Record<string, unknown>, string, string][] = [
		['severity 11', { severity: 11 }, 'severity', 'must be an integer from 1 to 10, got 11'],
		[
			'a fractional occurrence',
			{ occurrence: 4.5 },
			'occurrence',
			'must be an integer from 1 to 10, got 4.5',
		],
		[
			'a word as detection',
			{ detection: 'high' },
			'detection',
			'must be an integer from 1 to 10, got "high"',
		],
		['a missing detection', { detection: undefined }, 'detection', 'is missing'],
		['a missing failure mode', { failureMode: undefined }, 'failureMode', 'is missing'],
		['an empty failure mode', { failureMode: '  ' }, 'failureMode', 'must be non-empty text'],
		['a numeric effect', { effect: 5 }, 'effect', 'must be text'],
		['an unknown type', { type: 'SFMEA' }, 'type', 'must be "DFMEA" or "PFMEA", got "SFMEA"'],
		[
			'a revised rating out of range',
			{ actions: [{ severity: 0 }] },
			'actions[0].severity',
			'must be an integer from 1 to 10, got 0',
		],
		['actions not a list', { actions: 'none' }, 'actions', 'must be a list'],
	];
	it.each(cases)('%s', (_name, change, field, reason) => {
		const bad = { ...base, ...change };
		let error: unknown;
		try {
			analyzeFmea([{ ...base, id: 'OK' }, bad]);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(FmeaInputError);
		expect(error).toMatchObject({ field, reason, index: 1, rowId: 'PF-10' });
		expect((error as Error).message).toBe(`row 1 (id "PF-10"), ${field}: ${reason}`);
	});

	it('a missing id names the row by index', () => {
		expect(() => analyzeFmea([{ ...base, id: '' }])).toThrow('row 0, id: is missing');
	});

	it('a duplicate id names both rows', () => {
		expect(() => analyzeFmea([base, base])).toThrow(
			'row 1 (id "PF-10"), id: duplicates the id of row 0',
		);
	});

	it('a row that is not an object', () => {
		expect(() => analyzeFmea([base, null])).toThrow('row 1, row: must be an object');
	});

	it('rows that are not a list', () => {
		expect(() => analyzeFmea('rows' as unknown as unknown[])).toThrow(FmeaInputError);
	});
});

describe('reviseFmea', () => {
	it('applies revisions and shows S, O, D, RPN and AP before and after', () => {
		const result = reviseFmea(rows, [
			{ id: 'H2', occurrence: 3, reference: '8D-0042 D6' },
			{ id: 'H2', detection: 2, reference: '8D-0042 D7' },
			{ id: 'M1', detection: '2' },
		]);
		const h2 = result.rows.find((r) => r.id === 'H2')!;
		expect(h2.before).toEqual({ severity: 8, occurrence: 6, detection: 5, rpn: 240, ap: 'H' });
		expect(h2.after).toEqual({ severity: 8, occurrence: 3, detection: 2, rpn: 48, ap: 'L' });
		expect(h2).toMatchObject({ ap: 'L', rpn: 48, changed: true });
		expect(h2.revisions.map((r) => r.reference)).toEqual(['8D-0042 D6', '8D-0042 D7']);
		const m1 = result.rows.find((r) => r.id === 'M1')!;
		expect(m1.after).toMatchObject({ detection: 2, ap: 'M' }); // S7-8, O4-5, D2-4 stays M
		expect(result.rows.find((r) => r.id === 'L1')!.changed).toBe(false);
		expect(result.summary).toEqual({
			rows: 6,
			changed: 2,
			before: { high: 2, medium: 2, low: 2 },
			after: { high: 1, medium: 2, low: 3 },
		});
		// ranked on the new ratings
		expect(result.rows[0].id).toBe('H1');
	});

	it('a revision naming no row is an error naming the revision', () => {
		expect(() => reviseFmea(rows, [{ id: 'H9', occurrence: 2 }])).toThrow(
			'revision 0 (id "H9"), id: names no row of the FMEA',
		);
	});

	it('a revised rating out of range is an error naming the field', () => {
		expect(() => reviseFmea(rows, [{ id: 'H1' }, { id: 'H1', detection: 12 }])).toThrow(
			'revision 1 (id "H1"), detection: must be an integer from 1 to 10, got 12',
		);
	});
});

describe('checkRows', () => {
	it('keeps going after bad rows and names each by its input index', () => {
		const checked = checkRows([
			rows[0],
			{ ...rows[1], severity: 11 },
			rows[2],
			{ ...rows[3], id: 'L1' },
			'not a row',
		]);
		expect(checked.rows.map((r) => r.id)).toEqual(['L1', 'S1']);
		expect(checked.indices).toEqual([0, 2]);
		expect(checked.errors.map((e) => [e.index, e.field])).toEqual([
			[1, 'severity'],
			[3, 'id'],
			[4, 'row'],
		]);
	});
});
