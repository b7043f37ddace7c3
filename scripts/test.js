/**
 * `npm test`: the whole suite from a bare clone. Installs what is missing (Node 24 included),
 * then typecheck, lint, build, unit + node tests, and the e2e tests in a real n8n. Ends with a
 * "N passed, N failed" line and a non-zero exit on any failure.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { bootstrap, run } = require('./toolchain');

bootstrap();

const steps = [];
let failed = false;

function step(name, fn) {
	const started = Date.now();
	let ok = true;
	try {
		fn();
	} catch (error) {
		ok = false;
		failed = true;
		console.error(`\n${name} failed: ${error.message}`);
	}
	steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
}

const totals = { passed: 0, failed: 0 };
function jest(name, args) {
	const report = path.join(os.tmpdir(), `qms-jest-${process.pid}-${name}.json`);
	step(`jest ${name}`, () => {
		try {
			run('jest', ['--ci', '--json', `--outputFile=${report}`, ...args]);
		} finally {
			if (fs.existsSync(report)) {
				const result = JSON.parse(fs.readFileSync(report, 'utf8'));
				totals.passed += result.numPassedTests;
				totals.failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
				fs.rmSync(report);
			}
		}
	});
}

step('typecheck', () => run('tsc', ['--noEmit', '-p', 'tsconfig.test.json']));
step('lint', () => run('n8n-node', ['lint']));
step('format', () => run('prettier', ['--check', '--log-level=warn', '.']));
step('build', () => run('npm', ['run', 'build', '--silent']));
jest('unit+nodes', ['--selectProjects', 'unit', 'nodes']);
jest('e2e', ['--selectProjects', 'e2e', '--runInBand']);

console.log('\nSteps:');
for (const { name, ok, seconds } of steps)
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds.toFixed(1)} s)`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed || totals.failed > 0 ? 1 : 0);
