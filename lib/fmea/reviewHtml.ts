import { escapeHtml } from '../shared/html';
import type { ComplaintMatchResult, FmeaComplaint, RowReview } from './match';

/** Options of fmeaReviewHtml. */
export interface ReviewHtmlOptions {
	/** Heading (default "FMEA review from field complaints" / "基于现场投诉的 FMEA 评审"). */
	title?: string;
	language?: 'en' | 'zh';
	/** Longest complaint text shown (default 300 characters). */
	maxTextLength?: number;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const CELL = `${FONT}font-size:12px;padding:5px 6px;border-bottom:1px solid #dddddd;vertical-align:top;`;
const HEAD = `${FONT}font-size:11px;padding:5px 6px;border-bottom:2px solid #999999;color:#333333;text-align:left;`;
const H2 = `${FONT}font-size:16px;margin:18px 0 6px 0;color:#222222;`;

const TEXT = {
	en: {
		title: 'FMEA review from field complaints',
		summary: (r: ComplaintMatchResult) =>
			`${r.summary.complaints} complaints: ${r.summary.matched} match an FMEA row, ${r.summary.newFailureModes} are new failure modes; ${r.summary.underrated} rows look underrated.`,
		newModes: 'New failure modes (no FMEA row matches)',
		underrated: 'Underrated rows',
		newHead: ['Complaint', 'Category', 'Severity', 'Text'],
		rowHead: [
			'ID',
			'Failure mode',
			'Complaints',
			'Why',
			'S O D now',
			'AP now',
			'S O D suggested',
			'AP suggested',
		],
		severity: (r: NonNullable<RowReview['severityAboveRating']>) =>
			`${r.complaintSeverity} complaint implies S ${r.impliedSeverity.from}-${r.impliedSeverity.to}, rated ${r.ratedSeverity}`,
		occurrence: (r: NonNullable<RowReview['occurrenceAboveRating']>) =>
			`${r.count} complaints = ${formatRate(r.rate)} ${r.unit} implies O ${r.impliedOccurrence}, rated ${r.ratedOccurrence}`,
		none: 'None.',
	},
	zh: {
		title: '基于现场投诉的 FMEA 评审',
		summary: (r: ComplaintMatchResult) =>
			`共 ${r.summary.complaints} 条投诉：${r.summary.matched} 条对应已有 FMEA 行，${r.summary.newFailureModes} 条为新失效模式；${r.summary.underrated} 行评分可能偏低。`,
		newModes: '新失效模式（没有对应的 FMEA 行）',
		underrated: '评分偏低的行',
		newHead: ['投诉', '类别', '严重度', '内容'],
		rowHead: [
			'编号',
			'失效模式',
			'投诉数',
			'原因',
			'当前 S O D',
			'当前 AP',
			'建议 S O D',
			'建议 AP',
		],
		severity: (r: NonNullable<RowReview['severityAboveRating']>) =>
			`${r.complaintSeverity} 投诉对应 S ${r.impliedSeverity.from}-${r.impliedSeverity.to}，当前 ${r.ratedSeverity}`,
		occurrence: (r: NonNullable<RowReview['occurrenceAboveRating']>) =>
			`${r.count} 条投诉 = ${formatRate(r.rate)} ${r.unit}，对应 O ${r.impliedOccurrence}，当前 ${r.ratedOccurrence}`,
		none: '无。',
	},
};

function formatRate(rate: number): string {
	return Number.isInteger(rate) ? String(rate) : rate.toFixed(1);
}

function table(head: string[], rows: string[]): string {
	const th = head.map((h) => `<th style="${HEAD}">${escapeHtml(h)}</th>`).join('');
	return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${th}</tr>${rows.join('')}</table>`;
}

const td = (content: string, extra = '') => `<td style="${CELL}${extra}">${content}</td>`;

/**
 * Renders the outcome of matchComplaints as an e-mail-ready HTML review for the FMEA owner:
 * the new failure modes (complaints no row matches) and the underrated rows with their ratings
 * and AP now and as the complaints suggest. Inline styles only; every value is escaped.
 *
 * @example
 * const result = matchComplaints(complaints, rows, { occurrence: { unitsShipped: 120000 } });
 * const html = fmeaReviewHtml(result, complaints, { language: 'zh' });
 */
export function fmeaReviewHtml(
	result: ComplaintMatchResult,
	complaints: readonly FmeaComplaint[],
	options: ReviewHtmlOptions = {},
): string {
	const language = options.language ?? 'en';
	const t = TEXT[language];
	const title = options.title ?? t.title;
	const max = options.maxTextLength ?? 300;
	const newRows = result.newFailureModes.map((index) => {
		const c = complaints[index] ?? {};
		const body = typeof c.text === 'string' ? c.text : '';
		const shown = body.length > max ? `${body.slice(0, max)}…` : body;
		return (
			'<tr>' +
			td(escapeHtml(String(c.id ?? index)), 'white-space:nowrap;') +
			td(escapeHtml(String(c.category ?? ''))) +
			td(escapeHtml(String(c.severity ?? ''))) +
			td(escapeHtml(shown)) +
			'</tr>'
		);
	});
	const underrated = result.rows
		.filter((r) => r.underrated && r.suggested)
		.map((r) => {
			const why = [
				r.severityAboveRating ? t.severity(r.severityAboveRating) : '',
				r.occurrenceAboveRating ? t.occurrence(r.occurrenceAboveRating) : '',
			]
				.filter(Boolean)
				.map(escapeHtml)
				.join('<br>');
			const s = r.suggested!;
			return (
				'<tr>' +
				td(escapeHtml(String(r.row.id)), 'white-space:nowrap;') +
				td(escapeHtml(r.row.failureMode)) +
				td(String(r.count), 'text-align:center;') +
				td(why) +
				td(`${r.row.severity} ${r.row.occurrence} ${r.row.detection}`, 'white-space:nowrap;') +
				td(r.row.ap, 'font-weight:bold;text-align:center;') +
				td(`${s.severity} ${s.occurrence} ${s.detection}`, 'white-space:nowrap;') +
				td(s.ap, 'font-weight:bold;text-align:center;color:#721c24;') +
				'</tr>'
			);
		});
	const none = `<p style="${FONT}font-size:13px;">${escapeHtml(t.none)}</p>`;
	return (
		`<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<title>${escapeHtml(title)}</title></head>` +
		'<body style="margin:0;padding:0;background-color:#f4f4f4;" bgcolor="#f4f4f4">' +
		'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f4f4"><tr><td align="center" style="padding:16px;">' +
		'<table role="presentation" width="860" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:860px;max-width:100%;background-color:#ffffff;"><tr><td style="padding:16px 20px;">' +
		`<h1 style="${FONT}font-size:20px;margin:0 0 6px 0;color:#111111;">${escapeHtml(title)}</h1>` +
		`<p style="${FONT}font-size:13px;margin:0 0 8px 0;color:#333333;">${escapeHtml(t.summary(result))}</p>` +
		`<h2 style="${H2}">${escapeHtml(t.newModes)}</h2>` +
		(newRows.length ? table(t.newHead, newRows) : none) +
		`<h2 style="${H2}">${escapeHtml(t.underrated)}</h2>` +
		(underrated.length ? table(t.rowHead, underrated) : none) +
		'</td></tr></table></td></tr></table></body></html>'
	);
}
