import type { CompiledLexicon, Entry } from './compile';
import { assignWords, UnitKind, type Unit } from './tokenize';
import type { KeywordHit, Severity } from './types';

/** A literal found in the unit stream (inclusive unit indices). */
interface Match {
	first: number;
	last: number;
	entry: Entry;
	fuzzy?: boolean;
}

/** Evidence gathered from one text. */
export interface Evidence {
	/** Evidence score per category id (only categories with evidence). */
	scores: Map<string, number>;
	keywords: KeywordHit[];
	negated: KeywordHit[];
	/** Severity words not negated; severity.ts decides the severity from them and the hazards. */
	severityTerms: { term: string; severity: Severity; start: number; end: number }[];
	/** Identifier labels found: where the value may start. */
	labels: { kind: string; start: number; end: number }[];
	/** Units of negated evidence (1 = negated), so a learned model does not read them as evidence either. */
	negatedUnits: number[];
}

/** A typo match counts less than an exact one. */
const FUZZY_FACTOR = 0.6;
/** Characters segmented around a Chinese cue: enough for the widest scope (3 words) either side. */
const SEGMENT_BEFORE = 10;
const SEGMENT_AFTER = 10;
/** Literals longer than this (in units) are not looked for around a cue. */
const MAX_LITERAL_UNITS = 16;
/** After a negated item, coordinated items ("no scratches or dents") stay negated this many words on. */
const CHAIN_SCOPE = 2;

/**
 * Matches the compiled lexicon on the unit stream and turns matches into evidence: negated
 * terms are dropped (and reported), intensifiers multiply the weight of what follows,
 * repeated evidence adds up, severity words are collected for severity.ts.
 *
 * @example
 * const e = collectEvidence('没有划痕，外箱压坏', toUnits('没有划痕，外箱压坏'), compiled, true);
 * e.keywords.map((k) => k.term) // ['外箱', '压坏']
 * e.negated.map((k) => k.term)  // ['划痕']
 */
export function collectEvidence(
	text: string,
	units: Unit[],
	compiled: CompiledLexicon,
	fuzzy: boolean,
	keys: readonly string[] = units.map((u) => u.key),
): Evidence {
	const raw: Match[] = [];
	compiled.automaton.scan(keys, (first, last, entry) => raw.push({ first, last, entry }));
	if (fuzzy) addFuzzy(units, raw, compiled);

	const byType = new Map<Entry['type'], Match[]>();
	for (const m of raw) {
		const list = byType.get(m.entry.type);
		if (list) list.push(m);
		else byType.set(m.entry.type, [m]);
	}
	const of = (type: Entry['type']): Match[] => byType.get(type) ?? [];
	const categories = longestLeftmost(of('category'));
	// A literal inside a longer one is part of it: a cue in "no response" / "无法" / "not only", a
	// safety word in "shock indicator" / "safety data sheet".
	const longestFrom = filled(units.length, -1);
	const categoryFrom = filled(units.length, -1);
	for (const m of raw) {
		if (
			m.entry.type !== 'negation' &&
			m.entry.type !== 'negationAfter' &&
			m.last > longestFrom[m.first]
		)
			longestFrom[m.first] = m.last;
	}
	for (const m of categories) if (m.last > categoryFrom[m.first]) categoryFrom[m.first] = m.last;
	const insideLonger = (from: number[], m: Match): boolean => {
		for (let s = m.first; s >= 0 && s > m.first - MAX_LITERAL_UNITS; s--) {
			if (from[s] >= m.last && from[s] - s > m.last - m.first) return true;
		}
		return false;
	};
	const severities = longestLeftmost(of('severity').filter((m) => !insideLonger(categoryFrom, m)));
	const cues = longestLeftmost(of('negation').filter((m) => !insideLonger(longestFrom, m)));
	const afterCues = longestLeftmost(
		of('negationAfter').filter((m) => !insideLonger(longestFrom, m)),
	);
	const intensifiers = of('intensity');
	const breaks = of('break');

	// Word distances in Chinese need the segmenter, but only where characters alone cannot decide:
	// a word holds at least one character, so evidence within `scope` characters of its cue is in
	// scope anyway; the segmenter runs only around cues whose nearest evidence in the clause is
	// further away (but within reach).
	const startsHere = filled(units.length, 0);
	const endsHere = filled(units.length, 0);
	for (const m of [...categories, ...severities]) startsHere[m.first] = endsHere[m.last] = 1;
	const segment = filled(units.length, 0);
	let segmenting = false;
	for (const m of [...cues, ...afterCues, ...intensifiers]) {
		if (units[m.first].kind !== UnitKind.Han) continue;
		const from = Math.max(0, m.first - SEGMENT_BEFORE);
		const to = Math.min(units.length - 1, m.last + SEGMENT_AFTER);
		const scope =
			m.entry.type === 'intensity'
				? compiled.intensityWindow - 1
				: m.entry.type === 'negation' || m.entry.type === 'negationAfter'
					? m.entry.scope
					: 0;
		let gap = -1;
		if (m.entry.type === 'negationAfter') {
			for (let k = m.first - 1; k >= from && gap < 0 && units[k].kind !== UnitKind.Break; k--)
				if (endsHere[k]) gap = m.first - 1 - k;
		} else {
			for (let k = m.last + 1; k <= to && gap < 0 && units[k].kind !== UnitKind.Break; k++)
				if (startsHere[k]) gap = k - m.last - 1;
		}
		if (gap <= scope) continue;
		segmenting = true;
		for (let k = from; k <= to; k++) segment[k] = 1;
	}
	assignWords(units, text, segmenting ? segment : undefined);

	// Matches bucketed by their first unit (a linked list per unit: no sorting, no array per unit).
	const events = [...breaks, ...cues, ...afterCues, ...intensifiers, ...categories, ...severities];
	const head = filled(units.length, -1);
	const link = filled(events.length, -1);
	for (let e = events.length - 1; e >= 0; e--) {
		link[e] = head[events[e].first];
		head[events[e].first] = e;
	}

	const negatedSet = new Set<Match>();
	const factorOf = new Map<Match, number>();
	let scopeLimit = -1; // last word a negation still reaches; -1 when none is active
	let pendingComma = false;
	let boost: { word: number; factor: number } | undefined;
	let clause: Match[] = [];
	for (let i = 0; i < units.length; i++) {
		const unit = units[i];
		if (unit.kind === UnitKind.Break) {
			scopeLimit = -1;
			pendingComma = false;
			boost = undefined;
			clause = [];
			continue;
		}
		if (unit.kind === UnitKind.Comma) {
			if (scopeLimit >= 0) pendingComma = true;
			continue;
		}
		const here: Match[] = [];
		const evidence: Match[] = [];
		let breaksHere = false;
		for (let e = head[i]; e >= 0; e = link[e]) {
			const m = events[e];
			here.push(m);
			if (m.entry.type === 'category' || m.entry.type === 'severity') evidence.push(m);
			else if (m.entry.type === 'break') breaksHere = true;
		}
		if (breaksHere) {
			scopeLimit = -1;
			boost = undefined;
			clause = [];
		}
		// After a comma the negation goes on only through a list of further evidence.
		if (pendingComma && evidence.length === 0) scopeLimit = -1;
		pendingComma = false;
		for (const m of evidence) {
			clause.push(m);
			if (scopeLimit >= 0 && units[m.first].word <= scopeLimit) {
				negatedSet.add(m);
				scopeLimit = Math.max(scopeLimit, units[m.last].word + CHAIN_SCOPE);
				continue;
			}
			if (boost && units[m.first].word - boost.word - 1 < compiled.intensityWindow)
				factorOf.set(m, boost.factor);
		}
		for (const m of here) {
			if (m.entry.type === 'negation') scopeLimit = units[m.last].word + 1 + m.entry.scope;
			else if (m.entry.type === 'negationAfter') {
				const from = units[m.first].word - 1 - m.entry.scope;
				for (const e of clause) if (units[e.last].word >= from) negatedSet.add(e);
			} else if (m.entry.type === 'intensity')
				boost = { word: units[m.last].word, factor: Math.max(m.entry.factor, boost?.factor ?? 1) };
		}
	}

	const scores = new Map<string, number>();
	const keywords: KeywordHit[] = [];
	const negated: KeywordHit[] = [];
	const negatedUnits = filled(units.length, 0);
	for (const m of categories) {
		if (m.entry.type !== 'category') continue;
		const hit: KeywordHit = {
			term: m.entry.term,
			category: m.entry.category,
			start: units[m.first].start,
			end: units[m.last].end,
		};
		// "No certificate" is evidence of a documentation problem, "no scratches" is not evidence.
		if (negatedSet.has(m) && !m.entry.absence) {
			negated.push(hit);
			for (let k = m.first; k <= m.last; k++) negatedUnits[k] = 1;
			continue;
		}
		const weight = m.entry.weight * (factorOf.get(m) ?? 1) * (m.fuzzy ? FUZZY_FACTOR : 1);
		hit.weight = round(weight);
		if (m.fuzzy) hit.fuzzy = true;
		keywords.push(hit);
		scores.set(m.entry.category, (scores.get(m.entry.category) ?? 0) + weight);
	}

	const severityTerms: Evidence['severityTerms'] = [];
	for (const m of severities) {
		if (m.entry.type !== 'severity' || negatedSet.has(m)) continue;
		severityTerms.push({
			term: m.entry.term,
			severity: m.entry.severity,
			start: units[m.first].start,
			end: units[m.last].end,
		});
	}

	const labels = longestLeftmost(of('label')).map((m) => ({
		kind: m.entry.type === 'label' ? m.entry.kind : '',
		start: units[m.first].start,
		end: units[m.last].end,
	}));
	return { scores, keywords, negated, severityTerms, labels, negatedUnits };
}

/** Typo matches for English words that no exact literal covers. */
function addFuzzy(units: Unit[], raw: Match[], compiled: CompiledLexicon): void {
	const covered = filled(units.length, 0);
	for (const m of raw) for (let i = m.first; i <= m.last; i++) covered[i] = 1;
	for (let i = 0; i < units.length; i++) {
		if (covered[i] || units[i].kind !== UnitKind.Word) continue;
		const found = compiled.fuzzy.lookup(units[i].key);
		if (found)
			for (const entry of found.payloads) raw.push({ first: i, last: i, entry, fuzzy: true });
	}
}

/**
 * Keeps leftmost-longest non-overlapping matches ("deep scratch" over "scratch"); matches with
 * exactly the kept span stay too (one literal in two categories).
 */
function longestLeftmost(matches: Match[]): Match[] {
	matches.sort((a, b) => a.first - b.first || b.last - a.last);
	const kept: Match[] = [];
	let end = -1;
	let span: Match | undefined;
	for (const m of matches) {
		if (span && m.first === span.first && m.last === span.last) kept.push(m);
		else if (m.first > end) {
			kept.push(m);
			span = m;
			end = m.last;
		}
	}
	return kept;
}

/** A small plain array: cheaper to allocate than a typed array for a few hundred entries. */
function filled(length: number, value: number): number[] {
	const out = new Array<number>(length);
	for (let i = 0; i < length; i++) out[i] = value;
	return out;
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}
