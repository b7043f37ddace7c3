import { CELL, FONT, emailDocument, escapeHtml, table } from '../shared/html';
import type { Acceptance, AnovaRow, GageRRResult, VarianceComponent } from './types';

/** Options of {@link gageHtml}. */
export interface GageHtmlOptions {
	/** Heading (default "Gage R&R study"). */
	title?: string;
	/** Lines under the heading, e.g. gauge, characteristic, date. */
	notes?: string[];
	/** Image source of the six-panel chart, e.g. `cid:gage-chart` or an https URL. */
	chartSrc?: string;
}

const VERDICT: Record<Acceptance, { bg: string; fg: string; text: string }> = {
	acceptable: { bg: '#d4edda', fg: '#155724', text: 'Acceptable (%GRR under 10 %)' },
	marginal: {
		bg: '#fff3cd',
		fg: '#856404',
		text: 'Marginal (%GRR 10 to 30 %): acceptable only for some applications',
	},
	unacceptable: {
		bg: '#f8d7da',
		fg: '#721c24',
		text: 'Unacceptable (%GRR over 30 %): improve the measurement system',
	},
};
const SOURCE_LABELS: [keyof GageRRResult['components'], string][] = [
	['grr', 'Total Gage R&R'],
	['repeatability', 'Repeatability'],
	['reproducibility', 'Reproducibility'],
	['operator', 'Operator'],
	['interaction', 'Operator x part'],
	['part', 'Part-to-part'],
	['total', 'Total variation'],
];
const ANOVA_LABELS: Record<AnovaRow['source'], string> = {
	part: 'Part',
	operator: 'Operator',
	interaction: 'Operator x part',
	repeatability: 'Repeatability',
	total: 'Total',
};

/** A number to 4 significant digits, or a p-value as Minitab prints it (3 decimals). */
function num(v: number | undefined, digits = 4): string {
	if (v === undefined) return '';
	if (!Number.isFinite(v)) return String(v);
	return Math.abs(v) >= 1e-4 || v === 0
		? Number(v.toPrecision(digits)).toString()
		: v.toExponential(2);
}
const cell = (text: string, right = true) =>
	`<td${right ? ' align="right"' : ''} style="${CELL}${right ? 'text-align:right;' : ''}">${text}</td>`;
const pct = (v: number | undefined) => (v === undefined ? '' : v.toFixed(2));

function componentRow(label: string, c: VarianceComponent, withTolerance: boolean): string {
	return (
		'<tr>' +
		cell(escapeHtml(label), false) +
		cell(num(c.variance)) +
		cell(pct(c.pctContribution)) +
		cell(num(c.sd)) +
		cell(num(c.studyVar)) +
		cell(pct(c.pctStudyVar)) +
		(withTolerance ? cell(pct(c.pctTolerance)) : '') +
		'</tr>'
	);
}

function anovaTable(rows: readonly AnovaRow[]): string {
	return table(
		['Source', 'DF', 'SS', 'MS', 'F', 'P'],
		rows.map(
			(r) =>
				'<tr>' +
				cell(ANOVA_LABELS[r.source], false) +
				cell(String(r.df)) +
				cell(num(r.ss)) +
				cell(r.source === 'total' ? '' : num(r.ms)) +
				cell(num(r.f)) +
				cell(r.p === undefined ? '' : r.p.toFixed(3)) +
				'</tr>',
		),
	);
}

const heading = (text: string) =>
	`<h2 style="${FONT}font-size:16px;margin:18px 0 6px 0;color:#222222;">${escapeHtml(text)}</h2>`;
const paragraph = (html: string) =>
	`<p style="${FONT}font-size:13px;margin:4px 0;color:#333333;">${html}</p>`;

/**
 * The Gage R&R study as a mail-ready HTML report (inline styles, table layout): the verdict with
 * %GRR and ndc, the ANOVA tables (with and without interaction) or the average-and-range working
 * values, the variance components with %Contribution, %StudyVar and %Tolerance in Minitab's
 * columns, and the chart when `chartSrc` is given. All text from the data is escaped.
 *
 * @example
 * const html = gageHtml(gageRR({ measurements, tolerance: 8 }), { chartSrc: 'cid:gage-chart' });
 */
export function gageHtml(result: GageRRResult, options: GageHtmlOptions = {}): string {
	const title = options.title ?? 'Gage R&R study';
	const verdict = VERDICT[result.acceptance];
	const withTolerance = result.tolerance !== undefined;
	const parts: string[] = (options.notes ?? []).map((n) => paragraph(escapeHtml(n)));
	parts.push(
		paragraph(
			`${result.parts} parts, ${result.operators} operators, ${result.trials} trials; ${result.method === 'anova' ? 'ANOVA method' : 'average-and-range method (AIAG)'}; study variation ${result.studyVarMultiplier} SD${withTolerance ? `; tolerance ${num(result.tolerance)}` : ''}.`,
		),
		`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="${verdict.bg}" style="${FONT}font-size:15px;padding:10px 12px;background-color:${verdict.bg};color:${verdict.fg};font-weight:bold;">` +
			`%GRR ${result.pctGrr.toFixed(2)} %: ${escapeHtml(verdict.text)}. Distinct categories: ${result.ndc}${result.ndcAdequate ? ' (at least 5)' : ' (AIAG asks for at least 5)'}.</td></tr></table>`,
	);
	if (options.chartSrc) {
		parts.push(
			`<p style="margin:16px 0;"><img src="${escapeHtml(options.chartSrc)}" alt="Gage R&amp;R report chart" width="660" style="display:block;max-width:100%;height:auto;border:0;"></p>`,
		);
	}
	if (result.anova) {
		parts.push(heading('Two-way ANOVA with interaction'), anovaTable(result.anova));
		if (result.anovaReduced) {
			const p = result.anova.find((r) => r.source === 'interaction')?.p;
			parts.push(
				paragraph(
					`Operator x part is pooled into repeatability (p = ${p === undefined ? 'n/a' : p.toFixed(3)}).`,
				),
				heading('Two-way ANOVA without interaction'),
				anovaTable(result.anovaReduced),
			);
		}
	}
	const ar = result.averageRange;
	if (ar) {
		parts.push(
			heading('Average and range'),
			paragraph(
				`R&#772;&#772; = ${num(ar.rBarBar)}, X&#772;<sub>diff</sub> = ${num(ar.xDiff)}, R<sub>p</sub> = ${num(ar.rangeOfPartMeans)}; K1 = ${ar.k1.toFixed(4)}, K2 = ${ar.k2.toFixed(4)}, K3 = ${ar.k3.toFixed(4)}; UCL<sub>R</sub> = ${num(ar.uclR)}.`,
			),
		);
		if (ar.rangesOutOfControl.length > 0) {
			const list = ar.rangesOutOfControl
				.map((r) => `part ${escapeHtml(r.part)} by ${escapeHtml(r.operator)} (${num(r.range)})`)
				.join(', ');
			parts.push(paragraph(`Ranges beyond UCL<sub>R</sub>, to be measured again: ${list}.`));
		}
	}
	parts.push(
		heading('Gage R&R'),
		table(
			[
				'Source',
				'VarComp',
				'%Contribution',
				'StdDev',
				`Study Var (${result.studyVarMultiplier} x SD)`,
				'%Study Var',
				...(withTolerance ? ['%Tolerance'] : []),
			],
			SOURCE_LABELS.flatMap(([key, label]) => {
				const c = result.components[key];
				return c ? [componentRow(label, c, withTolerance)] : [];
			}),
		),
	);
	return emailDocument(title, parts.join(''));
}
