import type { SpecialStatusFlag, SupplierScore } from './types';

/**
 * Sets what a scorecard owes to the supplier's previous period: trend (score difference,
 * 2 decimals), previous score and grade, and the special-status flags (IATF 16949 8.4.2.4):
 * grade D; grade C in this and the previous period; any critical complaint in the period.
 *
 * @example
 * applyHistory(march, february, false); // march.trend = march.score - february.score; flags set
 */
export function applyHistory(
	card: SupplierScore,
	previous: SupplierScore | undefined,
	criticalComplaint: boolean,
): void {
	const flags: SpecialStatusFlag[] = [];
	if (card.grade === 'D') flags.push('grade_d');
	if (card.grade === 'C' && previous?.grade === 'C') flags.push('two_periods_c');
	if (criticalComplaint) flags.push('critical_complaint');
	card.flags = flags;
	card.specialStatus = flags.length > 0;
	if (previous) {
		card.trend = Math.round((card.score - previous.score) * 100) / 100;
		card.previousScore = previous.score;
		card.previousGrade = previous.grade;
	}
}
