'use strict';
/**
 * CPU cost of the Complaint Intake node per request, outside n8n: webhook() with a stand-in
 * context (signature check, JSON validation, case id, both seen-id lists at their default bound of
 * 1000), for 10^4 distinct signed complaints of ~300 bytes, plus one 1 MB body.
 * Usage: node bench/hostile/intake.js   (after npm run build)
 */
const path = require('node:path');

const dist = path.resolve(__dirname, '../../dist');
const { signPayload } = require(path.join(dist, 'lib/intake'));
const { ComplaintIntake } = require(
	path.join(dist, 'nodes/ComplaintIntake/ComplaintIntake.node.js'),
);

const v1 = new ComplaintIntake().nodeVersions[1];
const SECRET = 'whsec_bench_0123456789abcdef';
const staticData = {};

async function call(body) {
	const ts = Math.floor(Date.now() / 1000);
	const headers = {
		'content-type': 'application/json',
		'x-qms-timestamp': String(ts),
		'x-qms-signature': signPayload(SECRET, ts, body),
	};
	const res = {
		status() {
			return this;
		},
		json() {
			return this;
		},
	};
	const ctx = {
		getRequestObject: () => ({ headers, rawBody: Buffer.from(body) }),
		getResponseObject: () => res,
		getNodeParameter: (name, fallback) =>
			name === 'options'
				? { maxBytes: 2 * 1024 * 1024, maxTextLength: 2_000_000 }
				: name === 'path'
					? 'complaints'
					: fallback,
		getCredentials: async () => ({ secret: SECRET }),
		getWorkflow: () => ({ id: 'bench' }),
		getWorkflowStaticData: () => staticData,
	};
	return v1.webhook.call(ctx);
}

(async () => {
	const n = 10_000;
	const bodies = Array.from({ length: n }, (_, i) =>
		JSON.stringify({
			messageId: `crm-${i}`,
			text: `The carton was crushed and two units have deep scratches, lot 23A0457, complaint ${i}. 外箱破损严重。`,
			customer: 'Contoso',
			receivedAt: '2026-03-02T09:15:00+08:00',
		}),
	);
	for (let i = 0; i < 200; i++) await call(bodies[i]);
	const before = process.cpuUsage();
	let accepted = 0;
	for (let i = 200; i < n; i++) if ((await call(bodies[i])).workflowData) accepted++;
	const cpu = process.cpuUsage(before);
	const perCall = (cpu.user + cpu.system) / (n - 200);
	const big = JSON.stringify({ messageId: 'crm-big', text: 'x'.repeat(1_000_000) });
	const b2 = process.cpuUsage();
	await call(big);
	const bigCpu = process.cpuUsage(b2);
	console.log(
		JSON.stringify({
			requests: n - 200,
			accepted,
			cpuMicrosecondsPerRequest: +perCall.toFixed(1),
			requestsPerCpuSecond: Math.round(1e6 / perCall),
			oneMegabyteBodyCpuMs: +((bigCpu.user + bigCpu.system) / 1000).toFixed(1),
			maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
		}),
	);
})();
