'use strict';
/**
 * Cross-validated figures of the built-in prior model: the labelled sets are joined, split into
 * k folds (stratified by set, fixed order so the run is repeatable), and each fold is classified
 * by a classifier whose model was trained on the other folds only, with the prior's weight (0.4).
 * Prints category macro-F1 and accuracy per set and overall, and severity figures (severity does
 * not depend on the model, so they equal the plain hazard-eval figures).
 * Usage: npm run build && node bench/complaints/prior-cv.js [k] [set.json ...]
 *   (default k = 5 over the prior's training sets: corpus, heldout, hazard-heldout, hazard-unseen)
 */
const fs = require('fs');
const path = require('path');
const lib = require(process.env.QMS_LIB || '../../dist/lib');

const fixtures = path.join(__dirname, '../../tests/fixtures/complaints');
const args = process.argv.slice(2);
const k = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 5;
const files = args.length
	? args
	: ['corpus.json', 'heldout.json', 'hazard-heldout.json', 'hazard-unseen.json'].map((f) =>
			path.join(fixtures, f),
		);
/** Prior weight of the built-in classifier (lib/complaints/classifier.ts PRIOR_WEIGHT). */
const PRIOR_WEIGHT = Number(process.env.PRIOR_WEIGHT ?? 0.4);

const rows = files.flatMap((file) =>
	JSON.parse(fs.readFileSync(file, 'utf8')).complaints.map((r, i) => ({
		...r,
		set: path.basename(file, '.json'),
		fold: i % k,
	})),
);

function macroF1(subset) {
	const labels = [...new Set(subset.map((r) => r.category))];
	let sum = 0;
	for (const label of labels) {
		let tp = 0;
		let fp = 0;
		let fn = 0;
		for (const r of subset) {
			if (r.predicted === label && r.category === label) tp++;
			else if (r.predicted === label) fp++;
			else if (r.category === label) fn++;
		}
		sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
	}
	return sum / labels.length;
}

for (let fold = 0; fold < k; fold++) {
	const model = lib.trainComplaintModel(
		rows.filter((r) => r.fold !== fold).map((r) => ({ text: r.text, category: r.category })),
		'bayes',
	);
	const classify = lib.createComplaintClassifier({ model, modelWeight: PRIOR_WEIGHT });
	for (const r of rows.filter((x) => x.fold === fold)) {
		const result = classify(r.text);
		r.predicted = result.category;
		r.predictedSeverity = result.severity;
	}
}

console.log(`${k}-fold cross-validation of the prior model, ${rows.length} complaints`);
for (const set of [...new Set(rows.map((r) => r.set)), 'all']) {
	const subset = set === 'all' ? rows : rows.filter((r) => r.set === set);
	const accuracy = subset.filter((r) => r.predicted === r.category).length / subset.length;
	const severity = subset.filter((r) => r.predictedSeverity === r.severity).length / subset.length;
	console.log(
		`  ${set.padEnd(16)} n=${String(subset.length).padStart(4)}  category macro-F1 ${macroF1(subset).toFixed(3)}  accuracy ${accuracy.toFixed(3)}  severity accuracy ${severity.toFixed(3)}`,
	);
}
