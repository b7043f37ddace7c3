import { escapeHtml } from '../shared/html';
import type { Severity } from './types';

/** One classified complaint as the Pareto counts it. */
export interface ParetoRecord {
	category: string;
	severity?: Severity | string;
	customer?: string;
}

/** One bar of the Pareto chart. */
export interface ParetoRow {
	category: string;
	count: number;
	/** count / total */
	share: number;
	/** Share of this and every more frequent category. */
	cumulativeShare: number;
}

/** Counts of a set of classified complaints, categories ordered for a Pareto chart. */
export interface ComplaintPareto {
	/** Complaints counted (failures not included). */
	total: number;
	/** Complaints that could not be classified (undefined entries). */
	errors: number;
	/** Complaints per category. */
	counts: Record<string, number>;
	/** Complaints per severity (critical, major, minor always present). */
	bySeverity: Record<string, number>;
	/** Complaints per customer, most first (records without a customer are not counted). */
	byCustomer: Record<string, number>;
	/** Categories, most frequent first (ties by name), with share and cumulative share. */
	pareto: ParetoRow[];
}

/** Counts per key, most first, ties in name order. */
function ranked(keys: string[]): Array<[string, number]> {
	const counts = new Map<string, number>();
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * Pareto analysis of classified complaints (Juran's "vital few"): the categories ordered by
 * frequency with each one's share and the cumulative share, plus counts by severity and by
 * customer. An undefined entry is a complaint that failed; it counts in `errors`, not in the
 * shares.
 *
 * @example
 * complaintPareto([
 * 	{ category: 'production', severity: 'major' },
 * 	{ category: 'production', severity: 'minor' },
 * 	{ category: 'design', severity: 'critical' },
 * 	undefined,
 * ]);
 * // total 3, errors 1, pareto: [{ category: 'production', count: 2, share: 0.667,
 * // cumulativeShare: 0.667 }, { category: 'design', count: 1, share: 0.333, cumulativeShare: 1 }]
 */
export function complaintPareto(results: readonly (ParetoRecord | undefined)[]): ComplaintPareto {
	const records = results.filter((r): r is ParetoRecord => r !== undefined);
	const total = records.length;
	const categories = ranked(records.map((r) => r.category));
	let cumulative = 0;
	const pareto = categories.map(([category, count]) => {
		cumulative += count;
		return {
			category,
			count,
			share: total ? count / total : 0,
			cumulativeShare: total ? cumulative / total : 0,
		};
	});
	const bySeverity: Record<string, number> = { critical: 0, major: 0, minor: 0 };
	for (const r of records)
		if (r.severity) bySeverity[r.severity] = (bySeverity[r.severity] ?? 0) + 1;
	const customers = records.map((r) => r.customer).filter((c): c is string => !!c);
	return {
		total,
		errors: results.length - total,
		counts: Object.fromEntries(categories),
		bySeverity,
		byCustomer: Object.fromEntries(ranked(customers)),
		pareto,
	};
}

/** Options of {@link paretoHtml}. */
export interface ParetoHtmlOptions {
	/** Heading (default "Complaint Pareto"). */
	title?: string;
	/** Customers listed, most complaints first (default 10). */
	topCustomers?: number;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const CELL = `${FONT}font-size:13px;padding:4px 8px;`;
const BAR_PX = 300;

/**
 * The Pareto as an email-ready HTML fragment: a table of categories with count, a bar of its share
 * and the cumulative share, then the counts by severity and by customer. Inline styles and tables
 * only (Outlook, Gmail); every text from the data is escaped.
 *
 * @example
 * const html = paretoHtml(complaintPareto(records), { title: 'Complaint Pareto, last 7 days' });
 */
export function paretoHtml(summary: ComplaintPareto, options: ParetoHtmlOptions = {}): string {
	const title = escapeHtml(options.title ?? 'Complaint Pareto');
	const list = (counts: Record<string, number>, limit = Infinity) =>
		Object.entries(counts)
			.slice(0, limit)
			.map(([key, n]) => `${escapeHtml(key)}: ${n}`)
			.join(', ') || 'none';
	const rows = summary.pareto
		.map((p) => {
			const width = Math.max(2, Math.round(p.share * BAR_PX));
			return (
				'<tr>' +
				`<td style="${CELL}">${escapeHtml(p.category)}</td>` +
				`<td align="right" style="${CELL}text-align:right;">${p.count}</td>` +
				`<td style="${CELL}"><div style="background:#1f77b4;height:14px;width:${width}px;"></div></td>` +
				`<td align="right" style="${CELL}text-align:right;">${Math.round(p.cumulativeShare * 100)} %</td>` +
				'</tr>'
			);
		})
		.join('');
	const head = ['Category', 'Count', 'Share', 'Cumulative']
		.map((h) => `<th style="${CELL}text-align:left;border-bottom:2px solid #999999;">${h}</th>`)
		.join('');
	return (
		`<div style="${FONT}font-size:14px;">` +
		`<h2 style="${FONT}font-size:17px;margin:0 0 8px 0;">${title}</h2>` +
		`<p style="${FONT}">${summary.total} complaints.</p>` +
		`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${head}</tr>${rows}</table>` +
		`<p style="${FONT}"><b>By severity:</b> ${list(summary.bySeverity)}<br>` +
		`<b>By customer:</b> ${list(summary.byCustomer, options.topCustomers ?? 10)}</p>` +
		'</div>'
	);
}
