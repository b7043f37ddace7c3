import { MsaInputError, type MsaIssue } from './errors';
import type { GageCell, Measurement } from './types';

/** A balanced crossed design: values[part][operator] holds that cell's trials in input order. */
export interface CrossedDesign {
	partLabels: string[];
	operatorLabels: string[];
	trials: number;
	values: number[][][];
}

/**
 * A part or operator id as text; numbers keep their printed form, so part 1 and part "1" are one
 * part. Undefined for anything else.
 *
 * @example
 * levelLabel(7); // "7"
 */
export function levelLabel(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return undefined;
}

/** The value most cells have; ties go to the larger count, so a missing trial reads as missing. */
function commonCount(counts: number[]): number {
	const tally = new Map<number, number>();
	for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
	let best = 0;
	let bestCells = 0;
	for (const [count, cells] of tally) {
		if (cells > bestCells || (cells === bestCells && count > best)) {
			best = count;
			bestCells = cells;
		}
	}
	return best;
}

/**
 * Groups measurements into a balanced crossed design: at least 2 parts and 2 operators, every
 * operator measuring every part the same number of times (at least 2). Anything else throws an
 * {@link MsaInputError} listing each bad row (field `measurements[i].part|operator|value`) and each
 * cell with a different trial count (its part, operator, trials found and the count most cells have).
 *
 * @example
 * crossedDesign([
 *   { part: 1, operator: 'A', value: 0.29 }, { part: 1, operator: 'A', value: 0.41 }, ...
 * ]).trials; // 2
 */
export function crossedDesign(measurements: readonly Measurement[]): CrossedDesign {
	if (!Array.isArray(measurements) || measurements.length === 0) {
		throw new MsaInputError([{ field: 'measurements', reason: 'must be a non-empty array' }]);
	}
	const issues: MsaIssue[] = [];
	const parts = new Map<string, number>();
	const operators = new Map<string, number>();
	const rows: { part: number; operator: number; value: number }[] = [];
	measurements.forEach((m, index) => {
		const row = (m ?? {}) as Partial<Measurement>;
		const part = levelLabel(row.part);
		const operator = levelLabel(row.operator);
		const value = row.value;
		const bad = (key: string, got: unknown, what: string) =>
			issues.push({
				field: 'measurements',
				index,
				key,
				reason: `${what}, got ${JSON.stringify(got) ?? 'undefined'}`,
			});
		if (part === undefined) bad('part', row.part, 'must be a part id (text or number)');
		if (operator === undefined)
			bad('operator', row.operator, 'must be an operator id (text or number)');
		if (typeof value !== 'number' || !Number.isFinite(value))
			bad('value', value, 'must be a finite number');
		if (
			part === undefined ||
			operator === undefined ||
			typeof value !== 'number' ||
			!Number.isFinite(value)
		)
			return;
		if (!parts.has(part)) parts.set(part, parts.size);
		if (!operators.has(operator)) operators.set(operator, operators.size);
		rows.push({ part: parts.get(part)!, operator: operators.get(operator)!, value });
	});
	if (issues.length > 0) throw new MsaInputError(issues);
	const partLabels = [...parts.keys()];
	const operatorLabels = [...operators.keys()];
	if (partLabels.length < 2)
		issues.push({
			field: 'measurements',
			reason: `needs at least 2 parts, got ${partLabels.length}`,
		});
	if (operatorLabels.length < 2)
		issues.push({
			field: 'measurements',
			reason: `needs at least 2 operators, got ${operatorLabels.length}`,
		});
	if (issues.length > 0) throw new MsaInputError(issues);

	const values = partLabels.map(() => operatorLabels.map((): number[] => []));
	for (const r of rows) values[r.part][r.operator].push(r.value);
	const trials = commonCount(values.flat().map((cell) => cell.length));
	values.forEach((byOperator, p) =>
		byOperator.forEach((cell, o) => {
			if (cell.length === trials) return;
			const part = partLabels[p];
			const operator = operatorLabels[o];
			issues.push({
				field: 'measurements',
				reason: `part ${JSON.stringify(part)}, operator ${JSON.stringify(operator)}: ${cell.length === 0 ? 'no measurement' : `${cell.length} trial${cell.length === 1 ? '' : 's'}`}, expected ${trials} like the other cells`,
				part,
				operator,
				trials: cell.length,
				expectedTrials: trials,
			});
		}),
	);
	if (issues.length > 0) throw new MsaInputError(issues);
	if (trials < 2) {
		throw new MsaInputError([
			{
				field: 'measurements',
				reason: `every operator must measure every part at least twice, got ${trials} trial per cell`,
				trials,
				expectedTrials: 2,
			},
		]);
	}
	return { partLabels, operatorLabels, trials, values };
}

/** Arithmetic mean. */
export function mean(values: readonly number[]): number {
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

/** Largest minus smallest value. */
export function range(values: readonly number[]): number {
	return Math.max(...values) - Math.min(...values);
}

/**
 * Mean and range of each part x operator cell, part-major (the rows of the R and X-bar charts by operator).
 *
 * @example
 * designCells(crossedDesign(measurements))[0]; // { part: '1', operator: 'A', mean: 0.4467, range: 0.35 }
 */
export function designCells(design: CrossedDesign): GageCell[] {
	return design.values.flatMap((byOperator, p) =>
		byOperator.map((cell, o) => ({
			part: design.partLabels[p],
			operator: design.operatorLabels[o],
			mean: mean(cell),
			range: range(cell),
		})),
	);
}
