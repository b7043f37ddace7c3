import reference from '../../fixtures/fmea/action-priority.json';
import { actionPriority, AP_TABLE, FmeaInputError } from '../../../lib/fmea';

type Table = Record<string, Record<string, string>>;

/** The reference band ("9-10", "1") holding a rating. */
function band(bands: string[], rating: number): string {
	const found = bands.find((b) => {
		const [from, to = from] = b.split('-').map(Number);
		return rating >= from && rating <= to;
	});
	if (!found) throw new Error(`no band for ${rating}`);
	return found;
}

/** AP by the reference file's own layout, independent of the engine's table. */
function referenceAp(s: number, o: number, d: number): string {
	const cells = (reference.table as Table)[band(reference.bands.S, s)][band(reference.bands.O, o)];
	return cells[reference.bands.D_columns.indexOf(band(reference.bands.D_columns, d))];
}

const ratings = Array.from({ length: 10 }, (_, i) => i + 1);
const all = ratings.flatMap((s) => ratings.flatMap((o) => ratings.map((d) => [s, o, d])));

describe('actionPriority (AIAG-VDA 2019)', () => {
	it('agrees with the reference table on all 1000 combinations', () => {
		const mismatches = all.filter(([s, o, d]) => actionPriority(s, o, d) !== referenceAp(s, o, d));
		expect(all).toHaveLength(1000);
		expect(mismatches).toEqual([]);
	});

	it('gives the published counts over the 1000 combinations', () => {
		const counts = { H: 0, M: 0, L: 0 };
		for (const [s, o, d] of all) counts[actionPriority(s, o, d)]++;
		expect(counts).toEqual(reference.counts_over_1000_SOD);
	});

	it.each(Object.entries(reference.spot_checks))('spot check %s is %s', (key, ap) => {
		const [, s, o, d] = /^S(\d+)O(\d+)D(\d+)$/.exec(key)!.map(Number);
		expect(actionPriority(s, o, d)).toBe(ap);
	});

	it('never lowers the priority when S, O or D rises', () => {
		const level = { L: 0, M: 1, H: 2 };
		for (const [s, o, d] of all) {
			const here = level[actionPriority(s, o, d)];
			if (s < 10) expect(level[actionPriority(s + 1, o, d)]).toBeGreaterThanOrEqual(here);
			if (o < 10) expect(level[actionPriority(s, o + 1, d)]).toBeGreaterThanOrEqual(here);
			if (d < 10) expect(level[actionPriority(s, o, d + 1)]).toBeGreaterThanOrEqual(here);
		}
	});

	it('holds the bands of the handbook', () => {
		expect(AP_TABLE.severity.map((b) => `${b.from}-${b.to}`)).toEqual([
			'9-10',
			'7-8',
			'4-6',
			'2-3',
			'1-1',
		]);
		expect(AP_TABLE.detection.map((b) => b.from)).toEqual([7, 5, 2, 1]);
	});

	it.each([
		['severity', [11, 5, 5]],
		['severity', [0, 5, 5]],
		['occurrence', [5, 2.5, 5]],
		['detection', [5, 5, NaN]],
		['detection', [5, 5, '7' as unknown as number]],
	] as [string, number[]][])(
		'names the %s argument when it is not an integer 1..10',
		(field, args) => {
			const [s, o, d] = args;
			expect(() => actionPriority(s, o, d)).toThrow(new RegExp(`^${field}: must be an integer`));
			try {
				actionPriority(s, o, d);
			} catch (e) {
				expect(e).toBeInstanceOf(FmeaInputError);
				expect(e).toBeInstanceOf(Error);
				expect((e as FmeaInputError).field).toBe(field);
			}
		},
	);
});
