'use strict';
/**
 * Scale-out test: n8n in queue mode (main + workers over Redis, shared Postgres) with this package
 * installed as a community package, driving the shipped template "QMS: complaint intake (webhook)"
 * (workflows/complaint-intake-webhook.json: signed Complaint Intake trigger, classifier, 8D report,
 * case row in the qms_cases Data Table, acknowledgement mail, escalation of critical complaints).
 *
 *   node tests/scale/run.js [count]        (default 10000 complaints per phase)
 *
 * Postgres and Redis come from Debian's packages (installed with apt-get when missing) and listen on
 * 127.0.0.1 only; an SMTP sink on 127.0.0.1 takes the mails. Phases:
 *   single   n8n's default single process (regular mode) on the same Postgres
 *   queue-1  main + 1 worker
 *   queue-2  main + 2 workers
 *   kill     main + 2 workers, one worker killed (SIGKILL) when a third of the complaints are sent
 * Each phase asserts: every accepted complaint has exactly one case row (none lost, none twice),
 * severity and category equal to the in-process engine's, the response deadline 24 h (vip) or 72 h
 * after receipt, one acknowledgement per case and one escalation mail per critical case. Every loop
 * is bounded in count and time. Results go to stdout and <work>/results.json.
 * Env: QMS_N8N_CACHE (n8n install), QMS_SCALE_WORK (default /tmp/qms-scale), QMS_SCALE_PHASES
 * (comma list of `name` or `name:count`), QMS_SCALE_DEADLINE_MS (everything stops, failed, after
 * it; default 85 min), QMS_SCALE_PHASE_TIMEOUT_MS (sending, and waiting for the cases, per phase;
 * default 40 min), QMS_SCALE_CONCURRENCY (parallel requests, default 24), QMS_SCALE_CPU_PROFILE (a
 * folder for V8 CPU profiles of the main process); N8N_* variables pass through to n8n.
 */
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const { SMTPServer } = require('smtp-server');

const n8n = require('../../scripts/n8n');

const ROOT = path.resolve(__dirname, '../..');
const COUNT = Math.min(Number(process.argv[2] || 10000), 100000);
/** Phases to run, each `name` or `name:count` (count defaults to COUNT). */
const PHASES = (process.env.QMS_SCALE_PHASES || 'single,queue-1,queue-2,kill')
	.split(',')
	.map((spec) => {
		const [name, count] = spec.split(':');
		if (!['single', 'queue-1', 'queue-2', 'kill'].includes(name))
			throw new Error(`unknown phase ${name}`);
		return { name, count: Math.min(Number(count || COUNT), 100000) };
	});
/** Everything stops (and fails) after this, whatever is running. */
const DEADLINE_MS = Number(process.env.QMS_SCALE_DEADLINE_MS || 85 * 60 * 1000);
const WORK = process.env.QMS_SCALE_WORK || '/tmp/qms-scale';
const CONCURRENCY = Number(process.env.QMS_SCALE_CONCURRENCY || 24);
const SECRET = 'whsec_scale_0123456789abcdef';
const ENCRYPTION_KEY = 'qms-scale-test-encryption-key-0001';
const PHASE_TIMEOUT_MS = Number(process.env.QMS_SCALE_PHASE_TIMEOUT_MS || 40 * 60 * 1000);
const TEMPLATE = JSON.parse(
	fs.readFileSync(path.join(ROOT, 'workflows', 'complaint-intake-webhook.json'), 'utf8'),
);
const SETUP = JSON.parse(
	fs.readFileSync(path.join(ROOT, 'workflows', 'qms-setup-data-tables.json'), 'utf8'),
);
const QUALITY_EMAIL = 'quality@example.com';

const lib = require(path.join(ROOT, 'dist/lib'));
const { signPayload } = require(path.join(ROOT, 'dist/lib/intake'));

const children = [];
const log = (...args) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- Postgres and Redis

function aptInstall(packages) {
	log(`installing ${packages.join(' ')} with apt-get`);
	execFileSync('apt-get', ['update'], { stdio: 'inherit', timeout: 600000 });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
		stdio: 'inherit',
		timeout: 900000,
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

function pgBin() {
	const base = '/usr/lib/postgresql';
	const versions = fs.existsSync(base)
		? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'postgres')))
		: [];
	return versions.length
		? path.join(base, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin')
		: undefined;
}

function ensurePackages() {
	const missing = [];
	if (!pgBin()) missing.push('postgresql');
	if (!fs.existsSync('/usr/bin/redis-server')) missing.push('redis-server');
	if (missing.length) aptInstall(missing);
}

const asRoot = process.getuid && process.getuid() === 0;
/** Postgres refuses to run as root: run its programs as the Debian `postgres` user then. */
function pgCommand(program, args) {
	return asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function spawnChild(name, command, args, options = {}) {
	const out = fs.openSync(path.join(WORK, `${name}.log`), 'a');
	const child = spawn(command, args, { stdio: ['ignore', out, out], detached: true, ...options });
	child.qmsName = name;
	children.push(child);
	child.on('exit', (code, signal) => {
		child.exited = true;
		if (!child.expectedExit) log(`${name} exited (${code ?? signal})`);
	});
	return child;
}

function stopChild(child, signal = 'SIGTERM') {
	return new Promise((resolve) => {
		if (!child || child.exited) return resolve();
		child.expectedExit = true;
		child.once('exit', () => resolve());
		try {
			process.kill(-child.pid, signal);
		} catch {
			return resolve();
		}
		setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// gone
			}
		}, 20000).unref();
	});
}

async function startPostgres() {
	const bin = pgBin();
	const data = path.join(WORK, 'pg');
	const sockets = path.join(WORK, 'pgsock');
	fs.mkdirSync(sockets, { recursive: true });
	if (asRoot) execFileSync('chown', ['postgres:postgres', sockets]);
	if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
		fs.mkdirSync(data, { recursive: true });
		if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', data]);
		const [cmd, args] = pgCommand(path.join(bin, 'initdb'), [
			'-D',
			data,
			'--auth=trust',
			'-U',
			'postgres',
			'-E',
			'UTF8',
		]);
		execFileSync(cmd, args, { stdio: 'ignore', timeout: 120000 });
	}
	const port = await n8n.freePort();
	const [cmd, args] = pgCommand(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${sockets}`,
		'-c',
		'max_connections=300',
	]);
	const child = spawnChild('postgres', cmd, args);
	const deadline = Date.now() + 60000;
	while (Date.now() < deadline) {
		const ready = spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
		if (ready.status === 0) break;
		await sleep(300);
	}
	const pg = { port, child, bin };
	psql(pg, 'postgres', 'DROP DATABASE IF EXISTS n8n');
	psql(pg, 'postgres', 'CREATE DATABASE n8n');
	return pg;
}

function psql(pg, database, sql) {
	const result = spawnSync(
		path.join(pg.bin, 'psql'),
		[
			'-h',
			'127.0.0.1',
			'-p',
			String(pg.port),
			'-U',
			'postgres',
			'-d',
			database,
			'-v',
			'ON_ERROR_STOP=1',
			'-At',
			'-F',
			'\t',
			'-c',
			sql,
		],
		{ encoding: 'utf8', timeout: 120000, maxBuffer: 256 * 1024 * 1024 },
	);
	if (result.status !== 0) throw new Error(`psql ${sql.slice(0, 80)}: ${result.stderr}`);
	return result.stdout.trim();
}

async function startRedis() {
	const port = await n8n.freePort();
	const child = spawnChild('redis', '/usr/bin/redis-server', [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
	]);
	const deadline = Date.now() + 30000;
	while (Date.now() < deadline) {
		if (
			spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() ===
			'PONG'
		)
			break;
		await sleep(200);
	}
	return { port, child };
}

// ---------------------------------------------------------------- n8n

/** Settings of one n8n process; its server and its task broker each get a port that was free. */
async function env(pg, redis, mode, port, extra = {}) {
	const brokerPort = await n8n.freePort();
	return n8n.n8nEnv(path.join(WORK, 'user'), {
		port,
		extra: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pg.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_POOL_SIZE: '10',
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			EXECUTIONS_MODE: mode,
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// a killed worker's jobs are picked up again after the lock runs out
			QUEUE_WORKER_LOCK_DURATION: '15000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			N8N_LOG_LEVEL: 'warn',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			...extra,
		},
	});
}

function cli(e, args) {
	const result = n8n.n8nCli(args, e);
	if (result.status !== 0)
		throw new Error(`n8n ${args.join(' ')}: ${result.stdout}\n${result.stderr}`);
	return result.stdout;
}

/**
 * The shipped setup and intake templates with the credentials of this run; the setup template
 * creates the Data Tables when n8n starts.
 */
async function prepareN8n(pg, redis, smtp) {
	n8n.ensureN8n();
	const user = path.join(WORK, 'user');
	if (!fs.existsSync(path.join(user, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-qms')))
		n8n.installPackage(user, n8n.packProject(path.join(WORK, 'pack')));
	const e = await env(pg, redis, 'queue', await n8n.freePort());
	const creds = path.join(WORK, 'credentials.json');
	fs.writeFileSync(
		creds,
		JSON.stringify([
			{
				id: 'qmsIntakeSigningSecret',
				name: 'QMS intake signing secret',
				type: 'complaintIntakeApi',
				data: { secret: SECRET },
			},
			{
				id: 'qmsSmtpCredential',
				name: 'QMS SMTP',
				type: 'smtp',
				data: {
					user: '',
					password: '',
					host: '127.0.0.1',
					port: smtp.port,
					secure: false,
					disableStartTls: true,
					hostName: 'qms-scale.local',
				},
			},
		]),
	);
	cli(e, ['import:credentials', `--input=${creds}`]);
	for (const template of [SETUP, TEMPLATE]) {
		const file = path.join(WORK, `${template.id}.json`);
		fs.writeFileSync(file, JSON.stringify(template));
		cli(e, ['import:workflow', `--input=${file}`]);
		cli(e, ['publish:workflow', `--id=${template.id}`]);
	}
}

/** The qms_cases Data Table's rows live in data_table_user_<id> of n8n's database. */
async function casesTable(pg) {
	const deadline = Date.now() + 120000;
	while (Date.now() < deadline) {
		const id = psql(pg, 'n8n', "SELECT id FROM data_table WHERE name = 'qms_cases'");
		if (id) return `"data_table_user_${id}"`; // mixed-case id: quoted
		await sleep(1000);
	}
	throw new Error('the setup template did not create the qms_cases Data Table within 2 minutes');
}

// ---------------------------------------------------------------- mail

/** SMTP on 127.0.0.1 counting mails: acknowledgements by recipient, escalations by case id. */
function startSmtpSink() {
	const acks = new Map();
	const escalations = new Map();
	const add = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks = [];
			stream.on('data', (chunk) => chunks.push(chunk));
			stream.on('end', () => {
				const head = Buffer.concat(chunks)
					.toString('utf8')
					.split(/\r?\n\r?\n/)[0]
					.replace(/\r?\n[ \t]+/g, ' ');
				const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
				for (const { address } of session.envelope.rcptTo) {
					if (address !== QUALITY_EMAIL) add(acks, address);
					else add(escalations, /\[CRITICAL\] (CMP-[0-9A-F]+)/.exec(subject)?.[1] ?? subject);
				}
				callback();
			});
		},
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () =>
			resolve({
				port: server.server.address().port,
				acks,
				escalations,
				reset: () => (acks.clear(), escalations.clear()),
				close: () => new Promise((done) => server.close(done)),
			}),
		);
	});
}

async function startCluster(pg, redis, workers) {
	const mode = workers === 0 ? 'regular' : 'queue';
	const out = fs.openSync(path.join(WORK, `main-${mode}-${workers}.log`), 'a');
	let main;
	// A main that exits during start-up (seen once right after the previous phase's processes
	// stopped, with nothing in its log) gets one more try on fresh ports; the attempt is logged.
	for (let attempt = 1; !main; attempt++) {
		const mainEnv = await env(pg, redis, mode, await n8n.freePort());
		// V8 CPU profiles of the main process (the webhook receiver), written when it exits
		if (process.env.QMS_SCALE_CPU_PROFILE)
			Object.assign(mainEnv, {
				NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.QMS_SCALE_CPU_PROFILE}`,
				N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
			});
		try {
			main = await n8n.startN8n(mainEnv, { stdio: ['ignore', out, out], timeoutMs: 180000 });
		} catch (error) {
			if (attempt === 2) throw error;
			log(`main did not start (${error.message}); trying again in 10 s`);
			await sleep(10000);
		}
	}
	const started = [];
	for (let i = 0; i < workers; i++) {
		const wPort = await n8n.freePort();
		started.push(
			spawnChild(`worker-${workers}-${i}`, n8n.ensureN8n(), ['worker', '--concurrency=10'], {
				env: await env(pg, redis, mode, wPort, { QUEUE_HEALTH_CHECK_PORT: String(wPort) }),
			}),
		);
	}
	if (workers) await sleep(8000); // workers connect to Redis and announce themselves
	return { main, workers: started, url: main.url };
}

// ---------------------------------------------------------------- load

const TEXTS = [
	['The charger started to smoke and the housing melted near the cable.', 'en'],
	['充电器冒烟，外壳烧焦，客户要求立即处理。', 'zh'],
	['The carton was crushed and two units have deep scratches.', 'en'],
	['外箱破损严重，产品有划痕。', 'zh'],
	['Delivery was two weeks late and nobody told us.', 'en'],
	['The manual does not explain how to calibrate the sensor.', 'en'],
	['交货延迟了两个星期，影响生产计划。', 'zh'],
	['Lot 23A0457: the plastic clips are brittle and snap during assembly, 卡扣断裂.', 'mixed'],
	['Customer reports a fire in the power supply during the first use.', 'en'],
	['Your support team has not replied to our emails for a week.', 'en'],
];
const BASE = Date.parse('2026-03-02T01:00:00Z');

function complaint(phase, i) {
	const [text] = TEXTS[i % TEXTS.length];
	const tier = i % 3 === 0 ? 'vip' : 'standard';
	const receivedAt = new Date(BASE + i * 60000).toISOString().replace('.000Z', '+00:00');
	return {
		messageId: `${phase}-${i}`,
		text: `${text} #${i}`,
		customer: `Customer ${i % 50}`,
		contact: `${phase}-${i}@scale.example`,
		tier,
		receivedAt,
	};
}

/** What the engine says in-process for each complaint text: severity and category. */
function expectations(count) {
	const classify = lib.createComplaintClassifier();
	return Array.from({ length: count }, (_, i) => {
		const r = classify(complaint('x', i).text);
		return { severity: r.severity, category: r.category };
	});
}

function post(url, body, headers) {
	return new Promise((resolve) => {
		const request = http.request(
			url,
			{ method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent },
			(response) => {
				const chunks = [];
				response.on('data', (c) => chunks.push(c));
				response.on('end', () =>
					resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }),
				);
			},
		);
		request.on('error', (error) => resolve({ status: 0, body: String(error) }));
		request.setTimeout(60000, () => request.destroy(new Error('timeout')));
		request.end(body);
	});
}
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** Sends `count` signed complaints with bounded concurrency; `onProgress(sent)` may act mid-run. */
async function drive(url, phase, count, onProgress, only) {
	let next = 0;
	const answers = new Map();
	const statuses = {};
	const began = Date.now();
	async function lane() {
		while (next < count && Date.now() - began < PHASE_TIMEOUT_MS) {
			const i = only ? only[next++] : next++;
			const body = JSON.stringify(complaint(phase, i));
			let answer;
			// a request refused by an overloaded server (connection error, 5xx) is retried: the message id makes it idempotent
			for (let attempt = 0; attempt < 5; attempt++) {
				const ts = Math.floor(Date.now() / 1000);
				answer = await post(`${url}/webhook/qms/complaints`, body, {
					'content-type': 'application/json',
					'x-qms-timestamp': String(ts),
					'x-qms-signature': signPayload(SECRET, ts, body),
				});
				if (answer.status > 0 && answer.status < 500) break;
				await sleep(500 * (attempt + 1));
			}
			statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
			answers.set(i, answer);
			if (onProgress) await onProgress(next);
		}
	}
	await Promise.all(Array.from({ length: CONCURRENCY }, lane));
	return { answers, statuses, seconds: (Date.now() - began) / 1000 };
}

/** Waits until the case table has `count` rows, or nothing moved for a minute; when it got there. */
async function waitForRows(pg, table, count) {
	const deadline = Date.now() + PHASE_TIMEOUT_MS;
	let rows = 0;
	let last = -1;
	let stillSince = Date.now();
	while (Date.now() < deadline) {
		rows = Number(psql(pg, 'n8n', `SELECT count(*) FROM ${table}`));
		if (rows >= count) break;
		if (rows !== last) {
			last = rows;
			stillSince = Date.now();
		} else if (Date.now() - stillSince > 60000) break; // nothing moved for a minute (lock 15 s + stall check 5 s)
		await sleep(500);
	}
	return { rows, at: Date.now() };
}

/** Waits until the mails stop coming (10 s without one) or `expected` acknowledgements are in. */
async function waitForMails(smtp, expected) {
	const deadline = Date.now() + 5 * 60000;
	let last = -1;
	let stillSince = Date.now();
	const total = () =>
		[...smtp.acks.values(), ...smtp.escalations.values()].reduce((a, b) => a + b, 0);
	while (Date.now() < deadline && Date.now() - stillSince < 10000) {
		if (smtp.acks.size >= expected && total() === last) break;
		if (total() !== last) {
			last = total();
			stillSince = Date.now();
		}
		await sleep(500);
	}
}

function caseRows(pg, table) {
	return psql(
		pg,
		'n8n',
		`SELECT "caseId", "source", "customerEmail", "severity", "category", extract(epoch from "receivedAt"::timestamptz), extract(epoch from "responseDueAt"::timestamptz) FROM ${table}`,
	)
		.split('\n')
		.filter(Boolean)
		.map((l) => l.split('\t'));
}

/**
 * Every accepted complaint against its case row and mails. `mailsMayMiss`: in the kill phase a case
 * saved just before its worker died keeps its row but not its mails (counted, not failed).
 */
function verify(pg, table, smtp, phase, count, answers, expected, { mailsMayMiss = false } = {}) {
	const rows = caseRows(pg, table);
	const byCase = new Map();
	for (const r of rows) byCase.set(r[0], (byCase.get(r[0]) ?? []).concat([r]));
	const problems = [];
	let accepted = 0;
	let missingAcks = 0;
	let missingEscalations = 0;
	let critical = 0;
	for (let i = 0; i < count; i++) {
		const answer = answers.get(i);
		if (!answer || answer.status !== 202) {
			problems.push(`complaint ${i}: answered ${answer?.status} ${answer?.body?.slice(0, 100)}`);
			continue;
		}
		accepted++;
		const caseId = JSON.parse(answer.body).caseId;
		const found = byCase.get(caseId) ?? [];
		if (found.length !== 1) {
			problems.push(`complaint ${i}: ${found.length} case rows for ${caseId}`);
			continue;
		}
		const [, source, contact, severity, category, received, due] = found[0];
		const sent = complaint(phase, i);
		if (source !== 'webhook' || contact !== sent.contact)
			problems.push(`complaint ${i}: row source ${source}, contact ${contact}`);
		const want = expected[i];
		if (severity !== want.severity)
			problems.push(`complaint ${i}: severity ${severity}, in-process ${want.severity}`);
		if (category !== want.category)
			problems.push(`complaint ${i}: category ${category}, in-process ${want.category}`);
		if (Number(received) !== Date.parse(sent.receivedAt) / 1000)
			problems.push(`complaint ${i}: received ${received}, sent ${sent.receivedAt}`);
		const hours = (Number(due) - Number(received)) / 3600;
		if (hours !== (sent.tier === 'vip' ? 24 : 72))
			problems.push(`complaint ${i}: response due after ${hours} h for tier ${sent.tier}`);
		const acks = smtp.acks.get(sent.contact) ?? 0;
		if (acks === 0 && mailsMayMiss) missingAcks++;
		else if (acks !== 1) problems.push(`complaint ${i}: ${acks} acknowledgement mails`);
		const escalations = smtp.escalations.get(caseId) ?? 0;
		if (severity === 'critical') critical++;
		if (severity === 'critical' && escalations === 0 && mailsMayMiss) missingEscalations++;
		else if (escalations !== (severity === 'critical' ? 1 : 0))
			problems.push(`complaint ${i}: ${severity}, ${escalations} escalation mails`);
	}
	return {
		accepted,
		rows: rows.length,
		lost: accepted - byCase.size,
		duplicated: rows.length - byCase.size,
		critical,
		missingAcks,
		missingEscalations,
		problems: problems.slice(0, 20),
		problemCount: problems.length,
	};
}

/** Signs in to the main's REST API as the owner (setting it up on a fresh database); returns the cookie. */
async function ownerCookie(url) {
	const owner = {
		email: 'scale@example.com',
		firstName: 'Scale',
		lastName: 'Test',
		password: 'Qms-scale-Passw0rd',
	};
	const call = (p, body) =>
		fetch(`${url}/rest${p}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': 'qms-scale' },
			body: JSON.stringify(body),
		});
	let response = await call('/owner/setup', owner);
	if (!response.ok)
		response = await call('/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
	return response.headers
		.getSetCookie()
		.find((c) => c.startsWith('n8n-auth='))
		.split(';')[0];
}

/**
 * Retries every failed execution through the REST API, as an operator does from the Executions
 * list (n8n runs queue jobs with maxStalledCount 0: a job whose worker died is failed, not re-run).
 */
async function retryFailed(pg, url) {
	const ids = psql(
		pg,
		'n8n',
		"SELECT id FROM execution_entity WHERE status IN ('error', 'crashed') ORDER BY id",
	)
		.split('\n')
		.filter(Boolean);
	if (ids.length === 0) return { failed: 0, retried: 0 };
	const cookie = await ownerCookie(url);
	let retried = 0;
	const errors = [];
	for (const id of ids) {
		const response = await fetch(`${url}/rest/executions/${id}/retry`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json', 'browser-id': 'qms-scale' },
			body: JSON.stringify({ loadWorkflow: false }),
		});
		if (response.ok) retried++;
		else errors.push(`${id}: ${response.status} ${(await response.text()).slice(0, 200)}`);
	}
	return { failed: ids.length, retried, errors };
}

function failedExecutions(pg) {
	const out = psql(
		pg,
		'n8n',
		'SELECT status, count(*) FROM execution_entity GROUP BY status ORDER BY status',
	);
	return Object.fromEntries(
		out
			.split('\n')
			.filter(Boolean)
			.map((l) => l.split('\t'))
			.map(([s, n]) => [s, Number(n)]),
	);
}

async function phase(pg, redis, smtp, name, count, expected) {
	const workers = name === 'single' ? 0 : name === 'queue-1' ? 1 : 2;
	psql(pg, 'n8n', 'DELETE FROM execution_entity');
	log(
		`${name}: starting n8n (${workers ? `main + ${workers} worker(s), queue mode` : 'single process'})`,
	);
	const cluster = await startCluster(pg, redis, workers);
	let killed;
	try {
		const table = await casesTable(pg);
		psql(pg, 'n8n', `TRUNCATE ${table}`);
		smtp.reset();
		const began = Date.now();
		const kill =
			name === 'kill'
				? async (sent) => {
						if (killed || sent < count / 3) return;
						killed = { at: sent, worker: cluster.workers[0].qmsName };
						log(`${name}: killing ${killed.worker} (SIGKILL) after ${sent} complaints sent`);
						await stopChild(cluster.workers[0], 'SIGKILL');
					}
				: undefined;
		const load = await drive(cluster.url, name, count, kill);
		log(
			`${name}: ${count} sent in ${load.seconds.toFixed(1)} s, answers ${JSON.stringify(load.statuses)}; waiting for the cases`,
		);
		const done = await waitForRows(pg, table, count);
		const endToEnd = (done.at - began) / 1000;
		let retry;
		if (done.rows < count) {
			const executionsBefore = failedExecutions(pg);
			retry = { rowsBefore: done.rows, executionsBefore, ...(await retryFailed(pg, cluster.url)) };
			log(
				`${name}: ${count - done.rows} complaint(s) without a case; failed executions retried in n8n: ${JSON.stringify(retry)}`,
			);
			await waitForRows(pg, table, count);
			// What n8n could not recover, the sender does: it resends every complaint without a case.
			// The template's "New case?" step lets a resend through only when no case row exists.
			const have = new Set(caseRows(pg, table).map((r) => r[2]));
			const missing = [...Array(count).keys()].filter((i) => !have.has(complaint(name, i).contact));
			const resent = await drive(cluster.url, name, missing.length, undefined, missing);
			for (const [i, answer] of resent.answers) load.answers.set(i, answer);
			retry.resent = missing.length;
			retry.resentAnswers = resent.statuses;
			log(
				`${name}: resent ${missing.length} complaint(s) without a case: ${JSON.stringify(resent.statuses)}`,
			);
			retry.rowsAfter = (await waitForRows(pg, table, count)).rows;
		}
		await waitForMails(smtp, count);
		const check = verify(pg, table, smtp, name, count, load.answers, expected, {
			mailsMayMiss: name === 'kill',
		});
		const result = {
			phase: name,
			workers,
			complaints: count,
			answers: load.statuses,
			acceptSeconds: +load.seconds.toFixed(1),
			endToEndSeconds: +endToEnd.toFixed(1),
			complaintsPerSecond: +(done.rows / endToEnd).toFixed(1),
			...check,
			executionsSaved: failedExecutions(pg),
			killed,
			retry,
		};
		log(`${name}: ${JSON.stringify(result)}`);
		return result;
	} finally {
		for (const w of cluster.workers) await stopChild(w);
		await cluster.main.stop();
	}
}

async function main() {
	fs.rmSync(WORK, { recursive: true, force: true });
	fs.mkdirSync(WORK, { recursive: true });
	fs.chmodSync(WORK, 0o755);
	if (!fs.existsSync(path.join(ROOT, 'dist/lib/intake/index.js')))
		throw new Error('build first: npm run build');
	ensurePackages();
	const pg = await startPostgres();
	const redis = await startRedis();
	const smtp = await startSmtpSink();
	closers.push(() => smtp.close());
	log(
		`postgres on 127.0.0.1:${pg.port}, redis on 127.0.0.1:${redis.port}, smtp on 127.0.0.1:${smtp.port}, work folder ${WORK}, expression engine ${process.env.N8N_EXPRESSION_ENGINE || "n8n's default"}`,
	);
	await prepareN8n(pg, redis, smtp);
	const expected = expectations(Math.max(...PHASES.map((p) => p.count)));
	const results = [];
	for (const { name, count } of PHASES)
		results.push(await phase(pg, redis, smtp, name, count, expected));
	fs.writeFileSync(path.join(WORK, 'results.json'), JSON.stringify(results, null, 2));
	console.log(
		'\nphase     workers  accepted  case rows  lost  twice  mails missing  problems  complaints/s (end to end)',
	);
	for (const r of results)
		console.log(
			`${r.phase.padEnd(9)} ${String(r.workers).padStart(7)} ${String(r.accepted).padStart(9)} ${String(r.rows).padStart(10)} ${String(r.lost).padStart(5)} ${String(r.duplicated).padStart(6)} ${String(r.missingAcks + r.missingEscalations).padStart(14)} ${String(r.problemCount).padStart(9)}  ${r.complaintsPerSecond}`,
		);
	const passed = results.filter(
		(r) =>
			r.lost === 0 && r.duplicated === 0 && r.problemCount === 0 && r.accepted === r.complaints,
	).length;
	console.log(`\nscale: ${passed} passed, ${results.length - passed} failed`);
	const failed = passed !== results.length;
	process.exitCode = failed ? 1 : 0;
}

const closers = [];

async function cleanup() {
	for (const child of children.reverse()) await stopChild(child);
	for (const close of closers) await close();
}

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		log(`${signal}: stopping n8n, Redis and Postgres`);
		cleanup().then(() => process.exit(130));
	});
}

const overall = setTimeout(() => {
	log('overall time limit reached; stopping');
	cleanup().then(() => process.exit(2));
}, DEADLINE_MS).unref();

main()
	.catch((error) => {
		console.error(error);
		process.exitCode = 1;
	})
	.finally(async () => {
		clearTimeout(overall);
		await cleanup();
		agent.destroy();
	});
