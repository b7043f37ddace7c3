import type { ScoreCurve } from './types';

/**
 * Maps a metric value to 0..100. With only `target` and `limit`: the target or better scores
 * 100, the limit or worse scores 0, linear in between. With `points` (value, score pairs in
 * increasing value order): piecewise linear through them, flat beyond the first and last.
 *
 * @example
 * curveScore({ target: 0, limit: 1000 }, 250);  // 75   (ppm: lower is better)
 * curveScore({ target: 1, limit: 0.8 }, 0.95);  // 75   (otd: higher is better)
 * curveScore({ target: 0, limit: 500, points: [[0, 100], [100, 90], [500, 0]] }, 50); // 95
 */
export function curveScore(curve: ScoreCurve, value: number): number {
	if (curve.points && curve.points.length > 0) return piecewise(curve.points, value);
	const { target, limit } = curve;
	const t = (value - limit) / (target - limit);
	return 100 * Math.min(1, Math.max(0, t));
}

/**
 * Checks a curve and names the offending field in the error.
 *
 * @example
 * validateCurve('ppm', { target: 0, limit: 1000 }); // ok
 * validateCurve('ppm', { target: 5, limit: 5 });    // throws: target and limit must differ
 */
export function validateCurve(id: string, curve: ScoreCurve): void {
	const where = `scheme.curves.${id}`;
	if (!Number.isFinite(curve.target)) throw new Error(`${where}.target must be a finite number`);
	if (!Number.isFinite(curve.limit)) throw new Error(`${where}.limit must be a finite number`);
	if (curve.target === curve.limit) throw new Error(`${where}: target and limit must differ`);
	if (curve.points === undefined) return;
	if (!Array.isArray(curve.points))
		throw new Error(`${where}.points must be an array of [value, score] pairs`);
	curve.points.forEach((point, i) => {
		const ok = Array.isArray(point) && point.length === 2 && point.every(Number.isFinite);
		if (!ok) throw new Error(`${where}.points[${i}] must be a [value, score] pair of numbers`);
		if (point[1] < 0 || point[1] > 100)
			throw new Error(`${where}.points[${i}]: score must be within 0..100`);
		if (i > 0 && point[0] <= curve.points![i - 1][0]) {
			throw new Error(`${where}.points[${i}]: values must increase`);
		}
	});
}

function piecewise(points: Array<[number, number]>, value: number): number {
	if (value <= points[0][0]) return points[0][1];
	for (let i = 1; i < points.length; i++) {
		const [x1, y1] = points[i];
		if (value <= x1) {
			const [x0, y0] = points[i - 1];
			return y0 + ((value - x0) / (x1 - x0)) * (y1 - y0);
		}
	}
	return points[points.length - 1][1];
}
