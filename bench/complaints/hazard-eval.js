'use strict';
/**
 * Safety-first severity figures on labelled complaint sets: critical recall by language, false
 * critical rate on non-critical complaints, severity accuracy, category macro-F1, hazard class
 * recall, and the routing of Chinese dealer complaints (to service/delivery) and Chinese quality
 * complaints (away from service).
 * Usage: npm run build && node bench/complaints/hazard-eval.js [set.json ...]
 *   (default: the hazard held-out, unseen, fresh, bilingual, vehicle and indirect sets when present, the corpus and its held-out set;
 *    QMS_LIB points at another build of dist/lib)
 */
const fs = require('fs');
const path = require('path');
const lib = require(process.env.QMS_LIB || '../../dist/lib');

const fixtures = path.join(__dirname, '../../tests/fixtures/complaints');
const files = process.argv.slice(2);
if (files.length === 0) {
	for (const name of [
		'hazard-heldout.json',
		'hazard-unseen.json',
		'hazard-fresh.json',
		'hazard-bilingual.json',
		'hazard-vehicle.json',
		'hazard-vehicle-2.json',
		'hazard-indirect.json',
		'corpus.json',
		'heldout.json',
	])
		if (fs.existsSync(path.join(fixtures, name))) files.push(path.join(fixtures, name));
}

const SERVICE_NETWORK = new Set(['service', 'delivery']);

function macroF1(rows, predicted) {
	const labels = [...new Set(rows.map((r) => r.category))];
	let sum = 0;
	for (const label of labels) {
		let tp = 0;
		let fp = 0;
		let fn = 0;
		rows.forEach((r, i) => {
			if (predicted[i] === label && r.category === label) tp++;
			else if (predicted[i] === label) fp++;
			else if (r.category === label) fn++;
		});
		sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
	}
	return sum / labels.length;
}

const ratio = (n, d) => (d === 0 ? 'n/a' : `${(n / d).toFixed(3)} (${n}/${d})`);

function evaluate(file) {
	const rows = JSON.parse(fs.readFileSync(file, 'utf8')).complaints;
	const results = rows.map((r) => lib.classifyComplaint(r.text));
	const line = (label, value) => console.log(`  ${label.padEnd(44)} ${value}`);
	console.log(`${path.basename(file)}: ${rows.length} complaints`);
	for (const language of ['en', 'zh', 'mixed']) {
		const critical = rows
			.map((r, i) => [r, results[i]])
			.filter(([r]) => r.severity === 'critical' && r.language === language);
		if (critical.length === 0) continue;
		line(
			`critical recall ${language}`,
			ratio(critical.filter(([, x]) => x.severity === 'critical').length, critical.length),
		);
	}
	const nonCritical = rows
		.map((r, i) => [r, results[i]])
		.filter(([r]) => r.severity !== 'critical');
	line(
		'false critical on non-critical',
		ratio(nonCritical.filter(([, x]) => x.severity === 'critical').length, nonCritical.length),
	);
	line(
		'severity accuracy',
		ratio(rows.filter((r, i) => results[i].severity === r.severity).length, rows.length),
	);
	const majors = rows.map((r, i) => [r, results[i]]).filter(([r]) => r.severity === 'major');
	line(
		'major recognised as major',
		ratio(majors.filter(([, x]) => x.severity === 'major').length, majors.length),
	);
	line(
		'category macro-F1',
		macroF1(
			rows,
			results.map((x) => x.category),
		).toFixed(3),
	);
	line(
		'category accuracy',
		ratio(rows.filter((r, i) => results[i].category === r.category).length, rows.length),
	);
	const labelled = rows.map((r, i) => [r, results[i]]).filter(([r]) => r.hazards);
	if (labelled.length > 0) {
		let wanted = 0;
		let found = 0;
		for (const [r, x] of labelled) {
			const classes = new Set((x.hazards ?? []).map((h) => h.class));
			wanted += r.hazards.length;
			found += r.hazards.filter((c) => classes.has(c)).length;
		}
		line('hazard class recall (labelled classes found)', ratio(found, wanted));
	}
	// Dealer and service-network complaints: tagged as such, or Chinese ones labelled service/delivery.
	const dealer = rows
		.map((r, i) => [r, results[i]])
		.filter(
			([r]) => r.form === 'zhdealer' || (r.language === 'zh' && SERVICE_NETWORK.has(r.category)),
		);
	if (dealer.length > 0)
		line(
			'zh dealer/service complaints to service/delivery',
			ratio(dealer.filter(([, x]) => SERVICE_NETWORK.has(x.category)).length, dealer.length),
		);
	const quality = rows
		.map((r, i) => [r, results[i]])
		.filter(([r]) => r.language === 'zh' && !SERVICE_NETWORK.has(r.category));
	if (quality.length > 0)
		line(
			'zh quality complaints away from service',
			ratio(quality.filter(([, x]) => x.category !== 'service').length, quality.length),
		);
	if (process.env.SHOW_MISSES) {
		rows.forEach((r, i) => {
			const x = results[i];
			if (x.severity !== r.severity || x.category !== r.category)
				console.log(
					`    ${r.id} ${r.severity}/${r.category} -> ${x.severity}/${x.category}: ${r.text.slice(0, 90)}`,
				);
		});
	}
}

for (const file of files) evaluate(file);
