/**
 * n8n's own REST API (the one the editor uses), signed in as the instance owner. The templates
 * tests need it for what the CLI cannot do while the server runs: publishing a workflow so that
 * its webhook, form or chat trigger answers at once, and reading Data Table rows.
 */
import { state } from '../n8n';

export const OWNER = {
	email: 'qa@example.com',
	firstName: 'Quality',
	lastName: 'Engineer',
	password: 'Qms-e2e-Passw0rd',
};

let signedIn: Promise<string> | undefined;

/**
 * fetch with the two retries a running n8n needs: a kept-alive socket the server closed in the
 * meantime ("other side closed"), and a webhook that is published but not registered yet (the
 * server registers triggers a moment after the publish call returns).
 */
export async function request(
	url: string,
	init: RequestInit = {},
	timeoutMs = 60000,
): Promise<Response> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let response: Response | undefined;
		try {
			response = await fetch(url, init);
		} catch (error) {
			if (Date.now() > deadline) throw error;
		}
		if (response) {
			if (response.status !== 404 || !url.includes('/webhook/') || Date.now() > deadline)
				return response;
			const text = await response.clone().text();
			if (!text.includes('not registered')) return response;
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

async function signIn(): Promise<string> {
	const { url } = state();
	const headers = { 'content-type': 'application/json' };
	// A fresh instance has no owner yet: set it up (that signs in); later runs sign in.
	let response = await request(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers,
		body: JSON.stringify(OWNER),
	});
	if (!response.ok) {
		response = await request(`${url}/rest/login`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
	}
	if (!response.ok)
		throw new Error(`n8n sign-in failed: ${response.status} ${await response.text()}`);
	const set = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	if (!set) throw new Error('n8n sign-in returned no n8n-auth cookie');
	return set.split(';')[0];
}

/** One sign-in for all callers: every owner set-up call starts a new owner session and ends the others. */
function session(): Promise<string> {
	signedIn ??= signIn().catch((error: unknown) => {
		signedIn = undefined;
		throw error;
	});
	return signedIn;
}

/** A REST call as the owner; returns `data` of the answer. */
export async function rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
	const cookie = await session();
	const response = await request(`${state().url}/rest${path}`, {
		method,
		headers: { cookie, 'content-type': 'application/json', 'browser-id': 'qms-e2e' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} /rest${path}: ${response.status} ${text}`);
	return (JSON.parse(text) as { data: T }).data;
}

/** The session cookie, for a browser that should open the editor signed in. */
export async function authCookie(): Promise<{ name: string; value: string }> {
	const [name, value] = (await session()).split('=');
	return { name, value };
}

/**
 * Publishes the current version of an imported workflow in the running server (its triggers are
 * registered at once; `n8n publish:workflow` only takes effect at the next start).
 */
export async function publish(workflowId: string): Promise<void> {
	const workflow = await rest<{ versionId: string }>('GET', `/workflows/${workflowId}`);
	await rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
}

/** Unpublishes a workflow in the running server (its triggers are removed at once). */
export async function unpublish(workflowId: string): Promise<void> {
	await rest('POST', `/workflows/${workflowId}/deactivate`);
}

async function projectId(): Promise<string> {
	return (await rest<{ id: string }>('GET', '/projects/personal')).id;
}

/** The Data Tables of the owner's project. */
async function dataTables(): Promise<Array<{ id: string; name: string }>> {
	const project = await projectId();
	const tables = await rest<{ data: Array<{ id: string; name: string }> }>(
		'GET',
		`/projects/${project}/data-tables?take=100`,
	);
	return tables.data;
}

/** Names of the Data Tables of the owner's project. */
export async function dataTableNames(): Promise<string[]> {
	return (await dataTables()).map((table) => table.name);
}

/** Appends rows to the Data Table `name` (of the owner's project). */
export async function insertRows(
	name: string,
	rows: Array<Record<string, unknown>>,
): Promise<void> {
	const project = await projectId();
	const found = (await dataTables()).find((t) => t.name === name);
	if (!found) throw new Error(`No Data Table ${name}`);
	await rest('POST', `/projects/${project}/data-tables/${found.id}/insert`, { data: rows });
}

/** Deletes the rows of the Data Table `name` whose `column` is like `pattern` (SQL LIKE). */
export async function deleteRowsLike(name: string, column: string, pattern: string): Promise<void> {
	const project = await projectId();
	const found = (await dataTables()).find((t) => t.name === name);
	if (!found) throw new Error(`No Data Table ${name}`);
	const filter = JSON.stringify({
		type: 'and',
		filters: [{ columnName: column, condition: 'like', value: pattern }],
	});
	await rest(
		'DELETE',
		`/projects/${project}/data-tables/${found.id}/rows?filter=${encodeURIComponent(filter)}`,
	);
}

/** All rows of the Data Table `name` (of the owner's project). */
export async function tableRows<T = Record<string, unknown>>(name: string): Promise<T[]> {
	const project = await projectId();
	const found = (await dataTables()).find((t) => t.name === name);
	if (!found) return [];
	const rows: T[] = [];
	// The server caps a page (below 500); read on until `count` rows are in.
	for (;;) {
		const page = await rest<{ count: number; data: T[] }>(
			'GET',
			`/projects/${project}/data-tables/${found.id}/rows?take=500&skip=${rows.length}`,
		);
		rows.push(...page.data);
		if (rows.length >= page.count || page.data.length === 0) return rows;
	}
}

/** The last executions of a workflow, newest first. */
export async function executions(
	workflowId: string,
): Promise<Array<{ id: string; status: string }>> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (
		await rest<{ results: Array<{ id: string; status: string }> }>(
			'GET',
			`/executions?filter=${filter}&limit=20`,
		)
	).results;
}

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false>,
	timeoutMs = 60000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await probe();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			last = error;
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const cause = (last as { cause?: { message?: string } } | undefined)?.cause?.message;
	throw new Error(
		`Timed out waiting for ${what}${last ? `: ${(last as Error).message}${cause ? ` (${cause})` : ''}` : ''}`,
	);
}
