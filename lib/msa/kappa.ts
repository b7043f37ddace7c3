import { normalCdf } from '../spc/normal';
import { twoSidedZ, type Interval } from './confidence';

/** A kappa statistic with its test against 0 and a confidence interval. */
export interface KappaStat {
	kappa: number;
	/** Standard error used for the interval. */
	se: number;
	/** kappa / (standard error under kappa = 0). */
	z: number;
	/** One-sided p of z, "P(vs > 0)" in Minitab. */
	p: number;
	ci: Interval;
}

/** Fleiss' kappa overall and per category. */
export interface FleissKappa extends KappaStat {
	/** Per category, in the order of the columns; absent where no rater used the category. */
	byCategory: (KappaStat | undefined)[];
}

function stat(kappa: number, se: number, seNull: number, confidence: number): KappaStat {
	const z = kappa / seNull;
	const half = twoSidedZ(confidence) * se;
	// kappa lies in [-1, 1]; the normal interval does not know that
	return {
		kappa,
		se,
		z,
		p: 1 - normalCdf(z),
		ci: { lower: Math.max(-1, kappa - half), upper: Math.min(1, kappa + half) },
	};
}

/**
 * Fleiss' kappa of N subjects each rated by the same number n of raters into k categories
 * (Fleiss 1971, Psychological Bulletin 76: 378-382): counts[i][j] raters put subject i in
 * category j; P_i = (sum_j n_ij^2 - n) / (n (n - 1)), p_j = sum_i n_ij / (N n), kappa = (P-bar -
 * P_e) / (1 - P_e) with P_e = sum p_j^2; per category kappa_j = 1 - sum_i n_ij (n - n_ij) / (N n
 * (n - 1) p_j q_j). Standard errors under kappa = 0 from Fleiss, Nee & Landis (1979,
 * Psychological Bulletin 86: 974-977), as Minitab reports them: SE_j = sqrt(2 / (N n (n - 1))),
 * SE = sqrt(2) sqrt((sum p_j q_j)^2 - sum p_j q_j (q_j - p_j)) / (sum p_j q_j sqrt(N n (n - 1))).
 * The interval is kappa +/- z SE, clipped to [-1, 1]. Undefined (undefined returned) when every rating is one category.
 *
 * @example
 * fleissKappa(wikipediaTable, 0.95)?.kappa; // 0.2099 (10 subjects, 14 raters, 5 categories)
 */
export function fleissKappa(
	counts: readonly (readonly number[])[],
	confidence: number,
): FleissKappa | undefined {
	const subjects = counts.length;
	const raters = counts[0].reduce((a, b) => a + b, 0);
	const k = counts[0].length;
	const scale = subjects * raters * (raters - 1);
	const p = Array.from(
		{ length: k },
		(_, j) => counts.reduce((s, row) => s + row[j], 0) / (subjects * raters),
	);
	let pBar = 0;
	for (const row of counts)
		pBar += (row.reduce((s, c) => s + c * c, 0) - raters) / (raters * (raters - 1));
	pBar /= subjects;
	const pe = p.reduce((s, pj) => s + pj * pj, 0);
	if (!(1 - pe > 1e-15)) return undefined;
	const kappa = (pBar - pe) / (1 - pe);
	const pq = p.map((pj) => pj * (1 - pj));
	const sumPq = pq.reduce((a, b) => a + b, 0);
	const sumPqqp = pq.reduce((s, v, j) => s + v * (1 - 2 * p[j]), 0);
	const se = (Math.SQRT2 * Math.sqrt(sumPq * sumPq - sumPqqp)) / (sumPq * Math.sqrt(scale));
	const seCategory = Math.sqrt(2 / scale);
	const byCategory = p.map((pj, j) => {
		if (!(pq[j] > 0)) return undefined;
		const disagreement = counts.reduce((s, row) => s + row[j] * (raters - row[j]), 0);
		return stat(1 - disagreement / (scale * pq[j]), seCategory, seCategory, confidence);
	});
	return { ...stat(kappa, se, se, confidence), byCategory };
}

/**
 * Cohen's kappa of two raters over the same items (Cohen 1960, Educational and Psychological
 * Measurement 20: 37-46): table[i][j] items rated i by the first and j by the second; kappa =
 * (p_o - p_e) / (1 - p_e). The interval uses the large-sample standard error of Fleiss, Cohen &
 * Everitt (1969, Psychological Bulletin 72: 323-327), var = [sum_i p_ii (1 - (p_i. + p_.i)(1 -
 * kappa))^2 + (1 - kappa)^2 sum_(i != j) p_ij (p_.i + p_j.)^2 - (kappa - p_e (1 - kappa))^2] /
 * (n (1 - p_e)^2); z uses their standard error under kappa = 0, sqrt(p_e + p_e^2 - sum p_i. p_.i
 * (p_i. + p_.i)) / ((1 - p_e) sqrt n). Undefined when both raters always use one category.
 *
 * @example
 * cohenKappa([[20, 5], [10, 15]], 0.95)?.kappa; // 0.4, se 0.1270
 */
export function cohenKappa(
	table: readonly (readonly number[])[],
	confidence: number,
): KappaStat | undefined {
	const k = table.length;
	const n = table.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
	const pij = table.map((row) => row.map((c) => c / n));
	const rows = pij.map((row) => row.reduce((a, b) => a + b, 0));
	const cols = Array.from({ length: k }, (_, j) => pij.reduce((s, row) => s + row[j], 0));
	let po = 0;
	let pe = 0;
	for (let i = 0; i < k; i++) {
		po += pij[i][i];
		pe += rows[i] * cols[i];
	}
	if (!(1 - pe > 1e-15)) return undefined;
	const kappa = (po - pe) / (1 - pe);
	let diagonal = 0;
	let offDiagonal = 0;
	let nullTerm = 0;
	for (let i = 0; i < k; i++) {
		diagonal += pij[i][i] * (1 - (rows[i] + cols[i]) * (1 - kappa)) ** 2;
		nullTerm += rows[i] * cols[i] * (rows[i] + cols[i]);
		for (let j = 0; j < k; j++) if (i !== j) offDiagonal += pij[i][j] * (cols[i] + rows[j]) ** 2;
	}
	const variance =
		(diagonal + (1 - kappa) ** 2 * offDiagonal - (kappa - pe * (1 - kappa)) ** 2) /
		(n * (1 - pe) ** 2);
	const seNull = Math.sqrt(pe + pe * pe - nullTerm) / ((1 - pe) * Math.sqrt(n));
	return stat(kappa, Math.sqrt(Math.max(0, variance)), seNull, confidence);
}
