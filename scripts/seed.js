/**
 * Sample data for the QMS Data Tables, in one command.
 *
 * n8n's `execute` command does not load the Data Table module, so rows cannot be written from the
 * CLI. Instead this imports a workflow, "QMS sample data", that starts with an n8n Trigger on
 * "instance started", creates the tables of the setup template and fills every empty table from
 * workflows/sample-data/ (complaints go through the Complaint Classifier and the 8D Gate, as in
 * the intake templates), and publishes it: the next `n8n start` seeds. Tables that already hold
 * rows are left alone, so seeding twice changes nothing.
 *
 *   node scripts/seed.js            # for the `npm start` instance (.n8n-local, or QMS_USER_FOLDER)
 *
 * `prepare(env)` does the same for any n8n environment (`npm start`, the e2e setup) and also
 * publishes the templates whose triggers need no outside account (form and chat), with a staff
 * login for them.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { root, n8nEnv, n8nCli } = require('./n8n');
const shared = require('../workflows/src/shared');
const setupTemplate = require('../workflows/src/templates/setup-data-tables');

const SEED_ID = 'qmsSeedSampleData';
/** Templates started by n8n itself (form, chat), published for a local instance. */
const LOCAL_TRIGGER_TEMPLATES = ['qms8dReviewForm', 'qmsChatEscalation'];

const sample = (file) =>
	JSON.parse(fs.readFileSync(path.join(root, 'workflows', 'sample-data', file), 'utf8'));

/** A Code node's source that returns `rows` as items, with `daysAgo` turned into `receivedAt`. */
function rowsCode(rows) {
	return [
		`const rows = ${JSON.stringify(rows)};`,
		'const now = Date.now();',
		'return rows.map(({ daysAgo, ...row }) => ({ json: daysAgo === undefined ? row : { ...row, receivedAt: new Date(now - daysAgo * 86400000).toISOString() } }));',
	].join('\n');
}

/** The "QMS sample data" workflow. */
function seedWorkflow() {
	const { Workflow, TABLES, COLUMNS, table, condition, intake, insertParameters } = shared;
	const wf = new Workflow(
		SEED_ID,
		'QMS sample data',
		'Creates the QMS Data Tables and fills empty ones with the sample data of the package.',
	);
	wf.sticky(
		'About',
		[-1, -2],
		[520, 260],
		[
			'## QMS sample data',
			'Runs when n8n starts: creates the QMS Data Tables (as *QMS setup: data tables* does) and fills each **empty** table with the sample complaints, measurements, supplier rows and FMEA rows shipped in `workflows/sample-data/`. Written by `node scripts/seed.js`; unpublish it to stop.',
		].join('\n'),
		4,
	);
	const setup = setupTemplate.build();
	const trigger = wf.node('n8n started', 'n8n-nodes-base.n8nTrigger', 1, [0, 0], {
		events: ['init', 'activate'],
	});
	let previous = trigger;
	setup.nodes
		.filter((n) => n.type === 'n8n-nodes-base.dataTable')
		.forEach((n, i) => {
			wf.node(n.name, n.type, n.typeVersion, [1 + i, 0], n.parameters, { executeOnce: true });
			wf.link(previous, n.name);
			previous = n.name;
		});
	const branches = [
		{
			key: 'complaints',
			name: TABLES.cases,
			probe: 'caseId',
			rows: sample('complaints.json').complaints.map((c) => ({ ...c, channel: 'mail' })),
		},
		{
			key: 'measurements',
			name: TABLES.measurements,
			probe: 'characteristic',
			rows: sample('measurements.json').measurements,
		},
		{
			key: 'supplier rows',
			name: TABLES.supplierRows,
			probe: 'supplier',
			rows: sample('supplier-rows.json').rows,
		},
		{
			key: 'FMEA rows',
			name: TABLES.fmea,
			probe: 'fmeaId',
			// Data Tables reserve `id` for their row number: the FMEA row id goes to `fmeaId`
			rows: sample('fmea.json').rows.map(({ id, ...row }) => ({ fmeaId: id, ...row })),
		},
	];
	branches.forEach((branch, i) => {
		const row = 2 + i * 2;
		const probe = wf.node(
			`Any ${branch.key}?`,
			'n8n-nodes-base.dataTable',
			1.1,
			[1, row],
			{
				resource: 'row',
				operation: 'get',
				dataTableId: table(branch.name),
				returnAll: false,
				limit: 1,
			},
			{ executeOnce: true, alwaysOutputData: true },
		);
		const empty = wf.node(
			`No ${branch.key} yet?`,
			'n8n-nodes-base.if',
			2.2,
			[2, row],
			condition(`={{ $json.${branch.probe} }}`, 'empty'),
		);
		const rows = wf.node(`Sample ${branch.key}`, 'n8n-nodes-base.code', 2, [3, row], {
			mode: 'runOnceForAllItems',
			jsCode: rowsCode(branch.rows),
		});
		wf.link(previous, probe);
		wf.link(probe, empty);
		wf.link(empty, rows, 0);
		if (branch.name === TABLES.cases) {
			intake(wf, rows, [4, row], { classifierOptions: { receivedAt: '={{ $json.receivedAt }}' } });
		} else {
			const columns = COLUMNS[branch.name].map(([c]) => c);
			const insert = wf.node(
				`Save ${branch.key}`,
				'n8n-nodes-base.dataTable',
				1.1,
				[4, row],
				insertParameters(branch.name, columns),
			);
			wf.link(rows, insert);
		}
	});
	return wf.toJSON();
}

/**
 * Imports and publishes the sample-data workflow (and the form and chat templates, if imported)
 * in the n8n of `env`; the rows are written at the next `n8n start`.
 */
function prepare(env, { publishTemplates = LOCAL_TRIGGER_TEMPLATES } = {}) {
	const dir = path.join(env.N8N_USER_FOLDER, 'seed');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, 'qms-sample-data.json');
	fs.writeFileSync(file, JSON.stringify(seedWorkflow(), null, 2));
	const cli = (args) => {
		const result = n8nCli(args, env);
		if (result.status !== 0)
			throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
		return result.stdout;
	};
	cli(['import:workflow', `--input=${file}`]);
	cli(['publish:workflow', `--id=${SEED_ID}`]);
	const imported = cli(['list:workflow']);
	const publishing = publishTemplates.filter((id) => imported.includes(id));
	const login = publishing.length ? staffLogin(env, cli) : undefined;
	for (const id of publishing) cli(['publish:workflow', `--id=${id}`]);
	return { staffLogin: login };
}

/**
 * The form and the chat admit staff only (basic auth, credential *QMS staff (basic auth)*). A new
 * instance gets a random password, kept in `<user folder>/staff-login.json`; later runs leave the
 * credential as the team set it.
 */
function staffLogin(env, cli) {
	const file = path.join(env.N8N_USER_FOLDER, 'staff-login.json');
	if (fs.existsSync(file)) return { ...JSON.parse(fs.readFileSync(file, 'utf8')), file };
	const login = { user: 'quality', password: crypto.randomBytes(12).toString('base64url') };
	const credentials = path.join(env.N8N_USER_FOLDER, 'seed', 'staff-credential.json');
	fs.writeFileSync(
		credentials,
		JSON.stringify([
			{
				id: 'qmsStaffBasicAuth',
				name: 'QMS staff (basic auth)',
				type: 'httpBasicAuth',
				data: login,
			},
		]),
		{ mode: 0o600 },
	);
	try {
		cli(['import:credentials', `--input=${credentials}`]);
	} finally {
		fs.rmSync(credentials, { force: true });
	}
	fs.writeFileSync(file, JSON.stringify(login, null, 2), { mode: 0o600 });
	return { ...login, file };
}

module.exports = { SEED_ID, seedWorkflow, prepare };

if (require.main === module) {
	const userFolder = path.resolve(process.env.QMS_USER_FOLDER ?? path.join(root, '.n8n-local'));
	prepare(n8nEnv(userFolder, { port: Number(process.env.N8N_PORT ?? 5678) }));
	console.log(
		'QMS sample data is published: it fills the empty QMS Data Tables when n8n starts next (npm start).',
	);
}
