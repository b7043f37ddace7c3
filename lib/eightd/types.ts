/**
 * The 8D record (Ford Global 8D) as plain JSON: the shape `schema/eightd-report.schema.json`
 * publishes. Fields are optional where a report in progress may not have them yet; the gate rules,
 * not the types, decide what a discipline needs before the report may leave it.
 */

/** The nine disciplines, D0 (prepare, emergency response) to D8 (closure, recognition). */
export type Discipline = 'D0' | 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8';

/** Where an advance may go: the next discipline(s), or `closed` once D8 is done. */
export type EightDTarget = Exclude<Discipline, 'D0'> | 'closed';

/** Languages the gate can explain itself in. */
export type EightDLanguage = 'en' | 'zh';

/** A verification or validation: who checked, when, with what result, citing evidence ids. */
export interface EightDVerification {
	result: string;
	by: string;
	at: string;
	method?: string;
	data?: string;
	evidence?: string[];
}

/** D0: the symptom, the emergency response decision, the complaint it came from. */
export interface EightDD0 {
	symptom?: string;
	emergencyResponse?: { needed: boolean; actions?: string[] };
	complaint?: {
		text: string;
		category?: string;
		severity?: 'critical' | 'major' | 'minor';
		keywords?: { term: string; category?: string; start?: number; end?: number }[];
		language?: 'zh' | 'en' | 'mixed';
		confidence?: number;
		customer?: string;
		receivedAt?: string;
	};
}

/** A D1 team member; `role` is `champion`, `leader`, `member`, `expert` or a site-specific role. */
export interface EightDTeamMember {
	name: string;
	role: string;
	department?: string;
	email?: string;
}

/** One is/is-not row (Kepner-Tregoe): dimension `what`, `where`, `when` or `extent`. */
export interface EightDIsIsNotRow {
	dimension: string;
	is: string;
	isNot: string;
	difference?: string;
}

/** D2 problem description: statement, 5W2H, is/is-not. */
export interface EightDD2 {
	problemStatement?: string;
	fiveW2H?: Partial<Record<'who' | 'what' | 'where' | 'when' | 'why' | 'how' | 'howMany', string>>;
	isIsNot?: EightDIsIsNotRow[];
}

/** Where contained product sits. */
export type ContainmentScope =
	| 'customer-stock'
	| 'in-transit'
	| 'finished-goods'
	| 'wip'
	| 'supplier'
	| 'other';

/** A D3 interim containment action. `removedAt` marks it lifted once the permanent fix works. */
export interface EightDContainmentAction {
	id: string;
	description: string;
	scope?: ContainmentScope;
	owner?: string;
	implementedAt?: string;
	quantities?: { sorted?: number; suspect?: number; rejected?: number; reworked?: number };
	verification?: EightDVerification;
	removedAt?: string;
}

/** Contained quantities at one location (D3): how many were suspect, sorted and rejected there. */
export interface EightDContainmentQuantities {
	location: ContainmentScope;
	suspect?: number;
	sorted?: number;
	rejected?: number;
}

/** D3 interim containment: the actions and the quantities per location. */
export interface EightDD3 {
	actions?: EightDContainmentAction[];
	/** Suspect, sorted and rejected per location (at the customer, in transit, in stock, WIP ...). */
	quantities?: EightDContainmentQuantities[];
}

/** Ishikawa 6M categories. */
export type SixM = 'man' | 'machine' | 'method' | 'material' | 'measurement' | 'environment';

/** A D4 root cause: why it occurred (`occurrence`) or why it escaped detection (`escape`). */
export interface EightDRootCause {
	id: string;
	type: 'occurrence' | 'escape';
	description: string;
	category?: SixM;
	fiveWhy?: string[];
	escapePoint?: string;
	verification?: EightDVerification;
}

/** D4 root cause analysis. */
export interface EightDD4 {
	rootCauses?: EightDRootCause[];
	ishikawa?: Partial<Record<SixM, string[]>>;
}

/** A D5 permanent corrective action, chosen and verified. */
export interface EightDCorrectiveAction {
	id: string;
	description: string;
	addresses?: 'occurrence' | 'escape';
	rootCause?: string;
	owner?: string;
	dueAt?: string;
	verification?: EightDVerification;
}

/** A D6 implementation of a D5 action (`actionId`), with its validation. */
export interface EightDImplementation {
	actionId: string;
	implementedAt?: string;
	validation?: EightDVerification;
}

/** One measurement of a characteristic: when it was taken and its value. */
export interface EightDMeasurement {
	at: string;
	value: number;
}

/**
 * D6 effectiveness proven by SPC: the characteristic the fix acts on, the fix date, the
 * specification, and measurements (individuals, in any order) before and after the fix.
 */
export interface EightDSpcProof {
	characteristic: string;
	/** When the fix took effect; default: the latest D6 implementation date. */
	fixedAt?: string;
	lsl?: number;
	usl?: number;
	target?: number;
	unit?: string;
	measurements?: EightDMeasurement[];
}

/** D6: implementations of the D5 actions with their validation, or the SPC proof. */
export interface EightDD6 {
	actions?: EightDImplementation[];
	spc?: EightDSpcProof;
}

/** A PFMEA row as revised in D7 (severity, occurrence, detection after the action). */
export interface EightDFmeaRow {
	id: string;
	failureMode: string;
	cause?: string;
	severity?: number;
	occurrence?: number;
	detection?: number;
	action?: string;
}

/** A D7 document update (PFMEA, DFMEA, control plan, work instruction ...). */
export interface EightDDocumentUpdate {
	type: string;
	id: string;
	revision?: string;
	updatedAt?: string;
}

/** D8 closure: the customer's acceptance and the recognition of the team. */
export interface EightDD8 {
	customerAcceptance?: { accepted: boolean; by?: string; at?: string; reference?: string };
	recognition?: string;
	summary?: string;
}

/** The content of each discipline. */
export interface EightDDisciplines {
	D0?: EightDD0;
	D1?: { team?: EightDTeamMember[] };
	D2?: EightDD2;
	D3?: EightDD3;
	D4?: EightDD4;
	D5?: { actions?: EightDCorrectiveAction[] };
	D6?: EightDD6;
	D7?: {
		documents?: EightDDocumentUpdate[];
		/** The PFMEA rows changed by the permanent actions. */
		fmea?: EightDFmeaRow[];
		lessonsLearned?: string;
		horizontalDeployment?: string[];
	};
	D8?: EightDD8;
}

/** A sign-off on a discipline. */
export interface EightDApproval {
	discipline: Discipline;
	role: string;
	name: string;
	at: string;
}

/** An attached file or record backing a discipline. */
export interface EightDEvidence {
	id: string;
	discipline: Discipline;
	kind: string;
	name: string;
	uri?: string;
	sha256?: string;
	addedAt?: string;
}

/** What a history entry records. */
export type EightDAction = 'open' | 'advance' | 'skip' | 'reopen' | 'regate';

/** One append-only history entry; `hash` chains it to the entry before (`prevHash`). */
export interface EightDHistoryEntry {
	seq: number;
	at: string;
	actor: string;
	action: EightDAction;
	from: Discipline | 'closed' | null;
	to: Discipline | 'closed';
	decision: 'opened' | 'allowed' | 'skipped' | 'reopened' | 'passed' | 'failed';
	reasons: string[];
	ruleSet?: string;
	/** On skip and re-gate entries: the discipline skipped, or the last one re-gated. */
	discipline?: Discipline;
	/** On the `open` entry: the identity and deadlines the chain vouches for. */
	reportId?: string;
	openedAt?: string;
	deadlines?: Partial<Record<Discipline, string>>;
	prevHash: string;
	hash: string;
}

/** A skipped discipline: explicit, with a reason. */
export interface EightDSkip {
	by: string;
	at: string;
	reason: string;
}

/** The 8D record. */
export interface EightDReport {
	id: string;
	title?: string;
	customer?: string;
	/** Part number (and name) the complaint is about. */
	part?: string;
	/** Lot or batch numbers concerned. */
	lot?: string;
	openedAt: string;
	stage: Discipline;
	status?: 'open' | 'closed';
	closedAt?: string;
	ruleSet?: string;
	profile?: string;
	/** Due date per discipline (ISO with offset); computed from the profile when opened. */
	deadlines?: Partial<Record<Discipline, string>>;
	/** When the report moved past each discipline (D8: when it closed). */
	completedAt?: Partial<Record<Discipline, string>>;
	owner?: string;
	disciplines: EightDDisciplines;
	approvals?: EightDApproval[];
	evidence?: EightDEvidence[];
	skipped?: Partial<Record<Discipline, EightDSkip>>;
	history?: EightDHistoryEntry[];
}
