import type { HazardHit, Severity } from './types';

/** A severity word found in the text (severity rules: custom critical words, functional loss). */
export interface SeverityTerm {
	term: string;
	severity: Severity;
	start: number;
	end: number;
}

/**
 * The one severity decision of the complaint engine (issue: safety first):
 * 1. a hazard or actual harm (`hazards`, negated ones already removed) gives `critical`, and so
 *    does a critical word of custom severity rules;
 * 2. functional loss (a `major` severity word: not working, dead on arrival, stopped our line,
 *    lot rejected, 不能用, 停线) gives `major`;
 * 3. otherwise the rules' default (`minor`).
 * The reason names the evidence: the first actual hazard before potential ones.
 *
 * @example
 * decideSeverity([{ class: 'electrical', term: '被电到', start: 8, end: 11, harm: 'actual' }], [], 'minor')
 * // { severity: 'critical', severityReason: 'critical: electrical hazard "被电到" (actual harm)' }
 * decideSeverity([], [{ term: 'not working', severity: 'major', start: 4, end: 15 }], 'minor')
 * // { severity: 'major', severityReason: 'major: functional loss "not working"' }
 */
export function decideSeverity(
	hazards: readonly HazardHit[],
	severityTerms: readonly SeverityTerm[],
	fallback: Severity,
): { severity: Severity; severityReason: string } {
	if (hazards.length > 0) {
		const lead = hazards.find((h) => h.harm === 'actual') ?? hazards[0];
		const more = hazards.length > 1 ? ` and ${hazards.length - 1} more` : '';
		const harm = lead.harm === 'actual' ? 'actual harm' : 'potential hazard';
		return {
			severity: 'critical',
			severityReason: `critical: ${lead.class} hazard "${lead.term}" (${harm})${more}`,
		};
	}
	const critical = severityTerms.find((t) => t.severity === 'critical');
	if (critical)
		return { severity: 'critical', severityReason: `critical: severity term "${critical.term}"` };
	const major = severityTerms.find((t) => t.severity === 'major');
	if (major) return { severity: 'major', severityReason: `major: functional loss "${major.term}"` };
	return {
		severity: fallback,
		severityReason: `${fallback}: no hazard or functional loss found`,
	};
}
