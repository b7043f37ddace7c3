import type { HazardClassSpec, TaxonomyHazards } from '../types';
import classesData from './classes.json';

/**
 * The built-in hazard classes, bilingual (data in `hazards/classes.json`; its `sources` field
 * names the public taxonomies the vocabulary is grouped after: EU Safety Gate risk types, CPSC
 * hazard categories, NHTSA component categories, GB/T 28803 product-injury categories, FMEA
 * severity 9-10).
 *
 * @example
 * defaultHazardClasses.map((c) => c.id)[0] // 'fire_thermal'
 */
export const defaultHazardClasses: readonly HazardClassSpec[] = classesData.classes;

/**
 * Ids of the built-in hazard classes, in data order.
 *
 * @example
 * hazardClassIds.includes('vehicle_control') // true
 */
export const hazardClassIds: readonly string[] = defaultHazardClasses.map((c) => c.id);

const LIST_FIELDS = ['harm', 'always', 'terms', 'potential'] as const;

/**
 * Checks the `hazards` part of a taxonomy and throws an Error naming the offending field.
 *
 * @example
 * validateTaxonomyHazards({ disabled: ['regulatory_legal'] }) // ok
 * validateTaxonomyHazards({ disabled: ['fire'] }) // throws "taxonomy.hazards.disabled[0]: 'fire' is not a hazard class ..."
 */
export function validateTaxonomyHazards(
	hazards: unknown,
	field = 'taxonomy.hazards',
): asserts hazards is TaxonomyHazards {
	if (!isRecord(hazards)) throw new Error(`${field} must be an object`);
	const known = new Set(hazardClassIds);
	if (hazards.classes !== undefined) {
		if (!Array.isArray(hazards.classes)) throw new Error(`${field}.classes must be an array`);
		hazards.classes.forEach((spec: unknown, i) => {
			const at = `${field}.classes[${i}]`;
			if (!isRecord(spec) || typeof spec.id !== 'string' || spec.id.trim() === '')
				throw new Error(`${at} must be an object with a non-empty id`);
			known.add(spec.id);
			for (const key of LIST_FIELDS) {
				const lists = spec[key];
				if (lists === undefined) continue;
				if (!isRecord(lists))
					throw new Error(`${at}.${key} must be an object of term lists by language`);
				for (const [lang, list] of Object.entries(lists))
					checkStrings(list, `${at}.${key}.${lang}`);
			}
			if (spec.notHazard !== undefined) checkStrings(spec.notHazard, `${at}.notHazard`);
			if (spec.combos !== undefined) {
				if (!Array.isArray(spec.combos)) throw new Error(`${at}.combos must be an array`);
				spec.combos.forEach((combo: unknown, j) => {
					const c = `${at}.combos[${j}]`;
					if (!isRecord(combo)) throw new Error(`${c} must be { components, failures, window? }`);
					checkStrings(combo.components, `${c}.components`);
					checkStrings(combo.failures, `${c}.failures`);
					if (
						combo.window !== undefined &&
						!(Number.isInteger(combo.window) && (combo.window as number) >= 0)
					)
						throw new Error(`${c}.window must be an integer >= 0`);
				});
			}
		});
	}
	if (hazards.disabled !== undefined) {
		checkStrings(hazards.disabled, `${field}.disabled`);
		(hazards.disabled as string[]).forEach((id, i) => {
			if (!known.has(id))
				throw new Error(
					`${field}.disabled[${i}]: '${id}' is not a hazard class (one of ${[...known].join(', ')})`,
				);
		});
	}
	if (hazards.category !== undefined && typeof hazards.category !== 'string')
		throw new Error(`${field}.category must be a category id`);
}

/**
 * The hazard classes of a deployment: the built-in ones extended by the taxonomy's classes (same
 * id: terms added; new id: class added), minus the disabled ones.
 *
 * @example
 * resolveHazardClasses({ classes: [{ id: 'fire_thermal', terms: { en: ['glowing'] } }] }, ['regulatory_legal'])
 *   .map((c) => c.id).includes('regulatory_legal') // false
 */
export function resolveHazardClasses(
	hazards: TaxonomyHazards | undefined,
	disabled: readonly string[] = [],
): HazardClassSpec[] {
	const classes = defaultHazardClasses.map((c) => ({ ...c }));
	for (const extra of hazards?.classes ?? []) {
		const target = classes.find((c) => c.id === extra.id);
		if (!target) {
			classes.push(extra);
			continue;
		}
		for (const key of LIST_FIELDS) {
			const merged: Record<string, string[]> = { ...(target[key] ?? {}) };
			for (const [lang, list] of Object.entries(extra[key] ?? {}))
				merged[lang] = [...(merged[lang] ?? []), ...list];
			target[key] = merged;
		}
		target.combos = [...(target.combos ?? []), ...(extra.combos ?? [])];
		target.notHazard = [...(target.notHazard ?? []), ...(extra.notHazard ?? [])];
	}
	const off = new Set([...(hazards?.disabled ?? []), ...disabled]);
	return classes.filter((c) => !off.has(c.id));
}

function checkStrings(list: unknown, at: string): void {
	if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || t.trim() === ''))
		throw new Error(`${at} must be an array of non-empty strings`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
