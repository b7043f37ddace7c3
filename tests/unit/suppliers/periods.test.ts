import { scoreSuppliers, type SupplierScheme } from '../../../lib/suppliers';

const receipt = (date: unknown, rejected = 0, supplier = 'S') => ({
	kind: 'receipt',
	supplier,
	date,
	received: 1000,
	rejected,
});
const periodsOf = (rows: Array<Record<string, unknown>>, scheme: SupplierScheme) =>
	scoreSuppliers(rows, { metrics: ['ppm'], ...scheme }).map((c) => c.period);

describe('periods', () => {
	test('default is the calendar month in UTC, with its first and last day', () => {
		const [c] = scoreSuppliers([receipt('2024-02-10')], { metrics: ['ppm'] });
		expect([c.period, c.periodStart, c.periodEnd]).toEqual(['2024-02', '2024-02-01', '2024-02-29']);
	});

	test('ISO weeks start on Monday and belong to the year of their Thursday', () => {
		// 2025-12-28 is a Sunday (week 52 of 2025); 2025-12-29 is the Monday of 2026-W01, which holds
		// 2026-01-01 (a Thursday); 2021-01-03 is a Sunday in 2020-W53; 2024-12-30 is Monday of 2025-W01.
		const rows = ['2025-12-28', '2025-12-29', '2026-01-04', '2021-01-03', '2024-12-30'].map(
			(d, i) => receipt(d, 0, `S${i}`),
		);
		const cards = scoreSuppliers(rows, { metrics: ['ppm'], period: 'week' });
		const bySupplier = new Map(
			cards.map((c) => [c.supplier, [c.period, c.periodStart, c.periodEnd]]),
		);
		expect(bySupplier.get('S0')).toEqual(['2025-W52', '2025-12-22', '2025-12-28']);
		expect(bySupplier.get('S1')).toEqual(['2026-W01', '2025-12-29', '2026-01-04']);
		expect(bySupplier.get('S2')).toEqual(['2026-W01', '2025-12-29', '2026-01-04']);
		expect(bySupplier.get('S3')).toEqual(['2020-W53', '2020-12-28', '2021-01-03']);
		expect(bySupplier.get('S4')).toEqual(['2025-W01', '2024-12-30', '2025-01-05']);
	});

	test('quarters', () => {
		const cards = scoreSuppliers([receipt('2026-03-31'), receipt('2026-04-01', 1)], {
			metrics: ['ppm'],
			period: { unit: 'quarter' },
		});
		expect(cards.map((c) => [c.period, c.periodStart, c.periodEnd, c.score])).toEqual([
			['2026-Q1', '2026-01-01', '2026-03-31', 100],
			['2026-Q2', '2026-04-01', '2026-06-30', 0], // 1/1000 = 1000 ppm -> 0
		]);
	});

	test('rolling windows of 3 months end in each month of the data and hold the 3 months before', () => {
		// 1 rejected in January of 1000 per month: windows ending Jan 1/1000 = 1000 ppm -> 0,
		// Feb 1/2000 = 500 -> 50, Mar 1/3000 = 333.33 -> 66.67. Windows ending after March are partial: none.
		const rows = [receipt('2026-01-15', 1), receipt('2026-02-15'), receipt('2026-03-15')];
		const cards = scoreSuppliers(rows, {
			metrics: ['ppm'],
			period: { unit: 'rolling', months: 3 },
		});
		expect(cards.map((c) => [c.period, c.periodStart, c.periodEnd, c.score, c.trend])).toEqual([
			['2025-11/2026-01', '2025-11-01', '2026-01-31', 0, undefined],
			['2025-12/2026-02', '2025-12-01', '2026-02-28', 50, 50],
			['2026-01/2026-03', '2026-01-01', '2026-03-31', 66.67, 16.67],
		]);
		expect(cards[2].metrics[0].value).toBeCloseTo(1e6 / 3000, 9);
	});

	test('time zone: instants fall into the local day; wall-clock times without offset stay as written', () => {
		// 2026-03-31T20:00Z is 04:00 on April 1 in Shanghai (UTC+8); 2026-04-01T02:00Z is 22:00 on
		// March 31 in New York (EDT, UTC-4).
		expect(periodsOf([receipt('2026-03-31T20:00:00Z')], {})).toEqual(['2026-03']);
		expect(periodsOf([receipt('2026-03-31T20:00:00Z')], { zone: 'Asia/Shanghai' })).toEqual([
			'2026-04',
		]);
		expect(periodsOf([receipt('2026-04-01T02:00:00Z')], { zone: 'America/New_York' })).toEqual([
			'2026-03',
		]);
		expect(periodsOf([receipt('2026-04-01T02:00:00+05:30')], { zone: 'UTC' })).toEqual(['2026-03']);
		expect(periodsOf([receipt('2026-03-31T23:00')], { zone: 'Asia/Shanghai' })).toEqual([
			'2026-03',
		]);
		expect(periodsOf([receipt(new Date('2026-03-31T20:00:00Z'))], { zone: 'UTC+8' })).toEqual([
			'2026-04',
		]);
		expect(periodsOf([receipt(Date.UTC(2026, 2, 31, 20))], { zone: 'Asia/Shanghai' })).toEqual([
			'2026-04',
		]);
	});

	test('ISO-8601 spellings: fractions, compact and hour-only offsets, space separator, 24:00', () => {
		const day = (date: string) => periodsOf([receipt(date)], {});
		expect(day('2026-03-31T23:59:59.999+00:00')).toEqual(['2026-03']);
		expect(day('2026-04-01T03:00:00.5+0530')).toEqual(['2026-03']); // 21:30Z on March 31
		expect(day('2026-03-31T22:00-03')).toEqual(['2026-04']); // 01:00Z on April 1
		expect(day('2026-03-31 12:00')).toEqual(['2026-03']);
		expect(day('2026-03-31T24:00')).toEqual(['2026-04']);
		for (const bad of [
			'2026-03-31T25:00',
			'2026-03-31T24:30',
			'2026-03-31T10:00+5',
			'2026-03-31T10:00:00.Z',
			'2026-3-31',
			'2026-03-31Z',
		]) {
			expect(() => day(bad)).toThrow('Row 0: field "date" must be an ISO-8601 date');
		}
	});

	test('daylight saving time moves the local midnight (Europe/Berlin: +2 in summer, +1 in winter)', () => {
		// 2026-03-31T22:30Z is 00:30 CEST on April 1; 2026-10-31T22:30Z is 23:30 CET on October 31
		// (DST ended on October 25), while 23:30Z that night is already November 1.
		expect(periodsOf([receipt('2026-03-31T22:30:00Z')], { zone: 'Europe/Berlin' })).toEqual([
			'2026-04',
		]);
		expect(periodsOf([receipt('2026-10-31T22:30:00Z')], { zone: 'Europe/Berlin' })).toEqual([
			'2026-10',
		]);
		expect(periodsOf([receipt('2026-10-31T23:30:00Z')], { zone: 'Europe/Berlin' })).toEqual([
			'2026-11',
		]);
	});

	test('time zone with a half-hour offset across the DST-free boundary (India, UTC+5:30)', () => {
		// 18:29Z is 23:59 local; 18:30Z is 00:00 the next local day.
		expect(periodsOf([receipt('2026-01-31T18:29:00Z')], { zone: 'Asia/Kolkata' })).toEqual([
			'2026-01',
		]);
		expect(periodsOf([receipt('2026-01-31T18:30:00Z')], { zone: 'Asia/Kolkata' })).toEqual([
			'2026-02',
		]);
	});
});

describe('deadlines are calendar days in the scheme zone', () => {
	const delivery = (date: string, promisedDate: string) => ({
		kind: 'delivery',
		supplier: 'S',
		date,
		promisedDate,
	});
	const otd = (rows: Array<Record<string, unknown>>, scheme: SupplierScheme = {}) =>
		scoreSuppliers(rows, { metrics: ['otd'], ...scheme })[0].metrics[0].value;

	test('a delivery on the promised day is on time at any hour; one day later is late', () => {
		expect(otd([delivery('2026-03-05T18:00:00Z', '2026-03-05')])).toBe(1);
		expect(otd([delivery('2026-03-06T00:30:00Z', '2026-03-05')])).toBe(0);
	});

	test('the tolerance window counts days after the promise', () => {
		const rows = [
			delivery('2026-03-07', '2026-03-05'),
			delivery('2026-03-08', '2026-03-05'),
			delivery('2026-03-01', '2026-03-05'),
		];
		expect(otd(rows)).toBeCloseTo(1 / 3, 12);
		expect(otd(rows, { otdToleranceDays: 2 })).toBeCloseTo(2 / 3, 12);
		expect(otd(rows, { otdToleranceDays: 3 })).toBe(1);
	});

	test('open SCARs are late once asOf is past their due day, pending before', () => {
		const rows = [{ kind: 'scar', supplier: 'S', date: '2026-03-02', dueAt: '2026-03-10' }];
		const at = (asOf: string) => scoreSuppliers(rows, { metrics: ['scar_on_time'], asOf });
		expect(at('2026-03-11')[0].metrics[0]).toMatchObject({ value: 0, score: 0 });
		const pending = scoreSuppliers(rows, { metrics: ['scar_on_time'], asOf: '2026-03-10' });
		expect(pending).toEqual([]);
	});

	test('scarDueDays and scarResponseDays set the deadlines of SCARs without dueAt', () => {
		// Opened 03-02, closed 03-12 (10 days), answered 03-05 (3 days).
		const rows = [
			{
				kind: 'scar',
				supplier: 'S',
				date: '2026-03-02',
				closedAt: '2026-03-12',
				respondedAt: '2026-03-05',
			},
		];
		const values = (scheme: SupplierScheme) =>
			scoreSuppliers(rows, {
				metrics: ['scar_on_time', 'scar_response'],
				...scheme,
			})[0].metrics.map((m) => m.value);
		expect(values({})).toEqual([1, 0]);
		expect(values({ scarDueDays: 9, scarResponseDays: 3 })).toEqual([0, 1]);
	});
});
