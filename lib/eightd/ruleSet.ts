import { DISCIPLINES } from './disciplines';
import defaultRules from './rules/default.json';
import measurementSystemRules from './rules/measurement-system.json';
import northwindRules from './rules/northwind-motors.json';
import ruleSetSchema from './schema/eightd-rule-set.schema.json';
import { parseJsonText } from './json';
import type { RuleSelection } from '../spc';
import type { Discipline, EightDLanguage, SixM } from './types';
import { compileSchema, describeSchemaError, firstSchemaError } from './validate';

/** A text in both languages the gate speaks. */
export type Bilingual = Record<EightDLanguage, string>;

/**
 * Fields every rule has. `when` makes it conditional on a value in the report: equal to `equals`,
 * or (with `present`) there or not.
 */
interface RuleBase {
	id: string;
	label?: Bilingual;
	/** Replaces the generated reason. */
	message?: Bilingual;
	when?: { path: string; equals?: unknown; present?: boolean };
}

/** One gate rule; `check` picks what it verifies. Paths are dotted from the report root. */
export type GateRule = RuleBase &
	(
		| { check: 'present'; path: string }
		| { check: 'fields'; path: string; fields: string[] }
		| { check: 'minItems'; path: string; min: number; where?: Record<string, unknown> }
		| { check: 'each'; path: string; fields: string[] }
		| { check: 'covers'; path: string; key: string; values: unknown[] }
		| { check: 'equals'; path: string; value: unknown }
		| { check: 'teamRoles'; roles: string[] }
		| { check: 'approvals'; roles: string[] }
		| { check: 'evidence'; min: number; kinds?: string[] }
		| { check: 'verified'; path: string; accept: string[]; key?: string; requireEvidence?: boolean }
		| { check: 'fiveWhy'; minLevels: number; types: ('occurrence' | 'escape')[] }
		| { check: 'ishikawa'; categories: SixM[] }
		| { check: 'implemented' }
		| { check: 'interimRemoved' }
		| { check: 'spcEffective'; minPoints?: number; minCpk?: number; rules?: RuleSelection }
	);

/** A rule set as written in JSON (it may extend another set). */
export interface EightDRuleSetSource {
	id: string;
	name?: string;
	description?: string;
	extends?: string;
	customers?: string[];
	skippable?: Discipline[];
	remove?: string[];
	disciplines: Partial<Record<Discipline, GateRule[]>>;
}

/** A rule set with its parents merged in: every discipline has its full rule list. */
export interface EightDRuleSet {
	id: string;
	name: string;
	customers: string[];
	skippable: Discipline[];
	disciplines: Record<Discipline, GateRule[]>;
}

/**
 * The rule set JSON schema (draft-07), published beside the report schema.
 *
 * @example
 * eightDRuleSetSchema.title; // '8D gate rule set'
 */
export const eightDRuleSetSchema: Readonly<Record<string, unknown>> = ruleSetSchema;

const validateRuleSetShape = compileSchema<EightDRuleSetSource>(ruleSetSchema);

/**
 * Checks a rule set written as JSON (object or text); throws an Error naming the bad field.
 *
 * @example
 * parseEightDRuleSet('{"id":"x","disciplines":{"D1":[{"id":"r","check":"teamRoles","roles":["leader"]}]}}').id; // 'x'
 * parseEightDRuleSet({ id: 'x', disciplines: { D9: [] } }); // throws: ruleSet.disciplines.D9: unknown key "D9"
 */
export function parseEightDRuleSet(source: unknown, field = 'ruleSet'): EightDRuleSetSource {
	let value = source;
	if (typeof source === 'string') value = parseJsonText(source, field);
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new Error(`${field}: expected a rule set object with "id" and "disciplines"`);
	}
	if (!validateRuleSetShape(value)) {
		throw new Error(
			describeSchemaError(field, firstSchemaError(validateRuleSetShape.errors ?? [])),
		);
	}
	return value;
}

/**
 * Rule sets shipped with the package: the default, the default with a verified measurement
 * system (Gage R&R evidence at D4 and D6) and an example customer-specific set.
 *
 * @example
 * builtInEightDRuleSets.map((set) => set.id); // ['default', 'measurement-system', 'northwind-motors']
 */
export const builtInEightDRuleSets: readonly EightDRuleSetSource[] = [
	parseEightDRuleSet(defaultRules, 'rules/default.json'),
	parseEightDRuleSet(measurementSystemRules, 'rules/measurement-system.json'),
	parseEightDRuleSet(northwindRules, 'rules/northwind-motors.json'),
];

/** Menu labels of the built-in rule sets. */
const RULE_SET_LABELS: Readonly<Record<string, string>> = {
	default: 'Default',
	'measurement-system': 'Default With Measurement System Verified (%GRR ≤ 30 %)',
	'northwind-motors': 'Northwind Motors (Customer Example)',
};

/**
 * The built-in rule sets as a menu: `value` the rule set id, `name` its label.
 *
 * @example
 * eightDRuleSetChoices[0]; // { name: 'Default', value: 'default' }
 */
export const eightDRuleSetChoices: readonly { name: string; value: string }[] =
	builtInEightDRuleSets.map(({ id }) => ({ name: RULE_SET_LABELS[id] ?? id, value: id }));

/**
 * Resolves a rule set given by id, as an object or as JSON text, merged with the set it extends
 * (recursively): a rule with the same id replaces the parent's, `remove` drops parent rules.
 *
 * @example
 * const set = resolveEightDRuleSet('northwind-motors');
 * set.disciplines.D4.find((r) => r.id === 'D4.five-why'); // { check: 'fiveWhy', minLevels: 5, ... }
 */
export function resolveEightDRuleSet(
	selector: string | EightDRuleSetSource,
	available: readonly EightDRuleSetSource[] = [],
	field = 'ruleSet',
): EightDRuleSet {
	const known = [...available, ...builtInEightDRuleSets];
	const find = (id: string, at: string): EightDRuleSetSource => {
		const found = known.find((set) => set.id === id);
		if (!found)
			throw new Error(
				`${at}: unknown rule set "${id}" (known: ${[...new Set(known.map((s) => s.id))].join(', ')})`,
			);
		return found;
	};
	const merge = (source: EightDRuleSetSource, at: string, seen: string[]): EightDRuleSet => {
		if (seen.includes(source.id))
			throw new Error(
				`${at}: rule set "${source.id}" extends itself (${[...seen, source.id].join(' -> ')})`,
			);
		const parent = source.extends
			? merge(find(source.extends, `${at}.extends`), `${at}.extends`, [...seen, source.id])
			: undefined;
		const removed = new Set(source.remove ?? []);
		const disciplines = {} as Record<Discipline, GateRule[]>;
		for (const discipline of DISCIPLINES) {
			const own = source.disciplines[discipline] ?? [];
			const inherited = (parent?.disciplines[discipline] ?? []).map(
				(rule) => own.find((r) => r.id === rule.id) ?? rule,
			);
			const added = own.filter((rule) => !inherited.some((r) => r.id === rule.id));
			disciplines[discipline] = [...inherited, ...added].filter((rule) => !removed.has(rule.id));
		}
		return {
			id: source.id,
			name: source.name ?? parent?.name ?? source.id,
			customers: source.customers ?? [],
			skippable: source.skippable ?? parent?.skippable ?? [],
			disciplines,
		};
	};
	// A string is a rule set id, unless it is the JSON of a whole set.
	const source =
		typeof selector === 'string' && !selector.trim().startsWith('{')
			? find(selector, field)
			: parseEightDRuleSet(selector, field);
	return merge(source, field, []);
}

/**
 * Picks the rule set for a report: an explicit choice, else the report's `ruleSet`, else the set
 * naming the report's customer (case-insensitive), else `default`.
 *
 * @example
 * selectEightDRuleSet({ customer: 'Northwind Motors' }).id; // 'northwind-motors'
 * selectEightDRuleSet({ customer: 'Someone Else' }).id; // 'default'
 */
export function selectEightDRuleSet(
	report: { ruleSet?: string; customer?: string },
	choice?: string | EightDRuleSetSource,
	available: readonly EightDRuleSetSource[] = [],
): EightDRuleSet {
	if (choice !== undefined) return resolveEightDRuleSet(choice, available, 'options.ruleSet');
	if (report.ruleSet) return resolveEightDRuleSet(report.ruleSet, available, 'report.ruleSet');
	const customer = report.customer?.trim().toLowerCase();
	const match = customer
		? [...available, ...builtInEightDRuleSets].find((set) =>
				(set.customers ?? []).some((c) => c.toLowerCase() === customer),
			)
		: undefined;
	return resolveEightDRuleSet(match ?? 'default', available);
}
