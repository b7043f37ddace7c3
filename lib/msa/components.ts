import { anovaRow, type CrossedAnova } from './anova';
import type { GageComponents, VarianceComponent } from './types';

/** Variances of the sources of a crossed study, before the percentages. */
export interface ComponentVariances {
	repeatability: number;
	operator: number;
	/** Absent when the interaction is not in the model. */
	interaction?: number;
	part: number;
}

/**
 * Variance components from the expected mean squares of the random-effects crossed model
 * (Montgomery, DAE 8th ed., eq. 13.10; Minitab "Crossed Gage R&R" methods), negative estimates
 * set to 0. With interaction: repeatability = MS_E, interaction = (MS_OP - MS_E) / r,
 * operator = (MS_O - MS_OP) / (p r), part = (MS_P - MS_OP) / (o r). Pooled: the same with MS_OP
 * and MS_E replaced by the pooled repeatability mean square, and no interaction term.
 *
 * @example
 * anovaVariances(anova, true, { parts: 10, operators: 3, trials: 3 }).operator; // 0.0514553 (AIAG data)
 */
export function anovaVariances(
	anova: CrossedAnova,
	pooled: boolean,
	size: { parts: number; operators: number; trials: number },
): ComponentVariances {
	const { parts: p, operators: o, trials: r } = size;
	const table = pooled ? anova.reduced : anova.full;
	const msPart = anovaRow(table, 'part').ms;
	const msOperator = anovaRow(table, 'operator').ms;
	const msError = anovaRow(table, 'repeatability').ms;
	const nonNegative = (v: number) => Math.max(0, v);
	if (pooled) {
		return {
			repeatability: msError,
			operator: nonNegative((msOperator - msError) / (p * r)),
			part: nonNegative((msPart - msError) / (o * r)),
		};
	}
	const msInteraction = anovaRow(table, 'interaction').ms;
	return {
		repeatability: msError,
		operator: nonNegative((msOperator - msInteraction) / (p * r)),
		interaction: nonNegative((msInteraction - msError) / r),
		part: nonNegative((msPart - msInteraction) / (o * r)),
	};
}

/**
 * The component table of a gage study from its source variances: reproducibility = operator +
 * interaction, GRR = repeatability + reproducibility, total = GRR + part; for each, SD,
 * study variation = multiplier x SD, %Contribution = 100 variance / total variance, %StudyVar =
 * 100 SD / total SD and, with a tolerance, %Tolerance = 100 study variation / tolerance
 * (AIAG MSA 4th ed., ch. III sec. B; Minitab "Gage R&R table").
 *
 * @example
 * componentTable({ repeatability: 0.04, operator: 0.05, part: 1.09 }, 6, 8).grr.pctStudyVar; // 27.9
 */
export function componentTable(
	v: ComponentVariances,
	multiplier: number,
	tolerance?: number,
): GageComponents {
	const reproducibility = v.operator + (v.interaction ?? 0);
	const grr = v.repeatability + reproducibility;
	const total = grr + v.part;
	const totalSd = Math.sqrt(total);
	const component = (variance: number): VarianceComponent => {
		const sd = Math.sqrt(variance);
		const studyVar = multiplier * sd;
		return {
			variance,
			sd,
			studyVar,
			// a study where every measurement is equal has no variation to share out
			pctContribution: total > 0 ? (100 * variance) / total : 0,
			pctStudyVar: totalSd > 0 ? (100 * sd) / totalSd : 0,
			...(tolerance !== undefined ? { pctTolerance: (100 * studyVar) / tolerance } : {}),
		};
	};
	return {
		repeatability: component(v.repeatability),
		reproducibility: component(reproducibility),
		operator: component(v.operator),
		...(v.interaction !== undefined ? { interaction: component(v.interaction) } : {}),
		grr: component(grr),
		part: component(v.part),
		total: component(total),
	};
}
