/** Public shapes of the SPC engine (fixed by docs/CONTRACT.md, SPC part). */

/** Chart kinds `controlChart` draws. */
export type ChartType = 'imr' | 'xbar-r' | 'xbar-s' | 'p' | 'np' | 'c' | 'u' | 'ewma' | 'cusum';

/** Nelson rules (Minitab defaults) and Western Electric rules. */
export type RuleId =
	| 'N1'
	| 'N2'
	| 'N3'
	| 'N4'
	| 'N5'
	| 'N6'
	| 'N7'
	| 'N8'
	| 'WE1'
	| 'WE2'
	| 'WE3'
	| 'WE4';

/** Ids of the signals that EWMA and CUSUM charts report instead of run rules. */
export type SignalId = 'EWMA' | 'CUSUM+' | 'CUSUM-';

/**
 * Overrides for one rule. `k` is the rule's K: the run length (N2, N3, N4, N7, N8, WE4) or the
 * number of points beyond the zone (N5, N6, WE2, WE3); `m` is the window of a k-of-m rule;
 * `sigmas` is the zone edge in sigmas (N5-N8, WE2, WE3).
 */
export interface RuleParams {
	k?: number;
	m?: number;
	sigmas?: number;
}

/**
 * A custom rule selection: a list of rule ids (with their default K), or an object whose keys
 * are the rules to run and whose values are `true`, a K value, or {@link RuleParams}
 * (`false` leaves a rule out).
 */
export type RuleConfig = RuleId[] | Partial<Record<RuleId, boolean | number | RuleParams>>;

/** Rule preset names or a custom selection. */
export type RuleSelection = 'nelson' | 'western-electric' | 'none' | RuleConfig;

/** Numbers as a plain array or a typed array (typed arrays skip a copy on large series). */
export type NumberSeries = readonly number[] | Float64Array;

/** Input of `controlChart`. */
export interface ChartInput {
	chart: ChartType;
	/** imr, c, ewma, cusum: one value per point; p/np: defectives per sample; u: defects per sample. */
	values?: NumberSeries;
	/** xbar-r, xbar-s (sizes may differ); ewma and cusum chart the subgroup means. */
	subgroups?: readonly (readonly number[])[];
	/** p, np, u: sample size(s). */
	sizes?: number | readonly number[];
	/** Known center line (the chart's own units: mean, p, n*p, c or u); else estimated. */
	center?: number;
	/** Known process standard deviation (variables charts); else estimated. */
	sigma?: number;
	/** Estimate limits from the first N points (subgroups) only; the rest are monitored. */
	phase1?: number;
	/** Run rules for Shewhart charts, default 'nelson'. */
	rules?: RuleSelection;
	/** EWMA smoothing weight, default 0.2. */
	lambda?: number;
	/** EWMA limit width in sigmas, default 3. */
	L?: number;
	/** CUSUM reference value in sigmas, default 0.5. */
	k?: number;
	/** CUSUM decision interval in sigmas, default 5. */
	h?: number;
}

/** Where a reported pattern lies: side of the center line, or direction of a trend. */
export type Direction = 'above' | 'below' | 'up' | 'down';

/** One rule report: `index` completes the pattern that began at `start` (`end` = `index`). */
export interface Violation {
	rule: RuleId | SignalId;
	index: number;
	start: number;
	end: number;
	chart: 'primary' | 'secondary';
	direction?: Direction;
}

/** The R, S or moving-range chart beside the primary one. */
export interface SecondaryChart {
	chart: 'r' | 's' | 'mr';
	center: number | number[];
	ucl: number | number[];
	lcl: number | number[];
	/** One statistic per point; the moving-range series holds `null` at index 0. */
	points: (number | null)[];
}

/** Result of `controlChart`. */
export interface ChartResult {
	chart: ChartType;
	/** Center line. */
	center: number;
	/**
	 * Process sigma: of individual values (imr, xbar, ewma, cusum; X-bar/S with unequal sizes:
	 * the pooled standard deviation), per unit for attribute charts (sqrt(p(1-p)), sqrt(c), sqrt(u)).
	 */
	sigma: number;
	ucl: number | number[];
	lcl: number | number[];
	/** Plotted statistic per point (EWMA: the smoothed value; CUSUM: the charted value). */
	points: number[];
	secondary?: SecondaryChart;
	violations: Violation[];
	/** Points used to estimate the limits. */
	phase1: number;
	/** Rules that were asked for but need more points than the chart has (so cannot fire). */
	skippedRules: RuleId[];
	/** Subgroup sizes / sample sizes where the chart has them. */
	sizes?: number[];
	/** EWMA and CUSUM: the values or subgroup means that were smoothed or summed. */
	statistics?: number[];
	/** CUSUM: C+ per point (original units, no reset after a signal). */
	upper?: number[];
	/** CUSUM: C- per point (original units, non-negative; plotted as -C- against lcl = -H). */
	lower?: number[];
}

/** Input of `capability`. */
export interface CapabilityInput {
	values?: NumberSeries;
	subgroups?: readonly (readonly number[])[];
	lsl?: number;
	usl?: number;
	/** Target for Cpm/Ppm; default: midpoint of the specs when both exist. */
	target?: number;
	/** Known within-subgroup sigma; else R-bar/d2 (subgroups) or MR-bar/d2(2) (individuals). */
	sigma?: number;
}

/** Result of `capability`; indices a one-sided spec cannot give are left out. */
export interface CapabilityResult {
	cp?: number;
	cpk: number;
	cpl?: number;
	cpu?: number;
	pp?: number;
	ppk: number;
	ppl?: number;
	ppu?: number;
	cpm?: number;
	ppm?: number;
	target?: number;
	sigmaWithin: number;
	sigmaOverall: number;
	mean: number;
	n: number;
}
