/**
 * `npm start`: a local n8n at http://127.0.0.1:5678 with this package installed as a community
 * package and every template in workflows/ imported, on SQLite in `.n8n-local/` (kept between
 * starts). Installs what is missing first. Stop with Ctrl+C.
 */
const fs = require('node:fs');
const path = require('node:path');

const { bootstrap, root, run } = require('./toolchain');

bootstrap();

const { ensureN8n, packProject, installPackage, n8nEnv, n8nCli, startN8n } = require('./n8n');

async function main() {
	const port = Number(process.env.N8N_PORT ?? 5678);
	const userFolder = path.resolve(process.env.QMS_USER_FOLDER ?? path.join(root, '.n8n-local'));

	run('npm', ['run', 'build', '--silent']);
	ensureN8n();
	installPackage(userFolder, packProject(path.join(userFolder, 'pack')));

	const env = n8nEnv(userFolder, { port });
	const templates = path.join(root, 'workflows');
	if (
		fs.existsSync(templates) &&
		fs.readdirSync(templates).some((file) => file.endsWith('.json'))
	) {
		const imported = n8nCli(['import:workflow', '--separate', `--input=${templates}`], env);
		if (imported.status !== 0)
			throw new Error(`Importing templates failed:\n${imported.stdout}\n${imported.stderr}`);
	}
	// Sample rows for the QMS Data Tables (written when n8n starts) and the form / chat templates published.
	const { staffLogin, mcpToken } = require('./seed').prepare(env);

	// Warnings and errors only: n8n's info log is the CLI's channel, too chatty for a console.
	const server = await startN8n(
		{ ...env, N8N_LOG_LEVEL: 'warn' },
		{ stdio: 'inherit', timeoutMs: 300000 },
	);
	console.log(`\nn8n with n8n-nodes-qms is ready: ${server.url}  (Ctrl+C to stop)`);
	if (staffLogin)
		console.log(
			`8D review form ${server.url}/form/qms-8d-review and the complaint chat: user "${staffLogin.user}", password "${staffLogin.password}" (${staffLogin.file})`,
		);
	if (mcpToken)
		console.log(
			`QMS tools for MCP clients: ${server.url}/mcp/qms with header "Authorization: Bearer ${mcpToken.token}" (${mcpToken.file})`,
		);
	const stop = async () => {
		await server.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
