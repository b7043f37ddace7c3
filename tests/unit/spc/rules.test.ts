import cases from '../../fixtures/spc/cases.json';
import { controlChart, type RuleId, type RuleSelection, type Violation } from '../../../lib/spc';

interface Vector {
	rule: string;
	data: number[];
	expected_indices?: number[];
	expected_codes?: (number | null)[];
	expected_indices_nelson4?: number[];
	expected_indices_western4?: number[];
}
const vectors = (cases as { name: string; data: { vectors?: Vector[] } }[]).find(
	(c) => c.name === 'qcc-testthat-rule-vectors',
)?.data.vectors as Vector[];

/** Indices a rule reports on a chart with center 0, sigma 1 (limits +/-3), as in qcc's tests. */
function indices(data: number[], rule: RuleId, rules: RuleSelection = [rule]): number[] {
	const result = controlChart({ chart: 'imr', values: data, center: 0, sigma: 1, rules });
	return result.violations
		.filter((v) => v.rule === rule && v.chart === 'primary')
		.map((v) => v.index);
}

describe('run rules reproduce the qcc 3.0 test vectors', () => {
	it.each(
		vectors.filter((v) => v.expected_indices).map((v) => [v.rule, v.data.join(','), v] as const),
	)('%s on [%s]', (_rule, _data, v) => {
		expect(indices(v.data, v.rule as RuleId)).toEqual(v.expected_indices);
	});

	it('keeps qcc precedence: one code per point, lowest rule number wins', () => {
		const v = vectors.find((x) => x.expected_codes) as Vector;
		const result = controlChart({
			chart: 'imr',
			values: v.data,
			center: 0,
			sigma: 1,
			rules: 'western-electric',
		});
		const codes: (number | null)[] = v.data.map(() => null);
		for (const w of result.violations.filter((x) => x.chart === 'primary')) {
			const code = Number(w.rule.slice(2));
			const current = codes[w.index];
			if (current === null || code < current) codes[w.index] = code;
		}
		expect(codes).toEqual(v.expected_codes);
	});

	it('tells Nelson rule 4 (alternation) from Western Electric rule 4 (8 on one side)', () => {
		const v = vectors.find((x) => x.expected_indices_nelson4) as Vector;
		expect(indices(v.data, 'N4', 'nelson')).toEqual(v.expected_indices_nelson4);
		expect(indices(v.data, 'WE4', 'western-electric')).toEqual(v.expected_indices_western4);
	});
});

describe('rule semantics (hand-checked)', () => {
	const run = (values: number[], rules: RuleSelection): Violation[] =>
		controlChart({ chart: 'imr', values, center: 0, sigma: 1, rules }).violations.filter(
			(v) => v.chart === 'primary',
		);

	it('a point exactly on a limit or zone edge is not beyond it', () => {
		expect(run([3, -3, 0, 0], ['N1'])).toEqual([]);
		expect(run([2, 2, 2], ['N5'])).toEqual([]);
		expect(run([2.0000001, 2.0000001, 2.0000001], ['N5']).map((v) => v.index)).toEqual([2]);
	});

	it('a point on the center line breaks a run; start marks where the run began', () => {
		const values = [1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
		const found = run(values, ['N2']);
		expect(found.map((v) => [v.index, v.start, v.end, v.direction])).toEqual([
			[13, 5, 13, 'above'],
			[14, 5, 14, 'above'],
		]);
	});

	it('custom K values change the rules', () => {
		const values = [1, 1, 1, 1, 1, 1, 1];
		expect(run(values, { N2: 7 }).map((v) => v.index)).toEqual([6]);
		expect(run(values, { N2: { k: 6 } }).map((v) => v.index)).toEqual([5, 6]);
		// 3 of 4 beyond 0.5 sigma on one side
		expect(
			run([0.6, 0, 0.6, 0.6], { N6: { k: 3, m: 4, sigmas: 0.5 } }).map((v) => v.index),
		).toEqual([3]);
		expect(run([1, 2, 3, 4], { N3: 4 }).map((v) => [v.index, v.start, v.direction])).toEqual([
			[3, 0, 'up'],
		]);
	});

	it('N8 needs points on both sides; N7 counts the zone edge as inside', () => {
		const mixed = [1.5, -1.5, 1.5, -1.5, 1.5, -1.5, 1.5, -1.5];
		expect(run(mixed, ['N8']).map((v) => [v.index, v.start])).toEqual([[7, 0]]);
		expect(run(new Array(15).fill(1), ['N7']).map((v) => v.index)).toEqual([14]);
	});

	it('lists rules that need more points than the chart has', () => {
		const result = controlChart({ chart: 'imr', values: [1, 2, 3, 2, 1], center: 2, sigma: 1 });
		expect(result.skippedRules).toEqual(['N2', 'N3', 'N4', 'N7', 'N8']);
	});

	it('rejects unknown rules and impossible K values, naming the field', () => {
		const base = { chart: 'imr' as const, values: [1, 2, 3], center: 0, sigma: 1 };
		expect(() => controlChart({ ...base, rules: ['N9' as RuleId] })).toThrow(
			'rules[0]: unknown rule "N9"',
		);
		expect(() => controlChart({ ...base, rules: { N5: { k: 4, m: 3 } } })).toThrow('rules.N5.m');
		expect(() => controlChart({ ...base, rules: { N3: 1 } })).toThrow(
			'rules.N3.k: must be a whole number >= 2',
		);
	});
});
