/**
 * The package as users get it: packed, installed as a community package, loaded by n8n 2.40.7.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import packageJson from '../../package.json';
import { executeWorkflow, exportedNodeTypes, importWorkflow, state } from './n8n';

const root = path.resolve(__dirname, '../..');

/** `name` of each registered node, read from the built files the tarball ships. */
function registeredNodeNames(): string[] {
	return packageJson.n8n.nodes.map((file) => {
		const className = path.basename(file, '.node.js');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const NodeClass = require(path.join(root, file))[className] as new () => {
			description: { name: string };
		};
		return new NodeClass().description.name;
	});
}

interface Template {
	id: string;
	name: string;
	nodes: Array<{ type: string }>;
}

function templates(): Array<{ file: string; workflow: Template }> {
	const dir = path.join(root, 'workflows');
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.map((file) => ({
			file: path.join(dir, file),
			workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Template,
		}));
}

describe('n8n-nodes-qms in a real n8n', () => {
	test('the installed package is the packed tarball with its dependencies', () => {
		const installed = path.join(
			state().userFolder,
			'.n8n',
			'nodes',
			'node_modules',
			packageJson.name,
		);
		const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
			version: string;
		};
		expect(manifest.version).toBe(packageJson.version);
		for (const dependency of Object.keys(packageJson.dependencies)) {
			expect(() => require.resolve(dependency, { paths: [installed] })).not.toThrow();
		}
	});

	test('every registered node loads with type n8n-nodes-qms.<name>', async () => {
		const known = new Set((await exportedNodeTypes()).map((type) => type.name));
		const expected = registeredNodeNames().map((name) => `${packageJson.name}.${name}`);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.filter((type) => !known.has(type))).toEqual([]);
	});

	test('the server started with the package and answers', async () => {
		const response = await fetch(`${state().url}/healthz`);
		expect(response.status).toBe(200);
	});

	test('every template imports, and those started by hand without Data Tables run green', async () => {
		for (const { file, workflow } of templates()) {
			expect(await importWorkflow(file)).toBe(workflow.id);
			if (!workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger')) continue;
			// `n8n execute` runs without the Data table module; such templates run through the server
			// in their own e2e files (templates*.test.ts).
			if (workflow.nodes.some((node) => node.type === 'n8n-nodes-base.dataTable')) continue;
			const run = await executeWorkflow(workflow.id);
			expect({ template: path.basename(file), error: run.error, status: run.status }).toEqual({
				template: path.basename(file),
				error: undefined,
				status: 'success',
			});
		}
	});
});
