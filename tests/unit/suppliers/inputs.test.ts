import {
	analyzeSuppliers,
	curveScore,
	scoreMetrics,
	scoreSuppliers,
	SupplierRowError,
} from '../../../lib/suppliers';

const receipt = (
	supplier: string,
	received: unknown = 1000,
	rejected: unknown = 0,
	date: unknown = '2026-03-02',
) => ({ kind: 'receipt', supplier, date, received, rejected });

describe('bad rows throw an Error naming the row index and the field', () => {
	test.each([
		[
			[receipt('A'), receipt('A', 'abc')],
			'Row 1: field "received" must be a number >= 0, got "abc"',
		],
		[[receipt('A', 100, 101)], 'Row 0: field "rejected" must not exceed "received" (100), got 101'],
		[[receipt('A', -5)], 'Row 0: field "received" must be a number >= 0, got -5'],
		[[receipt('A', ''), receipt('A')], 'Row 0: field "received" must be a number >= 0, got ""'],
		[[receipt('')], 'Row 0: field "supplier" must be non-empty text, got ""'],
		[[receipt('A', 1, 0, '2026-02-30')], 'Row 0: field "date" must be an ISO-8601 date'],
		[[receipt('A', 1, 0, '03/02/2026')], 'Row 0: field "date" must be an ISO-8601 date'],
		[
			[receipt('A', 1, 0, 20260302)],
			'Row 0: field "date" must be an ISO-8601 date (e.g. 2026-03-01 or 2026-03-01T08:00:00Z) or epoch milliseconds, got 20260302',
		],
		[[receipt('A', 1, 0, 46083)], 'Row 0: field "date" must be an ISO-8601 date'],
		[
			[{ kind: 'delivery', supplier: 'A', date: '2026-03-02' }],
			'Row 0: field "promisedDate" must be an ISO-8601 date',
		],
		[
			[{ kind: 'scar', supplier: 'A', date: '2026-03-02', closedAt: '2026-03-01' }],
			'Row 0: field "closedAt" is before the opening date "date"',
		],
		[
			[{ kind: 'complaint', supplier: 'A', date: '2026-03-02', severity: 'huge' }],
			'Row 0: field "severity" must be critical, major or minor, got "huge"',
		],
		[
			[{ kind: 'cost', supplier: 'A', date: '2026-03-02', amount: 'lots' }],
			'Row 0: field "amount" must be a number, got "lots"',
		],
		[[receipt('A'), null], 'Row 1: expected an object, got null'],
		[[{ supplier: 'A', date: '2026-03-02' }], 'Row 0: field "kind" is missing'],
	])('%#', (rows, message) => {
		expect(() => scoreSuppliers(rows as Array<Record<string, unknown>>)).toThrow(message);
	});

	test("errors name the user's own field names when they are mapped", () => {
		const rows = [{ type: 'receipt', vendor: 'A', posted: '2026-03-02', qty: 10, ng: 'x' }];
		const fields = {
			kind: 'type',
			supplier: 'vendor',
			date: 'posted',
			received: 'qty',
			rejected: 'ng',
		};
		expect(() => scoreSuppliers(rows, { fields })).toThrow(
			'Row 0: field "ng" must be a number >= 0, got "x"',
		);
		const ok = scoreSuppliers([{ ...rows[0], ng: '1' }], { fields, metrics: ['ppm'] });
		expect(ok[0]).toMatchObject({
			supplier: 'A',
			period: '2026-03',
			metrics: [{ id: 'ppm', value: 100000 }],
		});
	});

	test('numeric text from CSV exports is read as numbers', () => {
		const [c] = scoreSuppliers([receipt('A', ' 2000 ', '1')], { metrics: ['ppm'] });
		expect(c.metrics[0].value).toBe(500);
	});

	test('an empty or missing rejected quantity means none rejected', () => {
		// Lots: (1000, 1), (1000, ''), (1000, missing) -> 1 / 3000 = 333.33 ppm, 2 of 3 lots accepted.
		const rows = [
			receipt('A', 1000, 1),
			receipt('A', 1000, ''),
			{ kind: 'receipt', supplier: 'A', date: '2026-03-02', received: 1000 },
		];
		const [c] = scoreSuppliers(rows, { metrics: ['ppm', 'lot_acceptance'] });
		expect(c.metrics.map((m) => m.value)).toEqual([1e6 / 3000, 2 / 3]);
	});
});

describe('onBadRow "skip" leaves unreadable rows out whole and lists them', () => {
	test('the row index, the field and the message; the other rows are scored', () => {
		// Row 1 would add 500 received; row 2 is a complaint with a bad severity, the only complaint row,
		// so with it left out the input has no complaint rows and complaints is n/a.
		const rows = [
			receipt('A', 1000, 1),
			receipt('A', 500, 'x'),
			{ kind: 'complaint', supplier: 'A', date: '2026-03-02', severity: '??' },
			receipt('B'),
		];
		const report = analyzeSuppliers(rows, { metrics: ['ppm', 'complaints'], onBadRow: 'skip' });
		expect(report.badRows).toEqual([
			{
				row: 1,
				field: 'rejected',
				reason: 'must be a number >= 0, got "x"',
				message: 'Row 1: field "rejected" must be a number >= 0, got "x"',
			},
			{
				row: 2,
				field: 'severity',
				reason: 'must be critical, major or minor, got "??"',
				message: 'Row 2: field "severity" must be critical, major or minor, got "??"',
			},
		]);
		expect(report.scorecards.map((c) => [c.supplier, c.metrics[0].value, c.metrics[1].na])).toEqual(
			[
				['B', 0, true],
				['A', 1000, true],
			],
		);
	});

	test('errors carry row and field for callers', () => {
		try {
			scoreSuppliers([receipt('A'), receipt('A', 'many')]);
			throw new Error('no error');
		} catch (error) {
			expect(error).toBeInstanceOf(SupplierRowError);
			expect(error).toMatchObject({
				row: 1,
				field: 'received',
				problem: 'must be a number >= 0, got "many"',
			});
		}
	});
});

describe('unknown kinds are reported, never silently dropped', () => {
	const rows = [
		receipt('A'),
		{ kind: 'audit', supplier: 'A', date: '2026-03-02' },
		receipt('A'),
		{ kind: 'Audit', supplier: 'B' },
		{ kind: 'ppap', supplier: 'A' },
	];

	test('by default they throw, naming the row and the kind', () => {
		expect(() => scoreSuppliers(rows)).toThrow(
			'Row 1: field "kind" is not a known kind (receipt, delivery, scar, complaint, disruption, cost, premium_freight), got "audit"',
		);
	});

	test('with onUnknownKind "skip" they are counted with their row indices', () => {
		const report = analyzeSuppliers(rows, { onUnknownKind: 'skip' });
		expect(report.unknownKinds).toEqual([
			{ kind: 'audit', count: 1, rows: [1] },
			{ kind: 'Audit', count: 1, rows: [3] },
			{ kind: 'ppap', count: 1, rows: [4] },
		]);
		expect(report.scorecards.map((c) => c.supplier)).toEqual(['A']);
	});

	test('kinds are matched without regard to case or surrounding blanks', () => {
		const [c] = scoreSuppliers([{ ...receipt('A'), kind: ' Receipt ' }], { metrics: ['ppm'] });
		expect(c.metrics[0].value).toBe(0);
	});
});

describe('__proto__ and constructor are ordinary supplier names', () => {
	test('they are scored like any other supplier and the prototype is untouched', () => {
		const rows = [
			receipt('__proto__', 1000, 1),
			receipt('constructor', 1000, 0),
			receipt('hasOwnProperty', 2000, 1),
			...JSON.parse(
				'[{"kind":"receipt","supplier":"toString","date":"2026-03-02","received":1000,"rejected":0,"__proto__":{"polluted":1}}]',
			),
		];
		const cards = scoreSuppliers(rows, { metrics: ['ppm'] });
		expect(cards.map((c) => [c.supplier, c.metrics[0].value])).toEqual([
			['constructor', 0],
			['toString', 0],
			['hasOwnProperty', 500],
			['__proto__', 1000],
		]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(cards[3])).toBe(Object.prototype);
	});

	test('__proto__ as a scheme key is an unknown metric, not a prototype change', () => {
		expect(() =>
			scoreSuppliers([receipt('A')], JSON.parse('{"weights":{"__proto__":{"ppm":0}}}')),
		).toThrow('scheme.weights: unknown key "__proto__"');
	});
});

describe('scheme', () => {
	test.each([
		[{ metrics: ['ppm', 'speed'] }, 'scheme.metrics[1]: unknown metric "speed"'],
		[{ metrics: ['ppm', 'ppm'] }, 'scheme.metrics[1]: "ppm" is listed twice'],
		[{ metrics: [] }, 'scheme.metrics must be a non-empty array'],
		[{ weights: { otd: -1 } }, 'scheme.weights.otd must be a number >= 0, got -1'],
		[
			{ metrics: ['ppm'], weights: { ppm: 0 } },
			'scheme.weights: at least one metric needs a weight above 0',
		],
		[
			{ thresholds: { A: 80, B: 85 } },
			'scheme.thresholds must satisfy A >= B >= C, got A 80, B 85, C 70',
		],
		[{ thresholds: { C: 101 } }, 'scheme.thresholds.C must be a number within 0..100, got 101'],
		[
			{ curves: { ppm: { target: 10, limit: 10 } } },
			'scheme.curves.ppm: target and limit must differ',
		],
		[
			{
				curves: {
					ppm: {
						target: 0,
						limit: 9,
						points: [
							[0, 100],
							[0, 50],
						],
					},
				},
			},
			'scheme.curves.ppm.points[1]: values must increase',
		],
		[{ period: 'year' }, 'scheme.period.unit must be week, month, quarter or rolling, got "year"'],
		[
			{ period: { unit: 'rolling', months: 0 } },
			'scheme.period.months must be a whole number of months from 1 to 120, got 0',
		],
		[{ zone: 'Mars/Olympus' }, 'scheme.zone: unknown time zone "Mars/Olympus"'],
		[
			{ otdToleranceDays: 1.5 },
			'scheme.otdToleranceDays must be a whole number of days >= 0, got 1.5',
		],
		[{ asOf: 'soon' }, 'scheme.asOf must be an ISO-8601 date, got "soon"'],
	])('%j', (scheme, message) => {
		expect(() => scoreSuppliers([receipt('A')], scheme as never)).toThrow(message);
	});

	test('custom thresholds move the grade', () => {
		// ppm 250 -> 75: C by default, B with B >= 75.
		const rows = [receipt('A', 4000, 1)];
		expect(scoreSuppliers(rows, { metrics: ['ppm'] })[0].grade).toBe('C');
		expect(scoreSuppliers(rows, { metrics: ['ppm'], thresholds: { B: 75 } })[0].grade).toBe('B');
	});

	test('weights are relative; a weight of 0 shows the metric without counting it', () => {
		// ppm 250 -> 75, lot acceptance 0/1 -> 0: weights 3:1 give (3*75 + 0) / 4 = 56.25.
		const rows = [receipt('A', 4000, 1)];
		expect(
			scoreSuppliers(rows, {
				metrics: ['ppm', 'lot_acceptance'],
				weights: { ppm: 3, lot_acceptance: 1 },
			})[0].score,
		).toBe(56.25);
		const [c] = scoreSuppliers(rows, {
			metrics: ['ppm', 'lot_acceptance'],
			weights: { lot_acceptance: 0 },
		});
		expect(c.score).toBe(75);
		expect(c.metrics[1]).toMatchObject({
			value: 0,
			score: 0,
			weight: 0,
			contribution: 0,
			na: false,
		});
	});

	test('a count metric whose kind does not occur in the input is n/a', () => {
		const [c] = scoreSuppliers([receipt('A')], { metrics: ['ppm', 'complaints'] });
		expect(c.metrics[1]).toMatchObject({
			id: 'complaints',
			value: null,
			na: true,
			basis: 'no complaint rows in the input',
		});
		expect(c.metrics[0].weight).toBe(1);
	});

	test('supplier-periods without any weighted data are listed as unscored', () => {
		const rows = [{ kind: 'scar', supplier: 'A', date: '2026-03-30' }];
		const report = analyzeSuppliers(rows, { metrics: ['scar_on_time'] });
		expect(report.scorecards).toEqual([]);
		expect(report.unscored).toEqual([
			{
				supplier: 'A',
				period: '2026-03',
				reason: 'no metric of the scheme has data in this period',
			},
		]);
	});

	test('cost rows: total cost and the premium-freight part', () => {
		// cost 1000 (scrap) + 2000 (category "Premium Freight") + 500 (premium_freight row) = 3500 -> 65;
		// premium freight 2500 -> 75 on the default 0 -> 10000 curve; equal weights: 70.
		const rows = [
			{ kind: 'cost', supplier: 'A', date: '2026-03-02', amount: 1000, category: 'scrap' },
			{
				kind: 'cost',
				supplier: 'A',
				date: '2026-03-03',
				amount: '2000',
				category: 'Premium Freight',
			},
			{ kind: 'premium_freight', supplier: 'A', date: '2026-03-04', amount: 500 },
		];
		const [c] = scoreSuppliers(rows, { metrics: ['cost', 'premium_freight'] });
		expect(c.metrics.map((m) => [m.id, m.value, m.score])).toEqual([
			['cost', 3500, 65],
			['premium_freight', 2500, 75],
		]);
		expect(c.score).toBe(70);
	});
});

describe('curves', () => {
	test('linear between target and limit, clamped outside, either direction', () => {
		expect(curveScore({ target: 0, limit: 1000 }, 250)).toBe(75);
		expect(curveScore({ target: 0, limit: 1000 }, 5000)).toBe(0);
		expect(curveScore({ target: 1, limit: 0.8 }, 0.9)).toBeCloseTo(50, 10);
		expect(curveScore({ target: 0.98, limit: 0.8 }, 0.99)).toBe(100);
	});

	test('piecewise points replace the line', () => {
		const curve = {
			target: 0,
			limit: 500,
			points: [
				[0, 100],
				[100, 90],
				[500, 0],
			] as Array<[number, number]>,
		};
		expect(curveScore(curve, 50)).toBe(95);
		expect(curveScore(curve, 300)).toBe(45);
		expect(curveScore(curve, 900)).toBe(0);
		const [c] = scoreSuppliers([receipt('A', 10000, 2)], {
			metrics: ['ppm'],
			curves: { ppm: curve },
		});
		expect(c.score).toBe(67.5); // 200 ppm: 90 + (200 - 100) / (500 - 100) * (0 - 90)
	});
});

describe('scoreMetrics: pre-aggregated values', () => {
	test('scores values aggregated elsewhere with the same weights and n/a handling', () => {
		// ppm 250 -> 75, otd 0.95 -> 75, complaints 1 -> 80; others missing: (25*75 + 25*75 + 15*80) / 65 = 76.15.
		const s = scoreMetrics({ ppm: 250, otd: 0.95, complaints: 1 });
		expect([s.score, s.grade]).toEqual([76.15, 'C']);
		expect(s.metrics.filter((m) => m.na).map((m) => m.id)).toEqual([
			'lot_acceptance',
			'scar_on_time',
			'scar_response',
			'disruptions',
		]);
		expect(s.notes).toHaveLength(4);
	});

	test('perfect values score 100', () => {
		const s = scoreMetrics({
			ppm: 0,
			lot_acceptance: 1,
			otd: 1,
			scar_on_time: 1,
			scar_response: 1,
			complaints: 0,
			disruptions: 0,
		});
		expect([s.score, s.grade]).toEqual([100, 'A']);
	});

	test('errors name the source of a value when given', () => {
		expect(() => scoreMetrics({ otd: 2 }, undefined, { names: { otd: 'OTD %' } })).toThrow(
			'field "OTD %": must be a share within 0..1, got 2',
		);
		expect(scoreMetrics({ otd: '0.9' as never }, { metrics: ['otd'] }).score).toBe(50);
	});

	test.each([
		[{ otd: 1.5 }, 'values.otd: must be a share within 0..1, got 1.5'],
		[{ ppm: -1 }, 'values.ppm: must be >= 0, got -1'],
		[{ ppm: 'high' }, 'values.ppm: must be a number, got "high"'],
		[{ speed: 1 }, 'values: none of the weighted metrics'],
	])('%j', (values, message) => {
		expect(() => scoreMetrics(values as never)).toThrow(message);
	});
});
