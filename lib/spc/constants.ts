import { normalCdf } from './normal';

/**
 * Grid of the range-distribution integrals. The integrands are smooth and decay like the normal
 * tail, so the trapezoid rule in x converges geometrically; step 0.05 on [-9, 9] reproduces the
 * closed forms d2(2) = 2/sqrt(pi) and d3(2) = sqrt(2 - 4/pi) to 1e-14.
 */
const STEP = 0.05;
const HALF_WIDTH = 9;
const GRID = Math.round((2 * HALF_WIDTH) / STEP);

let phiGrid: Float64Array | undefined;
const rangeMoments = new Map<number, { d2: number; d3: number }>();

/** Phi on the integration grid, computed once. */
function gridCdf(): Float64Array {
	if (!phiGrid) {
		phiGrid = new Float64Array(GRID + 1);
		for (let i = 0; i <= GRID; i++) phiGrid[i] = normalCdf(-HALF_WIDTH + i * STEP);
	}
	return phiGrid;
}

/** Throws unless n is a whole subgroup size of at least 2. */
function checkSize(n: number, what: string): void {
	if (!Number.isInteger(n) || n < 2) {
		throw new Error(`${what}: subgroup size must be a whole number >= 2, got ${String(n)}`);
	}
}

/**
 * E[W] and SD[W] of the range W of n standard normals:
 * E[W] = int (1 - Phi(x)^n - (1 - Phi(x))^n) dx, and
 * E[W^2] = 2 int_0^inf G(w) dw with G(w) = int (1 - Phi(x)^n - (1 - Phi(x-w))^n + (Phi(x) - Phi(x-w))^n) dx.
 * G is integrated over w by Simpson's rule on the same grid, so Phi(x - w) is a grid value.
 */
function computeRangeMoments(n: number): { d2: number; d3: number } {
	const p = gridCdf();
	let mean = 0;
	for (let i = 0; i <= GRID; i++) mean += 1 - p[i] ** n - (1 - p[i]) ** n;
	mean *= STEP;
	let second = 0;
	for (let j = 0; j <= GRID; j++) {
		let g = 0;
		for (let i = 0; i <= GRID; i++) {
			const lower = i >= j ? p[i - j] : 0;
			g += 1 - p[i] ** n - (1 - lower) ** n + (p[i] - lower) ** n;
		}
		const weight = j === 0 || j === GRID ? 1 : j % 2 === 1 ? 4 : 2;
		second += weight * g * STEP;
	}
	second *= (2 * STEP) / 3;
	return { d2: mean, d3: Math.sqrt(second - mean * mean) };
}

/** Range moments for size n, integrated once per size. */
function moments(n: number): { d2: number; d3: number } {
	let m = rangeMoments.get(n);
	if (!m) {
		m = computeRangeMoments(n);
		rangeMoments.set(n, m);
	}
	return m;
}

/**
 * d2(n): expected range of n standard normal values, by numerical integration (not a table).
 *
 * @example
 * d2(2); // 1.1283791670955126 (= 2 / sqrt(pi))
 * d2(5); // 2.3259289472810...
 */
export function d2(n: number): number {
	checkSize(n, 'd2');
	return moments(n).d2;
}

/**
 * d3(n): standard deviation of the range of n standard normal values, by numerical integration.
 *
 * @example
 * d3(2); // 0.8525024664274... (= sqrt(2 - 4/pi))
 */
export function d3(n: number): number {
	checkSize(n, 'd3');
	return moments(n).d3;
}

/**
 * c4(n) = sqrt(2/(n-1)) Gamma(n/2) / Gamma((n-1)/2), the bias of the sample SD. The gamma ratio
 * r(n) = Gamma(n/2)/Gamma((n-1)/2) follows exactly from r(2) = 1/sqrt(pi), r(3) = sqrt(pi)/2 and
 * Gamma(z+1) = z Gamma(z), i.e. r(n+2) = r(n) * n/(n-1), which stays accurate for large n where
 * the gammas themselves overflow.
 *
 * @example
 * c4(2);  // 0.7978845608028654 (= sqrt(2/pi))
 * c4(25); // 0.98964...
 */
export function c4(n: number): number {
	checkSize(n, 'c4');
	let r = n % 2 === 0 ? 1 / Math.sqrt(Math.PI) : Math.sqrt(Math.PI) / 2;
	for (let m = n % 2 === 0 ? 2 : 3; m < n; m += 2) r *= m / (m - 1);
	return Math.sqrt(2 / (n - 1)) * r;
}

/** All Shewhart factors for one subgroup size. */
export interface ChartConstants {
	n: number;
	d2: number;
	d3: number;
	c4: number;
	A: number;
	A2: number;
	A3: number;
	D1: number;
	D2: number;
	D3: number;
	D4: number;
	B3: number;
	B4: number;
	B5: number;
	B6: number;
	E2: number;
}

/**
 * The control-chart factors for subgroup size n, derived from the exact d2, d3 and c4
 * (A = 3/sqrt(n), A2 = 3/(d2 sqrt(n)), A3 = 3/(c4 sqrt(n)), D1..D4, B3..B6, E2 = 3/d2;
 * lower factors clipped at 0).
 *
 * @example
 * chartConstants(5).A2; // 0.5768...
 * chartConstants(5).D4; // 2.1144...
 */
export function chartConstants(n: number): ChartConstants {
	const d2n = d2(n);
	const d3n = d3(n);
	const c4n = c4(n);
	const sCoef = (3 * Math.sqrt(1 - c4n * c4n)) / c4n;
	return {
		n,
		d2: d2n,
		d3: d3n,
		c4: c4n,
		A: 3 / Math.sqrt(n),
		A2: 3 / (d2n * Math.sqrt(n)),
		A3: 3 / (c4n * Math.sqrt(n)),
		D1: Math.max(0, d2n - 3 * d3n),
		D2: d2n + 3 * d3n,
		D3: Math.max(0, 1 - (3 * d3n) / d2n),
		D4: 1 + (3 * d3n) / d2n,
		B3: Math.max(0, 1 - sCoef),
		B4: 1 + sCoef,
		B5: Math.max(0, c4n - 3 * Math.sqrt(1 - c4n * c4n)),
		B6: c4n + 3 * Math.sqrt(1 - c4n * c4n),
		E2: 3 / d2n,
	};
}
