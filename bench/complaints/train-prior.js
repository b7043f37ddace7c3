'use strict';
/**
 * Regenerates lib/complaints/taxonomy/prior-model.json: the naive Bayes model (natural) trained
 * on the hand-labelled corpus, which the default classifier combines with keyword evidence.
 * Usage: QMS_LIB=/tmp/cc-dist/lib node bench/complaints/train-prior.js [corpus.json ...]
 */
const fs = require('fs');
const path = require('path');
const lib = require(process.env.QMS_LIB || '../../dist/lib');

const files = process.argv.slice(2);
if (files.length === 0)
	files.push(path.join(__dirname, '../../tests/fixtures/complaints/corpus.json'));
const examples = files.flatMap((f) =>
	JSON.parse(fs.readFileSync(f, 'utf8')).complaints.map((r) => ({
		text: r.text,
		category: r.category,
	})),
);
const model = lib.trainComplaintModel(examples, 'bayes');
fs.writeFileSync(
	path.join(__dirname, '../../lib/complaints/taxonomy/prior-model.json'),
	JSON.stringify(model) + '\n',
);
console.log(
	`prior model: ${model.examples} examples, ${Object.keys(model.state.features).length} features, labels ${model.labels.join(', ')}`,
);
