/**
 * A real n8n for `npm start` and the e2e tests: installed once per machine into a cache folder
 * (outside the clone, so fresh clones on the same machine reuse it), with our package installed
 * into the user folder's `nodes/` exactly as a community-package install puts it.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { root, localBin, run } = require('./toolchain');

const N8N_VERSION = '2.40.7';
const cacheDir =
	process.env.QMS_N8N_CACHE ??
	path.join(os.homedir(), '.cache', 'n8n-nodes-qms', `n8n-${N8N_VERSION}`);
const n8nBin = path.join(cacheDir, 'node_modules', '.bin', 'n8n');
const readyMarker = path.join(cacheDir, '.ready');

/**
 * Installs n8n into the cache. Its Kafka client's install script downloads binaries, which this
 * network forbids, so scripts are skipped and only the two native modules n8n needs are rebuilt.
 */
function ensureN8n() {
	if (fs.existsSync(readyMarker)) return n8nBin;
	console.log(
		`Installing n8n@${N8N_VERSION} into ${cacheDir} (first run on this machine, about 5 minutes) ...`,
	);
	fs.mkdirSync(cacheDir, { recursive: true });
	fs.writeFileSync(
		path.join(cacheDir, 'package.json'),
		JSON.stringify(
			{ name: 'qms-n8n-runtime', private: true, dependencies: { n8n: N8N_VERSION } },
			null,
			2,
		),
	);
	const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
	run('npm', ['install', '--ignore-scripts', ...quiet], { cwd: cacheDir });
	run('npm', ['rebuild', 'sqlite3', 'isolated-vm', ...quiet], { cwd: cacheDir });
	fs.writeFileSync(readyMarker, `n8n@${N8N_VERSION}\n`);
	return n8nBin;
}

/** Packs the built project (as `npm publish` would) and returns the tarball path. */
function packProject(destination) {
	fs.mkdirSync(destination, { recursive: true });
	const result = run(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', destination],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	const [{ filename }] = JSON.parse(result.stdout);
	return path.join(destination, filename);
}

/**
 * Installs the tarball where n8n keeps community packages (`<user folder>/.n8n/nodes`). Peer
 * dependencies stay out: n8n-workflow must be n8n's own copy.
 */
function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(
			manifest,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	}
	run(
		'npm',
		['install', '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error', tarball],
		{
			cwd: nodesDir,
		},
	);
}

/** Environment for an n8n on loopback with SQLite, telemetry and update checks off. */
function n8nEnv(userFolder, { port = 5678, brokerPort = port + 1, extra = {} } = {}) {
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !name.startsWith('JEST')),
	);
	return {
		...inherited,
		// n8n behaves differently under NODE_ENV=test, which jest sets.
		NODE_ENV: 'production',
		PATH: `${localBin}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_PUBLIC_API_DISABLED: 'false',
		// `n8n execute --rawOutput` prints the run through the logger at info level
		N8N_LOG_LEVEL: 'info',
		GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE ?? 'UTC',
		...extra,
	};
}

/** Runs an n8n CLI command to completion; returns { status, stdout, stderr }. */
function n8nCli(args, env) {
	const result = spawnSync(n8nBin, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	if (result.error) throw result.error;
	return result;
}

/**
 * `n8n execute --rawOutput` prints log lines before the run's JSON, and may print more after it
 * (a node's shutdown log); the JSON is pretty-printed, so it ends at the first `}` in column 0.
 */
function parseRawOutput(stdout) {
	const start = stdout.search(/^\{/m);
	if (start < 0) throw new Error(`n8n printed no execution JSON:\n${stdout.slice(0, 2000)}`);
	const end = stdout.slice(start).search(/^\}/m);
	return JSON.parse(end < 0 ? stdout.slice(start) : stdout.slice(start, start + end + 1));
}

function probe(url) {
	return new Promise((resolve) => {
		const request = http.get(url, (response) => {
			response.resume();
			resolve(response.statusCode === 200);
		});
		request.on('error', () => resolve(false));
		request.setTimeout(2000, () => request.destroy());
	});
}

/** A TCP port free on 127.0.0.1 right now (for the server, its task broker, or a stand-in). */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/** Starts `n8n start` and resolves once /healthz/readiness answers; `stop()` ends it and its children. */
async function startN8n(env, { timeoutMs = 120000, stdio = 'ignore' } = {}) {
	const child = spawn(n8nBin, ['start'], { env, stdio, detached: true });
	const url = `http://127.0.0.1:${env.N8N_PORT}/healthz/readiness`;
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	child.on('exit', () => (exited = true));
	const stop = () =>
		new Promise((resolve) => {
			if (exited) return resolve();
			child.once('exit', () => resolve());
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				return resolve();
			}
			setTimeout(() => {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					// already gone
				}
			}, 15000).unref();
		});
	while (Date.now() < deadline) {
		if (exited) throw new Error('n8n exited during start-up');
		if (await probe(url)) return { pid: child.pid, url: `http://127.0.0.1:${env.N8N_PORT}`, stop };
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await stop();
	throw new Error(`n8n did not become ready on ${url} within ${timeoutMs / 1000}s`);
}

module.exports = {
	N8N_VERSION,
	root,
	ensureN8n,
	packProject,
	installPackage,
	n8nEnv,
	n8nCli,
	parseRawOutput,
	startN8n,
	freePort,
};
