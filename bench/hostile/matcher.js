'use strict';
/**
 * Linearity of the complaint matcher on adversarial text: CPU time of classifyComplaint on
 * 10^4, 10^5 and 10^6 characters of each pattern, and the ratios t(10x) / t(x). A linear matcher
 * gives ratios near 10; quadratic behaviour gives ~100.
 * Patterns: near-miss prefixes of terms, one giant token, endless negation cues, one Han
 * character repeated (segmenter), alternating Han pairs, identifier labels without values,
 * '@' and digit runs (PII masking), typo-distance words (fuzzy matching), no whitespace at all.
 * Usage: node bench/hostile/matcher.js [pattern]   (QMS_LIB points at another build of dist/lib)
 */
const path = require('node:path');
const { classifyComplaint } = require(
	process.env.QMS_LIB || path.resolve(__dirname, '../../dist/lib'),
);

const PATTERNS = {
	'near-miss prefixes': 'scratc scra scratchh cartonn crushe delive ',
	'giant token': 'a',
	'negation cues': 'no not never without no ',
	'one Han char': '划',
	'Han pairs': '划痕外箱破损没有',
	'labels without values': 'PO# lot: P/N part no ',
	'@ and digits': 'a@b@c 1 2 3 4 5 6 7 8 9 0 +86 ',
	'typo words': 'scratsh crakced delviery manaul ',
	'no whitespace': 'scratchcartonlatefiresmoke',
	separators: ',,,;;;...、、、。。。',
};

function text(unit, n) {
	return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

function cpuMs(fn) {
	const before = process.cpuUsage();
	fn();
	const d = process.cpuUsage(before);
	return (d.user + d.system) / 1000;
}

const only = process.argv[2];
classifyComplaint('warm up the default classifier: scratches, late delivery, 外箱破损');
const rows = [];
for (const [name, unit] of Object.entries(PATTERNS)) {
	if (only && name !== only) continue;
	const times = [1e4, 1e5, 1e6].map((n) => {
		const t = text(unit, n);
		// warm the pattern's code paths first; best of 3 takes out GC pauses and timer noise
		classifyComplaint(text(unit, 1e5));
		let best = Infinity;
		for (let i = 0; i < 3; i++)
			best = Math.min(
				best,
				cpuMs(() => classifyComplaint(t)),
			);
		return best;
	});
	const row = {
		pattern: name,
		ms1e4: +times[0].toFixed(1),
		ms1e5: +times[1].toFixed(1),
		ms1e6: +times[2].toFixed(1),
		ratio5to4: +(times[1] / times[0]).toFixed(1),
		ratio6to5: +(times[2] / times[1]).toFixed(1),
	};
	rows.push(row);
	console.log(JSON.stringify(row));
}
const worst = rows.reduce((a, b) => (b.ratio6to5 > a.ratio6to5 ? b : a), rows[0]);
if (worst) console.log(`worst 10^6/10^5 ratio: ${worst.ratio6to5} (${worst.pattern})`);
