/** One measurement of a crossed gage study. */
export interface Measurement {
	part: string | number;
	operator: string | number;
	value: number;
}

/** Crossed gage study method: ANOVA (Minitab) or the AIAG average-and-range form. */
export type GageMethod = 'anova' | 'average-range';

/** Which mean square the F tests of part and operator divide by in the model with interaction. */
export type FDenominator = 'interaction' | 'repeatability';

/** Input of {@link gageRR}. */
export interface GageRRInput {
	measurements: Measurement[];
	/** Default 'anova'. */
	method?: GageMethod;
	/** USL - LSL, for %Tolerance. */
	tolerance?: number;
	/** Study variation = this x SD. Default 6 (5.15 in the AIAG manuals before the 4th edition). */
	studyVarMultiplier?: number;
	/** Operator x part is pooled into repeatability when its p >= this. Default 0.05 (Minitab, SixSigma); qualityTools uses 0.25. */
	alphaInteraction?: number;
	/** ndc = floor(factor x sd_part / sd_grr). Default 1.41 (AIAG, Minitab, SixSigma); qualityTools uses sqrt(2). */
	ndcFactor?: number;
	/**
	 * Denominator of F for part and operator in the full model: the interaction mean square
	 * (default; random effects, as Minitab and SixSigma) or the repeatability mean square (fixed
	 * effects, as R's aov and qualityTools print it). The reduced model always divides by repeatability.
	 */
	fDenominator?: FDenominator;
	/** What %GRR the acceptance is judged on: %StudyVar (default) or %Tolerance (needs `tolerance`). */
	acceptanceBasis?: 'studyVar' | 'tolerance';
}

/** One source of variation. */
export interface VarianceComponent {
	variance: number;
	sd: number;
	/** studyVarMultiplier x sd. */
	studyVar: number;
	/** 100 x variance / total variance. */
	pctContribution: number;
	/** 100 x sd / total sd. */
	pctStudyVar: number;
	/** 100 x studyVar / tolerance, when a tolerance was given. */
	pctTolerance?: number;
}

/** The variance components of a crossed study. */
export interface GageComponents {
	repeatability: VarianceComponent;
	reproducibility: VarianceComponent;
	operator: VarianceComponent;
	/** Operator x part; present only when the interaction stays in the model. */
	interaction?: VarianceComponent;
	grr: VarianceComponent;
	part: VarianceComponent;
	total: VarianceComponent;
}

/** Row of an ANOVA table; `f` and `p` are absent for repeatability and total (and when the denominator is 0). */
export interface AnovaRow {
	source: 'part' | 'operator' | 'interaction' | 'repeatability' | 'total';
	df: number;
	ss: number;
	ms: number;
	f?: number;
	p?: number;
}

/** AIAG acceptance of %GRR: < 10 % acceptable, <= 30 % marginal, above unacceptable. */
export type Acceptance = 'acceptable' | 'marginal' | 'unacceptable';

/** Mean and range of one part as measured by one operator (over the trials). */
export interface GageCell {
	part: string;
	operator: string;
	mean: number;
	range: number;
}

/** The working values of the AIAG average-and-range form. */
export interface AverageRangeDetails {
	/** R-bar per operator, in operator order. */
	rBar: number[];
	/** X-bar per operator. */
	xBar: number[];
	rBarBar: number;
	xDiff: number;
	/** Range of the part averages. */
	rangeOfPartMeans: number;
	k1: number;
	k2: number;
	k3: number;
	/** Control limits of the ranges: D4 x R-bar-bar and D3 x R-bar-bar. */
	uclR: number;
	lclR: number;
	/** Cells whose range is beyond UCL_R: measure those again before trusting the study. */
	rangesOutOfControl: { part: string; operator: string; range: number }[];
}

/** Result of {@link gageRR}. */
export interface GageRRResult {
	method: GageMethod;
	parts: number;
	operators: number;
	trials: number;
	/** Part and operator labels in the order first seen. */
	partLabels: string[];
	operatorLabels: string[];
	components: GageComponents;
	ndc: number;
	/** ndc >= 5 (AIAG). */
	ndcAdequate: boolean;
	/** The %GRR the acceptance is based on (%StudyVar, or %Tolerance with acceptanceBasis 'tolerance'). */
	pctGrr: number;
	acceptance: Acceptance;
	studyVarMultiplier: number;
	tolerance?: number;
	/** The two-way table with interaction (ANOVA method). */
	anova?: AnovaRow[];
	/** The table without interaction, when it was pooled. */
	anovaReduced?: AnovaRow[];
	interactionPooled?: boolean;
	/** Average-and-range method only. */
	averageRange?: AverageRangeDetails;
	/** Mean and range of every part x operator cell, part-major. */
	cells: GageCell[];
}
