import type { Severity } from '../complaints';
import { analyzeFmea, ratedState } from './analyze';
import { FmeaInputError } from './errors';
import { compareUrgency } from './rank';
import { requireRating } from './rating';
import { compileConcepts, defaultConcepts, textTerms, type CompiledConcepts } from './features';
import {
	DEFAULT_OCCURRENCE_SCALE,
	impliedOccurrence,
	validateOccurrenceScale,
	type OccurrenceScale,
} from './occurrenceScale';
import { CATEGORY_CONCEPTS, FAILURE_CONCEPTS, HAZARD_CONCEPTS, type FailureConcept } from './terms';
import type { AnalyzeOptions, AnalyzedRow, RatedState } from './types';

/** A complaint as classifyComplaint leaves it (its fields, plus the text and an id if known). */
export interface FmeaComplaint {
	id?: string | number;
	text?: string;
	category?: string;
	severity?: Severity;
	keywords?: { term: string }[];
	hazards?: { class: string; term: string; harm?: string }[];
	/** Negated evidence ("no scratches"): its span of the text does not count. */
	negated?: { start: number; end: number }[];
	[field: string]: unknown;
}

/** Lowest severity rating each complaint severity implies (a range up to 10). */
export type SeverityFloor = Record<Severity, number>;

/**
 * Default: critical (a hazard or harm) is S 9-10, safety or regulation in the AIAG-VDA scales;
 * major (functional loss, a line stop) is at least S 7, loss or degradation of a primary
 * function; minor is at least S 2, since the customer noticed it (S 1 is "no discernible effect").
 */
export const DEFAULT_SEVERITY_FLOOR: SeverityFloor = { critical: 9, major: 7, minor: 2 };

/** Options of matchComplaints. */
export interface MatchOptions extends AnalyzeOptions {
	/** Lowest score (0..1) for a row to match (default 0.3, chosen on the labelled set of tests/fixtures/fmea). */
	minScore?: number;
	/** Most matches listed per complaint (default 3). */
	maxMatches?: number;
	severityFloor?: SeverityFloor;
	/** Occurrence check over the complaints of the period (one call = one period). */
	occurrence?: {
		/** Units shipped in the period: one number, or per row id or row item. */
		unitsShipped?: number | Record<string, number>;
		/** Default DEFAULT_OCCURRENCE_SCALE (complaints per million units shipped). */
		scale?: OccurrenceScale;
		/** Label of the period for explanations, e.g. "2026-W48". */
		period?: string;
	};
	/** Extra concepts, added to the built-in bilingual lexicon. */
	concepts?: FailureConcept[];
}

/** How well one row matches one complaint. */
export interface RowMatch {
	rowId: string | number;
	/** 0..1: coverage of the row's failure mode, effect and cause terms by the complaint. */
	score: number;
	/** Coverage of each field that has terms. */
	fields: { failureMode: number; effect?: number; cause?: number; context?: number };
	/** Terms both share (`c:` concepts of the lexicon, `w:` words). */
	terms: string[];
}

/** The result for one complaint. */
export interface ComplaintMatch {
	index: number;
	id?: string | number;
	/** Best first; empty when the complaint is a new failure mode. */
	matches: RowMatch[];
	/** The row the complaint is counted for (the best match). */
	rowId?: string | number;
	newFailureMode: boolean;
	/** The complaint's severity implies a higher S than the matched row has. */
	severityAboveRating: boolean;
}

/** Why a row looks underrated, with the evidence. */
export interface RowReview {
	row: AnalyzedRow;
	/** Indices of the complaints counted for this row. */
	complaints: number[];
	count: number;
	severityAboveRating?: {
		complaintSeverity: Severity;
		impliedSeverity: { from: number; to: number };
		ratedSeverity: number;
		complaints: number[];
	};
	occurrenceAboveRating?: {
		count: number;
		unitsShipped?: number;
		rate: number;
		unit: string;
		period?: string;
		impliedOccurrence: number;
		ratedOccurrence: number;
	};
	/** The row's ratings with the implied S and O where those are higher, and their AP. */
	suggested?: RatedState;
	underrated: boolean;
}

/** Result of matchComplaints. */
export interface ComplaintMatchResult {
	complaints: ComplaintMatch[];
	/** Rows with at least one complaint counted: underrated first, then by urgency of the suggested ratings. */
	rows: RowReview[];
	/** Indices of complaints that match no row. */
	newFailureModes: number[];
	summary: {
		complaints: number;
		matched: number;
		newFailureModes: number;
		rowsHit: number;
		underrated: number;
	};
}

/**
 * A customer describes either the failure mode or its effect, so the better of the two counts
 * most, the other less, the cause least (customers rarely know it).
 */
const FIELD_WEIGHTS = { either: 0.45, both: 0.35, cause: 0.2 } as const;
const MATCH_FIELDS = ['failureMode', 'effect', 'cause'] as const;
type MatchField = (typeof MATCH_FIELDS)[number];
/**
 * A row whose item, process step or function the complaint names less than the best-named row
 * keeps this share of its score at the least: the failure, not the product, decides.
 */
const CONTEXT_FLOOR = 0.75;
const SEVERITIES: readonly Severity[] = ['critical', 'major', 'minor'];

interface RowTerms {
	row: AnalyzedRow;
	fields: Partial<Record<MatchField, Set<string>>>;
	context?: Set<string>;
}

function complaintTerms(complaint: FmeaComplaint, concepts: CompiledConcepts): Set<string> {
	const terms = new Set<string>();
	const add = (set: Set<string>) => set.forEach((t) => terms.add(t));
	if (typeof complaint.text === 'string') {
		let text = complaint.text;
		// blank out negated evidence, keeping offsets
		for (const n of complaint.negated ?? [])
			if (n.end > n.start)
				text = text.slice(0, n.start) + ' '.repeat(n.end - n.start) + text.slice(n.end);
		add(textTerms(text, concepts));
	}
	for (const k of complaint.keywords ?? [])
		if (typeof k?.term === 'string') add(textTerms(k.term, concepts));
	for (const h of complaint.hazards ?? []) {
		if (typeof h?.term === 'string') add(textTerms(h.term, concepts));
		for (const id of HAZARD_CONCEPTS[h?.class] ?? []) terms.add(`c:${id}`);
	}
	for (const id of CATEGORY_CONCEPTS[complaint.category ?? ''] ?? []) terms.add(`c:${id}`);
	return terms;
}

/**
 * Checks one classified complaint for matching; throws FmeaInputError naming the complaint
 * (`index`) and the field: a severity other than critical/major/minor, lists that are not
 * lists, or neither text nor evidence to match on.
 *
 * @example
 * checkComplaint({ text: 'Housing cracked', severity: 'urgent' }, 4); // throws: complaint 4, severity: ...
 */
export function checkComplaint(raw: unknown, index: number): FmeaComplaint {
	const subject = 'complaint';
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		throw new FmeaInputError({ field: 'complaint', reason: 'must be an object', index, subject });
	const c = { ...raw } as FmeaComplaint;
	// Data Tables and spreadsheets hold an empty cell as '' or null: no severity given
	if ((c.severity as unknown) === '' || c.severity === null) delete c.severity;
	if (c.severity !== undefined && !SEVERITIES.includes(c.severity))
		throw new FmeaInputError({
			field: 'severity',
			reason: `must be critical, major or minor, got ${JSON.stringify(c.severity)}`,
			index,
			subject,
		});
	for (const field of ['keywords', 'hazards', 'negated'] as const)
		if (c[field] !== undefined && !Array.isArray(c[field]))
			throw new FmeaInputError({ field, reason: 'must be a list', index, subject });
	if (c.text !== undefined && typeof c.text !== 'string')
		throw new FmeaInputError({ field: 'text', reason: 'must be text', index, subject });
	if (!c.text && !c.keywords?.length && !c.hazards?.length)
		throw new FmeaInputError({
			field: 'text',
			reason: 'is missing (and no keywords or hazards to match on)',
			index,
			subject,
		});
	return c;
}

function unitsFor(row: AnalyzedRow, units: number | Record<string, number> | undefined) {
	if (typeof units === 'number') return units;
	if (!units) return undefined;
	return units[String(row.id)] ?? (typeof row.item === 'string' ? units[row.item] : undefined);
}

/**
 * Matches classified complaints with FMEA rows by the terms they share: concepts of a
 * bilingual failure lexicon (so Chinese complaints meet English rows and the reverse) and
 * words, weighted by how rare they are among the rows (inverse document frequency). A row's
 * score is the coverage of its terms by the complaint's text (negated evidence removed),
 * evidence terms, hazards and category: the better of failure mode and effect counts 0.45, the
 * other 0.35, the cause 0.2; rows whose item, process step or function the complaint names less
 * than the best-named row's keep from 75% of it. A row matches from `minScore` when its
 * failure mode or effect shares a term.
 *
 * Each complaint is counted for its best row. Flags per row: "severity above the row's S" when
 * a counted complaint's severity implies a higher S (critical: 9-10), "occurrence above the
 * row's O" when the complaints of the period, per units shipped, reach a higher band of the
 * occurrence scale. A complaint matching no row is a new failure mode.
 *
 * @example
 * const result = matchComplaints(
 *   [{ text: '端子退针，插头接触不良', ...classifyComplaint('端子退针，插头接触不良') }],
 *   [{ id: 'C-30', failureMode: 'Terminal not fully seated, backs out', effect: 'Intermittent contact', severity: 7, occurrence: 3, detection: 5 }],
 * );
 * result.complaints[0].rowId; // 'C-30'
 */
export function matchComplaints(
	complaints: readonly unknown[],
	rows: readonly unknown[],
	options: MatchOptions = {},
): ComplaintMatchResult {
	if (!Array.isArray(complaints))
		throw new FmeaInputError({ field: 'complaints', reason: 'must be a list' });
	const minScore = options.minScore ?? 0.3;
	const maxMatches = options.maxMatches ?? 3;
	const floor = options.severityFloor ?? DEFAULT_SEVERITY_FLOOR;
	for (const severity of SEVERITIES) requireRating(`severityFloor.${severity}`, floor[severity]);
	const scale = validateOccurrenceScale(options.occurrence?.scale ?? DEFAULT_OCCURRENCE_SCALE);
	const concepts = options.concepts?.length
		? compileConcepts([...FAILURE_CONCEPTS, ...options.concepts])
		: defaultConcepts();
	const analysis = analyzeFmea(rows, options);
	const rowTerms: RowTerms[] = analysis.rows.map((row) => {
		const fields: RowTerms['fields'] = {};
		for (const field of MATCH_FIELDS) {
			const text = row[field];
			if (typeof text === 'string' && text.trim()) fields[field] = textTerms(text, concepts);
		}
		const context = [row.item, row.processStep, row.function].filter(
			(t): t is string => typeof t === 'string' && t.trim() !== '',
		);
		return {
			row,
			fields,
			...(context.length ? { context: textTerms(context.join('. '), concepts) } : {}),
		};
	});
	// inverse document frequency over the rows: a term every row has does not tell them apart
	const df = new Map<string, number>();
	for (const r of rowTerms) {
		const all = new Set([...Object.values(r.fields).flatMap((s) => [...s]), ...(r.context ?? [])]);
		for (const t of all) df.set(t, (df.get(t) ?? 0) + 1);
	}
	const idf = (t: string) => Math.log(1 + rowTerms.length / (df.get(t) ?? 1));
	const coverage = (terms: Set<string>, evidence: Set<string>, shared: Set<string>) => {
		let total = 0;
		let hit = 0;
		for (const t of terms) {
			total += idf(t);
			if (evidence.has(t)) {
				hit += idf(t);
				shared.add(t);
			}
		}
		return total > 0 ? hit / total : 0;
	};

	const results: ComplaintMatch[] = complaints.map((raw, index) => {
		const complaint = checkComplaint(raw, index);
		const evidence = complaintTerms(complaint, concepts);
		const candidates: RowMatch[] = [];
		for (const r of rowTerms) {
			const shared = new Set<string>();
			const fields: RowMatch['fields'] = { failureMode: 0 };
			for (const field of MATCH_FIELDS) {
				const terms = r.fields[field];
				if (terms?.size) fields[field] = coverage(terms, evidence, shared);
			}
			const mode = fields.failureMode;
			const effect = fields.effect ?? 0;
			if (!(mode > 0 || effect > 0)) continue;
			const score =
				FIELD_WEIGHTS.either * Math.max(mode, effect) +
				FIELD_WEIGHTS.both * Math.min(mode, effect) +
				FIELD_WEIGHTS.cause * (fields.cause ?? 0);
			if (r.context?.size) fields.context = coverage(r.context, evidence, shared);
			candidates.push({ rowId: r.row.id, score, fields, terms: [...shared].sort() });
		}
		// the item named best decides: rows of other items keep CONTEXT_FLOOR of their score
		const bestContext = Math.max(0, ...candidates.map((c) => c.fields.context ?? 0));
		const matches = candidates
			.map((c) => {
				const context = c.fields.context ?? 0;
				const factor =
					bestContext > 0 ? CONTEXT_FLOOR + ((1 - CONTEXT_FLOOR) * context) / bestContext : 1;
				return { ...c, score: Math.round(c.score * factor * 1000) / 1000 };
			})
			.filter((c) => c.score >= minScore);
		matches.sort((a, b) => b.score - a.score);
		const best = matches[0];
		const row = best ? rowTerms.find((r) => r.row.id === best.rowId)?.row : undefined;
		const severityAboveRating =
			!!row && complaint.severity !== undefined && floor[complaint.severity] > row.severity;
		return {
			index,
			...(complaint.id !== undefined ? { id: complaint.id } : {}),
			matches: matches.slice(0, maxMatches),
			...(best ? { rowId: best.rowId } : {}),
			newFailureMode: !best,
			severityAboveRating,
		};
	});

	const reviews: RowReview[] = [];
	for (const { row } of rowTerms) {
		const counted = results.filter((c) => c.rowId === row.id);
		if (!counted.length) continue;
		const review: RowReview = {
			row,
			complaints: counted.map((c) => c.index),
			count: counted.length,
			underrated: false,
		};
		const severe = counted.filter((c) => c.severityAboveRating);
		if (severe.length) {
			const worst = SEVERITIES.find((s) =>
				severe.some((c) => (complaints[c.index] as FmeaComplaint).severity === s),
			) as Severity;
			review.severityAboveRating = {
				complaintSeverity: worst,
				impliedSeverity: { from: floor[worst], to: 10 },
				ratedSeverity: row.severity,
				complaints: severe.map((c) => c.index),
			};
		}
		const units = unitsFor(row, options.occurrence?.unitsShipped);
		if (scale.per === null || units !== undefined) {
			if (scale.per !== null && !(typeof units === 'number' && units > 0))
				throw new FmeaInputError({
					field: 'occurrence.unitsShipped',
					reason: `must be a positive number for row ${JSON.stringify(String(row.id))}, got ${String(units)}`,
				});
			const rate =
				scale.per === null ? counted.length : (counted.length / (units as number)) * scale.per;
			const implied = impliedOccurrence(rate, scale);
			if (implied > row.occurrence)
				review.occurrenceAboveRating = {
					count: counted.length,
					...(units !== undefined ? { unitsShipped: units } : {}),
					rate,
					unit: scale.unit,
					...(options.occurrence?.period ? { period: options.occurrence.period } : {}),
					impliedOccurrence: implied,
					ratedOccurrence: row.occurrence,
				};
		}
		if (review.severityAboveRating || review.occurrenceAboveRating) {
			review.underrated = true;
			review.suggested = ratedState(
				Math.max(row.severity, review.severityAboveRating?.impliedSeverity.from ?? 0),
				Math.max(row.occurrence, review.occurrenceAboveRating?.impliedOccurrence ?? 0),
				row.detection,
			);
		}
		reviews.push(review);
	}
	// underrated rows first, then by the urgency their suggested (or current) ratings give
	reviews.sort(
		(a, b) =>
			Number(b.underrated) - Number(a.underrated) ||
			compareUrgency(a.suggested ?? a.row, b.suggested ?? b.row),
	);
	const newFailureModes = results.filter((c) => c.newFailureMode).map((c) => c.index);
	return {
		complaints: results,
		rows: reviews,
		newFailureModes,
		summary: {
			complaints: results.length,
			matched: results.length - newFailureModes.length,
			newFailureModes: newFailureModes.length,
			rowsHit: reviews.length,
			underrated: reviews.filter((r) => r.underrated).length,
		},
	};
}
