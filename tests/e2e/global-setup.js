/**
 * Prepares one real n8n for the e2e suite: n8n@2.40.7 from the machine cache, a fresh user folder
 * with the packed package installed as a community package, and `n8n start` on a free loopback
 * port. Tests read `.work/state.json`; the teardown stops every process started here.
 */
const fs = require('node:fs');
const path = require('node:path');

const {
	ensureN8n,
	packProject,
	installPackage,
	n8nEnv,
	startN8n,
	freePort,
} = require('../../scripts/n8n');
const seed = require('../../scripts/seed');

// QMS_E2E_WORK lets two suites on one machine keep apart.
const work = process.env.QMS_E2E_WORK ?? path.join(__dirname, '.work');

module.exports = async () => {
	ensureN8n();
	fs.rmSync(work, { recursive: true, force: true });
	const userFolder = path.join(work, 'user');
	installPackage(userFolder, packProject(path.join(work, 'pack')));

	const port = await freePort();
	const brokerPort = await freePort();
	const env = n8nEnv(userFolder, { port, brokerPort });
	// The sample data workflow fills the QMS Data Tables when the server starts (templates tests read them).
	seed.prepare(env);
	const log = fs.openSync(path.join(work, 'n8n.log'), 'a');
	const server = await startN8n(env, { stdio: ['ignore', log, log] });
	globalThis.__QMS_N8N__ = server;
	fs.writeFileSync(
		path.join(work, 'state.json'),
		JSON.stringify({ userFolder, port, brokerPort, url: server.url }, null, 2),
	);
};
