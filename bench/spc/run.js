'use strict';
/**
 * SPC benchmark (not a CI test): I-MR with all eight Nelson rules on 10^6 points, against a plain
 * loop that only sums the same Float64Array, measured in the same run; then the time for 10^7.
 *
 *   node bench/spc/run.js                          # uses ../../dist/lib (npm run build first)
 *   QMS_LIB=/tmp/spc-dist/lib node bench/spc/run.js
 *
 * Reported: best of several runs after warm-up, so that a busy machine (other processes, GC)
 * distorts the ratio as little as possible. Two engine figures:
 *   - imrScan: limits, moving ranges and all rule reports, no per-point arrays (streaming use);
 *   - controlChart: the full contract result, which also copies the points and the moving-range
 *     series into plain arrays for JSON.
 */
const os = require('node:os');
const path = require('node:path');

const lib = require(
	process.env.QMS_LIB ? path.resolve(process.env.QMS_LIB) : path.join(__dirname, '../../dist/lib'),
);

/** Deterministic N(0, 1) series (Park-Miller + Box-Muller) so every run sees the same data. */
function normalSeries(n, seed = 12345) {
	const out = new Float64Array(n);
	let s = seed;
	const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
	for (let i = 0; i < n; i++)
		out[i] = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
	return out;
}

/** Best wall time of `reps` calls, in milliseconds. */
function best(fn, reps) {
	let min = Infinity;
	for (let r = 0; r < reps; r++) {
		const t = process.hrtime.bigint();
		fn();
		min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
	}
	return min;
}

let sink = 0;
function sumLoop(values) {
	let total = 0;
	for (let i = 0; i < values.length; i++) total += values[i];
	return total;
}

const N = 1e6;
const values = normalSeries(N);
const rules = lib.resolveRules('nelson');
const scan = () => lib.imrScan(values, {}, undefined, rules);
const full = () => lib.controlChart({ chart: 'imr', values, rules: 'nelson' });

// warm-up so every function runs optimized code
for (let i = 0; i < 5; i++) {
	sink += sumLoop(values);
	sink += scan().violations.length;
	sink += full().violations.length;
}
const sumMs = best(() => (sink += sumLoop(values)), 40);
const scanMs = best(() => (sink += scan().violations.length), 15);
const fullMs = best(() => (sink += full().violations.length), 8);
const reports = scan().violations.length;

const big = normalSeries(1e7, 777);
const bigScanMs = best(() => (sink += lib.imrScan(big, {}, undefined, rules).violations.length), 3);
const bigFullMs = best(
	() => (sink += lib.controlChart({ chart: 'imr', values: big }).violations.length),
	2,
);

const result = {
	node: process.version,
	points: N,
	reports,
	sumLoopMs: +sumMs.toFixed(3),
	imrScanMs: +scanMs.toFixed(2),
	controlChartMs: +fullMs.toFixed(2),
	ratioScan: +(scanMs / sumMs).toFixed(1),
	ratioControlChart: +(fullMs / sumMs).toFixed(1),
	imrScan1e7Ms: +bigScanMs.toFixed(1),
	controlChart1e7Ms: +bigFullMs.toFixed(1),
	goalRatio: 8,
	// 1-minute load average and cores: on a shared machine the figures only mean something beside them
	load: +os.loadavg()[0].toFixed(2),
	cores: os.cpus().length,
};
console.log(`I-MR + Nelson N1-N8 on ${N} points (${reports} rule reports)`);
console.log(`  plain sum loop     ${result.sumLoopMs} ms`);
console.log(`  imrScan            ${result.imrScanMs} ms   ratio ${result.ratioScan}`);
console.log(`  controlChart       ${result.controlChartMs} ms   ratio ${result.ratioControlChart}`);
console.log(
	`  10^7 points: imrScan ${result.imrScan1e7Ms} ms, controlChart ${result.controlChart1e7Ms} ms`,
);
console.log(`  load ${result.load} on ${result.cores} cores`);
console.log(JSON.stringify(result));
if (sink === 42) console.log('');
