/**
 * Supplier scoring benchmark: 10^6 raw rows for 2,000 suppliers over 12 months, scored by
 * month with the default scheme, against one plain pass over the same rows (read kind,
 * supplier, date; bucket by supplier and month; add up quantities). Goal: ratio <= 10.
 *
 *   QMS_LIB=/tmp/sup-dist/lib node bench/suppliers/run.js [rows] [suppliers]
 *
 * Two input shapes: date-only strings (typical ERP export) and ISO timestamps with offsets
 * scored in a DST zone (Europe/Berlin), the slow path for date handling.
 */
'use strict';

const path = require('node:path');
const lib = require(path.resolve(__dirname, process.env.QMS_LIB || '../../dist/lib'));

const ROWS = Number(process.argv[2] || 1e6);
const SUPPLIERS = Number(process.argv[3] || 2000);

/** Deterministic PRNG (mulberry32) so every run scores the same rows. */
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const pad = (n) => String(n).padStart(2, '0');

function makeRows(withTime) {
	const rand = prng(42);
	const rows = new Array(ROWS);
	let clock = '';
	const date = (month, day) => `2025-${pad(month)}-${pad(day)}${clock}`;
	for (let i = 0; i < ROWS; i++) {
		// One time of day per row keeps a row's later dates after its opening date.
		if (withTime)
			clock = `T${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}:00+01:00`;
		const supplier = `SUP-${String(Math.floor(rand() * SUPPLIERS)).padStart(5, '0')}`;
		const month = 1 + Math.floor(rand() * 12);
		const day = 1 + Math.floor(rand() * 28);
		const r = rand();
		if (r < 0.5) {
			const received = 100 + Math.floor(rand() * 900);
			rows[i] = {
				kind: 'receipt',
				supplier,
				date: date(month, day),
				received,
				rejected: rand() < 0.05 ? Math.floor(rand() * 5) : 0,
			};
		} else if (r < 0.9) {
			const late = rand() < 0.08 ? 1 + Math.floor(rand() * 3) : 0;
			rows[i] = {
				kind: 'delivery',
				supplier,
				date: date(month, day),
				promisedDate: date(month, Math.max(1, day - late)),
			};
		} else if (r < 0.92) {
			const closed = rand() < 0.8;
			rows[i] = {
				kind: 'scar',
				supplier,
				date: date(month, day),
				respondedAt: date(month, Math.min(28, day + 1)),
				closedAt: closed ? date(month, Math.min(28, day + 5)) : '',
			};
		} else if (r < 0.97) {
			rows[i] = {
				kind: 'complaint',
				supplier,
				date: date(month, day),
				severity: rand() < 0.02 ? 'critical' : 'minor',
			};
		} else if (r < 0.98) {
			rows[i] = { kind: 'disruption', supplier, date: date(month, day) };
		} else {
			rows[i] = {
				kind: 'cost',
				supplier,
				date: date(month, day),
				amount: Math.floor(rand() * 2000),
				category: rand() < 0.5 ? 'premium_freight' : 'scrap',
			};
		}
	}
	return rows;
}

/** One plain pass: bucket every row by supplier and month and add up what it carries. */
function plainPass(rows) {
	const buckets = new Map();
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		let months = buckets.get(r.supplier);
		if (months === undefined) buckets.set(r.supplier, (months = new Map()));
		const month = r.date.slice(0, 7);
		let b = months.get(month);
		if (b === undefined) months.set(month, (b = { rows: 0, received: 0, rejected: 0, late: 0 }));
		b.rows++;
		if (r.kind === 'receipt') {
			b.received += r.received;
			b.rejected += r.rejected;
		} else if (r.kind === 'delivery' && r.date > r.promisedDate) b.late++;
	}
	return buckets;
}

function time(fn) {
	const t0 = process.hrtime.bigint();
	const result = fn();
	return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

function best(fn, runs) {
	let min = Infinity;
	let result;
	for (let i = 0; i < runs; i++) {
		const t = time(fn);
		if (t.ms < min) min = t.ms;
		result = t.result;
	}
	return { ms: min, result };
}

function bench(label, rows, scheme) {
	const plain = best(() => plainPass(rows), 5);
	const scored = best(() => lib.scoreSuppliers(rows, scheme), 3);
	const cards = scored.result;
	console.log(
		`${label}: ${rows.length} rows, ${SUPPLIERS} suppliers -> ${cards.length} scorecards; ` +
			`scoreSuppliers ${scored.ms.toFixed(0)} ms, plain pass ${plain.ms.toFixed(0)} ms, ratio ${(scored.ms / plain.ms).toFixed(2)} (best of 3 and 5)`,
	);
	return scored.ms / plain.ms;
}

const dateOnly = makeRows(false);
bench('date-only, UTC months', dateOnly, {});
const withTime = makeRows(true);
bench('timestamps +01:00, Europe/Berlin months', withTime, { zone: 'Europe/Berlin' });
