import { capability, controlChart, resolveRules } from '../spc';
import type {
	CapabilityResult,
	ChartResult,
	ResolvedRule,
	RuleKind,
	RuleSelection,
	Violation,
} from '../spc';
import { parseTime } from './dates';
import type { Bilingual } from './ruleSet';
import type { EightDMeasurement, EightDReport } from './types';

/** Defaults of the `spcEffective` gate rule: 25 points after the fix, Cpk at least 1.33. */
export const SPC_PROOF_DEFAULTS = { minPoints: 25, minCpk: 1.33 } as const;

/** Options of {@link evaluateSpcProof}. */
export interface SpcProofOptions {
	minPoints?: number;
	minCpk?: number;
	/** Run rules of the I chart (default 'nelson'). */
	rules?: RuleSelection;
	/** Measurements per characteristic supplied by the workflow; they replace the report's. */
	measurements?: Record<string, readonly EightDMeasurement[]>;
}

/** The SPC evidence for D6 and what it lacks. */
export interface SpcProofResult {
	characteristic: string;
	/** The fix date used; undefined when the report gives none. */
	fixedAt?: string;
	unit?: string;
	lsl?: number;
	usl?: number;
	minPoints: number;
	minCpk: number;
	/** Measurements after the fix, in time order. */
	after: EightDMeasurement[];
	/** I-MR chart of the points after the fix (limits from those points), when there are at least 2. */
	chart?: ChartResult;
	capability?: CapabilityResult;
	passed: boolean;
	/** What failed, e.g. "D6: 18 of 25 points after the fix". */
	failures: Bilingual[];
}

/** Short names of the rule families for the reasons ("N2 run", "N6 4 of 5 beyond 1 sigma"). */
const KIND: Record<RuleKind, (rule: ResolvedRule) => Bilingual> = {
	beyond: () => ({ en: 'beyond a control limit', zh: '超出控制限' }),
	run: () => ({ en: 'run', zh: '连串' }),
	trend: () => ({ en: 'trend', zh: '趋势' }),
	alternate: () => ({ en: 'alternating pattern', zh: '交替' }),
	kofm: (r) => ({
		en: `${r.k} of ${r.m} beyond ${r.sigmas} sigma`,
		zh: `${r.m} 点中 ${r.k} 点超出 ${r.sigmas}σ`,
	}),
	within: () => ({ en: 'stratification', zh: '分层' }),
	mixture: () => ({ en: 'mixture', zh: '混合' }),
};

/** Cpk for a sentence: 2 decimals, 3 when 2 would read as the target itself. */
function shownCpk(cpk: number, target: number): string {
	return cpk.toFixed(2) === target.toFixed(2) ? cpk.toFixed(3) : cpk.toFixed(2);
}

/** The first report of each rule on each chart, as a reason with its 1-based point after the fix. */
function violationReasons(chart: ChartResult, rules: RuleSelection | undefined): Bilingual[] {
	const resolved = new Map<string, ResolvedRule>(resolveRules(rules).map((r) => [r.id, r]));
	const seen = new Set<string>();
	const first: Violation[] = [];
	for (const v of chart.violations) {
		const key = `${v.rule}|${v.chart}`;
		if (seen.has(key)) continue;
		seen.add(key);
		first.push(v);
	}
	return first.map((v) => {
		const rule = resolved.get(v.rule);
		const kind = rule ? KIND[rule.kind](rule) : { en: 'signal', zh: '信号' };
		const point = v.index + 1;
		const mr =
			v.chart === 'secondary'
				? { en: ' on the moving range', zh: '（移动极差）' }
				: { en: '', zh: '' };
		return {
			en: `D6: ${v.rule} ${kind.en}${mr.en} at point ${point} after the fix`,
			zh: `D6：修复后第 ${point} 点出现 ${v.rule} ${kind.zh}${mr.zh}`,
		};
	});
}

/**
 * Proves (or not) that the D6 fix works, with the SPC engine: the measurements of the characteristic
 * named in `disciplines.D6.spc` taken after the fix date go on an I-MR chart whose limits come from
 * those points (the new process); there must be at least `minPoints` of them, no run-rule report on
 * either chart, and Cpk (`capability`, within sigma MR-bar/d2(2)) at least `minCpk`. Returns
 * undefined when the report names no characteristic.
 *
 * @example
 * evaluateSpcProof(report, { minPoints: 25 })?.failures[0];
 * // { en: 'D6: 18 of 25 points after the fix', zh: 'D6：修复后只有 18 个点，需要 25 个' }
 */
export function evaluateSpcProof(
	report: EightDReport,
	options: SpcProofOptions = {},
): SpcProofResult | undefined {
	const d6 = report.disciplines.D6;
	const spc = d6?.spc;
	if (!spc) return undefined;
	const minPoints = options.minPoints ?? SPC_PROOF_DEFAULTS.minPoints;
	const minCpk = options.minCpk ?? SPC_PROOF_DEFAULTS.minCpk;
	const implemented = (d6?.actions ?? [])
		.map((a) => a.implementedAt)
		.filter((at): at is string => at !== undefined)
		.sort(
			(a, b) => parseTime(a, 'implementedAt').toMillis() - parseTime(b, 'implementedAt').toMillis(),
		);
	const fixedAt = spc.fixedAt ?? implemented[implemented.length - 1];
	const base = {
		characteristic: spc.characteristic,
		...(fixedAt !== undefined && { fixedAt }),
		...(spc.unit !== undefined && { unit: spc.unit }),
		...(spc.lsl !== undefined && { lsl: spc.lsl }),
		...(spc.usl !== undefined && { usl: spc.usl }),
		minPoints,
		minCpk,
	};
	if (fixedAt === undefined) {
		return {
			...base,
			after: [],
			passed: false,
			failures: [
				{
					en: 'D6: no fix date (disciplines.D6.spc.fixedAt or an implementation date)',
					zh: 'D6：没有修复日期（disciplines.D6.spc.fixedAt 或实施日期）',
				},
			],
		};
	}
	const fix = parseTime(fixedAt, 'disciplines.D6.spc.fixedAt').toMillis();
	const all = options.measurements?.[spc.characteristic] ?? spc.measurements ?? [];
	const after = all
		.map((m, i) => ({ m, t: parseTime(m.at, `measurements[${i}].at`).toMillis() }))
		.filter(({ t }) => t > fix)
		.sort((a, b) => a.t - b.t)
		.map(({ m }) => ({ at: m.at, value: m.value }));
	const failures: Bilingual[] = [];
	if (after.length < minPoints) {
		failures.push({
			en: `D6: ${after.length} of ${minPoints} points after the fix`,
			zh: `D6：修复后只有 ${after.length} 个点，需要 ${minPoints} 个`,
		});
	}
	if (after.length < 2) return { ...base, after, passed: false, failures };
	const values = after.map((m) => m.value);
	let chart: ChartResult | undefined;
	let cap: CapabilityResult | undefined;
	try {
		chart = controlChart({ chart: 'imr', values, rules: options.rules ?? 'nelson' });
		failures.push(...violationReasons(chart, options.rules));
		if (spc.lsl === undefined && spc.usl === undefined) {
			failures.push({
				en: 'D6: no specification limits (lsl, usl) to compute Cpk',
				zh: 'D6：没有规格限（lsl、usl），无法计算 Cpk',
			});
		} else {
			cap = capability({ values, lsl: spc.lsl, usl: spc.usl, target: spc.target });
			if (!(cap.cpk >= minCpk)) {
				failures.push({
					en: `D6: Cpk ${shownCpk(cap.cpk, minCpk)} below ${minCpk}`,
					zh: `D6：Cpk ${shownCpk(cap.cpk, minCpk)} 低于 ${minCpk}`,
				});
			}
		}
	} catch (error) {
		// e.g. every point equal: no spread to set limits or capability from
		const message = (error as Error).message;
		failures.push({
			en: `D6: the SPC engine cannot chart the points after the fix: ${message}`,
			zh: `D6：SPC 引擎无法分析修复后的数据：${message}`,
		});
	}
	return {
		...base,
		after,
		...(chart && { chart }),
		...(cap && { capability: cap }),
		passed: failures.length === 0,
		failures,
	};
}
