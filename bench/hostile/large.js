'use strict';
/**
 * Peak memory of the engines on large inputs, each case in its own child process so that the
 * peak (process.resourceUsage().maxRSS) belongs to that case alone:
 *   baseline      load the library only
 *   text-1MB      classifyComplaint on a 1 MB complaint (mixed English/Chinese, maskPii)
 *   series-1e6    controlChart I-MR on 10^6 points (plain array, as n8n items carry them), Nelson rules
 *   suppliers-1e6 scoreSuppliers on 10^6 raw rows (receipts, deliveries, SCARs, complaints; 200 suppliers, 12 months)
 * Usage: node bench/hostile/large.js [case]   (QMS_LIB points at another build of dist/lib)
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const { mulberry32 } = require('../support/random');

const LIB = process.env.QMS_LIB || path.resolve(__dirname, '../../dist/lib');

const rand = mulberry32(42);

/** RSS now (after building the input, before the engine runs). */
const rssMB = () => Math.round(process.memoryUsage().rss / 2 ** 20);

const CASES = {
	baseline() {
		require(LIB);
		return { note: 'library loaded' };
	},
	'text-1MB'() {
		const { classifyComplaint } = require(LIB);
		const parts = [
			'The housing arrived with deep scratches. ',
			'外箱破损严重，产品有划痕。',
			'Delivery was two weeks late, lot 23A0457. ',
			'No smoke, no fire. ',
			'contact qa@example.com +1 415 555 0100. ',
		];
		let text = '';
		while (text.length < 1_000_000) text += parts[Math.floor(rand() * parts.length)];
		text = text.slice(0, 1_000_000);
		const inputRssMB = rssMB();
		const r = classifyComplaint(text, { maskPii: true, prior: true });
		return {
			inputRssMB,
			chars: text.length,
			category: r.category,
			keywords: r.keywords.length,
			severity: r.severity,
		};
	},
	'series-1e6'() {
		const { controlChart } = require(LIB);
		const n = 1_000_000;
		const values = new Array(n);
		for (let i = 0; i < n; i++) values[i] = 50 + (rand() + rand() + rand() - 1.5) * 4;
		const inputRssMB = rssMB();
		const r = controlChart({ chart: 'imr', values, rules: 'nelson' });
		return { inputRssMB, points: r.points.length, violations: r.violations.length };
	},
	'suppliers-1e6'() {
		const { scoreSuppliers } = require(LIB);
		const n = 1_000_000;
		const rows = new Array(n);
		for (let i = 0; i < n; i++) {
			const supplier = `S${Math.floor(rand() * 200)}`;
			const m = 1 + Math.floor(rand() * 12);
			const date = `2025-${String(m).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
			const k = rand();
			if (k < 0.6)
				rows[i] = {
					kind: 'receipt',
					supplier,
					date,
					received: 100 + Math.floor(rand() * 900),
					rejected: rand() < 0.9 ? 0 : Math.floor(rand() * 5),
				};
			else if (k < 0.9) rows[i] = { kind: 'delivery', supplier, date, promisedDate: date };
			else if (k < 0.97) rows[i] = { kind: 'scar', supplier, date, dueAt: date, closedAt: date };
			else rows[i] = { kind: 'complaint', supplier, date, severity: 'minor' };
		}
		const inputRssMB = rssMB();
		const cards = scoreSuppliers(rows);
		return {
			inputRssMB,
			periods: new Set(cards.map((c) => c.period)).size,
			suppliers: new Set(cards.map((c) => c.supplier)).size,
			rows: n,
			cards: cards.length,
		};
	},
};

const only = process.argv[2];
if (only && process.env.QMS_BENCH_CHILD) {
	const began = process.hrtime.bigint();
	const result = CASES[only]();
	const ms = Number(process.hrtime.bigint() - began) / 1e6;
	const usage = process.resourceUsage();
	process.stdout.write(
		JSON.stringify({
			case: only,
			ms: Math.round(ms),
			cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
			maxRssMB: Math.round(usage.maxRSS / 1024),
			...result,
		}),
	);
} else {
	const rows = [];
	for (const name of only ? [only] : Object.keys(CASES)) {
		const out = execFileSync(process.execPath, [__filename, name], {
			env: { ...process.env, QMS_BENCH_CHILD: '1' },
			encoding: 'utf8',
			timeout: 600_000,
			maxBuffer: 1 << 20,
		});
		rows.push(JSON.parse(out));
		console.log(out);
	}
	const base = rows.find((r) => r.case === 'baseline');
	if (base)
		for (const r of rows)
			if (r !== base)
				console.log(
					`${r.case}: peak RSS ${r.maxRssMB} MB (library alone ${base.maxRssMB} MB, with the input built ${r.inputRssMB} MB), ${r.ms} ms`,
				);
}
