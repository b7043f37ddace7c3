/** Public shapes of the FMEA engine (see docs/CONTRACT.md, FMEA). */

/** Action Priority of the AIAG-VDA FMEA Handbook (2019): high, medium, low. */
export type ActionPriority = 'H' | 'M' | 'L';

/** Which worksheet a row belongs to; the rating scales differ, the AP table does not. */
export type FmeaType = 'DFMEA' | 'PFMEA';

/** A recommended or taken action; revised ratings are the ones expected once it is done. */
export interface FmeaAction {
	description?: string;
	owner?: string;
	dueAt?: string;
	status?: string;
	/** Revised severity, occurrence, detection after the action (1..10); omitted ones stay. */
	severity?: number;
	occurrence?: number;
	detection?: number;
	[field: string]: unknown;
}

/** One FMEA worksheet row; fields beyond these are kept as they are. */
export interface FmeaRow {
	id: string | number;
	failureMode: string;
	effect?: string;
	severity: number;
	cause?: string;
	occurrence: number;
	detection: number;
	type?: FmeaType;
	/** Item, component or process step the row belongs to. */
	item?: string;
	processStep?: string;
	function?: string;
	preventionControls?: string;
	detectionControls?: string;
	actions?: FmeaAction[];
	[field: string]: unknown;
}

/** Severity, occurrence and detection with the RPN and AP they give. */
export interface RatedState {
	severity: number;
	occurrence: number;
	detection: number;
	rpn: number;
	ap: ActionPriority;
}

/** A row after analysis: the contract fields, plus the state after its actions when they revise ratings. */
export type AnalyzedRow = FmeaRow & {
	rpn: number;
	ap: ActionPriority;
	/** 1 = most urgent (AP, then S, O, D, RPN, all descending). */
	rank: number;
	actionRequired: boolean;
	/** Why actionRequired is true: `ap` (AP at or above actionAt), `severity` (S >= 9 with O >= 2). */
	actionReasons: ('ap' | 'severity')[];
	/** Ratings once every action with revised ratings is done (later actions win per rating). */
	revised?: RatedState;
};

/** Options of analyzeFmea. */
export interface AnalyzeOptions {
	/** Lowest AP that requires action (default 'M': H and M require action). */
	actionAt?: 'H' | 'M';
}

/** Counts over the analyzed rows. */
export interface FmeaSummary {
	rows: number;
	high: number;
	medium: number;
	low: number;
	actionRequired: number;
	/** AP counts once the actions' revised ratings apply (rows without revisions count as they are). */
	revised: { high: number; medium: number; low: number };
}

/** Result of analyzeFmea. */
export interface FmeaAnalysis {
	/** In rank order. */
	rows: AnalyzedRow[];
	summary: FmeaSummary;
}
