import type { HazardHit } from '../types';
import { hazardClassIds } from './classes';

/** Which of a complaint's hazards call for escalation, and the evidence to quote. */
export interface HazardEscalation {
	/** Whether at least one hazard's class is among the escalating classes. */
	escalate: boolean;
	/** One line quoting the escalating hazards, e.g. `fire_thermal: "smoke" (actual)`; '' when none. */
	evidence: string;
	/** The escalating hazards, in text order. */
	hazards: HazardHit[];
}

/**
 * Picks the hazards whose class escalates. The selection narrows only the built-in classes: a
 * class a taxonomy adds cannot be chosen in a list of built-in ids, so it always escalates (switch
 * it off with the taxonomy's `hazards.disabled`, which also stops its detection).
 *
 * @example
 * hazardEscalation([{ class: 'electrical', term: '漏电', start: 3, end: 5, harm: 'potential' }])
 * // { escalate: true, evidence: 'electrical: "漏电" (potential)', hazards: [ ... ] }
 * hazardEscalation(hazards, ['fire_thermal']).escalate // false for an electrical hazard alone
 */
export function hazardEscalation(
	hazards: readonly HazardHit[],
	escalatingClasses: readonly string[] = hazardClassIds,
): HazardEscalation {
	const selected = new Set(escalatingClasses);
	const builtIn = new Set(hazardClassIds);
	const escalating = hazards.filter((h) => selected.has(h.class) || !builtIn.has(h.class));
	return {
		escalate: escalating.length > 0,
		evidence: escalating.map((h) => `${h.class}: ${JSON.stringify(h.term)} (${h.harm})`).join('; '),
		hazards: escalating,
	};
}
