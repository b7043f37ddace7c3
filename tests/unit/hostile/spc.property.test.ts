/**
 * Hostile input for the SPC engine: random and adversarial inputs give either a well-formed chart
 * or an SpcInputError naming the field; never a TypeError/RangeError, never a hang.
 */
import fc from 'fast-check';

import { capability, controlChart, SpcInputError, type ChartResult } from '../../../lib/spc';

const CHARTS = ['imr', 'xbar-r', 'xbar-s', 'p', 'np', 'c', 'u', 'ewma', 'cusum'] as const;
const FIELD =
	/^(input|chart|values|subgroups|sizes|center|sigma|phase1|rules|lambda|L|k|h|lsl|usl|target)\b/;

// Values real exports contain next to clean numbers: blanks, text, NaN, infinities, extremes.
const nasty = fc.constantFrom<unknown>(
	NaN,
	Infinity,
	-Infinity,
	null,
	undefined,
	'',
	'12',
	'abc',
	true,
	{},
	[],
	-0,
	1e308,
	-1e308,
	5e-324,
	Number.MAX_SAFE_INTEGER,
);
const num = fc.oneof(
	{ weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
	{ weight: 2, arbitrary: fc.integer({ min: 0, max: 50 }) },
	{ weight: 1, arbitrary: nasty },
);
const series = fc.array(num, { minLength: 0, maxLength: 60 });
const subgroups = fc.array(fc.array(num, { minLength: 0, maxLength: 6 }), {
	minLength: 0,
	maxLength: 25,
});
const input = fc.record(
	{
		chart: fc.oneof(
			{ weight: 10, arbitrary: fc.constantFrom(...CHARTS) },
			{ weight: 1, arbitrary: fc.constantFrom<unknown>('IMR', '', null, 'xbar', '__proto__') },
		),
		values: series,
		subgroups,
		sizes: fc.oneof(
			fc.integer({ min: -2, max: 200 }),
			fc.array(fc.oneof(fc.integer({ min: 0, max: 200 }), nasty), { maxLength: 60 }),
			nasty,
		),
		center: fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), nasty),
		sigma: fc.oneof(fc.double({ min: -1, max: 10, noNaN: true }), nasty),
		phase1: fc.oneof(fc.integer({ min: -3, max: 80 }), nasty),
		rules: fc.oneof(
			fc.constantFrom<unknown>(
				'nelson',
				'western-electric',
				'none',
				'NELSON',
				'',
				{},
				{ N2: { k: 0 } },
				{ N1: true, bogus: 1 },
			),
			nasty,
		),
		lambda: fc.oneof(fc.double({ min: -1, max: 2, noNaN: true }), nasty),
		L: fc.oneof(fc.double({ min: -1, max: 5, noNaN: true }), nasty),
	},
	{ requiredKeys: ['chart'] },
);

function checkResult(r: ChartResult): void {
	const n = r.points.length;
	expect(Number.isFinite(r.center)).toBe(true);
	expect(r.sigma).toBeGreaterThanOrEqual(0);
	for (const limits of [r.ucl, r.lcl]) {
		if (Array.isArray(limits)) expect(limits).toHaveLength(n);
	}
	for (const v of r.violations) {
		const len = v.chart === 'secondary' ? r.secondary!.points.length : n;
		expect(Number.isInteger(v.index)).toBe(true);
		expect(v.index).toBeGreaterThanOrEqual(0);
		expect(v.index).toBeLessThan(len);
		expect(v.start).toBeGreaterThanOrEqual(0);
		expect(v.start).toBeLessThanOrEqual(v.index);
		expect(v.end).toBeGreaterThanOrEqual(v.index);
		expect(v.end).toBeLessThan(len);
	}
}

/** Runs `fn`; a thrown error must be the engine's own, naming a field. */
function resultOrFieldError<T>(fn: () => T): T | undefined {
	try {
		return fn();
	} catch (error) {
		expect(error).toBeInstanceOf(SpcInputError);
		expect((error as Error).message).toMatch(FIELD);
		return undefined;
	}
}

describe('controlChart on hostile input', () => {
	test('random inputs: well-formed result with indices in range, or an SpcInputError naming the field', () => {
		fc.assert(
			fc.property(input, (raw) => {
				const r = resultOrFieldError(() => controlChart(raw as never));
				if (r) checkResult(r);
			}),
			{ numRuns: 1500 },
		);
	});

	test('clean numeric series always chart: every chart type, indices in range', () => {
		const clean = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 200 });
		fc.assert(
			fc.property(
				fc.constantFrom('imr', 'c', 'ewma', 'cusum', 'np', 'p', 'u'),
				clean,
				(chart, values) => {
					const sizes = chart === 'p' || chart === 'np' || chart === 'u' ? 50 : undefined;
					const r = resultOrFieldError(() => controlChart({ chart, values, sizes } as never));
					// a constant series has sigma 0: the engine may refuse it, but only naming a field
					if (r) checkResult(r);
				},
			),
			{ numRuns: 400 },
		);
	});

	test('the first bad value is named with its index', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 40 }),
				fc.nat(),
				fc.constantFrom(NaN, Infinity, '3', null),
				(values, at, bad) => {
					const i = at % values.length;
					const withBad: unknown[] = [...values];
					withBad[i] = bad;
					expect(() => controlChart({ chart: 'imr', values: withBad as number[] })).toThrow(
						new RegExp(`^values\\[${i}\\]: `),
					);
				},
			),
			{ numRuns: 200 },
		);
	});

	test('extreme magnitudes never produce NaN limits or out-of-range indices', () => {
		const big = fc.array(fc.double({ min: -1e150, max: 1e150, noNaN: true }), {
			minLength: 2,
			maxLength: 50,
		});
		fc.assert(
			fc.property(big, (values) => {
				const r = resultOrFieldError(() => controlChart({ chart: 'imr', values }));
				if (r) {
					checkResult(r);
					expect(Number.isNaN(r.ucl as number)).toBe(false);
				}
			}),
			{ numRuns: 300 },
		);
	});

	test('keys named __proto__ or constructor in the input change nothing and pollute nothing', () => {
		const values = [5, 6, 5, 7, 30, 6, 5, 4, 6, 5, 6, 5];
		const plain = controlChart({ chart: 'imr', values });
		const hostile = JSON.parse(
			'{"chart":"imr","values":[5,6,5,7,30,6,5,4,6,5,6,5],"__proto__":{"sigma":99,"center":-1,"rules":"none"},"constructor":{"prototype":{"polluted":1}}}',
		);
		expect(controlChart(hostile)).toEqual(plain);
		const rulesHostile = JSON.parse('{"__proto__":{"N1":false},"N2":{"k":9}}');
		const r = resultOrFieldError(() => controlChart({ chart: 'imr', values, rules: rulesHostile }));
		if (r) checkResult(r);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(({} as Record<string, unknown>).N1).toBeUndefined();
	});
});

describe('capability on hostile input', () => {
	const moderate = fc.double({ min: -1e6, max: 1e6, noNaN: true });
	// extreme finite magnitudes (1e308, 5e-324) are left to the recorded NaN case below
	const bad = fc.constantFrom<unknown>(
		NaN,
		Infinity,
		-Infinity,
		null,
		undefined,
		'',
		'12',
		'abc',
		true,
		{},
		[],
	);
	const specs = {
		lsl: fc.oneof(moderate, bad),
		usl: fc.oneof(moderate, bad),
		target: fc.oneof(moderate, bad),
	};

	test('random specs and data: an error naming the field, or indices that are numbers (never NaN)', () => {
		fc.assert(
			fc.property(
				fc.record(
					{ values: fc.array(fc.oneof(moderate, bad), { maxLength: 60 }), ...specs },
					{ requiredKeys: [] },
				),
				(raw) => {
					const r = resultOrFieldError(() => capability(raw as never));
					if (!r) return;
					for (const [key, value] of Object.entries(r)) {
						if (typeof value === 'number')
							expect({ key, nan: Number.isNaN(value) }).toEqual({ key, nan: false });
					}
				},
			),
			{ numRuns: 800 },
		);
	});

	// Once NaN: capability({ values: [0, 3.14e-162], lsl: -1e308, usl: 0 }) made cp Infinity and the
	// off-target term Infinity, so cpm and ppm were Infinity / Infinity.
	test('extreme but finite specs give no NaN index (cpm, ppm)', () => {
		const r = capability({
			values: [0, 3.1434555694052576e-162],
			lsl: -1e308,
			usl: 0,
		}) as unknown as Record<string, number>;
		expect(Number.isNaN(r.cpm)).toBe(false);
		expect(Number.isNaN(r.ppm)).toBe(false);
	});
});
