/**
 * Makes a bare clone runnable: installs the project's dependencies (which include Node 24 from
 * the npm registry as the `node` devDependency) and re-runs the calling script on that Node.
 * The machine's own Node (20 is enough) only has to start this file.
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const localBin = path.join(root, 'node_modules', '.bin');
const REQUIRED_NODE_MAJOR = 24;
const stampFile = path.join(root, 'node_modules', '.qms-install-stamp');

function lockHash() {
	const lock = path.join(root, 'package-lock.json');
	return createHash('sha256').update(fs.readFileSync(lock)).digest('hex');
}

/** Runs a command from the repo root with the project's Node first on PATH; throws on failure. */
function run(command, args, options = {}) {
	const result = spawnSync(command, args, {
		cwd: options.cwd ?? root,
		stdio: options.stdio ?? 'inherit',
		env: {
			...process.env,
			PATH: `${localBin}${path.delimiter}${process.env.PATH}`,
			...options.env,
		},
		encoding: 'utf8',
	});
	if (result.error) throw result.error;
	if (result.status !== 0 && !options.allowFailure) {
		throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
	}
	return result;
}

/**
 * Installs exactly what package-lock.json pins (`npm ci`) when node_modules is missing or was
 * installed from another lockfile, so an install never rewrites the committed lockfile.
 */
function ensureDependencies() {
	const wanted = lockHash();
	const installed = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
	if (installed === wanted && fs.existsSync(path.join(localBin, 'node'))) return;
	console.log('Installing dependencies, Node 24 included ...');
	run('npm', ['ci', '--no-audit', '--no-fund']);
	fs.writeFileSync(stampFile, wanted);
}

/** Re-executes the current script on the project's Node 24 unless already on it. */
function ensureProjectNode() {
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= REQUIRED_NODE_MAJOR) return;
	const result = spawnSync(path.join(localBin, 'node'), process.argv.slice(1), {
		stdio: 'inherit',
		env: { ...process.env, PATH: `${localBin}${path.delimiter}${process.env.PATH}` },
	});
	process.exit(result.status ?? 1);
}

/** Both steps: call first thing in every entry script. */
function bootstrap() {
	ensureDependencies();
	ensureProjectNode();
}

module.exports = { root, localBin, run, bootstrap };
