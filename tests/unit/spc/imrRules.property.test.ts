import fc from 'fast-check';
import {
	imrScan,
	resolveRules,
	type RuleConfig,
	type RuleId,
	type Violation,
} from '../../../lib/spc';
import { detectRules } from '../../../lib/spc/detectRules';
import { planImrRules } from '../../../lib/spc/imrRules';

/*
 * The I-MR rule pass (history words + exact checks at candidate points) against the general
 * `detectRules` on the same limits: identical reports (rule, point, start, direction, chart, order)
 * for random series, rule selections, K values, zone levels, known or estimated standards and
 * phase I lengths, across word boundaries (series up to 300 points).
 */

/** The reports of the general path for the limits imrScan derived. */
function generalReports(
	x: Float64Array,
	scan: ReturnType<typeof imrScan>,
	selection: RuleConfig | 'nelson' | 'western-electric',
): Violation[] {
	const rules = resolveRules(selection);
	const out: Violation[] = [];
	const ids = rules.filter((r) => r.kind === 'beyond').map((r) => r.id);
	detectRules(
		{
			points: x,
			center: scan.center,
			sigma: scan.sigma,
			ucl: scan.ucl,
			lcl: scan.lcl,
			movingRange: { ucl: scan.mr.ucl, lcl: scan.mr.lcl, ids },
		},
		rules,
		out,
		'primary',
	);
	return out;
}

const halfSteps = fc.array(
	fc.integer({ min: -8, max: 8 }).map((h) => h / 2),
	{ minLength: 2, maxLength: 300, size: 'max' },
);
const skewed = fc.array(
	fc.integer({ min: -3, max: 8 }).map((h) => h / 2),
	{ minLength: 2, maxLength: 300, size: 'max' },
);
const smooth = fc.array(fc.double({ min: -4, max: 4, noNaN: true }), {
	minLength: 2,
	maxLength: 300,
	size: 'max',
});
const series = fc.oneof(halfSteps, skewed, smooth);

const level = fc.constantFrom(0, 0.5, 1, 1.5, 2, 3);
const window = fc
	.integer({ min: 1, max: 31 })
	.chain((m) => fc.record({ m: fc.constant(m), k: fc.integer({ min: 1, max: m }), sigmas: level }));
const ruleConfig: fc.Arbitrary<RuleConfig> = fc.record(
	{
		N1: fc.boolean(),
		N2: fc.integer({ min: 1, max: 40 }),
		N3: fc.integer({ min: 2, max: 36 }),
		N4: fc.integer({ min: 3, max: 36 }),
		N5: window,
		N6: window,
		N7: fc.record({ k: fc.integer({ min: 1, max: 36 }), sigmas: level }),
		N8: fc.record({ k: fc.integer({ min: 2, max: 36 }), sigmas: level }),
		WE1: fc.boolean(),
		WE2: window,
		WE3: window,
		WE4: fc.integer({ min: 1, max: 12 }),
	},
	{ requiredKeys: [] },
) as fc.Arbitrary<RuleConfig>;

describe('I-MR rule pass', () => {
	it('covers the presets (so the properties below exercise it)', () => {
		const limits = {
			center: 0,
			sigma: 1,
			ucl: 3,
			lcl: -3,
			mrUcl: 3.69,
			mrLcl: 0,
			mrIds: ['N1'] as RuleId[],
		};
		expect(planImrRules(resolveRules('nelson'), limits)).toBeDefined();
		expect(planImrRules(resolveRules('western-electric'), limits)).toBeDefined();
	});

	it('reports exactly what the general path reports (presets, known standard)', () => {
		fc.assert(
			fc.property(
				series,
				fc.constantFrom('nelson' as const, 'western-electric' as const),
				(values, preset) => {
					const x = Float64Array.from(values);
					const scan = imrScan(x, { center: 0, sigma: 1 }, undefined, resolveRules(preset));
					expect(scan.violations).toEqual(generalReports(x, scan, preset));
				},
			),
			{ numRuns: 400, seed: 424242 },
		);
	});

	it('reports exactly what the general path reports (any rules, K, levels, estimated limits, phase I)', () => {
		fc.assert(
			fc.property(
				series,
				ruleConfig,
				fc.boolean(),
				fc.integer({ min: 2, max: 300 }),
				(values, config, known, phase) => {
					const x = Float64Array.from(values);
					const spread = values.some((v) => v !== values[0]);
					const standard = known || !spread ? { center: 0.25, sigma: 1 } : {};
					const phase1 = known ? undefined : Math.min(phase, x.length);
					let scan: ReturnType<typeof imrScan>;
					try {
						scan = imrScan(x, standard, phase1, resolveRules(config));
					} catch {
						return; // phase I without variation: no limits, nothing to compare
					}
					expect(scan.violations).toEqual(generalReports(x, scan, config));
				},
			),
			{ numRuns: 600, seed: 7070 },
		);
	});

	it('a single point and exact word lengths', () => {
		for (const n of [1, 31, 32, 33, 64, 65]) {
			const x = Float64Array.from({ length: n }, (_, i) => (i % 7) - 3.5);
			const scan = imrScan(x, { center: 0, sigma: 1 }, undefined, resolveRules('nelson'));
			expect(scan.violations).toEqual(generalReports(x, scan, 'nelson'));
		}
	});

	it('long series: runs that cross many words keep their start', () => {
		const x = new Float64Array(5000);
		for (let i = 0; i < x.length; i++)
			x[i] = i < 1000 ? 1 : i < 2000 ? (i % 2 ? 2 : -2) : Math.sin(i / 3) * 1.5;
		const scan = imrScan(x, { center: 0, sigma: 1 }, undefined, resolveRules('nelson'));
		expect(scan.violations).toEqual(generalReports(x, scan, 'nelson'));
		expect(scan.violations.find((v) => v.rule === 'N2' && v.index === 999)?.start).toBe(0);
	});
});
