import { analyzeFmea, ratedState } from './analyze';
import { FmeaInputError } from './errors';
import { readRating } from './rating';
import type { AnalyzeOptions, AnalyzedRow, RatedState } from './types';

/**
 * Revised ratings for one FMEA row, e.g. from an 8D: D6 (corrective action verified) lowers O
 * or D, D7 (prevent recurrence) may also lower S by a design change. Omitted ratings stay.
 */
export interface FmeaRevision {
	/** Id of the FMEA row. */
	id: string | number;
	severity?: number;
	occurrence?: number;
	detection?: number;
	/** What was done, e.g. "Crimp height 100% monitored (CFM)". */
	action?: string;
	/** Where the revision comes from, e.g. an 8D case id and discipline. */
	reference?: string;
}

/** A row after revision: analyzed on its new ratings, with the state before and after. */
export type RevisedRow = AnalyzedRow & {
	before: RatedState;
	after: RatedState;
	/** True when a revision touched the row and changed at least one rating. */
	changed: boolean;
	/** The revisions applied, in order. */
	revisions: FmeaRevision[];
};

/** Result of reviseFmea. */
export interface FmeaRevisionResult {
	/** Every row, in rank order of the revised worksheet. */
	rows: RevisedRow[];
	summary: {
		rows: number;
		changed: number;
		before: { high: number; medium: number; low: number };
		after: { high: number; medium: number; low: number };
	};
}

const subject = 'revision';

/**
 * Checks one revision against the ids of the FMEA; throws FmeaInputError naming the revision
 * (`index`) and the field (an id naming no row, a rating outside 1..10).
 *
 * @example
 * checkRevision({ id: 'PF-10', occurrence: 2 }, 0, new Set(['PF-10'])); // { id: 'PF-10', occurrence: 2 }
 */
export function checkRevision(
	raw: unknown,
	index: number,
	known: ReadonlySet<string>,
): FmeaRevision {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		throw new FmeaInputError({ field: 'revision', reason: 'must be an object', index, subject });
	const r = raw as Record<string, unknown>;
	if (r.id === undefined || r.id === null || r.id === '')
		throw new FmeaInputError({ field: 'id', reason: 'is missing', index, subject });
	const rowId = String(r.id);
	if (!known.has(rowId))
		throw new FmeaInputError({
			field: 'id',
			reason: 'names no row of the FMEA',
			index,
			rowId,
			subject,
		});
	const revision: FmeaRevision = { ...r, id: r.id as string | number };
	for (const field of ['severity', 'occurrence', 'detection'] as const) {
		if (r[field] === undefined || r[field] === null || r[field] === '') delete revision[field];
		else revision[field] = readRating(r, field, index, rowId, field, subject);
	}
	return revision;
}

/**
 * Applies revised ratings to FMEA rows and shows each row's S, O, D, RPN and AP before and
 * after. Revisions apply in order (a later one wins per rating). Every row comes back, ranked
 * on its new ratings. Throws FmeaInputError for a bad row (index into `rows`) or a bad revision
 * (index into `revisions`, field `id` when it names no row).
 *
 * @example
 * const { rows } = reviseFmea(fmeaRows, [{ id: 'PF-10', occurrence: 2, detection: 3, reference: '8D-0042 D6' }]);
 * rows.find((r) => r.id === 'PF-10'); // before.ap 'H', after.ap 'L', changed true
 */
export function reviseFmea(
	rows: readonly unknown[],
	revisions: readonly unknown[],
	options: AnalyzeOptions = {},
): FmeaRevisionResult {
	const before = analyzeFmea(rows, options);
	if (!Array.isArray(revisions))
		throw new FmeaInputError({ field: 'revisions', reason: 'must be a list' });
	const known = new Set(before.rows.map((r) => String(r.id)));
	const byRow = new Map<string, FmeaRevision[]>();
	revisions.forEach((raw, index) => {
		const revision = checkRevision(raw, index, known);
		const list = byRow.get(String(revision.id)) ?? [];
		list.push(revision);
		byRow.set(String(revision.id), list);
	});
	const states = new Map<string, { before: RatedState; revisions: FmeaRevision[] }>();
	const updated = before.rows.map((row) => {
		// the analysis fields are recomputed on the revised ratings
		const plain: Record<string, unknown> = { ...row };
		for (const key of ['rank', 'rpn', 'ap', 'actionRequired', 'actionReasons']) delete plain[key];
		const applied = byRow.get(String(row.id)) ?? [];
		let { severity, occurrence, detection } = row;
		for (const r of applied) {
			severity = r.severity ?? severity;
			occurrence = r.occurrence ?? occurrence;
			detection = r.detection ?? detection;
		}
		states.set(String(row.id), {
			before: ratedState(row.severity, row.occurrence, row.detection),
			revisions: applied,
		});
		return { ...plain, severity, occurrence, detection };
	});
	const after = analyzeFmea(updated, options);
	const result: RevisedRow[] = after.rows.map((row) => {
		const { before: was, revisions: applied } = states.get(String(row.id)) as {
			before: RatedState;
			revisions: FmeaRevision[];
		};
		const now = ratedState(row.severity, row.occurrence, row.detection);
		const changed =
			was.severity !== now.severity ||
			was.occurrence !== now.occurrence ||
			was.detection !== now.detection;
		return { ...row, before: was, after: now, changed, revisions: applied };
	});
	const tally = (pick: (r: RevisedRow) => RatedState) => ({
		high: result.filter((r) => pick(r).ap === 'H').length,
		medium: result.filter((r) => pick(r).ap === 'M').length,
		low: result.filter((r) => pick(r).ap === 'L').length,
	});
	return {
		rows: result,
		summary: {
			rows: result.length,
			changed: result.filter((r) => r.changed).length,
			before: tally((r) => r.before),
			after: tally((r) => r.after),
		},
	};
}
