import { clopperPearson, type Interval } from './confidence';
import { attributeDesign } from './attributeDesign';
import { MsaInputError } from './errors';
import { cohenKappa, fleissKappa, type FleissKappa, type KappaStat } from './kappa';
import type { Acceptance } from './types';
import type { AttributeAssessment } from './attributeDesign';

/** Input of {@link attributeAgreement}. */
export interface AttributeAgreementInput {
	/** Every appraiser rates every part the same number of times; repeated rows are the trials, in order. */
	assessments: AttributeAssessment[];
	/** Confidence level of the intervals (default 0.95). */
	confidence?: number;
}

/** Minitab's "Assessment Agreement": parts inspected, parts on which the ratings all matched. */
export interface AgreementCount {
	inspected: number;
	matched: number;
	/** 100 matched / inspected. */
	percent: number;
	/** Exact (Clopper-Pearson) interval of the percentage, in percent. */
	ci: Interval;
}

/** Agreement of one appraiser: with themself over the trials, or with the standard. */
export interface AppraiserAgreement {
	appraiser: string;
	agreement: AgreementCount;
	fleiss?: FleissKappa;
	/** Against the standard only: Cohen's kappa of every rating with the standard. */
	cohen?: KappaStat;
}

/** Cohen's kappa of two appraisers, ratings paired by part and trial. */
export interface PairAgreement {
	appraisers: [string, string];
	cohen?: KappaStat;
}

/** Result of {@link attributeAgreement}. */
export interface AttributeAgreementResult {
	parts: number;
	appraisers: number;
	trials: number;
	/** Rating categories, sorted; kappa per category follows this order. */
	categories: string[];
	appraiserLabels: string[];
	partLabels: string[];
	confidence: number;
	/** With 2 or more trials. */
	withinAppraiser?: AppraiserAgreement[];
	/** When a standard is given. */
	eachVsStandard?: AppraiserAgreement[];
	betweenAppraisers: { agreement: AgreementCount; fleiss?: FleissKappa; cohen: PairAgreement[] };
	allVsStandard?: { agreement: AgreementCount; fleiss?: FleissKappa };
	/** The kappa the acceptance is judged on: the lowest appraiser-vs-standard Fleiss kappa, or else the between-appraisers one. */
	acceptanceKappa?: number;
	/** AIAG MSA 4th ed. (ch. III sec. C): kappa > 0.75 good, < 0.40 poor. Unacceptable when kappa is undefined. */
	acceptance: Acceptance;
}

function agreement(matched: number, inspected: number, confidence: number): AgreementCount {
	const ci = clopperPearson(matched, inspected, confidence);
	return {
		inspected,
		matched,
		percent: (100 * matched) / inspected,
		ci: { lower: 100 * ci.lower, upper: 100 * ci.upper },
	};
}

/** Fleiss count rows (one per subject) from the ratings each subject got. */
function countRows(subjects: readonly string[][], categories: readonly string[]): number[][] {
	return subjects.map((ratings) => categories.map((c) => ratings.filter((r) => r === c).length));
}

/** Cohen's table of paired ratings. */
function pairTable(pairs: readonly [string, string][], categories: readonly string[]): number[][] {
	const table = categories.map(() => categories.map(() => 0));
	for (const [a, b] of pairs) table[categories.indexOf(a)][categories.indexOf(b)]++;
	return table;
}

/**
 * Attribute agreement analysis (AIAG MSA 4th ed., ch. III sec. C; the tables of Minitab's
 * "Attribute Agreement Analysis"): within each appraiser (parts on which all trials agree;
 * Fleiss' kappa with the trials as raters), each appraiser against the standard (parts on which
 * every trial matches it; Fleiss' and Cohen's kappa of the (rating, standard) pairs), between
 * appraisers (parts on which every rating agrees; Fleiss' kappa with every appraiser's every trial
 * as a rater; Cohen's kappa for each pair of appraisers, ratings paired by trial) and all
 * appraisers against the standard. Percentages carry exact binomial intervals; kappas their
 * Fleiss-Nee-Landis (Fleiss) or Fleiss-Cohen-Everitt (Cohen) standard errors.
 *
 * @example
 * attributeAgreement({ assessments: [{ part: 1, appraiser: 'A', rating: 'pass', standard: 'pass' }, ...] })
 *   .eachVsStandard[0].agreement.percent; // e.g. 93.33
 */
export function attributeAgreement(input: AttributeAgreementInput): AttributeAgreementResult {
	if (input === null || typeof input !== 'object') {
		throw new MsaInputError([{ field: 'input', reason: 'must be an object with assessments' }]);
	}
	const confidence = input.confidence ?? 0.95;
	if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
		throw new MsaInputError([
			{
				field: 'confidence',
				reason: `must be a number between 0 and 1, got ${JSON.stringify(confidence)}`,
			},
		]);
	}
	const design = attributeDesign(input.assessments);
	const { ratings, standards, partLabels, appraiserLabels, trials } = design;
	const categories = [...new Set([...ratings.flat(2), ...(standards ?? [])])].sort();
	const nParts = partLabels.length;
	const allSame = (values: readonly string[], target = values[0]) =>
		values.every((v) => v === target);

	const withinAppraiser =
		trials >= 2
			? appraiserLabels.map((appraiser, a) => ({
					appraiser,
					agreement: agreement(ratings.filter((byA) => allSame(byA[a])).length, nParts, confidence),
					fleiss: fleissKappa(
						countRows(
							ratings.map((byA) => byA[a]),
							categories,
						),
						confidence,
					),
				}))
			: undefined;

	const vsStandard = (select: (byAppraiser: string[][]) => string[]) => {
		const pairs = ratings.flatMap((byA, p) =>
			select(byA).map((r): [string, string] => [r, standards![p]]),
		);
		return {
			agreement: agreement(
				ratings.filter((byA, p) => allSame(select(byA), standards![p])).length,
				nParts,
				confidence,
			),
			fleiss: fleissKappa(countRows(pairs, categories), confidence),
			cohen: cohenKappa(pairTable(pairs, categories), confidence),
		};
	};
	const eachVsStandard = standards
		? appraiserLabels.map((appraiser, a) => ({ appraiser, ...vsStandard((byA) => byA[a]) }))
		: undefined;
	const allVsStandardFull = standards ? vsStandard((byA) => byA.flat()) : undefined;

	const cohenPairs: PairAgreement[] = [];
	for (let a = 0; a < appraiserLabels.length; a++) {
		for (let b = a + 1; b < appraiserLabels.length; b++) {
			const pairs = ratings.flatMap((byA) =>
				byA[a].map((r, t): [string, string] => [r, byA[b][t]]),
			);
			cohenPairs.push({
				appraisers: [appraiserLabels[a], appraiserLabels[b]],
				cohen: cohenKappa(pairTable(pairs, categories), confidence),
			});
		}
	}
	const betweenAppraisers = {
		agreement: agreement(ratings.filter((byA) => allSame(byA.flat())).length, nParts, confidence),
		fleiss: fleissKappa(
			countRows(
				ratings.map((byA) => byA.flat()),
				categories,
			),
			confidence,
		),
		cohen: cohenPairs,
	};

	const acceptanceKappa = eachVsStandard
		? eachVsStandard.reduce<number | undefined>(
				(low, e) =>
					e.fleiss === undefined || low === undefined ? undefined : Math.min(low, e.fleiss.kappa),
				Infinity,
			)
		: betweenAppraisers.fleiss?.kappa;
	let acceptance: Acceptance = 'unacceptable';
	if (acceptanceKappa !== undefined && acceptanceKappa > 0.75) acceptance = 'acceptable';
	else if (acceptanceKappa !== undefined && acceptanceKappa >= 0.4) acceptance = 'marginal';

	return {
		parts: nParts,
		appraisers: appraiserLabels.length,
		trials,
		categories,
		appraiserLabels,
		partLabels,
		confidence,
		...(withinAppraiser ? { withinAppraiser } : {}),
		...(eachVsStandard ? { eachVsStandard } : {}),
		betweenAppraisers,
		...(allVsStandardFull
			? {
					allVsStandard: {
						agreement: allVsStandardFull.agreement,
						fleiss: allVsStandardFull.fleiss,
					},
				}
			: {}),
		...(acceptanceKappa !== undefined ? { acceptanceKappa } : {}),
		acceptance,
	};
}
