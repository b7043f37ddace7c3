import type { RuleId, RuleParams, RuleSelection } from './types';
import { SpcInputError } from './validate';

/**
 * Pattern families: `beyond` the control limits, `run` on one side of the center, `trend`
 * rising or falling, `alternate` up and down, `kofm` k of m beyond a zone on one side,
 * `within` a zone, `mixture` outside a zone on both sides.
 */
export type RuleKind = 'beyond' | 'run' | 'trend' | 'alternate' | 'kofm' | 'within' | 'mixture';

/** A rule with its parameters filled in. */
export interface ResolvedRule {
	id: RuleId;
	kind: RuleKind;
	/** Run length, or points beyond the zone for k-of-m. */
	k: number;
	/** Window of a k-of-m rule (else equal to k). */
	m: number;
	/** Zone edge in sigmas (beyond: the control limits, 3). */
	sigmas: number;
}

/**
 * Nelson rules as Minitab ships them and the Western Electric rules, in report order.
 *
 * @example
 * RULE_DEFAULTS.N2.k; // 9 points in a row on one side
 */
export const RULE_DEFAULTS: Readonly<Record<RuleId, ResolvedRule>> = {
	N1: { id: 'N1', kind: 'beyond', k: 1, m: 1, sigmas: 3 },
	N2: { id: 'N2', kind: 'run', k: 9, m: 9, sigmas: 0 },
	N3: { id: 'N3', kind: 'trend', k: 6, m: 6, sigmas: 0 },
	N4: { id: 'N4', kind: 'alternate', k: 14, m: 14, sigmas: 0 },
	N5: { id: 'N5', kind: 'kofm', k: 2, m: 3, sigmas: 2 },
	N6: { id: 'N6', kind: 'kofm', k: 4, m: 5, sigmas: 1 },
	N7: { id: 'N7', kind: 'within', k: 15, m: 15, sigmas: 1 },
	N8: { id: 'N8', kind: 'mixture', k: 8, m: 8, sigmas: 1 },
	WE1: { id: 'WE1', kind: 'beyond', k: 1, m: 1, sigmas: 3 },
	WE2: { id: 'WE2', kind: 'kofm', k: 2, m: 3, sigmas: 2 },
	WE3: { id: 'WE3', kind: 'kofm', k: 4, m: 5, sigmas: 1 },
	WE4: { id: 'WE4', kind: 'run', k: 8, m: 8, sigmas: 0 },
};

const ALL_IDS = Object.keys(RULE_DEFAULTS) as RuleId[];
const NELSON: RuleId[] = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'];
const WESTERN: RuleId[] = ['WE1', 'WE2', 'WE3', 'WE4'];

/** Smallest K each family can mean something with (a trend needs 2 points, alternation 3). */
const MIN_K: Record<RuleKind, number> = {
	beyond: 1,
	run: 1,
	trend: 2,
	alternate: 3,
	kofm: 1,
	within: 1,
	mixture: 2,
};

/** Masks of k-of-m windows live in 32-bit integers. */
const MAX_WINDOW = 31;

/** Applies one rule's overrides to its defaults, checking them. */
function withParams(id: RuleId, value: number | RuleParams): ResolvedRule {
	const base = RULE_DEFAULTS[id];
	const params: RuleParams = typeof value === 'number' ? { k: value } : value;
	const field = `rules.${id}`;
	const k = params.k ?? base.k;
	const isWindow = base.kind === 'kofm';
	const m = isWindow ? (params.m ?? base.m) : k;
	const sigmas = params.sigmas ?? base.sigmas;
	if (!Number.isInteger(k) || k < MIN_K[base.kind] || k > 1e6) {
		throw new SpcInputError(
			`${field}.k`,
			`must be a whole number >= ${MIN_K[base.kind]}, got ${String(k)}`,
		);
	}
	if (isWindow && (!Number.isInteger(m) || m < k || m > MAX_WINDOW)) {
		throw new SpcInputError(
			`${field}.m`,
			`must be a whole number from k (${k}) to ${MAX_WINDOW}, got ${String(m)}`,
		);
	}
	if (params.sigmas !== undefined && (base.kind === 'beyond' || base.sigmas === 0)) {
		throw new SpcInputError(
			`${field}.sigmas`,
			`${id} has no zone to move; its limits are the chart's`,
		);
	}
	if (!(typeof sigmas === 'number' && Number.isFinite(sigmas) && sigmas >= 0)) {
		throw new SpcInputError(`${field}.sigmas`, `must be a number >= 0, got ${String(sigmas)}`);
	}
	return { id, kind: base.kind, k, m, sigmas };
}

/** Throws unless `id` names a rule. */
function checkId(id: string, field: string, index?: number): asserts id is RuleId {
	if (!(id in RULE_DEFAULTS)) {
		throw new SpcInputError(field, `unknown rule "${id}"; use ${ALL_IDS.join(', ')}`, index);
	}
}

/**
 * Turns a preset name or custom selection into the rules to run, in report order
 * (N1..N8, then WE1..WE4). Default: the Nelson rules.
 *
 * @example
 * resolveRules('western-electric').map((r) => r.id); // ['WE1', 'WE2', 'WE3', 'WE4']
 * resolveRules({ N1: true, N2: 7 })[1].k;            // 7
 * resolveRules(['N1', 'N5']).length;                 // 2
 */
export function resolveRules(selection: RuleSelection | undefined): ResolvedRule[] {
	if (selection === undefined || selection === 'nelson')
		return NELSON.map((id) => RULE_DEFAULTS[id]);
	if (selection === 'western-electric') return WESTERN.map((id) => RULE_DEFAULTS[id]);
	if (selection === 'none') return [];
	const chosen = new Map<RuleId, ResolvedRule>();
	if (Array.isArray(selection)) {
		selection.forEach((id: string, i) => {
			checkId(id, 'rules', i);
			chosen.set(id, RULE_DEFAULTS[id]);
		});
	} else if (selection !== null && typeof selection === 'object') {
		for (const [id, value] of Object.entries(selection)) {
			checkId(id, `rules.${id}`);
			if (value === false || value === undefined) continue;
			chosen.set(
				id,
				value === true ? RULE_DEFAULTS[id] : withParams(id, value as number | RuleParams),
			);
		}
	} else {
		throw new SpcInputError(
			'rules',
			`must be 'nelson', 'western-electric', 'none' or a rule selection, got ${String(selection)}`,
		);
	}
	return ALL_IDS.filter((id) => chosen.has(id)).map((id) => chosen.get(id) as ResolvedRule);
}

/**
 * Points a rule needs before it can fire at all.
 *
 * @example
 * pointsNeeded(RULE_DEFAULTS.N5); // 3
 * pointsNeeded(RULE_DEFAULTS.N2); // 9
 */
export function pointsNeeded(rule: ResolvedRule): number {
	return rule.kind === 'kofm' ? rule.m : rule.k;
}
