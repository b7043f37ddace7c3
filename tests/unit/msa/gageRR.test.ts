import aiag from '../../fixtures/msa/aiag_msa4_10x3x3.json';
import qualityTools from '../../fixtures/msa/qualitytools_gageRR_example.json';
import sixSigma from '../../fixtures/msa/sixsigma_ss_data_rr.json';
import {
	gageRR,
	type AnovaRow,
	type GageRRResult,
	type Measurement,
	type VarianceComponent,
} from '../../../lib/msa';
import { expectPrinted } from './printed';

/** AIAG MSA 4th ed. 10 parts x 3 appraisers x 3 trials (fixture names its sources). */
const aiagMeasurements: Measurement[] = aiag.data_long.map((r) => ({
	part: r.part,
	operator: r.appraiser,
	value: r.value,
}));
/** R SixSigma ss.data.rr: 3 prototypes x 3 operators x 3 runs, response time1. */
const sixSigmaMeasurements: Measurement[] = sixSigma.rows.map((r) => ({
	part: r.prototype,
	operator: r.operator,
	value: r.time1,
}));
/** R qualityTools gageRR example: 10 parts x 3 operators x 2 measurements. */
const qtMeasurements: Measurement[] = qualityTools.data_long.map((r) => ({
	part: r.Part,
	operator: r.Operator,
	value: r.Measurement,
}));

const row = (table: AnovaRow[] | undefined, source: AnovaRow['source']) => {
	const found = table?.find((r) => r.source === source);
	if (!found) throw new Error(`no ${source} row`);
	return found;
};

interface PrintedRow {
	df?: number;
	Df?: number;
	ss?: number;
	SumSq?: number;
	ms?: number;
	MeanSq?: number;
	F?: number;
	p?: number;
}
function expectAnovaRow(actual: AnovaRow, printed: PrintedRow, label: string): void {
	const df = printed.df ?? printed.Df;
	if (df !== undefined) expect(actual.df).toBe(df);
	const ss = printed.ss ?? printed.SumSq;
	const ms = printed.ms ?? printed.MeanSq;
	if (ss !== undefined) expectPrinted(actual.ss, ss, `${label} SS`);
	if (ms !== undefined) expectPrinted(actual.ms, ms, `${label} MS`);
	if (printed.F !== undefined) expectPrinted(actual.f, printed.F, `${label} F`);
	if (printed.p !== undefined) expectPrinted(actual.p, printed.p, `${label} p`);
}

interface PrintedComponent {
	varcomp: number;
	stddev: number;
	studyvar: number;
	pct_contribution: number;
	pct_studyvar: number;
	pct_tolerance: number;
}
function expectComponent(
	actual: VarianceComponent | undefined,
	printed: PrintedComponent,
	label: string,
): void {
	expectPrinted(actual?.variance, printed.varcomp, `${label} VarComp`);
	expectPrinted(actual?.sd, printed.stddev, `${label} StdDev`);
	expectPrinted(actual?.studyVar, printed.studyvar, `${label} StudyVar`);
	expectPrinted(actual?.pctContribution, printed.pct_contribution, `${label} %Contribution`);
	expectPrinted(actual?.pctStudyVar, printed.pct_studyvar, `${label} %StudyVar`);
	expectPrinted(actual?.pctTolerance, printed.pct_tolerance, `${label} %Tolerance`);
}
function expectComponents(result: GageRRResult, printed: Record<string, PrintedComponent>): void {
	const c = result.components;
	expectComponent(c.grr, printed.total_grr, 'Total Gage R&R');
	expectComponent(c.repeatability, printed.repeatability, 'Repeatability');
	expectComponent(c.reproducibility, printed.reproducibility, 'Reproducibility');
	expectComponent(c.operator, printed.operator, 'Operator');
	expectComponent(c.part, printed.part_to_part, 'Part-to-part');
	expectComponent(c.total, printed.total, 'Total');
}

describe('gageRR, ANOVA method: AIAG MSA 4th ed. data as Minitab prints it', () => {
	const result = gageRR({
		measurements: aiagMeasurements,
		tolerance: aiag.tolerance_used_by_minitab_example,
	});
	const expected = aiag.expected.anova_method;

	it('has the design 10 x 3 x 3', () => {
		expect([result.parts, result.operators, result.trials]).toEqual([10, 3, 3]);
		expect(result.operatorLabels).toEqual(['A', 'B', 'C']);
	});

	it('matches Minitab: interaction p 0.974 (pooled), %Contribution 7.76 / 92.24, %StudyVar 27.86, ndc 4', () => {
		const m = expected.published_minitab;
		expectPrinted(row(result.anova, 'interaction').p, m.p_interaction, 'p interaction');
		expect(result.interactionPooled).toBe(true);
		expect(result.components.interaction).toBeUndefined();
		expectPrinted(
			result.components.grr.pctContribution,
			m.pct_contribution.total_grr,
			'%Contribution GRR',
		);
		expectPrinted(
			result.components.part.pctContribution,
			m.pct_contribution.part_to_part,
			'%Contribution part',
		);
		expectPrinted(result.components.grr.pctStudyVar, m.pct_studyvar.total_grr, '%StudyVar GRR');
		expect(result.ndc).toBe(m.ndc);
		expect(result.ndcAdequate).toBe(false);
		expect(result.acceptance).toBe('marginal');
	});

	it("matches McNeese's sums of squares, mean squares and variance components", () => {
		const m = expected.published_mcneese;
		expectPrinted(row(result.anova, 'part').ss, m.SS_part, 'SS part');
		expectPrinted(row(result.anova, 'operator').ss, m.SS_appraiser, 'SS appraiser');
		expectPrinted(row(result.anova, 'part').ms, m.MS_part, 'MS part');
		expectPrinted(row(result.anova, 'operator').ms, m.MS_appraiser, 'MS appraiser');
		expectPrinted(
			row(result.anovaReduced, 'repeatability').ss,
			m.SS_pooled_repeatability,
			'SS pooled',
		);
		expectPrinted(
			row(result.anovaReduced, 'repeatability').ms,
			m.MS_pooled_repeatability,
			'MS pooled',
		);
		expectPrinted(
			result.components.repeatability.variance,
			m.var_repeatability,
			'var repeatability',
		);
		expectPrinted(
			result.components.reproducibility.variance,
			m.var_reproducibility,
			'var reproducibility',
		);
		expectPrinted(result.components.part.variance, m.var_part, 'var part');
		expectPrinted(result.components.grr.variance, m.var_grr, 'var GRR');
	});

	it('reproduces both ANOVA tables and the full component table (6 SD, tolerance 8)', () => {
		const full = expected.computed_full_anova_with_interaction;
		for (const source of ['part', 'operator', 'interaction', 'repeatability', 'total'] as const) {
			expectAnovaRow(row(result.anova, source), full[source], `full ${source}`);
		}
		const reduced = expected.computed_reduced_anova_interaction_pooled;
		for (const source of ['part', 'operator', 'repeatability', 'total'] as const) {
			expectAnovaRow(row(result.anovaReduced, source), reduced[source], `reduced ${source}`);
		}
		expectComponents(result, expected.computed_varcomp_pooled_sigma6_tol8);
	});

	it('keeps the interaction when alpha is above its p (never pooled at alpha 1)', () => {
		const unpooled = gageRR({ measurements: aiagMeasurements, tolerance: 8, alphaInteraction: 1 });
		expect(unpooled.interactionPooled).toBe(false);
		expect(unpooled.anovaReduced).toBeUndefined();
		// MS_interaction < MS_repeatability: the negative estimate is set to 0
		expect(unpooled.components.interaction?.variance).toBe(0);
		expectComponents(unpooled, expected.computed_varcomp_unpooled_sigma6_tol8);
		expect(unpooled.ndc).toBe(expected.ndc_floor_sqrt2);
	});

	it('scales study variation with the multiplier (5.15) without changing the percentages of variance', () => {
		const old = gageRR({ measurements: aiagMeasurements, studyVarMultiplier: 5.15, tolerance: 8 });
		expect(old.components.grr.studyVar).toBeCloseTo(5.15 * result.components.grr.sd, 12);
		expect(old.components.grr.pctStudyVar).toBeCloseTo(result.components.grr.pctStudyVar, 12);
		expect(old.components.grr.pctTolerance).toBeCloseTo(
			(100 * 5.15 * result.components.grr.sd) / 8,
			10,
		);
	});

	it('judges on %Tolerance when asked (22.68 %: still marginal)', () => {
		const byTolerance = gageRR({
			measurements: aiagMeasurements,
			tolerance: 8,
			acceptanceBasis: 'tolerance',
		});
		expectPrinted(byTolerance.pctGrr, 22.68, '%Tolerance GRR');
		expect(byTolerance.acceptance).toBe('marginal');
	});

	it('does not depend on the order of the measurements', () => {
		const reversed = gageRR({ measurements: [...aiagMeasurements].reverse(), tolerance: 8 });
		expect(reversed.components.grr.variance).toBeCloseTo(result.components.grr.variance, 12);
		expect(reversed.ndc).toBe(result.ndc);
	});
});

describe('gageRR, ANOVA method: R SixSigma ss.rr on ss.data.rr', () => {
	const result = gageRR({ measurements: sixSigmaMeasurements, tolerance: 1.8 - 0.7 });
	const published = sixSigma.expected_published;

	it('prints the complete model (F over MS_interaction) and the reduced model as SixSigma does', () => {
		const c = published.complete_model;
		expectAnovaRow(row(result.anova, 'part'), c.prototype, 'prototype');
		expectAnovaRow(row(result.anova, 'operator'), c.operator, 'operator');
		expectAnovaRow(row(result.anova, 'interaction'), c['prototype:operator'], 'prototype:operator');
		expectAnovaRow(row(result.anova, 'repeatability'), c.Repeatability, 'Repeatability');
		expectAnovaRow(row(result.anova, 'total'), c.Total, 'Total');
		expect(result.interactionPooled).toBe(true);
		const r = published.reduced_model;
		expectAnovaRow(row(result.anovaReduced, 'part'), r.prototype, 'reduced prototype');
		expectAnovaRow(row(result.anovaReduced, 'operator'), r.operator, 'reduced operator');
		expectAnovaRow(
			row(result.anovaReduced, 'repeatability'),
			r.Repeatability,
			'reduced Repeatability',
		);
	});

	it('matches the VarComp, %Contrib, StdDev, StudyVar, %StudyVar and %Tolerance tables and ndc 2', () => {
		const pairs: [keyof typeof published.varcomp, VarianceComponent][] = [
			['Total Gage R&R', result.components.grr],
			['Repeatability', result.components.repeatability],
			['Reproducibility', result.components.reproducibility],
			['operator', result.components.operator],
			['Part-To-Part', result.components.part],
			['Total Variation', result.components.total],
		];
		for (const [name, c] of pairs) {
			const [variance, contribution] = published.varcomp[name];
			const [sd, studyVar, pctStudyVar, pctTolerance] = published.studyvar[name];
			expectPrinted(c.variance, variance, `${name} VarComp`);
			expectPrinted(c.pctContribution, contribution, `${name} %Contrib`);
			expectPrinted(c.sd, sd, `${name} StdDev`);
			expectPrinted(c.studyVar, studyVar, `${name} StudyVar`);
			expectPrinted(c.pctStudyVar, pctStudyVar, `${name} %StudyVar`);
			expectPrinted(c.pctTolerance, pctTolerance, `${name} %Tolerance`);
		}
		expect(result.ndc).toBe(published.ndc);
		expect(result.acceptance).toBe('unacceptable');
	});

	it("matches the package test's %Tolerance with tolerance 0.1", () => {
		const narrow = gageRR({ measurements: sixSigmaMeasurements, tolerance: 0.1 });
		const t = sixSigma['expected_published_test_tolerance_0.1_pct_tolerance'];
		expectPrinted(narrow.components.grr.pctTolerance, t['Total Gage R&R'], 'GRR');
		expectPrinted(narrow.components.part.pctTolerance, t['Part-To-Part'], 'part');
		expectPrinted(narrow.components.total.pctTolerance, t['Total Variation'], 'total');
	});
});

describe('gageRR, ANOVA method: R qualityTools gageRR example', () => {
	// qualityTools: interaction alpha 0.25, ndc factor sqrt(2), aov's fixed-effects F
	const options = {
		alphaInteraction: 0.25,
		ndcFactor: Math.SQRT2,
		fDenominator: 'repeatability' as const,
		tolerance: 5,
	};
	const result = gageRR({ measurements: qtMeasurements, ...options });
	const published = qualityTools.expected_published;

	it('prints the operator x part row and the residuals as the vignette does', () => {
		const i = published.interaction_row;
		expectAnovaRow(
			row(result.anova, 'interaction'),
			{ Df: i.Df, SumSq: i.SumSq, MeanSq: i.MeanSq, F: i.F, p: i.p },
			'Operator:Part',
		);
		expectAnovaRow(row(result.anova, 'repeatability'), published.residuals, 'Residuals');
		const fixed = qualityTools.recomputed.full_anova_fixed_effects_F_as_printed_by_aov;
		expectPrinted(row(result.anova, 'operator').f, fixed.operator.F, 'aov F operator');
		expectPrinted(row(result.anova, 'part').p, fixed.part.p, 'aov p part');
	});

	it('pools the interaction at alpha 0.25 and gives the vignette variance components', () => {
		expect(result.interactionPooled).toBe(true);
		const v = published.varcomp;
		expectPrinted(result.components.grr.variance, v.totalRR, 'totalRR');
		expectPrinted(result.components.repeatability.variance, v.repeatability, 'repeatability');
		expectPrinted(result.components.reproducibility.variance, v.reproducibility, 'reproducibility');
		expectPrinted(result.components.part.variance, v.PartToPart, 'Part to Part');
		expectPrinted(result.components.total.variance, v.totalVar, 'totalVar');
		const pc = published.pct_contribution_approx;
		expectPrinted(result.components.grr.pctContribution, pc.totalRR, '% totalRR');
		expectPrinted(
			result.components.repeatability.pctContribution,
			pc.repeatability,
			'% repeatability',
		);
		expectPrinted(
			result.components.reproducibility.pctContribution,
			pc.reproducibility,
			'% reproducibility',
		);
		expectPrinted(result.components.part.pctContribution, pc.PartToPart, '% Part to Part');
		expectComponents(result, qualityTools.recomputed.varcomp_pooled_sigma6_tol5);
		expect(result.ndc).toBe(qualityTools.recomputed.ndc_sqrt2);
	});

	it('with the Minitab defaults divides F by MS_interaction and still pools (p 0.467 >= 0.05)', () => {
		const minitab = gageRR({ measurements: qtMeasurements });
		const full = qualityTools.recomputed.full_anova_random_effects_F;
		expectAnovaRow(row(minitab.anova, 'operator'), full.operator, 'operator');
		expectAnovaRow(row(minitab.anova, 'part'), full.part, 'part');
		expect(minitab.interactionPooled).toBe(true);
	});
});
