/** The 8D report document: one content model, laid out as e-mail HTML, plain text and PDF. */
export {
	renderEightDReport,
	type RenderedEightDReport,
	type RenderEightDReportOptions,
	type ReportImage,
} from './renderEightDReport';
export { buildReportDocument, type ReportModelOptions } from './model';
export type { ReportBlock, ReportDocument, Tone } from './blocks';
export { spcProofChart, type ChartImage } from './spcProofChart';
