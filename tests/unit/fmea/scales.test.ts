import { explainRating, RATING_SCALES } from '../../../lib/fmea';

describe('rating scales', () => {
	const types = ['DFMEA', 'PFMEA'] as const;
	const fields = ['severity', 'occurrence', 'detection'] as const;

	it.each(types.flatMap((type) => fields.map((field) => [type, field] as const)))(
		'%s %s has ratings 10 down to 1, each in English and Chinese',
		(type, field) => {
			const scale = RATING_SCALES[type][field];
			expect(scale.map((c) => c.rating)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
			for (const c of scale) {
				expect(c.criteria.en).toMatch(/^[A-Z].*\.$/);
				expect(c.criteria.zh).toMatch(/[\u4e00-\u9fff].*。$/);
				expect(c.level.en).not.toBe('');
				expect(c.level.zh).toMatch(/[\u4e00-\u9fff]/);
			}
		},
	);

	it('keeps the anchors of the handbook: S 10 safety, S 9 regulation, S 1 no effect; D 10 no method', () => {
		for (const type of types) {
			expect(RATING_SCALES[type].severity[0].criteria.en).toMatch(/safe/);
			expect(RATING_SCALES[type].severity[1].criteria.en).toMatch(/regulations/);
			expect(RATING_SCALES[type].severity[9].criteria.en).toBe('No discernible effect.');
			expect(RATING_SCALES[type].detection[0].criteria.en).toMatch(/^No test/);
		}
		expect(RATING_SCALES.PFMEA.occurrence[0].criteria.en).toBe('No prevention controls.');
	});

	it('explains a rating in either language', () => {
		expect(explainRating('severity', 8, { type: 'DFMEA' }).text).toBe(
			'S 8 (High): Loss of a primary function needed for normal use during the expected service life.',
		);
		expect(explainRating('detection', 10, { language: 'zh' })).toMatchObject({
			type: 'PFMEA',
			level: '很低',
			criteria: '没有建立或已知的试验或检验方法。',
			text: 'D 10 (很低)：没有建立或已知的试验或检验方法。',
		});
	});

	it('rejects a rating outside 1..10 and an unknown type', () => {
		expect(() => explainRating('occurrence', 0)).toThrow('occurrence: must be an integer');
		expect(() => explainRating('occurrence', 3, { type: 'SFMEA' as 'DFMEA' })).toThrow(
			'no occurrence scale for FMEA type SFMEA',
		);
	});
});
