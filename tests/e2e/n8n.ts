/**
 * Talks to the real n8n prepared by global-setup.js: imports workflow JSON and executes it
 * headless with `n8n execute`, against the same SQLite database the running server uses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { WorkflowRun } from '../support/workflow-run';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/n8n') as {
	n8nEnv(userFolder: string, options: { port: number; brokerPort: number }): NodeJS.ProcessEnv;
	n8nCli(
		args: string[],
		env: NodeJS.ProcessEnv,
	): { status: number | null; stdout: string; stderr: string };
	parseRawOutput(stdout: string): unknown;
	freePort(): Promise<number>;
};

export interface E2eState {
	userFolder: string;
	port: number;
	brokerPort: number;
	url: string;
}

// QMS_E2E_WORK lets two suites on one machine keep apart.
const work = process.env.QMS_E2E_WORK ?? path.join(__dirname, '.work');

export function state(): E2eState {
	return JSON.parse(fs.readFileSync(path.join(work, 'state.json'), 'utf8')) as E2eState;
}

/** CLI environment: same user folder and port as the server, its own task-broker port. */
async function cliEnv(): Promise<NodeJS.ProcessEnv> {
	const { userFolder, port } = state();
	return n8n.n8nEnv(userFolder, { port, brokerPort: await n8n.freePort() });
}

/** Runs an n8n CLI command; throws with its output when it fails. */
export async function cli(args: string[]): Promise<string> {
	const result = n8n.n8nCli(args, await cliEnv());
	if (result.status !== 0) {
		throw new Error(
			`n8n ${args.join(' ')} exited with ${result.status}\n${result.stdout}\n${result.stderr}`,
		);
	}
	return result.stdout;
}

/** Imports a workflow (object or file path) and returns its id. */
export async function importWorkflow(workflow: { id: string } | string): Promise<string> {
	let file: string;
	let id: string;
	if (typeof workflow === 'string') {
		file = workflow;
		id = (JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string }).id;
	} else {
		file = path.join(work, `import-${workflow.id}.json`);
		fs.writeFileSync(file, JSON.stringify(workflow));
		id = workflow.id;
	}
	await cli(['import:workflow', `--input=${file}`]);
	return id;
}

/** Executes an imported workflow headless and returns the run. */
export async function executeWorkflow(id: string): Promise<WorkflowRun & { status: string }> {
	const result = n8n.n8nCli(['execute', `--id=${id}`, '--rawOutput'], await cliEnv());
	if (!/^\{/m.test(result.stdout)) {
		throw new Error(
			`n8n execute --id=${id} exited with ${result.status}\n${result.stdout}\n${result.stderr}`,
		);
	}
	const run = n8n.parseRawOutput(result.stdout) as ConstructorParameters<typeof WorkflowRun>[0] & {
		status: string;
	};
	return Object.assign(new WorkflowRun(run), { status: run.status });
}

/** n8n node types the running instance knows, from `n8n export:nodes`. */
export async function exportedNodeTypes(): Promise<
	Array<{ name: string; version: number | number[] }>
> {
	const file = path.join(work, 'nodes.json');
	await cli(['export:nodes', `--output=${file}`]);
	return JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{
		name: string;
		version: number | number[];
	}>;
}
