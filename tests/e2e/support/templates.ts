/**
 * The shipped templates as the tests use them: loaded from workflows/, imported into the running
 * n8n with the credentials they name (pointing at the local stand-ins), published over REST.
 *
 * A schedule trigger cannot be fired from outside, so a test copy replaces it by a webhook of the
 * same name (the rest of the workflow stays as shipped) and the test calls that webhook; the
 * copy has its own id so the shipped template is never changed in the instance.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { cli, importWorkflow } from '../n8n';
import { publish, unpublish } from './rest';

const root = path.resolve(__dirname, '../../..');
const work = process.env.QMS_E2E_WORK ?? path.join(__dirname, '..', '.work');

export interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface Template {
	id: string;
	name: string;
	nodes: TemplateNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	>;
	[key: string]: unknown;
}

/** The shipped template files, in the order of workflows/src/templates/index.js. */
export const TEMPLATE_FILES = // eslint-disable-next-line @typescript-eslint/no-require-imports
	(require('../../../workflows/src/templates') as Array<{ file: string }>).map((t) => t.file);

export function loadTemplate(file: string): Template {
	return JSON.parse(fs.readFileSync(path.join(root, 'workflows', file), 'utf8')) as Template;
}

export function node(workflow: Template, name: string): TemplateNode {
	const found = workflow.nodes.find((n) => n.name === name);
	if (!found) throw new Error(`${workflow.name} has no node "${name}"`);
	return found;
}

/** Sets values of the "Settings" node(s) (the assignments a team edits). */
export function configure(
	workflow: Template,
	values: Record<string, string>,
	nodeName = 'Settings',
): Template {
	const settings = node(workflow, nodeName).parameters.assignments as {
		assignments: Array<{ name: string; value: unknown }>;
	};
	for (const [name, value] of Object.entries(values)) {
		const assignment = settings.assignments.find((a) => a.name === name);
		if (!assignment) throw new Error(`${nodeName} has no "${name}"`);
		assignment.value = value;
	}
	return workflow;
}

/** A copy under a new id; `webhookFor` replaces those trigger nodes by POST webhooks answering with the last node's items. */
export function testCopy(
	workflow: Template,
	id: string,
	{ webhookFor = {}, remove = [] }: { webhookFor?: Record<string, string>; remove?: string[] } = {},
): Template {
	const copy = JSON.parse(JSON.stringify(workflow)) as Template;
	copy.id = id;
	copy.name = `${workflow.name} (test ${id})`;
	for (const [name, webhookPath] of Object.entries(webhookFor)) {
		const trigger = node(copy, name);
		Object.assign(trigger, {
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2.1,
			webhookId: crypto.randomUUID(),
			parameters: {
				httpMethod: 'POST',
				path: webhookPath,
				responseMode: 'lastNode',
				responseData: 'allEntries',
				options: {},
			},
		});
	}
	copy.nodes = copy.nodes.filter((n) => !remove.includes(n.name));
	for (const name of remove) delete copy.connections[name];
	for (const outputs of Object.values(copy.connections)) {
		for (const output of outputs.main) {
			for (let i = output.length - 1; i >= 0; i--)
				if (remove.includes(output[i].node)) output.splice(i, 1);
		}
	}
	// Template ids stay unique per instance: give the nodes of the copy their own webhook ids.
	for (const n of copy.nodes)
		if (n.webhookId && !Object.keys(webhookFor).includes(n.name)) n.webhookId = crypto.randomUUID();
	return copy;
}

/**
 * Imports a workflow and publishes it in the running server. A workflow the server already runs
 * is unpublished over REST first: re-importing it with the CLI alone leaves the server executing
 * the version it holds in memory.
 */
export async function importAndPublish(workflow: Template): Promise<string> {
	await unpublish(workflow.id).catch(() => undefined);
	const id = await importWorkflow(workflow);
	await publish(id);
	return id;
}

export const INTAKE_TOKEN = 'qms-e2e-intake-token';
/** The Complaint Intake signing secret and the staff login of the chat and the 8D form. */
export const INTAKE_SECRET = 'whsec_qms_e2e_0123456789abcdef';
export const STAFF = { user: 'quality', password: 'Qms-e2e-staff-Passw0rd' };
export const staffAuthorization = `Basic ${Buffer.from(`${STAFF.user}:${STAFF.password}`).toString('base64')}`;

/** Credentials with the ids the templates name, pointing at the local stand-ins (SMTP and IMAP when given). */
export async function importCredentials({
	smtpPort,
	imap,
}: {
	smtpPort?: number;
	imap?: { port: number; user: string; password: string };
}): Promise<void> {
	const credentials: Array<Record<string, unknown>> = [
		{
			id: 'qmsIntakeHeaderAuth',
			name: 'QMS intake token (header)',
			type: 'httpHeaderAuth',
			data: { name: 'X-QMS-Token', value: INTAKE_TOKEN },
		},
		{
			id: 'qmsIntakeSigningSecret',
			name: 'QMS intake signing secret',
			type: 'complaintIntakeApi',
			data: { secret: INTAKE_SECRET },
		},
		{ id: 'qmsStaffBasicAuth', name: 'QMS staff (basic auth)', type: 'httpBasicAuth', data: STAFF },
	];
	if (smtpPort) {
		credentials.push({
			id: 'qmsSmtpCredential',
			name: 'QMS SMTP',
			type: 'smtp',
			data: {
				user: '',
				password: '',
				host: '127.0.0.1',
				port: smtpPort,
				secure: false,
				disableStartTls: true,
				hostName: 'qms-e2e.local',
			},
		});
	}
	if (imap) {
		credentials.push({
			id: 'qmsImapCredential',
			name: 'QMS complaint mailbox (IMAP)',
			type: 'imap',
			data: {
				user: imap.user,
				password: imap.password,
				host: '127.0.0.1',
				port: imap.port,
				secure: false,
				allowUnauthorizedCerts: true,
			},
		});
	}
	const file = path.join(work, 'credentials.json');
	fs.writeFileSync(file, JSON.stringify(credentials));
	await cli(['import:credentials', `--input=${file}`]);
}
