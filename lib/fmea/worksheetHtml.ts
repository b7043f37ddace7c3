import { escapeHtml } from '../shared/html';
import { explainRating } from './scales';
import type { ActionPriority, AnalyzedRow, FmeaAnalysis } from './types';

/** Options of fmeaWorksheetHtml. */
export interface WorksheetHtmlOptions {
	/** Heading (default "FMEA worksheet" / "FMEA 工作表"). */
	title?: string;
	/** Language of headings and rating explanations (default 'en'). */
	language?: 'en' | 'zh';
	/** Only rows that require action (default false: every row). */
	actionRequiredOnly?: boolean;
	/** Image source of the AP chart, e.g. `cid:fmea-ap-chart`. */
	chartSrc?: string;
	chartAlt?: string;
}

const AP_COLORS: Record<ActionPriority, { bg: string; fg: string }> = {
	H: { bg: '#f8d7da', fg: '#721c24' },
	M: { bg: '#fff3cd', fg: '#856404' },
	L: { bg: '#d4edda', fg: '#155724' },
};
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const CELL = `${FONT}font-size:12px;padding:5px 6px;border-bottom:1px solid #dddddd;vertical-align:top;`;
const HEAD = `${FONT}font-size:11px;padding:5px 6px;border-bottom:2px solid #999999;color:#333333;text-align:left;`;

const TEXT = {
	en: {
		title: 'FMEA worksheet',
		summary: (s: FmeaAnalysis['summary']) =>
			`${s.rows} rows: ${s.high} AP H, ${s.medium} AP M, ${s.low} AP L; ${s.actionRequired} require action.`,
		head: [
			'Rank',
			'AP',
			'ID',
			'Item / step',
			'Failure mode',
			'Effect',
			'S',
			'Cause',
			'O',
			'D',
			'RPN',
			'Action',
			'After actions',
		],
		required: { ap: 'AP', severity: 'S >= 9' },
		none: 'No rows.',
	},
	zh: {
		title: 'FMEA 工作表',
		summary: (s: FmeaAnalysis['summary']) =>
			`共 ${s.rows} 行：AP 高 ${s.high}，中 ${s.medium}，低 ${s.low}；需采取措施 ${s.actionRequired} 行。`,
		head: [
			'排序',
			'AP',
			'编号',
			'项目 / 工序',
			'失效模式',
			'失效影响',
			'S',
			'失效原因',
			'O',
			'D',
			'RPN',
			'措施',
			'措施后',
		],
		required: { ap: 'AP', severity: 'S ≥ 9' },
		none: '没有数据行。',
	},
};

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? escapeHtml(String(value)) : '';
}

function apCell(ap: ActionPriority): string {
	const { bg, fg } = AP_COLORS[ap];
	return `<td bgcolor="${bg}" align="center" style="${CELL}background-color:${bg};color:${fg};font-weight:bold;text-align:center;">${ap}</td>`;
}

function ratingCell(
	row: AnalyzedRow,
	field: 'severity' | 'occurrence' | 'detection',
	language: 'en' | 'zh',
) {
	const explained = explainRating(field, row[field], { type: row.type ?? 'PFMEA', language });
	return `<td align="center" title="${escapeHtml(explained.text)}" style="${CELL}text-align:center;">${row[field]}</td>`;
}

function rowHtml(row: AnalyzedRow, language: 'en' | 'zh'): string {
	const t = TEXT[language];
	const step = [row.item, row.processStep]
		.filter((v) => typeof v === 'string' && v)
		.map(text)
		.join('<br>');
	const action = row.actionRequired
		? `<span style="color:#721c24;font-weight:bold;">${escapeHtml(row.actionReasons.map((r) => t.required[r]).join(', '))}</span>`
		: '';
	const after = row.revised
		? `AP ${row.revised.ap}, RPN ${row.revised.rpn} (S${row.revised.severity} O${row.revised.occurrence} D${row.revised.detection})`
		: '';
	return (
		'<tr>' +
		`<td align="center" style="${CELL}text-align:center;">${row.rank}</td>` +
		apCell(row.ap) +
		`<td style="${CELL}white-space:nowrap;">${text(row.id)}</td>` +
		`<td style="${CELL}">${step}</td>` +
		`<td style="${CELL}">${text(row.failureMode)}</td>` +
		`<td style="${CELL}">${text(row.effect)}</td>` +
		ratingCell(row, 'severity', language) +
		`<td style="${CELL}">${text(row.cause)}</td>` +
		ratingCell(row, 'occurrence', language) +
		ratingCell(row, 'detection', language) +
		`<td align="right" style="${CELL}text-align:right;">${row.rpn}</td>` +
		`<td style="${CELL}">${action}</td>` +
		`<td style="${CELL}font-size:11px;">${escapeHtml(after)}</td>` +
		'</tr>'
	);
}

/**
 * Renders analyzed FMEA rows as an e-mail-ready HTML worksheet in rank order (most urgent
 * first): table layout, inline styles and `bgcolor` only, so Outlook and Gmail show it as
 * intended; every value from the data is escaped. The S, O and D cells carry the meaning of
 * their rating (DFMEA or PFMEA scale) as a tooltip.
 *
 * @example
 * const html = fmeaWorksheetHtml(analyzeFmea(rows), { title: 'PFMEA CN-212', chartSrc: 'cid:fmea-ap-chart' });
 */
export function fmeaWorksheetHtml(
	analysis: FmeaAnalysis,
	options: WorksheetHtmlOptions = {},
): string {
	const language = options.language ?? 'en';
	const t = TEXT[language];
	const title = options.title ?? t.title;
	const rows = [...analysis.rows]
		.sort((a, b) => a.rank - b.rank)
		.filter((r) => !options.actionRequiredOnly || r.actionRequired);
	const head = t.head.map((h) => `<th style="${HEAD}">${escapeHtml(h)}</th>`).join('');
	const body = rows.length
		? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${head}</tr>${rows.map((r) => rowHtml(r, language)).join('')}</table>`
		: `<p style="${FONT}font-size:13px;">${escapeHtml(t.none)}</p>`;
	const chart = options.chartSrc
		? `<p style="margin:16px 0;"><img src="${escapeHtml(options.chartSrc)}" alt="${escapeHtml(options.chartAlt ?? 'Action Priority counts')}" width="480" style="display:block;max-width:100%;height:auto;border:0;"></p>`
		: '';
	return (
		`<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<title>${escapeHtml(title)}</title></head>` +
		'<body style="margin:0;padding:0;background-color:#f4f4f4;" bgcolor="#f4f4f4">' +
		'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f4f4"><tr><td align="center" style="padding:16px;">' +
		'<table role="presentation" width="960" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:960px;max-width:100%;background-color:#ffffff;"><tr><td style="padding:16px 20px;">' +
		`<h1 style="${FONT}font-size:20px;margin:0 0 6px 0;color:#111111;">${escapeHtml(title)}</h1>` +
		`<p style="${FONT}font-size:13px;margin:0 0 12px 0;color:#333333;">${escapeHtml(t.summary(analysis.summary))}</p>` +
		chart +
		body +
		'</td></tr></table></td></tr></table></body></html>'
	);
}
