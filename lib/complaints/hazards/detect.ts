import { KeyAutomaton } from '../automaton';
import { termKeys } from '../compile';
import { UnitKind, type Unit } from '../tokenize';
import type { HazardClassSpec, HazardHit } from '../types';
import cues from './cues.json';

/** What a literal of the hazard vocabulary means. */
type HazardEntry =
	| {
			type: 'hazard';
			cls: number;
			kind: 'harm' | 'always' | 'term' | 'potential';
			guarded: boolean;
	  }
	| { type: 'part'; cls: number; combo: number; role: 'component' | 'failure' }
	| { type: 'notHazard' }
	| { type: 'context'; cls: number }
	| { type: 'cue'; cue: 'negation' | 'filler' | 'join' | 'hypothetical' | 'hypotheticalAfter' };

/** The hazard vocabulary of a deployment, compiled once. */
export interface CompiledHazards {
	/** Hazard terms, combination parts, look-alikes and context words. */
	automaton: KeyAutomaton<HazardEntry>;
	/** Scope cues: scanned only in texts that hold a hazard candidate (most complaints do not). */
	cues: KeyAutomaton<HazardEntry>;
	classes: { id: string; contextWindow: number; combos: { window: number }[] }[];
	/** Keys of the scene words (hazards/cues.json `scene`): no root-cause evidence of a hazard. */
	scene: ReadonlySet<string>;
}

/** A literal found in the unit stream (inclusive unit indices). */
interface Found {
	first: number;
	last: number;
	entry: HazardEntry;
}

/** Filler words allowed between a negation cue and the hazard it cancels ("no visible smoke"). */
const MAX_FILLERS = 3;
/** Words a hypothetical cue reaches forward in its clause ("could easily cause a fire"). */
const HYPOTHETICAL_SCOPE = 8;
/** Words a hypothetical cue after the hazard reaches back ("fire risk", "起火的风险"). */
const HYPOTHETICAL_AFTER_SCOPE = 2;
/** Default distance between a component and its failure. */
const DEFAULT_WINDOW = 6;
/** Numeric keys per class and combination (no class has this many combinations). */
const COMBOS_PER_CLASS = 1024;

/** Flags per unit. */
const NEGATION_ENDS = 1;
const FILLER = 2;
const JOIN = 4;
const HYPOTHETICAL_ENDS = 8;
const HYPOTHETICAL_AFTER_STARTS = 16;
const NEGATED_ENDS = 32;

/**
 * Compiles hazard classes and the scope cues (hazards/cues.json) into one automaton.
 *
 * @example
 * const compiled = compileHazards(resolveHazardClasses(undefined));
 */
export function compileHazards(classes: readonly HazardClassSpec[]): CompiledHazards {
	const automaton = new KeyAutomaton<HazardEntry>();
	const cueAutomaton = new KeyAutomaton<HazardEntry>();
	const add = (term: string, entry: HazardEntry, field: string): void => {
		const keys = termKeys(term);
		if (keys.length === 0)
			throw new Error(`${field}: term '${term}' has no letters or Chinese characters`);
		(entry.type === 'cue' ? cueAutomaton : automaton).add(keys, entry);
	};
	const compiled: CompiledHazards['classes'] = [];
	classes.forEach((spec, cls) => {
		const at = `hazards.${spec.id}`;
		const guardedKeys = new Set((spec.unlessAfter?.terms ?? []).map((t) => termKeys(t).join(' ')));
		for (const kind of ['harm', 'always', 'terms', 'potential'] as const) {
			for (const [lang, list] of Object.entries(spec[kind] ?? {})) {
				list.forEach((term, i) =>
					add(
						term,
						{
							type: 'hazard',
							cls,
							kind: kind === 'terms' ? 'term' : kind,
							guarded: guardedKeys.has(termKeys(term).join(' ')),
						},
						`${at}.${kind}.${lang}[${i}]`,
					),
				);
			}
		}
		(spec.combos ?? []).forEach((combo, c) => {
			for (const role of ['component', 'failure'] as const) {
				const list = role === 'component' ? combo.components : combo.failures;
				list.forEach((term, i) =>
					add(term, { type: 'part', cls, combo: c, role }, `${at}.combos[${c}].${role}s[${i}]`),
				);
			}
		});
		(spec.notHazard ?? []).forEach((term, i) =>
			add(term, { type: 'notHazard' }, `${at}.notHazard[${i}]`),
		);
		(spec.unlessAfter?.context ?? []).forEach((term, i) =>
			add(term, { type: 'context', cls }, `${at}.unlessAfter.context[${i}]`),
		);
		compiled.push({
			id: spec.id,
			contextWindow: spec.unlessAfter?.window ?? 0,
			combos: (spec.combos ?? []).map((c) => ({ window: c.window ?? DEFAULT_WINDOW })),
		});
	});
	for (const cue of ['negation', 'filler', 'join', 'hypothetical', 'hypotheticalAfter'] as const) {
		const lists = cues[cue === 'filler' ? 'fillers' : cue];
		for (const list of Object.values(lists))
			for (const term of list) add(term, { type: 'cue', cue }, `hazards/cues.json ${cue}`);
	}
	automaton.build();
	cueAutomaton.build();
	const scene = new Set(Object.values(cues.scene).flatMap((list) => list.map(sceneKey)));
	return { automaton, cues: cueAutomaton, classes: compiled, scene };
}

/**
 * Finds the hazards of a text: hazard terms and harm events, and components near one of their
 * failures in the same clause. Scope rules:
 * - a hazard is negated only by a cue right before it (at most three filler words between:
 *   "no visible smoke", "未起火", "没有出现冒烟"), or by a list that such a cue starts ("no smoke or
 *   fire"); a cue before another word does not reach it ("没断电被电到" stays a hazard);
 * - `always` harm events (crash, collision, accident, death) are never negated;
 * - a hypothetical cue before the hazard in its clause ("could", "可能", "差点") or right after it
 *   ("risk", "隐患") makes it `potential`, as do the `potential` terms themselves;
 * - look-alikes (`notHazard`: "smoke test", "shock absorber") and terms after a context word
 *   (`unlessAfter`: "the app crashes") are no hazard.
 * Offsets are into the original text.
 *
 * @example
 * const compiled = compileHazards(resolveHazardClasses(undefined));
 * detectHazards('用户拆机时没断电被电到', toUnits('用户拆机时没断电被电到'), compiled)
 * // [{ class: 'electrical', term: '被电', start: 8, end: 10, harm: 'actual' }, ...]
 */
export function detectHazards(
	text: string,
	units: Unit[],
	compiled: CompiledHazards,
	keys: readonly string[] = units.map((u) => u.key),
): HazardHit[] {
	const found: Found[] = [];
	compiled.automaton.scan(keys, (first, last, entry) => found.push({ first, last, entry }));
	const paired = pairedCombos(found);
	if (paired === undefined) return [];
	const n = units.length;
	// One flag byte per unit for every cue kind, set straight from the cue scan.
	const flags = new Uint8Array(n);
	const markCue = (first: number, last: number, entry: HazardEntry): void => {
		if (entry.type !== 'cue') return;
		if (entry.cue === 'negation') flags[last] |= NEGATION_ENDS;
		else if (entry.cue === 'hypothetical') flags[last] |= HYPOTHETICAL_ENDS;
		else if (entry.cue === 'hypotheticalAfter') flags[first] |= HYPOTHETICAL_AFTER_STARTS;
		else if (first === last) flags[first] |= entry.cue === 'filler' ? FILLER : JOIN;
	};
	// Cues matter only just before and after a candidate: scan those stretches, not the whole text.
	for (const [from, to] of cueWindows(found, n, paired))
		compiled.cues.scan(keys, markCue, from, to);
	const lookAlikes: Found[] = [];
	const contexts: Found[] = [];
	const hazards: Found[] = [];
	const parts: Found[] = [];
	for (const f of found) {
		const e = f.entry;
		if (e.type === 'hazard') hazards.push(f);
		else if (e.type === 'part') parts.push(f);
		else if (e.type === 'notHazard') lookAlikes.push(f);
		else if (e.type === 'context') contexts.push(f);
	}

	const insideLookAlike = (f: Found): boolean =>
		lookAlikes.some(
			(l) => l.first <= f.first && l.last >= f.last && l.last - l.first > f.last - f.first,
		);
	const clauseBreakBetween = (from: number, to: number): boolean => {
		for (let k = from; k <= to; k++) if (units[k].kind === UnitKind.Break) return true;
		return false;
	};
	// NEGATED_ENDS marks where a negated hazard ends: a list after it ("no smoke or fire") stays negated.
	const isNegated = (first: number): boolean => {
		let k = first - 1;
		for (
			let skipped = 0;
			k >= 0 &&
			(flags[k] & FILLER) !== 0 &&
			(flags[k] & NEGATION_ENDS) === 0 &&
			skipped < MAX_FILLERS;
			skipped++
		)
			k--;
		if (k < 0) return false;
		if (flags[k] & NEGATION_ENDS) return true;
		const joins = (flags[k] & JOIN) !== 0 || units[k].kind === UnitKind.Comma;
		return joins && k > 0 && (flags[k - 1] & NEGATED_ENDS) !== 0;
	};
	const isHypothetical = (first: number, last: number): boolean => {
		for (let k = first - 1; k >= 0 && k >= first - HYPOTHETICAL_SCOPE; k--) {
			if (units[k].kind === UnitKind.Break) break;
			if (flags[k] & HYPOTHETICAL_ENDS) return true;
		}
		for (let k = last + 1; k < n && k <= last + HYPOTHETICAL_AFTER_SCOPE; k++) {
			if (units[k].kind === UnitKind.Break) break;
			if (flags[k] & HYPOTHETICAL_AFTER_STARTS) return true;
		}
		return false;
	};
	const afterContext = (f: Found, cls: number): boolean => {
		const window = compiled.classes[cls].contextWindow;
		return contexts.some(
			(c) =>
				c.entry.type === 'context' &&
				c.entry.cls === cls &&
				c.last < f.first &&
				f.first - c.last - 1 <= window &&
				!clauseBreakBetween(c.last + 1, f.first - 1),
		);
	};

	const hits: { cls: number; first: number; last: number; potential: boolean }[] = [];
	for (const f of longestPerClass(hazards)) {
		const e = f.entry;
		if (e.type !== 'hazard' || insideLookAlike(f)) continue;
		if (e.guarded && afterContext(f, e.cls)) continue;
		if (e.kind !== 'always' && isNegated(f.first)) {
			flags[f.last] |= NEGATED_ENDS;
			continue;
		}
		hits.push({
			cls: e.cls,
			first: f.first,
			last: f.last,
			potential: e.kind === 'potential' || isHypothetical(f.first, f.last),
		});
	}

	// Components near one of their failures: the nearest failure in the clause within the window.
	// A failure inside a look-alike ("arrived shattered" in the box) pairs with nothing.
	const failures = longestPerClass(
		parts.filter(
			(p) => p.entry.type === 'part' && p.entry.role === 'failure' && !insideLookAlike(p),
		),
	);
	const components = parts.filter((p) => p.entry.type === 'part' && p.entry.role === 'component');
	for (const c of components) {
		if (c.entry.type !== 'part' || insideLookAlike(c)) continue;
		const { cls, combo } = c.entry;
		const window = compiled.classes[cls].combos[combo].window;
		let best: Found | undefined;
		let bestGap = Infinity;
		for (const f of failures) {
			if (f.entry.type !== 'part' || f.entry.cls !== cls || f.entry.combo !== combo) continue;
			const gap =
				f.first > c.last ? f.first - c.last - 1 : c.first > f.last ? c.first - f.last - 1 : 0;
			// A component inside its failure phrase ("tread" in "tread separated") is no pair.
			if (f.first <= c.first && f.last >= c.last) continue;
			if (gap > window || gap >= bestGap) continue;
			const from = Math.min(c.last, f.last);
			const to = Math.max(c.first, f.first);
			if (clauseBreakBetween(from, to)) continue;
			if (isNegated(f.first)) continue;
			best = f;
			bestGap = gap;
		}
		if (!best) continue;
		const first = Math.min(c.first, best.first);
		const last = Math.max(c.last, best.last);
		hits.push({ cls, first, last, potential: isHypothetical(first, last) });
	}

	// One hit per class and span: overlapping hits of a class merge into the first, widest one.
	hits.sort((a, b) => a.first - b.first || b.last - a.last);
	const out: HazardHit[] = [];
	const lastEnd = new Map<number, number>();
	for (const h of hits) {
		if ((lastEnd.get(h.cls) ?? -1) >= h.first) continue;
		lastEnd.set(h.cls, h.last);
		const start = units[h.first].start;
		const end = units[h.last].end;
		out.push({
			class: compiled.classes[h.cls].id,
			term: text.slice(start, end),
			start,
			end,
			harm: h.potential ? 'potential' : 'actual',
		});
	}
	return out;
}

/** Keys of category terms seen so far: terms come from a taxonomy, so the set stays small. */
const sceneKeys = new Map<string, string>();
/** Bounds the memo for taxonomies with very many terms; refilling is cheap. */
const SCENE_KEYS_LIMIT = 20_000;

/**
 * The key a category term is looked up by in the scene words (memoised: it is asked for every
 * keyword of a hazard or functional-loss complaint, and tokenising costs more than the lookup).
 *
 * @example
 * sceneKey('Trucks') // 'truck'
 */
export function sceneKey(term: string): string {
	let key = sceneKeys.get(term);
	if (key === undefined) {
		key = termKeys(term).join(' ');
		if (sceneKeys.size >= SCENE_KEYS_LIMIT) sceneKeys.clear();
		sceneKeys.set(term, key);
	}
	return key;
}

/** Units before a candidate where its cues may lie: hypothetical scope plus the longest cue. */
const CUE_REACH_BEFORE = HYPOTHETICAL_SCOPE + 4;
const CUE_REACH_AFTER = HYPOTHETICAL_AFTER_SCOPE + 4;

/** Merged unit ranges around hazard candidates, in text order. */
function cueWindows(
	found: readonly Found[],
	n: number,
	paired: ReadonlySet<number>,
): [number, number][] {
	const ranges: [number, number][] = [];
	for (const f of found) {
		// Cues bear on hazard terms and on failures whose component was found too (and a
		// combination's start, within the reach); a lone failure ("stopped working") needs none.
		const e = f.entry;
		const candidate =
			e.type === 'hazard' ||
			(e.type === 'part' && e.role === 'failure' && paired.has(e.cls * COMBOS_PER_CLASS + e.combo));
		if (!candidate) continue;
		ranges.push([
			Math.max(0, f.first - CUE_REACH_BEFORE),
			Math.min(n - 1, f.last + CUE_REACH_AFTER),
		]);
	}
	ranges.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const r of ranges) {
		const lastRange = merged[merged.length - 1];
		if (lastRange && r[0] <= lastRange[1] + 1) lastRange[1] = Math.max(lastRange[1], r[1]);
		else merged.push(r);
	}
	return merged;
}

/**
 * The combinations (class * COMBOS_PER_CLASS + combination) of which both a component and a
 * failure were found; undefined when there is no candidate at all (no hazard term, no pair).
 */
function pairedCombos(found: Found[]): Set<number> | undefined {
	const roles = new Map<number, number>();
	const paired = new Set<number>();
	let term = false;
	for (const f of found) {
		const e = f.entry;
		if (e.type === 'hazard') term = true;
		if (e.type !== 'part') continue;
		const key = e.cls * COMBOS_PER_CLASS + e.combo;
		const seen = (roles.get(key) ?? 0) | (e.role === 'component' ? 1 : 2);
		if (seen === 3) paired.add(key);
		roles.set(key, seen);
	}
	return term || paired.size > 0 ? paired : undefined;
}

/** Leftmost-longest matches per class ("caught fire" over "fire"); other classes keep theirs. */
function longestPerClass(matches: Found[]): Found[] {
	const sorted = [...matches].sort((a, b) => a.first - b.first || b.last - a.last);
	const end = new Map<number, number>();
	const kept: Found[] = [];
	for (const m of sorted) {
		const e = m.entry;
		// Parts per class, combination and role; hazard terms per class.
		const key =
			e.type === 'part'
				? 2 * (2 * (e.cls * COMBOS_PER_CLASS + e.combo) + (e.role === 'component' ? 0 : 1)) + 1
				: e.type === 'hazard'
					? 2 * e.cls
					: -1;
		if ((end.get(key) ?? -1) >= m.first) continue;
		end.set(key, m.last);
		kept.push(m);
	}
	return kept;
}
