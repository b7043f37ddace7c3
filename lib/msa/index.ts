/** Measurement system analysis: crossed Gage R&R (ANOVA and AIAG average-and-range), attribute agreement, report chart and HTML. */
export { gageRR } from './gageRR';
export { crossedDesign, levelLabel } from './design';
export type { CrossedDesign } from './design';
export { crossedAnova } from './anova';
export type { CrossedAnova } from './anova';
export { averageRangeStudy } from './averageRange';
export type { AverageRangeStudy } from './averageRange';
export { anovaVariances, componentTable } from './components';
export type { ComponentVariances } from './components';
export { d2Star } from './dStar';
export { fUpperTail } from './fDistribution';
export { acceptanceOf, distinctCategories } from './acceptance';
export { attributeAgreement } from './attributeAgreement';
export type {
	AttributeAgreementInput,
	AttributeAgreementResult,
	AgreementCount,
	AppraiserAgreement,
	PairAgreement,
} from './attributeAgreement';
export type { AttributeAssessment } from './attributeDesign';
export { fleissKappa, cohenKappa } from './kappa';
export type { KappaStat, FleissKappa } from './kappa';
export { clopperPearson } from './confidence';
export type { Interval } from './confidence';
export { MsaInputError } from './errors';
export type { MsaIssue } from './errors';
export { gageChartSpec } from './gageChart';
export type { GageChartOptions } from './gageChart';
export { gageHtml } from './gageHtml';
export type { GageHtmlOptions } from './gageHtml';
export type {
	Measurement,
	GageMethod,
	FDenominator,
	GageRRInput,
	GageRRResult,
	GageComponents,
	VarianceComponent,
	AnovaRow,
	Acceptance,
	GageCell,
	AverageRangeDetails,
} from './types';
