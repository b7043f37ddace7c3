/**
 * Hostile input for the 8D engine: reports damaged at random places (values replaced by garbage,
 * keys removed, prototype keys added) give either a gate result that never allows with something
 * missing, or an error naming the field; never a TypeError, never a mutated input.
 */
import fc from 'fast-check';

import {
	advance,
	evaluateGate,
	openFromComplaint,
	verifyHistory,
	DISCIPLINES,
	type EightDReport,
} from '../../../lib/eightd';
import { completeReport, deepFreeze } from '../eightd/helpers';

const NOW = '2026-03-02T12:00:00+08:00';
const TARGETS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'closed', 'next'] as const;

/** Every path to a value in the complete report (objects and arrays included). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	const out: (string | number)[][] = [prefix];
	if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
	return out;
}
const ALL = paths(completeReport()).filter((p) => p.length > 0);

const garbage = fc.constantFrom<unknown>(
	null,
	undefined,
	'',
	' ',
	0,
	-1,
	1e308,
	NaN,
	true,
	[],
	{},
	[null],
	'D9',
	'D0',
	'not a date',
	'2026-02-30T25:00:00+08:00',
	'<script>alert(1)</script>',
	{ __proto__: { allowed: true } },
	'x'.repeat(10_000),
);
const edit = fc.record({ path: fc.constantFrom(...ALL), value: garbage, remove: fc.boolean() });

function damage(
	report: EightDReport,
	edits: { path: (string | number)[]; value: unknown; remove: boolean }[],
): EightDReport {
	for (const { path, value, remove } of edits) {
		let parent = report as unknown as Record<string | number, unknown>;
		let ok = true;
		for (const key of path.slice(0, -1)) {
			const next = parent[key];
			if (!next || typeof next !== 'object') {
				ok = false;
				break;
			}
			parent = next as Record<string | number, unknown>;
		}
		if (!ok) continue;
		const last = path[path.length - 1];
		if (remove) delete parent[last];
		else parent[last] = value === undefined ? undefined : structuredClone(value);
	}
	return report;
}

const FIELD =
	/^(report|target|options|stage|status|disciplines|history|openedAt|customer|D[0-8]|actor|complaint|ruleSet|[a-zA-Z0-9_.[\]]+:)/;

function gateOrFieldError(report: EightDReport, target: string) {
	try {
		return evaluateGate(report, target as never, { now: NOW });
	} catch (error) {
		expect(error).not.toBeInstanceOf(TypeError);
		expect(error).not.toBeInstanceOf(RangeError);
		expect((error as Error).message).toMatch(FIELD);
		return undefined;
	}
}

describe('evaluateGate on damaged reports', () => {
	test('never allows with a non-empty missing list; missing items are readable; input not mutated', () => {
		fc.assert(
			fc.property(
				fc.array(edit, { minLength: 1, maxLength: 6 }),
				fc.constantFrom(...DISCIPLINES),
				fc.constantFrom(...TARGETS),
				(edits, stage, target) => {
					const report = deepFreeze(damage(completeReport({ stage }), edits));
					const before = JSON.stringify(report);
					const gate = gateOrFieldError(report, target);
					expect(JSON.stringify(report)).toBe(before);
					if (!gate) return;
					if (gate.missing.length > 0) expect(gate.allowed).toBe(false);
					for (const m of gate.missing) {
						expect(typeof m.discipline).toBe('string');
						expect(typeof m.reason).toBe('string');
						expect(m.reason.length).toBeGreaterThan(0);
					}
					if (gate.allowed) {
						// what the gate allows, advance does, and the history it writes verifies
						const next = advance(report, target as never, 'Li Na', {
							now: NOW,
							reason: 'property test',
						} as never);
						expect(verifyHistory(next).valid).toBe(true);
					} else {
						expect(() =>
							advance(report, target as never, 'Li Na', {
								now: NOW,
								reason: 'property test',
							} as never),
						).toThrow();
					}
				},
			),
			{ numRuns: 600 },
		);
	});

	test('whole-report garbage is refused naming report', () => {
		for (const bad of [null, undefined, 42, 'report', [], {}]) {
			const gate = gateOrFieldError(bad as never, 'D1');
			if (gate) expect(gate.allowed).toBe(false);
		}
	});

	test('__proto__ / constructor keys inside a report change nothing or are refused by name; nothing polluted', () => {
		const plain = evaluateGate(completeReport({ stage: 'D2' }), 'D3', { now: NOW });
		const text = JSON.stringify(completeReport({ stage: 'D2' }));
		const sameOrRefused = (hostile: EightDReport, key: string) => {
			let gate;
			try {
				gate = evaluateGate(hostile, 'D3', { now: NOW });
			} catch (error) {
				expect((error as Error).message).toContain(key);
				return;
			}
			expect({ ...gate, warnings: [] }).toEqual({ ...plain, warnings: [] });
		};
		sameOrRefused(
			JSON.parse(
				text.replace(
					'"disciplines":{',
					'"__proto__":{"stage":"D7","allowed":true},"disciplines":{',
				),
			),
			'__proto__',
		);
		sameOrRefused(
			JSON.parse(
				text.replace(
					'"disciplines":{',
					'"constructor":{"prototype":{"polluted":true}},"disciplines":{',
				),
			),
			'constructor',
		);
		sameOrRefused(
			JSON.parse(text.replace('"disciplines":{', '"disciplines":{"__proto__":{"D3":{}},')),
			'__proto__',
		);
		// a discipline offered only through a prototype key never counts as present
		const noD2 = JSON.parse(
			text.replace(
				'"disciplines":{',
				'"disciplines":{"__proto__":{"D2":{"problemStatement":"from the prototype"}},',
			),
		);
		delete noD2.disciplines.D2;
		const gate = gateOrFieldError(noD2, 'D3');
		if (gate) expect(gate.allowed).toBe(false);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(({} as Record<string, unknown>).D2).toBeUndefined();
	});
});

describe('openFromComplaint on hostile complaints', () => {
	const complaint = fc.record(
		{
			text: fc.oneof(
				fc.string({ maxLength: 200 }),
				fc.constantFrom<unknown>(null, 42, '', ' ', '<b>x</b>'),
			),
			customer: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom<unknown>(null, 1, {})),
			receivedAt: fc.oneof(
				fc.constantFrom<unknown>(
					'2026-03-02T09:15:00+08:00',
					'yesterday',
					'',
					1,
					null,
					'2026-13-01T00:00:00Z',
				),
			),
			category: fc.constantFrom<unknown>('production', 'design', '__proto__', '', null),
			severity: fc.constantFrom<unknown>('critical', 'major', 'minor', 'catastrophic', null),
			confidence: fc.constantFrom<unknown>(0, 0.5, 1, 2, -1, NaN, '0.5'),
		},
		{ requiredKeys: ['text'] },
	);
	test('a report that passes its own D0 history check, or an error naming complaint.<field>', () => {
		fc.assert(
			fc.property(complaint, (c) => {
				let report;
				try {
					report = openFromComplaint(c as never, { now: NOW } as never);
				} catch (error) {
					expect(error).not.toBeInstanceOf(TypeError);
					expect((error as Error).message).toMatch(/^(complaint|options)[.:]|receivedAt|now/);
					return;
				}
				expect(report.stage).toBe('D0');
				expect(verifyHistory(report).valid).toBe(true);
			}),
			{ numRuns: 400 },
		);
	});
});
