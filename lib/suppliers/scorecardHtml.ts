import { CELL, FONT, emailDocument, escapeHtml, table } from '../shared/html';
import type { Grade, MetricId, MetricResult, SupplierScore } from './types';

/** Options of {@link scorecardHtml}. */
export interface ScorecardHtmlOptions {
	/** Heading of the mail (default "Supplier scorecard"). */
	title?: string;
	/**
	 * Per-supplier metric tables below the summary: every scorecard (true, default), only those on
	 * special status, or none. Gmail clips mails above about 100 kB; trim details for long lists.
	 */
	details?: boolean | 'specialStatus';
	/** Image source of a chart to show under the summary, e.g. `cid:scorecard-chart` or an https URL. */
	chartSrc?: string;
	/** Alt text of that chart. */
	chartAlt?: string;
}

/** Background and text colours per grade; named in attributes too, for Outlook's Word engine. */
const GRADE_COLORS: Record<Grade, { bg: string; fg: string }> = {
	A: { bg: '#d4edda', fg: '#155724' },
	B: { bg: '#e2f0cb', fg: '#3d5a12' },
	C: { bg: '#fff3cd', fg: '#856404' },
	D: { bg: '#f8d7da', fg: '#721c24' },
};
const SHARES: ReadonlySet<MetricId> = new Set<MetricId>([
	'lot_acceptance',
	'otd',
	'scar_on_time',
	'scar_response',
]);

/**
 * A metric value for reading: shares as percent, PPM and counts as whole numbers, money with 2 decimals.
 *
 * @example
 * formatMetricValue({ id: 'otd', value: 0.95 } as MetricResult); // '95.0%'
 */
export function formatMetricValue(m: Pick<MetricResult, 'id' | 'value'>): string {
	if (m.value === null) return 'n/a';
	if (SHARES.has(m.id)) return `${(m.value * 100).toFixed(1)}%`;
	if (m.id === 'cost' || m.id === 'premium_freight') return m.value.toFixed(2);
	return String(Math.round(m.value));
}

function trendText(card: SupplierScore): string {
	if (card.trend === undefined) return '&ndash;';
	if (card.trend > 0)
		return `<span style="color:#155724;">&#9650; +${card.trend.toFixed(2)}</span>`;
	if (card.trend < 0) return `<span style="color:#721c24;">&#9660; ${card.trend.toFixed(2)}</span>`;
	return '&#9654; 0.00';
}

function gradeCell(grade: Grade): string {
	const { bg, fg } = GRADE_COLORS[grade];
	return `<td bgcolor="${bg}" align="center" style="${CELL}background-color:${bg};color:${fg};font-weight:bold;">${grade}</td>`;
}

function summaryRow(card: SupplierScore): string {
	const flags = card.flags.length ? escapeHtml(card.flags.join(', ').replace(/_/g, ' ')) : '';
	return (
		'<tr>' +
		`<td style="${CELL}">${card.rank} / ${card.rankOf}</td>` +
		`<td style="${CELL}">${escapeHtml(card.supplier)}</td>` +
		`<td align="right" style="${CELL}text-align:right;">${card.score.toFixed(2)}</td>` +
		gradeCell(card.grade) +
		`<td style="${CELL}">${trendText(card)}</td>` +
		`<td style="${CELL}${card.specialStatus ? 'color:#721c24;font-weight:bold;' : ''}">${flags}</td>` +
		'</tr>'
	);
}

function metricRow(m: MetricResult): string {
	const grey = m.na ? 'color:#888888;' : '';
	const num = (v: number | null, digits: number) => (v === null ? 'n/a' : v.toFixed(digits));
	return (
		'<tr>' +
		`<td style="${CELL}${grey}">${escapeHtml(m.label)}</td>` +
		`<td align="right" style="${CELL}${grey}text-align:right;">${formatMetricValue(m)}</td>` +
		`<td align="right" style="${CELL}${grey}text-align:right;">${num(m.score, 1)}</td>` +
		`<td align="right" style="${CELL}${grey}text-align:right;">${(m.weight * 100).toFixed(1)}%</td>` +
		`<td align="right" style="${CELL}${grey}text-align:right;">${num(m.contribution, 2)}</td>` +
		`<td style="${CELL}${grey}font-size:12px;">${escapeHtml(m.basis)}</td>` +
		'</tr>'
	);
}

function details(card: SupplierScore): string {
	const notes = card.notes
		.map((n) => `<p style="${FONT}font-size:12px;color:#555555;margin:4px 0;">${escapeHtml(n)}</p>`)
		.join('');
	return (
		`<h3 style="${FONT}font-size:15px;margin:20px 0 6px 0;color:#222222;">${escapeHtml(card.supplier)} &middot; ${escapeHtml(card.period)} &middot; ${card.score.toFixed(2)} (${card.grade})</h3>` +
		table(['Metric', 'Value', 'Score', 'Weight', 'Points', 'Basis'], card.metrics.map(metricRow)) +
		notes
	);
}

/**
 * Renders scorecards as an email-ready HTML document: table layout, inline styles and
 * `bgcolor` attributes only (no `<style>` block, no CSS classes), so Outlook's Word engine
 * and Gmail show it as intended. All text from the data is escaped. One summary table per
 * period (rank, supplier, score, grade, trend, special status), then one metric table per
 * scorecard with value, score, weight and points.
 *
 * @example
 * const html = scorecardHtml(scoreSuppliers(rows), { title: 'Supplier scorecard March 2026' });
 */
export function scorecardHtml(
	cards: readonly SupplierScore[],
	options: ScorecardHtmlOptions = {},
): string {
	const title = options.title ?? 'Supplier scorecard';
	const byPeriod = new Map<string, SupplierScore[]>();
	for (const card of cards) {
		const list = byPeriod.get(card.period) ?? [];
		list.push(card);
		byPeriod.set(card.period, list);
	}
	const sections: string[] = [];
	for (const [period, list] of byPeriod) {
		const { periodStart, periodEnd } = list[0];
		const range =
			periodStart && periodEnd ? ` (${escapeHtml(periodStart)} to ${escapeHtml(periodEnd)})` : '';
		sections.push(
			`<h2 style="${FONT}font-size:17px;margin:18px 0 8px 0;color:#222222;">${escapeHtml(period)}${range}</h2>`,
		);
		sections.push(
			table(
				['Rank', 'Supplier', 'Score', 'Grade', 'Trend', 'Special status'],
				list.map(summaryRow),
			),
		);
	}
	if (options.chartSrc) {
		const alt = escapeHtml(options.chartAlt ?? 'Supplier score chart');
		sections.push(
			`<p style="margin:16px 0;"><img src="${escapeHtml(options.chartSrc)}" alt="${alt}" width="600" style="display:block;max-width:100%;height:auto;border:0;"></p>`,
		);
	}
	const detailed =
		options.details === false
			? []
			: options.details === 'specialStatus'
				? cards.filter((c) => c.specialStatus)
				: cards;
	sections.push(...detailed.map(details));
	if (cards.length === 0)
		sections.push(`<p style="${FONT}font-size:13px;">No supplier was scored.</p>`);
	return emailDocument(title, sections.join(''));
}
