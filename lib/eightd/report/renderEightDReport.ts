import { formatTime, resolveNow } from '../dates';
import { type EightDRuleSetSource, selectEightDRuleSet } from '../ruleSet';
import type { SpcProofOptions } from '../spcProof';
import type { EightDMeasurement } from '../types';
import { validateEightDReport } from '../validate';
import { reportHtml } from './html';
import { buildReportDocument } from './model';
import { reportPdf } from './pdf';
import { reportText } from './text';

/** Options of {@link renderEightDReport}. */
export interface RenderEightDReportOptions {
	/** Language of the document (default `en`). */
	language?: 'en' | 'zh';
	/** `pdf` adds the PDF (default `html`: HTML and text only). */
	format?: 'html' | 'pdf';
	/** The clock for deadlines and the "generated" line (ISO with offset; default now). */
	now?: string;
	/** Rule set whose `spcEffective` thresholds the D6 evidence uses (default as the gate picks it). */
	ruleSet?: string | EightDRuleSetSource;
	ruleSets?: EightDRuleSetSource[];
	/** Measurements per characteristic for the D6 SPC proof, replacing those in the report. */
	measurements?: Record<string, readonly EightDMeasurement[]>;
	/** Image source in the HTML per image id (e.g. `cid:d6-spc-chart`); default a data: URI. */
	imageSrc?: (id: string, png: Buffer) => string;
}

/** An image of the document, for mailers that attach images inline (`cid:`). */
export interface ReportImage {
	id: string;
	fileName: string;
	mimeType: 'image/png';
	data: Buffer;
}

/** The rendered report. */
export interface RenderedEightDReport {
	html: string;
	text: string;
	pdf?: Buffer;
	images: ReportImage[];
}

/** The thresholds of the rule set's `spcEffective` rule, so the document shows what the gate checks. */
function spcThresholds(
	report: { ruleSet?: string; customer?: string },
	options: RenderEightDReportOptions,
): SpcProofOptions {
	const rule = selectEightDRuleSet(report, options.ruleSet, options.ruleSets).disciplines.D6.find(
		(r) => r.check === 'spcEffective',
	);
	const found = rule?.check === 'spcEffective' ? rule : undefined;
	return {
		...(found?.minPoints !== undefined && { minPoints: found.minPoints }),
		...(found?.minCpk !== undefined && { minCpk: found.minCpk }),
		...(found?.rules !== undefined && { rules: found.rules }),
		...(options.measurements && { measurements: options.measurements }),
	};
}

/**
 * The customer-facing 8D report: header (case, customer, part, lot, dates, status), D0-D8 as
 * recorded (team, 5W2H and is/is-not, containment with quantities and verification, root causes
 * of occurrence and escape with 5-Why and Ishikawa, permanent actions with owners and dates,
 * implementation and validation with the SPC evidence, prevention, closure), approvals, each
 * deadline met or missed, evidence, and the history check. As HTML for mail (every value escaped),
 * plain text, and with `format: 'pdf'` a PDF whose text layer holds the same content in either
 * language. Synchronous: the D6 chart is drawn without vega.
 *
 * @example
 * const { html, text, pdf } = renderEightDReport(report, { language: 'zh', format: 'pdf', now: '2026-04-02T10:00:00+08:00' });
 */
export function renderEightDReport(
	input: unknown,
	options: RenderEightDReportOptions = {},
): RenderedEightDReport {
	const report = validateEightDReport(input);
	const language = options.language ?? 'en';
	if (language !== 'en' && language !== 'zh')
		throw new Error(`options.language: "${String(language)}" is not supported (en or zh)`);
	const format = options.format ?? 'html';
	if (format !== 'html' && format !== 'pdf')
		throw new Error(`options.format: "${String(format)}" is not supported (html or pdf)`);
	const now = formatTime(resolveNow(options.now));
	const doc = buildReportDocument(report, { language, now, spc: spcThresholds(report, options) });
	const images: ReportImage[] = doc.blocks.flatMap((b) =>
		b.kind === 'image'
			? [
					{
						id: b.id,
						fileName: `${report.id}-${b.id}.png`,
						mimeType: 'image/png' as const,
						data: b.png,
					},
				]
			: [],
	);
	return {
		html: reportHtml(doc, { imageSrc: options.imageSrc }),
		text: reportText(doc),
		...(format === 'pdf' && { pdf: reportPdf(doc, now) }),
		images,
	};
}
