import overdue from '../../fixtures/eightd/overdue.json';
import {
	checkEightDDeadlines,
	computeDeadlines,
	evaluateGate,
	parseDeadlineProfile,
	resolveDeadlineProfile,
	type DeadlineProfile,
	type Discipline,
} from '../../../lib/eightd';
import { completeReport } from './helpers';

describe('computeDeadlines', () => {
	it('default profile: 24 h, 10 days, 30 days from opening (UTC)', () => {
		expect(
			computeDeadlines('2026-03-02T09:15:00+08:00', resolveDeadlineProfile('default')),
		).toEqual({
			D3: '2026-03-03T01:15:00.000Z',
			D4: '2026-03-12T01:15:00.000Z',
			D8: '2026-04-01T01:15:00.000Z',
		});
	});

	const newYork: DeadlineProfile = {
		zone: 'America/New_York',
		deadlines: [
			{ discipline: 'D3', within: { hours: 24 } },
			{ discipline: 'D4', within: { days: 10 } },
		],
	};

	it('across the spring DST change (New York, 2026-03-08): 24 hours are exact, days keep the wall clock', () => {
		// Saturday noon EST; clocks go 02:00 -> 03:00 on Sunday.
		const due = computeDeadlines('2026-03-07T12:00:00-05:00', newYork);
		expect(due).toEqual({
			D3: '2026-03-08T13:00:00.000-04:00',
			D4: '2026-03-17T12:00:00.000-04:00',
		});
		expect(
			(Date.parse(due.D4 as string) - Date.parse('2026-03-07T12:00:00-05:00')) / 3_600_000,
		).toBe(239);
	});

	it('across the autumn DST change (New York, 2026-11-01): 10 days are 241 hours', () => {
		const due = computeDeadlines('2026-10-30T09:00:00-04:00', newYork);
		expect(due).toEqual({
			D3: '2026-10-31T09:00:00.000-04:00',
			D4: '2026-11-09T09:00:00.000-05:00',
		});
	});

	it('business days in Germany skip Easter (Good Friday 2026-04-03, Easter Monday 2026-04-06) and May Day', () => {
		// Opened Thursday 2026-04-02 16:00 CEST.
		expect(
			computeDeadlines('2026-04-02T16:00:00+02:00', resolveDeadlineProfile('business-de')),
		).toEqual({
			D3: '2026-04-07T16:00:00.000+02:00',
			D4: '2026-04-20T16:00:00.000+02:00',
			D8: '2026-05-05T16:00:00.000+02:00',
		});
	});

	it('business days across the DST change in Berlin (2026-03-29) keep 10:00 local', () => {
		const due = computeDeadlines(
			'2026-03-26T10:00:00+01:00',
			resolveDeadlineProfile('business-de'),
		);
		expect(due.D3).toBe('2026-03-27T10:00:00.000+01:00');
		expect(due.D4).toBe('2026-04-13T10:00:00.000+02:00');
	});

	it('opened on a Saturday: the first business day is Monday; a make-up working Saturday counts', () => {
		const profile: DeadlineProfile = {
			zone: 'Asia/Shanghai',
			businessDays: {
				weekend: [6, 7],
				holidays: ['2026-10-01', '2026-10-02'],
				workdays: ['2026-10-10'],
			},
			deadlines: [
				{ discipline: 'D3', within: { businessDays: 1 } },
				{ discipline: 'D4', within: { businessDays: 6 } },
			],
		};
		// Sat 2026-09-26 -> Mon 09-28 (1); then 29 (2), 30 (3), Oct 1-2 holidays, 3-4 weekend, 5 (4), 6 (5), 7 (6).
		expect(computeDeadlines('2026-09-26T10:00:00+08:00', profile)).toEqual({
			D3: '2026-09-28T10:00:00.000+08:00',
			D4: '2026-10-07T10:00:00.000+08:00',
		});
		// Thu 2026-10-08 + 2 business days: Fri 10-09, Sat 10-10 (worked).
		expect(
			computeDeadlines('2026-10-08T10:00:00+08:00', {
				...profile,
				deadlines: [{ discipline: 'D3', within: { businessDays: 2 } }],
			}).D3,
		).toBe('2026-10-10T10:00:00.000+08:00');
	});
});

describe('checkEightDDeadlines at each escalation level (tests/fixtures/eightd/overdue.json)', () => {
	it.each(overdue.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
		const report = completeReport({ stage: c.stage as Discipline, completedAt: c.completedAt });
		const result = checkEightDDeadlines(report, { now: c.now });
		expect(result.status).toBe(c.status);
		expect(result.escalation).toBe(c.escalation);
		expect(result.next).toEqual(c.next);
		expect(result.overdue.map((o) => ({ ...o, by: Math.round(o.by * 1000) / 1000 }))).toEqual(
			c.overdue,
		);
		// The gate reports the same overdue list but does not block on it.
		expect(evaluateGate(report, 'D8', { now: c.now }).overdue).toEqual(result.overdue);
	});

	it('a late completion is reported as late, not overdue', () => {
		const report = completeReport({
			stage: 'D4',
			completedAt: { D3: '2026-03-03T23:15:00+08:00' },
		});
		const result = checkEightDDeadlines(report, { now: '2026-03-04T00:00:00Z' });
		expect(result.deadlines[0]).toEqual({
			discipline: 'D3',
			dueAt: '2026-03-03T01:15:00.000Z',
			status: 'late',
			completedAt: '2026-03-03T23:15:00+08:00',
			by: 14,
		});
		expect(result.overdue).toEqual([]);
	});

	it('business-day escalation: 2 business days late is still the owner, more is the manager', () => {
		const report = completeReport({ stage: 'D3', openedAt: '2026-04-02T16:00:00+02:00' });
		// D3 due Tue 2026-04-07 16:00; manager after Thu 04-09 16:00; director after Tue 04-14 16:00.
		const at = (now: string) =>
			checkEightDDeadlines(report, { now, profile: 'business-de' }).overdue[0];
		expect(at('2026-04-09T16:00:00+02:00')).toMatchObject({ escalation: 'owner', by: 48 });
		expect(at('2026-04-10T09:00:00+02:00')).toMatchObject({ escalation: 'manager', by: 65 });
		expect(at('2026-04-14T16:00:00+02:00')).toMatchObject({ escalation: 'manager' });
		expect(at('2026-04-14T16:01:00+02:00')).toMatchObject({ escalation: 'director' });
	});

	it('stored deadlines (set when opened) are used unless a profile is given', () => {
		const report = completeReport({ stage: 'D3', deadlines: { D3: '2026-03-02T21:15:00+08:00' } });
		expect(checkEightDDeadlines(report, { now: '2026-03-02T22:15:00+08:00' }).overdue).toEqual([
			{ discipline: 'D3', dueAt: '2026-03-02T21:15:00+08:00', by: 1, escalation: 'owner' },
		]);
		expect(
			checkEightDDeadlines(report, { now: '2026-03-02T22:15:00+08:00', profile: 'default' }).status,
		).toBe('due-soon');
	});

	it('a closed report has no next due date', () => {
		const report = completeReport({
			stage: 'D8',
			status: 'closed',
			completedAt: {
				D3: '2026-03-02T20:00:00+08:00',
				D4: '2026-03-09T10:00:00+08:00',
				D8: '2026-03-30T10:00:00+08:00',
			},
		});
		const result = checkEightDDeadlines(report, { now: '2026-06-01T00:00:00Z' });
		expect(result).toMatchObject({ status: 'on-time', escalation: null, next: null, overdue: [] });
		expect(result.deadlines.map((d) => d.status)).toEqual(['met', 'met', 'met']);
	});
});

describe('deadline profile input', () => {
	it.each([
		[
			{ zone: 'Mars/Olympus', deadlines: [{ discipline: 'D3', within: { hours: 1 } }] },
			'profile.zone: unknown time zone "Mars/Olympus"',
		],
		[
			{ zone: 'UTC', deadlines: [{ discipline: 'D9', within: { hours: 1 } }] },
			'profile.deadlines[0].discipline: must be one of',
		],
		[
			{ zone: 'UTC', deadlines: [{ discipline: 'D3', within: { businessDays: 1, hours: 4 } }] },
			'profile.deadlines[0].within',
		],
		[
			{
				zone: 'UTC',
				businessDays: { holidays: ['1 May'] },
				deadlines: [{ discipline: 'D3', within: { days: 1 } }],
			},
			'profile.businessDays.holidays[0]',
		],
		['{zone', 'profile: not valid JSON'],
	])('rejects a bad profile %#, naming the field', (profile, message) => {
		expect(() => parseDeadlineProfile(profile)).toThrow(message);
	});

	it('unknown profile names and a report profile that does not exist', () => {
		expect(() => checkEightDDeadlines(completeReport(), { profile: 'fast' })).toThrow(
			'options.profile: unknown deadline profile "fast"',
		);
		expect(() => checkEightDDeadlines(completeReport({ profile: 'fast' }))).toThrow(
			'report.profile: unknown deadline profile "fast"',
		);
	});
});
