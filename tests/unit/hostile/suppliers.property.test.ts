/**
 * Hostile input for the supplier engine: garbage rows are refused with their row and field, or
 * scored within 0..100; prototype keys are ordinary names; HTML scorecards escape every text.
 */
import fc from 'fast-check';

import { scoreSuppliers, scorecardHtml, SupplierRowError } from '../../../lib/suppliers';

const nasty = fc.constantFrom<unknown>(
	null,
	undefined,
	'',
	' ',
	'abc',
	'12',
	'1e3',
	-1,
	1.5,
	NaN,
	Infinity,
	1e308,
	true,
	{},
	[],
	'2026-02-30',
	'2026-13-01',
	'yesterday',
	'<img src=x onerror=alert(1)>',
);
const name = fc.oneof(
	fc.constantFrom(
		'A',
		'B',
		'__proto__',
		'constructor',
		'toString',
		'hasOwnProperty',
		'<b>Evil & Co</b>',
		'"quoted"',
		"O'Brien",
		'供应商甲',
	),
	fc.string({ maxLength: 12 }),
);
const date = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`),
	},
	{ weight: 1, arbitrary: nasty },
);
const count = fc.oneof(
	{ weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }) },
	{ weight: 1, arbitrary: nasty },
);
const row = fc.oneof(
	fc.record({
		kind: fc.constant('receipt'),
		supplier: name,
		date,
		received: count,
		rejected: count,
	}),
	fc.record({ kind: fc.constant('delivery'), supplier: name, date, promisedDate: date }),
	fc.record({ kind: fc.constant('scar'), supplier: name, date, dueAt: date, closedAt: date }),
	fc.record({
		kind: fc.constant('complaint'),
		supplier: name,
		date,
		severity: fc.constantFrom<unknown>('critical', 'major', 'minor', 'apocalyptic', null),
	}),
	fc.record(
		{
			kind: fc.constantFrom<unknown>('receipt', 'audit', '', null, '__proto__'),
			supplier: fc.oneof(name, nasty),
			date,
		},
		{ requiredKeys: [] },
	),
	nasty,
);

describe('scoreSuppliers on hostile rows', () => {
	test('a SupplierRowError naming an existing row, or every score within 0..100 with a grade', () => {
		fc.assert(
			fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
				let cards;
				try {
					cards = scoreSuppliers(rows as never);
				} catch (error) {
					expect(error).toBeInstanceOf(SupplierRowError);
					const e = error as SupplierRowError;
					expect(e.row).toBeGreaterThanOrEqual(0);
					expect(e.row).toBeLessThan(rows.length);
					expect(e.message).toMatch(/^Row \d+: /);
					return;
				}
				for (const c of cards) {
					expect(c.score).toBeGreaterThanOrEqual(0);
					expect(c.score).toBeLessThanOrEqual(100);
					expect(['A', 'B', 'C', 'D']).toContain(c.grade);
					for (const m of c.metrics)
						if (!m.na) expect((m.score as number) >= 0 && (m.score as number) <= 100).toBe(true);
				}
			}),
			{ numRuns: 1000 },
		);
	});

	test('__proto__ and constructor as supplier names and as extra keys change nothing and pollute nothing', () => {
		const rows = [
			{ kind: 'receipt', supplier: 'A', date: '2026-03-02', received: 1000, rejected: 1 },
			{ kind: 'receipt', supplier: 'B', date: '2026-03-02', received: 1000, rejected: 0 },
		];
		const plain = scoreSuppliers(rows);
		const hostile = JSON.parse(
			'[{"kind":"receipt","supplier":"A","date":"2026-03-02","received":1000,"rejected":1,"__proto__":{"rejected":900,"kind":"complaint"},"constructor":{"prototype":{"polluted":1}}},' +
				'{"kind":"receipt","supplier":"B","date":"2026-03-02","received":1000,"rejected":0,"__proto__":{"supplier":"A"}}]',
		);
		expect(scoreSuppliers(hostile)).toEqual(plain);
		const named = scoreSuppliers(
			rows.map((r, i) => ({ ...r, supplier: i === 0 ? '__proto__' : 'constructor' })),
		);
		expect(named.map((c) => [c.supplier, c.score])).toEqual(
			expect.arrayContaining([
				['__proto__', plain.find((c) => c.supplier === 'A')!.score],
				['constructor', 100],
			]),
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(({} as Record<string, unknown>).rejected).toBeUndefined();
	});
});

describe('scorecardHtml escapes every text from the data', () => {
	const evil = fc.oneof(
		fc.constantFrom(
			'<script>alert(1)</script>',
			'"><img src=x onerror=alert(1)>',
			"'; DROP TABLE x;--",
			'&lt;already&gt;',
			'</td></tr></table><iframe>',
			'\u2028<svg onload=alert(1)>',
		),
		fc.string({ maxLength: 30 }),
	);
	// The markup of a card for a harmless name is the skeleton; evil names and titles may change the
	// text, never the tags: same number of '<', same tag sequence with the same attributes.
	const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];
	const render = (supplier: string, title: string) =>
		scorecardHtml(
			scoreSuppliers([
				{ kind: 'receipt', supplier, date: '2026-03-02', received: 1000, rejected: 1 },
			]),
			{ title } as never,
		);
	test('no tag or attribute from supplier names or titles reaches the markup', () => {
		const skeleton = tags(render('Acme', 'Title'));
		fc.assert(
			fc.property(
				evil.filter((s) => s.trim() !== ''),
				evil,
				(supplier, title) => {
					const html = render(supplier, title);
					expect(tags(html)).toEqual(skeleton);
					expect(html).not.toMatch(/<(script|img|iframe|svg)\b/i);
				},
			),
			{ numRuns: 300 },
		);
	});
});
