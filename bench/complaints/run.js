'use strict';
/**
 * Complaint classifier throughput: 10^5 synthetic complaints (English, Chinese, mixed; 50-400
 * characters) classified with the default taxonomy on one core, compared with bare tokenisation
 * (natural tokenizer + Porter stems, jieba words) of the same texts.
 * Usage: node bench/complaints/run.js [count]   (QMS_LIB points at another build of dist/lib)
 */
const lib = require(process.env.QMS_LIB || '../../dist/lib');

const N = Number(process.argv[2] || 1e5);

// Deterministic generator, so runs compare the same texts.
let seed = 12345;
function rand() {
	seed = (seed * 1103515245 + 12345) & 0x7fffffff;
	return seed / 0x7fffffff;
}
const pick = (list) => list[Math.floor(rand() * list.length)];

const en = [
	'The housing arrived with deep scratches on the front panel.',
	'Two units stopped working after a week, no power at all.',
	'The carton was crushed and the foam insert was missing.',
	'Delivery was two weeks late and nobody told us.',
	'Your support team has not replied to our emails.',
	'The manual does not explain how to calibrate the sensor.',
	'No leaks were found, but the paint is peeling off.',
	'We received 450 pcs instead of 500, please ship the rest.',
	'The plastic clips are brittle and snap during assembly.',
	'Firmware update makes the controller freeze on boot.',
	'Lot 23A0457, PO 4500012345, part no 12-3456-01.',
	'Customer reports the charger smells of smoke when hot.',
	'Please contact me at qa.buyer@example.com or +1 415 555 0100.',
];
const zh = [
	'产品表面有明显划痕，客户拒收。',
	'外箱破损严重，里面的产品有磕碰。',
	'交货延迟了两个星期，影响生产计划。',
	'售后电话一直打不通，发邮件也没人回复。',
	'说明书是旧版的，和实际产品不一致。',
	'没有发现漏水，但是螺丝松动有异响。',
	'不锈钢螺丝生锈了，怀疑材质不对。',
	'固件升级以后设备经常死机。',
	'批号：2305-118，订单号 SO20230815。',
	'使用时插座冒烟，拆开发现端子烧焦了。',
];
function complaint() {
	const target = 50 + Math.floor(rand() * 351);
	const mode = rand();
	let text = '';
	while (text.length < target) {
		const useZh = mode < 0.4 ? true : mode < 0.8 ? false : rand() < 0.5;
		text += (text && !useZh ? ' ' : '') + pick(useZh ? zh : en);
	}
	return text.slice(0, target);
}

const texts = Array.from({ length: N }, complaint);
const chars = texts.reduce((s, t) => s + t.length, 0);
const classify = lib.createComplaintClassifier();

function time(label, fn) {
	for (let i = 0; i < Math.min(2000, N); i++) fn(texts[i]); // warm-up: JIT, jieba dictionary, stem cache
	const t0 = process.hrtime.bigint();
	const cpu0 = process.cpuUsage();
	let sink = 0;
	for (let i = 0; i < N; i++) sink += fn(texts[i]);
	const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
	// CPU time of this process: on a shared machine wall time also counts other people's work.
	const cpu = process.cpuUsage(cpu0);
	const cpuSeconds = (cpu.user + cpu.system) / 1e6;
	const rate = N / cpuSeconds;
	const fmt = (x) => Math.round(x).toLocaleString('en-US');
	console.log(
		`${label.padEnd(28)} ${fmt(rate)} complaints/s per CPU second (${cpuSeconds.toFixed(2)} s CPU; wall ${seconds.toFixed(2)} s = ${fmt(N / seconds)}/s)  checksum ${sink}`,
	);
	return rate;
}

console.log(`${N} complaints, mean ${(chars / N).toFixed(0)} characters, node ${process.version}`);
const tokenRate = time('bare tokenisation', (t) => lib.tokenizeComplaint(t).length);
const classifyRate = time('classifyComplaint (default)', (t) => classify(t).keywords.length);
console.log(
	`classification / tokenisation throughput ratio: ${(classifyRate / tokenRate).toFixed(2)} (classification costs ${(tokenRate / classifyRate).toFixed(2)}x tokenisation)`,
);
