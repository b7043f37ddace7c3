/**
 * The shipped templates are the output of workflows/src/ (one module a template): the committed
 * JSON must be exactly what `node workflows/src/build.js` writes, and every template keeps the
 * rules a user relies on (fixed ids, an About note, known credentials, authenticated entry points,
 * connections between existing nodes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildAll } = require('../../../workflows/src/build') as {
	buildAll(): Array<[string, string]>;
};

interface TemplateNode {
	name: string;
	type: string;
	webhookId?: string;
	parameters: { authentication?: string; content?: string };
	credentials?: Record<string, { id: string }>;
}

interface TemplateJson {
	id: string;
	nodes: TemplateNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const workflows = path.resolve(__dirname, '../../../workflows');
const built = buildAll();

/** How a node that n8n serves over HTTP authenticates its callers (undefined: it does not). */
function entryPointAuthentication(n: TemplateNode): string | undefined {
	const credentialTypes = Object.keys(n.credentials ?? {});
	if (n.type === 'n8n-nodes-qms.complaintIntake')
		return credentialTypes.includes('complaintIntakeApi') ? 'HMAC signature' : undefined;
	const method = n.parameters.authentication;
	const credentialFor: Record<string, string> = {
		basicAuth: 'httpBasicAuth',
		headerAuth: 'httpHeaderAuth',
		jwtAuth: 'jwtAuth',
	};
	if (method && credentialFor[method] && credentialTypes.includes(credentialFor[method]))
		return method;
	return method === 'n8nUserAuth' ? method : undefined;
}

test('every workflows/*.json is a built template and equals the build output (run node workflows/src/build.js)', () => {
	const shipped = fs.readdirSync(workflows).filter((f) => f.endsWith('.json'));
	expect(built.map(([file]) => file).sort()).toEqual(shipped.sort());
	for (const [file, json] of built)
		expect({ file, json: fs.readFileSync(path.join(workflows, file), 'utf8') }).toEqual({
			file,
			json,
		});
});

test('every Code node runs a program of workflows/src/code/ and every program is used', () => {
	const codeDir = path.join(workflows, 'src', 'code');
	const programs = fs
		.readdirSync(codeDir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.js'))
		.map((f) => fs.readFileSync(path.join(codeDir, f), 'utf8').trimEnd());
	const used = built.flatMap(([, json]) =>
		(JSON.parse(json) as TemplateJson).nodes
			.filter((n) => n.type === 'n8n-nodes-base.code')
			.map((n) => (n.parameters as { jsCode?: string }).jsCode),
	);
	expect(used.length).toBeGreaterThan(0);
	for (const code of used) expect(programs).toContain(code);
	for (const program of programs) expect(used).toContain(program);
});

describe.each(built.map(([file, json]) => [file, JSON.parse(json) as TemplateJson]))(
	'%s',
	(file, template) => {
		test('has a fixed id of its own', () => {
			expect(template.id).toMatch(/^qms[A-Za-z0-9]+$/);
			const others = built.filter(([f]) => f !== file).map(([, j]) => JSON.parse(j).id);
			expect(others).not.toContain(template.id);
		});

		test('starts with an About note: what it does, what to configure', () => {
			const notes = template.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
			expect(notes[0]?.name).toBe('About');
			expect(notes[0].parameters.content).toMatch(/\*\*What it does:\*\* \S/);
			expect(notes[0].parameters.content).toMatch(/\*\*Configure:\*\* \S/);
		});

		test('names only the QMS credentials and authenticates every entry point', () => {
			for (const n of template.nodes) {
				for (const credential of Object.values(n.credentials ?? {}))
					expect([
						'qmsSmtpCredential',
						'qmsImapCredential',
						'qmsIntakeHeaderAuth',
						'qmsIntakeSigningSecret',
						'qmsStaffBasicAuth',
					]).toContain(credential.id);
				if (n.webhookId)
					expect({ node: n.name, authentication: entryPointAuthentication(n) }).toEqual({
						node: n.name,
						authentication: expect.any(String),
					});
			}
		});

		test('has unique node names and connects only nodes it has', () => {
			const names = template.nodes.map((n) => n.name);
			expect(new Set(names).size).toBe(names.length);
			for (const [from, { main }] of Object.entries(template.connections)) {
				expect(names).toContain(from);
				for (const target of main.flat()) expect(names).toContain(target.node);
			}
		});
	},
);
