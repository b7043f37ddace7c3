import { mean, type CrossedDesign } from './design';
import { fUpperTail } from './fDistribution';
import type { AnovaRow, FDenominator } from './types';

/** The two-way crossed ANOVA of a gage study, with and without the operator x part term. */
export interface CrossedAnova {
	full: AnovaRow[];
	reduced: AnovaRow[];
	/** p of the operator x part F test (MS_interaction / MS_repeatability). */
	interactionP: number;
}

/** F and its p-value, or neither when the denominator mean square is 0 (a gauge without repeatability error). */
function fTest(ms: number, df: number, msDen: number, dfDen: number): { f?: number; p?: number } {
	if (!(msDen > 0)) return {};
	const f = ms / msDen;
	return { f, p: fUpperTail(f, df, dfDen) };
}

/**
 * Two-way ANOVA of a balanced crossed design with p parts, o operators and r trials
 * (Montgomery, Design and Analysis of Experiments, 8th ed., sec. 13.2; Minitab "Crossed Gage
 * R&R" methods): SS_part = o r sum (mean_i - mean)^2, SS_operator = p r sum (mean_j - mean)^2,
 * SS_interaction = r sum (mean_ij - mean_i - mean_j + mean)^2, SS_repeatability = sum (y - mean_ij)^2.
 * In the full model F(part) and F(operator) divide by MS_interaction (random effects, Minitab)
 * or by MS_repeatability; F(interaction) divides by MS_repeatability. The reduced model pools
 * interaction into repeatability and divides every F by the pooled mean square.
 *
 * @example
 * crossedAnova(crossedDesign(aiag), 'interaction').interactionP; // 0.974 (AIAG MSA 4th ed. data)
 */
export function crossedAnova(design: CrossedDesign, fDenominator: FDenominator): CrossedAnova {
	const { values, trials: r } = design;
	const p = values.length;
	const o = values[0].length;
	const cellMeans = values.map((byOp) => byOp.map((cell) => mean(cell)));
	const partMeans = cellMeans.map((byOp) => mean(byOp));
	const operatorMeans = cellMeans[0].map((_, j) => mean(cellMeans.map((byOp) => byOp[j])));
	const grand = mean(partMeans);

	let ssPart = 0;
	for (const m of partMeans) ssPart += (m - grand) ** 2;
	ssPart *= o * r;
	let ssOperator = 0;
	for (const m of operatorMeans) ssOperator += (m - grand) ** 2;
	ssOperator *= p * r;
	let ssInteraction = 0;
	let ssRepeat = 0;
	let ssTotal = 0;
	for (let i = 0; i < p; i++) {
		for (let j = 0; j < o; j++) {
			ssInteraction += (cellMeans[i][j] - partMeans[i] - operatorMeans[j] + grand) ** 2;
			for (const y of values[i][j]) {
				ssRepeat += (y - cellMeans[i][j]) ** 2;
				ssTotal += (y - grand) ** 2;
			}
		}
	}
	ssInteraction *= r;

	const dfPart = p - 1;
	const dfOperator = o - 1;
	const dfInteraction = dfPart * dfOperator;
	const dfRepeat = p * o * (r - 1);
	const msPart = ssPart / dfPart;
	const msOperator = ssOperator / dfOperator;
	const msInteraction = ssInteraction / dfInteraction;
	const msRepeat = ssRepeat / dfRepeat;
	const total: AnovaRow = {
		source: 'total',
		df: p * o * r - 1,
		ss: ssTotal,
		ms: ssTotal / (p * o * r - 1),
	};

	const interactionTest = fTest(msInteraction, dfInteraction, msRepeat, dfRepeat);
	const [msDen, dfDen] =
		fDenominator === 'interaction' ? [msInteraction, dfInteraction] : [msRepeat, dfRepeat];
	const full: AnovaRow[] = [
		{ source: 'part', df: dfPart, ss: ssPart, ms: msPart, ...fTest(msPart, dfPart, msDen, dfDen) },
		{
			source: 'operator',
			df: dfOperator,
			ss: ssOperator,
			ms: msOperator,
			...fTest(msOperator, dfOperator, msDen, dfDen),
		},
		{
			source: 'interaction',
			df: dfInteraction,
			ss: ssInteraction,
			ms: msInteraction,
			...interactionTest,
		},
		{ source: 'repeatability', df: dfRepeat, ss: ssRepeat, ms: msRepeat },
		total,
	];

	const dfPooled = dfInteraction + dfRepeat;
	const ssPooled = ssInteraction + ssRepeat;
	const msPooled = ssPooled / dfPooled;
	const reduced: AnovaRow[] = [
		{
			source: 'part',
			df: dfPart,
			ss: ssPart,
			ms: msPart,
			...fTest(msPart, dfPart, msPooled, dfPooled),
		},
		{
			source: 'operator',
			df: dfOperator,
			ss: ssOperator,
			ms: msOperator,
			...fTest(msOperator, dfOperator, msPooled, dfPooled),
		},
		{ source: 'repeatability', df: dfPooled, ss: ssPooled, ms: msPooled },
		total,
	];
	// without repeatability error an interaction mean square above 0 is certain, and none is none
	const interactionP = interactionTest.p ?? (msInteraction > 0 ? 0 : 1);
	return { full, reduced, interactionP };
}

/**
 * The row of one source in an ANOVA table.
 *
 * @example
 * anovaRow(table, 'repeatability').ms;
 */
export function anovaRow(table: readonly AnovaRow[], source: AnovaRow['source']): AnovaRow {
	const row = table.find((r) => r.source === source);
	if (!row) throw new Error(`ANOVA table has no ${source} row`);
	return row;
}
