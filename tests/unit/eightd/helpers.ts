import complete from '../../fixtures/eightd/complete.json';
import {
	advance,
	type EightDMeasurement,
	type EightDReport,
	type EightDTarget,
} from '../../../lib/eightd';

/** A fresh deep copy of the complete fixture report (stage D0, no history). */
export function completeReport(overrides: Partial<EightDReport> = {}): EightDReport {
	return { ...(structuredClone(complete) as EightDReport), ...overrides };
}

/** An edit of a fixture: set a value, or remove a key / array element, at a path. */
export type Edit = { set: (string | number)[]; value: unknown } | { remove: (string | number)[] };

/** Applies edits in order to a copy of `value`. */
export function applyEdits<T>(value: T, edits: readonly Edit[]): T {
	const copy = structuredClone(value);
	for (const edit of edits) {
		const path = 'set' in edit ? edit.set : edit.remove;
		let parent = copy as unknown as Record<string | number, unknown>;
		for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
		const last = path[path.length - 1];
		if ('set' in edit) parent[last] = structuredClone(edit.value);
		else if (Array.isArray(parent)) parent.splice(last as number, 1);
		else delete parent[last];
	}
	return copy;
}

/** Freezes a value and everything in it, so a test fails if the engine mutates its input. */
export function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}

/** The fix date of the D6 SPC proof cases (the fixture's A2 implementation). */
export const FIX = '2026-03-17T09:00:00+08:00';

/** One measurement per hour, starting `startHour` hours after the fix (negative: before it). */
export function hourly(values: readonly number[], startHour = 1): EightDMeasurement[] {
	const fix = Date.parse(FIX);
	return values.map((value, i) => ({
		at: new Date(fix + (startHour + i) * 3_600_000).toISOString(),
		value,
	}));
}

/**
 * 25 individuals, the period 10.0, 10.3, 9.9, 10.1, 9.7 five times. By hand: mean 10.0 exactly;
 * moving ranges per period 0.3, 0.4, 0.2, 0.4, 0.3 (the last from 9.7 back to 10.0), so the 24 of
 * them sum to 4 x 1.6 + 1.3 = 7.7 and MR-bar = 0.3208333; sigma = MR-bar / d2(2) = 0.3208333 /
 * 1.1283792 = 0.2843312. No Nelson rule fires: the points on 10.0 break every run and alternation,
 * 10.3 and 9.7 (|1.06| sigma) break 15-within-1-sigma, nothing is past 2 sigma (0.569), and the
 * largest moving range 0.4 is under the MR chart's UCL 3.267 x 0.3208 = 1.048.
 */
export const STABLE = Array.from({ length: 5 }, () => [10.0, 10.3, 9.9, 10.1, 9.7]).flat();

/** When the team moved the report on (Shanghai time), D0 to closed. */
export const STEPS: [EightDTarget, string][] = [
	['D1', '2026-03-02T10:00:00+08:00'],
	['D2', '2026-03-02T10:30:00+08:00'],
	['D3', '2026-03-02T11:00:00+08:00'],
	['D4', '2026-03-02T20:00:00+08:00'],
	['D5', '2026-03-09T10:00:00+08:00'],
	['D6', '2026-03-16T10:00:00+08:00'],
	['D7', '2026-03-25T10:00:00+08:00'],
	['D8', '2026-03-27T10:00:00+08:00'],
	['closed', '2026-03-30T10:00:00+08:00'],
];

/** The chart title the issue names: Chinese with Latin punctuation. */
export const CHARACTERISTIC = '轴径 外径 (供应商 深圳精密)';

/**
 * The complete fixture with everything the report document shows (part, lot, quantities per
 * location, an SPC proof in D6, PFMEA rows, text that must be escaped), walked through the gate
 * from D0 up to `until` so it has a real history.
 */
export function documentReport(until: EightDTarget = 'closed'): EightDReport {
	let report = completeReport({
		part: 'PA-65 charger housing 充电器外壳',
		lot: '2602-117',
	});
	const d = report.disciplines;
	d.D2 = {
		...d.D2,
		problemStatement: `${d.D2?.problemStatement} <script>alert("x")</script> & 'quoted'`,
	};
	d.D1?.team?.push({ name: "O'Brien <b>", role: 'member', department: 'Logistics & Packaging' });
	d.D3 = {
		...d.D3,
		quantities: [
			{ location: 'customer-stock', suspect: 1200, sorted: 1200, rejected: 4 },
			{ location: 'in-transit', suspect: 800, sorted: 800, rejected: 1 },
			{ location: 'finished-goods', suspect: 2400, sorted: 2400, rejected: 0 },
			{ location: 'wip', suspect: 600, sorted: 600, rejected: 2 },
		],
	};
	d.D6 = {
		...d.D6,
		spc: {
			characteristic: CHARACTERISTIC,
			fixedAt: FIX,
			lsl: 8.8,
			usl: 11.2,
			unit: 'mm',
			measurements: [...hourly([9.4, 10.6, 9.5, 10.5, 9.6], -5), ...hourly(STABLE)],
		},
	};
	d.D7 = {
		...d.D7,
		fmea: [
			{
				id: 'PF-12',
				failureMode: 'Weld joint resistance high 焊点电阻过高',
				cause: 'Horn amplitude not re-qualified',
				severity: 9,
				occurrence: 2,
				detection: 3,
				action: 'Amplitude re-qualification, 4-wire test',
			},
		],
	};
	for (const [target, now] of STEPS) {
		report = advance(report, target, 'Li Na', { now });
		if (target === until) break;
	}
	return report;
}
