import { type EightDActor, parseActor, prepareChange, record } from './audit';
import { formatTime } from './dates';
import { disciplinesBetween, parseTarget } from './disciplines';
import {
	evaluateGate,
	type GateOptions,
	type GateResult,
	type MissingItem,
	NO_HISTORY_WARNING,
} from './gate';
import type { EightDReport } from './types';
import { validateEightDReport } from './validate';

/**
 * Thrown by {@link advance} when the gate blocks: carries the missing list.
 *
 * @example
 * try { advance(report, 'D4', 'Li Na'); } catch (e) { if (e instanceof GateBlockedError) console.log(e.missing); }
 */
export class GateBlockedError extends Error {
	readonly missing: MissingItem[];
	readonly gate: GateResult;

	constructor(gate: GateResult) {
		super(
			`8D gate ${gate.current} -> ${gate.target} blocked: ${gate.missing.map((m) => `${m.discipline} ${m.reason}`).join('; ')}`,
		);
		this.name = 'GateBlockedError';
		this.missing = gate.missing;
		this.gate = gate;
	}
}

/** Options of {@link advance}: the gate's, plus a note for the history. */
export interface AdvanceOptions extends GateOptions {
	reason?: string;
}

/**
 * Moves the report forward to `target` (D1..D8, or `closed` after D8) if the gate allows it.
 * Returns a new report (the input is not touched) with the stage moved, the disciplines left
 * behind marked complete, and a chained history entry; throws a {@link GateBlockedError} carrying
 * the missing list otherwise.
 *
 * @example
 * const next = advance(report, 'D4', { name: 'Li Wei', role: 'leader' }, { now: '2026-03-03T07:00:00Z' });
 * next.stage; // 'D4'
 * next.history.at(-1); // { action: 'advance', from: 'D3', to: 'D4', decision: 'allowed', actor: 'Li Wei (leader)', ... }
 */
export function advance(
	input: unknown,
	targetInput: unknown,
	actorInput: EightDActor,
	options: AdvanceOptions = {},
): EightDReport {
	const report = validateEightDReport(input);
	const target = parseTarget(targetInput, 'target');
	const actor = parseActor(actorInput);
	const gate = evaluateGate(report, target, options);
	if (!gate.allowed) throw new GateBlockedError(gate);
	const { next, at } = prepareChange(report, actor, options.now);
	const when = formatTime(at);
	next.completedAt = { ...next.completedAt };
	for (const discipline of disciplinesBetween(report.stage, target))
		next.completedAt[discipline] = when;
	if (target === 'closed') {
		next.status = 'closed';
		next.closedAt = when;
	} else {
		next.stage = target;
		next.status = 'open';
	}
	// The opening entry prepareChange adds already says the chain starts here.
	const reasons = [
		...gate.warnings.filter((w) => w !== NO_HISTORY_WARNING),
		...(options.reason?.trim() ? [options.reason.trim()] : []),
	];
	return record(next, at, {
		actor,
		action: 'advance',
		from: report.stage,
		to: target,
		decision: 'allowed',
		reasons,
		ruleSet: gate.ruleSet,
	});
}
