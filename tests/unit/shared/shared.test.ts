import { DateTime } from 'luxon';

import { defaultSla, responseDeadline } from '../../../lib/complaints';
import { addBusinessHours, addSpan } from '../../../lib/shared/calendar';
import { parseDateTime } from '../../../lib/shared/dates';
import { InputError } from '../../../lib/shared/errors';
import { escapeHtml } from '../../../lib/shared/html';
import { parseJsonParameter } from '../../../lib/shared/json';
import { readPath } from '../../../lib/shared/paths';

describe('InputError', () => {
	it('carries field, index and reason as data and shows them in the message', () => {
		const error = new InputError('subgroups', 'must be a finite number, got NaN', 2, 1);
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({ field: 'subgroups', index: 2, subIndex: 1 });
		expect(error.reason).toBe('must be a finite number, got NaN');
		expect(error.message).toBe('subgroups[2][1]: must be a finite number, got NaN');
		expect(new InputError('report', 'missing').message).toBe('report: missing');
	});
});

describe('readPath', () => {
	it('reads dotted paths and stops where the tree ends', () => {
		const json = { report: { stage: 'D3', team: [{ name: 'Li' }] }, empty: null };
		expect(readPath(json, 'report.stage')).toBe('D3');
		expect(readPath(json, 'report.team.0.name')).toBe('Li');
		expect(readPath(json, 'empty.stage')).toBeUndefined();
		expect(readPath(json, 'report.stage.length')).toBeUndefined();
	});

	it('finds nothing through inherited properties', () => {
		expect(readPath({}, '__proto__')).toBeUndefined();
		expect(readPath({ a: {} }, 'a.constructor')).toBeUndefined();
	});
});

describe('parseJsonParameter', () => {
	it('parses text, passes values through, and names the field when the text is not JSON', () => {
		expect(parseJsonParameter('{"id":"x"}', 'Rule Set JSON')).toEqual({ id: 'x' });
		const value = { id: 'y' };
		expect(parseJsonParameter(value, 'Rule Set JSON')).toBe(value);
		expect(() => parseJsonParameter('{"id":', 'Rule Set JSON')).toThrow(
			/^Rule Set JSON: not valid JSON \(/,
		);
		let caught: unknown;
		try {
			parseJsonParameter('{', 'Taxonomy JSON');
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(InputError);
		expect((caught as InputError).field).toBe('Taxonomy JSON');
	});
});

describe('parseDateTime', () => {
	it('keeps the offset, refuses text without one unless told the zone', () => {
		expect(parseDateTime('2026-03-07T12:00:00-05:00', 'openedAt').toISO()).toBe(
			'2026-03-07T12:00:00.000-05:00',
		);
		expect(() => parseDateTime('2026-03-07T12:00', 'openedAt')).toThrow(
			'openedAt: "2026-03-07T12:00" is not an ISO-8601 date-time with offset',
		);
		expect(
			parseDateTime('2026-03-07T12:00', 'receivedAt', { withoutOffset: 'Asia/Shanghai' })
				.toUTC()
				.toISO(),
		).toBe('2026-03-07T04:00:00.000Z');
		expect(() => parseDateTime('2026-02-30T12:00:00Z', 'openedAt')).toThrow(InputError);
		expect(parseDateTime(new Date(Date.UTC(2026, 2, 7)), 'openedAt').toISO()).toBe(
			'2026-03-07T00:00:00.000Z',
		);
	});
});

describe('escapeHtml', () => {
	it('escapes both quotes, so a value is safe inside any attribute', () => {
		expect(escapeHtml(`a<b>"c"&'d'`)).toBe('a&lt;b&gt;&quot;c&quot;&amp;&#39;d&#39;');
	});
});

describe('one business-day calendar for 8D deadlines and complaint SLAs', () => {
	// Friday 2026-12-25 is a customer holiday; Saturday and Sunday are off.
	const calendar = { weekend: [6, 7], holidays: ['2026-12-25'] };
	const thursday = DateTime.fromISO('2026-12-24T16:00:00+08:00', { setZone: true });

	it('adds business days and business hours past the same holiday', () => {
		expect(addSpan(thursday, { businessDays: 1 }, 'Asia/Shanghai', calendar).toISODate()).toBe(
			'2026-12-28',
		);
		// 8 h left on Thursday, then Monday 00:00 + 16 h.
		expect(addBusinessHours(thursday, 24, calendar).toISO()).toBe('2026-12-28T16:00:00.000+08:00');
	});

	it('the complaint SLA counts the customer holiday and its own weekend', () => {
		const sla = { ...defaultSla, businessDays: true, holidays: ['2026-12-25'] };
		const due = responseDeadline({
			receivedAt: '2026-12-24T16:00:00+08:00',
			tier: 'vip',
			timeZone: 'Asia/Shanghai',
			sla,
		});
		expect(due.dueAt).toBe('2026-12-28T16:00:00.000+08:00');
		// A Friday-Saturday weekend: Sunday 27 is worked.
		const gulf = responseDeadline({
			receivedAt: '2026-12-24T16:00:00+08:00',
			tier: 'vip',
			timeZone: 'Asia/Shanghai',
			sla: { ...sla, weekend: [5, 6] },
		});
		expect(gulf.dueAt).toBe('2026-12-27T16:00:00.000+08:00');
	});
});
