import { distinctCategories, acceptanceOf } from './acceptance';
import { crossedAnova } from './anova';
import { averageRangeStudy } from './averageRange';
import { anovaVariances, componentTable } from './components';
import { crossedDesign, designCells } from './design';
import { MsaInputError, type MsaIssue } from './errors';
import type { GageRRInput, GageRRResult } from './types';

/** Checks the numeric options, collecting every problem. */
function checkOptions(input: GageRRInput): void {
	const issues: MsaIssue[] = [];
	const positive = (field: keyof GageRRInput) => {
		const v = input[field];
		if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)) {
			issues.push({ field, reason: `must be a positive number, got ${JSON.stringify(v)}` });
		}
	};
	positive('tolerance');
	positive('studyVarMultiplier');
	positive('ndcFactor');
	const alpha = input.alphaInteraction;
	if (alpha !== undefined && (typeof alpha !== 'number' || !(alpha >= 0 && alpha <= 1))) {
		issues.push({
			field: 'alphaInteraction',
			reason: `must be a number from 0 to 1, got ${JSON.stringify(alpha)}`,
		});
	}
	const oneOf = (field: keyof GageRRInput, allowed: string[]) => {
		const v = input[field];
		if (v !== undefined && !allowed.includes(v as string)) {
			issues.push({
				field,
				reason: `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(v)}`,
			});
		}
	};
	oneOf('method', ['anova', 'average-range']);
	oneOf('fDenominator', ['interaction', 'repeatability']);
	oneOf('acceptanceBasis', ['studyVar', 'tolerance']);
	if (input.acceptanceBasis === 'tolerance' && input.tolerance === undefined) {
		issues.push({ field: 'tolerance', reason: "is needed when acceptanceBasis is 'tolerance'" });
	}
	if (issues.length > 0) throw new MsaInputError(issues);
}

/**
 * Crossed gage R&R study, by ANOVA (default; Minitab "Gage R&R Study (Crossed)") or by the AIAG
 * average-and-range method. Defaults follow Minitab and the AIAG MSA manual, 4th ed.: 6 SD study
 * variation, interaction pooled when p >= 0.05, F of part and operator over MS_interaction,
 * ndc factor 1.41, acceptance on %StudyVar of GRR. Throws {@link MsaInputError} listing every
 * missing, extra or invalid measurement.
 *
 * @example
 * const r = gageRR({ measurements, tolerance: 8 }); // AIAG MSA 4th ed. 10 x 3 x 3 study
 * r.components.grr.pctStudyVar; // 27.86
 * r.ndc;                        // 4
 * r.acceptance;                 // 'marginal'
 */
export function gageRR(input: GageRRInput): GageRRResult {
	if (input === null || typeof input !== 'object') {
		throw new MsaInputError([{ field: 'input', reason: 'must be an object with measurements' }]);
	}
	checkOptions(input);
	const design = crossedDesign(input.measurements);
	const method = input.method ?? 'anova';
	const multiplier = input.studyVarMultiplier ?? 6;
	const tolerance = input.tolerance;
	const size = {
		parts: design.partLabels.length,
		operators: design.operatorLabels.length,
		trials: design.trials,
	};
	const common = {
		method,
		...size,
		partLabels: design.partLabels,
		operatorLabels: design.operatorLabels,
		studyVarMultiplier: multiplier,
		...(tolerance !== undefined ? { tolerance } : {}),
		cells: designCells(design),
	};
	const judge = (components: GageRRResult['components']) => {
		const pctGrr =
			input.acceptanceBasis === 'tolerance'
				? (components.grr.pctTolerance as number)
				: components.grr.pctStudyVar;
		const ndc = distinctCategories(components.part.sd, components.grr.sd, input.ndcFactor);
		return { ndc, ndcAdequate: ndc >= 5, pctGrr, acceptance: acceptanceOf(pctGrr) };
	};

	if (method === 'average-range') {
		const study = averageRangeStudy(design);
		const components = componentTable(
			{ repeatability: study.ev ** 2, operator: study.av ** 2, part: study.pv ** 2 },
			multiplier,
			tolerance,
		);
		return { ...common, components, ...judge(components), averageRange: study.details };
	}

	const anova = crossedAnova(design, input.fDenominator ?? 'interaction');
	const pooled = anova.interactionP >= (input.alphaInteraction ?? 0.05);
	const components = componentTable(anovaVariances(anova, pooled, size), multiplier, tolerance);
	return {
		...common,
		components,
		...judge(components),
		anova: anova.full,
		...(pooled ? { anovaReduced: anova.reduced } : {}),
		interactionPooled: pooled,
	};
}
