import aiag from '../../fixtures/msa/aiag_msa4_10x3x3.json';
import { InputError } from '../../../lib/shared/errors';
import { gageRR, MsaInputError, type Measurement, type MsaIssue } from '../../../lib/msa';

const measurements: Measurement[] = aiag.data_long.map((r) => ({
	part: r.part,
	operator: r.appraiser,
	value: r.value,
}));

function issuesOf(run: () => unknown): MsaIssue[] {
	try {
		run();
	} catch (e) {
		expect(e).toBeInstanceOf(MsaInputError);
		return (e as MsaInputError).issues;
	}
	throw new Error('did not throw');
}

describe('gageRR input errors, as data', () => {
	it('names the part and operator of a missing trial, with the counts', () => {
		const index = measurements.findIndex((m) => m.part === 7 && m.operator === 'B');
		const short = measurements.filter((_, i) => i !== index);
		expect(issuesOf(() => gageRR({ measurements: short }))).toEqual([
			{
				field: 'measurements',
				reason: 'part "7", operator "B": 2 trials, expected 3 like the other cells',
				part: '7',
				operator: 'B',
				trials: 2,
				expectedTrials: 3,
			},
		]);
	});

	it('lists every cell an operator skipped and an extra trial', () => {
		const withoutC3 = measurements.filter((m) => !(m.part === 3 && m.operator === 'C'));
		const extra = [...withoutC3, { part: 9, operator: 'A', value: 2.1 }];
		const issues = issuesOf(() => gageRR({ measurements: extra }));
		expect(issues.map((i) => [i.part, i.operator, i.trials])).toEqual([
			['3', 'C', 0],
			['9', 'A', 4],
		]);
		expect(issues[0].reason).toContain('no measurement');
	});

	it('names each bad row by index and field', () => {
		const bad = [...measurements] as unknown[];
		bad[4] = { part: 5, operator: 'A', value: 'n/a' };
		bad[10] = { operator: 'A', value: 1 };
		const issues = issuesOf(() => gageRR({ measurements: bad as Measurement[] }));
		expect(issues).toEqual([
			{
				field: 'measurements',
				index: 4,
				key: 'value',
				reason: 'must be a finite number, got "n/a"',
			},
			{
				field: 'measurements',
				index: 10,
				key: 'part',
				reason: 'must be a part id (text or number), got undefined',
			},
		]);
		// an InputError whose field, index and reason are the first issue's; the message lists all
		try {
			gageRR({ measurements: bad as Measurement[] });
		} catch (e) {
			expect(e).toBeInstanceOf(InputError);
			expect(e).toMatchObject({
				field: 'measurements',
				index: 4,
				reason: 'value must be a finite number, got "n/a"',
			});
			expect((e as Error).message).toBe(
				'measurements[4].value: must be a finite number, got "n/a"; measurements[10].part: must be a part id (text or number), got undefined',
			);
		}
	});

	it('needs two trials, two parts and two operators', () => {
		const single = measurements.filter((_, i) => aiag.data_long[i].trial === 1);
		expect(() => gageRR({ measurements: single })).toThrow('at least twice, got 1 trial per cell');
		const onePart = measurements.filter((m) => m.part === 1);
		expect(() => gageRR({ measurements: onePart })).toThrow('needs at least 2 parts, got 1');
		const oneOperator = measurements.filter((m) => m.operator === 'A');
		expect(() => gageRR({ measurements: oneOperator })).toThrow(
			'needs at least 2 operators, got 1',
		);
		expect(() => gageRR({ measurements: [] })).toThrow('measurements: must be a non-empty array');
	});

	it('rejects bad options, all at once', () => {
		const issues = issuesOf(() =>
			gageRR({
				measurements,
				tolerance: -1,
				alphaInteraction: 2,
				method: 'xbar' as 'anova',
				acceptanceBasis: 'tolerance',
			}),
		);
		expect(issues.map((i) => i.field)).toEqual(['tolerance', 'alphaInteraction', 'method']);
		expect(() => gageRR({ measurements, acceptanceBasis: 'tolerance' })).toThrow(
			"tolerance: is needed when acceptanceBasis is 'tolerance'",
		);
	});

	it('treats part 1 and part "1" as one part', () => {
		const mixed = measurements.map((m, i) => (i % 2 ? { ...m, part: String(m.part) } : m));
		expect(gageRR({ measurements: mixed }).parts).toBe(10);
	});
});

describe('gageRR edge cases', () => {
	it('a gauge without any variation within cells: no F, interaction kept only if there is one', () => {
		const rows: Measurement[] = [];
		for (let part = 1; part <= 3; part++)
			for (const operator of ['A', 'B'])
				for (let t = 0; t < 2; t++) rows.push({ part, operator, value: part });
		const r = gageRR({ measurements: rows });
		const interaction = r.anova!.find((x) => x.source === 'interaction')!;
		expect(interaction.f).toBeUndefined();
		expect(r.interactionPooled).toBe(true);
		expect(r.components.grr.variance).toBe(0);
		expect(r.ndc).toBe(Infinity);
		expect(r.acceptance).toBe('acceptable');
	});
});
