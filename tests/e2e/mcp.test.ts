/**
 * The template "QMS tools (MCP server)" published in the real n8n 2.40.7 and used as an MCP
 * client would use it: the official MCP TypeScript SDK over Streamable HTTP (and SSE), the tool
 * list as the model sees it, and every tool called on the seeded QMS Data Tables. Each answer must
 * be the engine's (lib/) on the same data, read back from the Data Tables over REST.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// The SDK's subpaths resolve through its "./*" export, which the lint resolver does not follow.
// eslint-disable-next-line import-x/no-unresolved
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
// eslint-disable-next-line import-x/no-unresolved
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
// eslint-disable-next-line import-x/no-unresolved
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import packageJson from '../../package.json';
import {
	analyzeFmea,
	analyzeSuppliers,
	capability,
	checkComplaint,
	checkRows,
	controlChart,
	createComplaintClassifier,
	evaluateGate,
	explainViolations,
	hazardEscalation,
	matchComplaints,
	openFromComplaint,
	verifyHistory,
	type EightDReport,
	type SupplierMetricId,
} from '../../lib';
import { cli, executeWorkflow, exportedNodeTypes, importWorkflow, state } from './n8n';
import { request, tableRows, waitFor } from './support/rest';
import { importAndPublish, loadTemplate, node, type Template } from './support/templates';

jest.setTimeout(180000);

const work = process.env.QMS_E2E_WORK ?? path.join(__dirname, '.work');
const TOKEN = 'qms-e2e-mcp-token-6f1d2c9a';
const TOOLS = [
	'classify_complaint',
	'open_case',
	'case_status',
	'spc_check',
	'supplier_scorecard',
	'fmea_lookup',
];

let template: Template;
let client: Client;
/** Every request and answer of this run, written for the README's example conversation. */
const transcript: Array<{ tool: string; arguments: Record<string, unknown>; answer: unknown }> = [];

const mcpUrl = () => {
	const trigger = node(template, 'QMS tools');
	return new URL(`${state().url}/mcp/${String(trigger.parameters.path)}`);
};

async function connect(
	transport: StreamableHTTPClientTransport | SSEClientTransport,
): Promise<Client> {
	const connected = new Client({ name: 'qms-e2e', version: '1.0.0' });
	await connected.connect(transport);
	return connected;
}

const bearer = { headers: { Authorization: `Bearer ${TOKEN}` } };

/** fetch for the SDK transports, retried when n8n closed an idle kept-alive socket (see rest.ts). */
const retryingFetch: typeof fetch = (url, init) => request(String(url), init);

/**
 * Calls a tool and returns its answer: the text content is the JSON list of the items the tool's
 * last node put out, one item here.
 */
async function call(tool: string, args: Record<string, unknown>): Promise<unknown> {
	const result = (await client.callTool({ name: tool, arguments: args })) as {
		isError?: boolean;
		content: Array<{ type: string; text: string }>;
	};
	expect({ tool, isError: result.isError ?? false }).toEqual({ tool, isError: false });
	expect(result.content).toHaveLength(1);
	const items = JSON.parse(result.content[0].text) as unknown[];
	expect(items).toHaveLength(1);
	transcript.push({ tool, arguments: args, answer: items[0] });
	return items[0];
}

/** Plain JSON (what survives the trip through n8n): drops undefined, keeps null. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

beforeAll(async () => {
	template = loadTemplate('qms-tools-mcp.json');
	const credentials = path.join(work, 'mcp-credentials.json');
	fs.writeFileSync(
		credentials,
		JSON.stringify([
			{
				id: 'qmsMcpBearerToken',
				name: 'QMS MCP token (bearer)',
				type: 'httpBearerAuth',
				data: { token: TOKEN },
			},
		]),
	);
	await cli(['import:credentials', `--input=${credentials}`]);
	await importAndPublish(template);
	// The sample data workflow fills the tables at server start.
	await waitFor(
		'seeded QMS Data Tables',
		async () => {
			const [c, m, s, f] = await Promise.all([
				tableRows('qms_cases'),
				tableRows('qms_measurements'),
				tableRows('qms_supplier_rows'),
				tableRows('qms_fmea'),
			]);
			return c.length >= 12 && m.length >= 76 && s.length >= 329 && f.length >= 16;
		},
		120000,
	);
	client = await waitFor(
		'the MCP server to accept a session',
		() =>
			connect(
				new StreamableHTTPClientTransport(mcpUrl(), { requestInit: bearer, fetch: retryingFetch }),
			).catch(() => undefined),
		60000,
	);
});

afterAll(async () => {
	await client?.close();
	if (transcript.length)
		fs.writeFileSync(path.join(work, 'mcp-transcript.json'), JSON.stringify(transcript, null, 2));
});

describe('access', () => {
	const initialize = {
		jsonrpc: '2.0',
		id: 1,
		method: 'initialize',
		params: {
			protocolVersion: '2025-03-26',
			capabilities: {},
			clientInfo: { name: 'anonymous', version: '0' },
		},
	};
	const post = (headers: Record<string, string>) =>
		request(mcpUrl().toString(), {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				accept: 'application/json, text/event-stream',
				...headers,
			},
			body: JSON.stringify(initialize),
		});

	test('is refused without the bearer token, with a wrong one, and for the SDK without it', async () => {
		expect((await post({})).status).toBe(403);
		expect((await post({ authorization: 'Bearer not-the-token' })).status).toBe(403);
		expect((await post({ authorization: TOKEN })).status).toBe(403);
		await expect(connect(new StreamableHTTPClientTransport(mcpUrl()))).rejects.toThrow(
			/Authorization data is wrong/,
		);
	});

	test('with the token, a client on the SSE transport (GET on the same URL) sees the same tools', async () => {
		const sse = await connect(
			new SSEClientTransport(mcpUrl(), {
				requestInit: bearer,
				eventSourceInit: { fetch: sseFetch },
			}),
		);
		try {
			const { tools } = await sse.listTools();
			expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
		} finally {
			await sse.close();
		}
	});
});

/** The SSE stream (EventSource) carries the bearer header too. */
const sseFetch: typeof fetch = (url, init) =>
	fetch(url, { ...init, headers: { ...(init?.headers ?? {}), ...bearer.headers } });

describe('the tool list', () => {
	test('the server: named after its trigger node, with the instructions for the model', () => {
		expect(client.getServerVersion()?.name).toBe('QMS_tools');
		expect(client.getInstructions()).toBe(node(template, 'QMS tools').parameters.instructions);
	});

	test('names, descriptions for the model and input schemas', async () => {
		const { tools } = await client.listTools();
		expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
		const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
		// Descriptions are the template's, word for word.
		expect(byName.classify_complaint.description).toBe(
			node(template, 'classify_complaint').parameters.toolDescription,
		);
		for (const name of TOOLS.slice(1))
			expect(byName[name].description).toBe(node(template, name).parameters.description);
		const inputs = Object.fromEntries(
			tools.map((t) => [
				t.name,
				{
					properties: Object.fromEntries(
						Object.entries(
							(t.inputSchema.properties ?? {}) as Record<
								string,
								{ type: string; description?: string }
							>,
						).map(([key, p]) => [key, p.type]),
					),
					required: [...(t.inputSchema.required ?? [])].sort(),
				},
			]),
		);
		expect(inputs).toEqual({
			classify_complaint: { properties: { text: 'string' }, required: ['text'] },
			open_case: {
				properties: { text: 'string', customer: 'string' },
				required: ['customer', 'text'],
			},
			case_status: { properties: { caseId: 'string' }, required: ['caseId'] },
			spc_check: { properties: { characteristic: 'string' }, required: ['characteristic'] },
			supplier_scorecard: { properties: { supplier: 'string' }, required: ['supplier'] },
			fmea_lookup: { properties: { description: 'string' }, required: ['description'] },
		});
		for (const tool of tools) {
			for (const property of Object.values(
				(tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>,
			))
				expect(property.description).toMatch(/\w{3,}/);
		}
	});
});

const classifier = createComplaintClassifier({ maskPii: false, prior: true });

/** The Complaint Classifier node's result: the engine's, plus the escalation of every hazard class. */
function classified(text: string, options: Parameters<typeof classifier>[1]) {
	const result = classifier(text, options);
	const escalation = hazardEscalation(result.hazards);
	return {
		...result,
		escalate: escalation.escalate,
		escalationEvidence: escalation.evidence,
		escalationHazards: escalation.hazards,
	};
}

describe('the tools answer what the engines answer', () => {
	const complaint =
		'Two housings of lot C-118 started to smoke during the end-of-line test and an operator burned a finger. 外壳冒烟，操作员烫伤。';

	test('classify_complaint: the Complaint Classifier on the text, deadline counted from the call', async () => {
		const answer = (await call('classify_complaint', { text: complaint })) as {
			text: string;
			complaint: { deadline: { receivedAt: string } };
		};
		const { receivedAt } = answer.complaint.deadline;
		expect(Math.abs(Date.parse(receivedAt) - Date.now())).toBeLessThan(60000);
		expect(answer).toEqual({
			text: complaint,
			complaint: plain(classified(complaint, { receivedAt })),
		});
		expect(answer.complaint).toMatchObject({ severity: 'critical' });
	});

	let openedId: string;

	test('open_case: classified, 8D report opened and saved to qms_cases, case id returned', async () => {
		const customer = 'Northwind Motors';
		const before = (await tableRows<{ caseId: string }>('qms_cases')).length;
		const answer = (await call('open_case', { text: complaint, customer })) as {
			caseId: string;
			receivedAt: string;
			classification: ReturnType<typeof classifier>;
		};
		openedId = answer.caseId;
		const rows = await tableRows<Record<string, string>>('qms_cases');
		expect(rows).toHaveLength(before + 1);
		const row = rows.find((r) => r.caseId === answer.caseId);
		expect(row).toBeDefined();
		const saved = JSON.parse(row!.report) as EightDReport;
		const receivedAt = answer.classification.deadline!.receivedAt;
		const classification = classifier(complaint, { receivedAt });
		const report = openFromComplaint(
			{ ...classification, text: complaint, customer, receivedAt },
			{ profile: 'default', now: saved.history![0].at },
		);
		expect(saved).toEqual(plain(report));
		expect(answer).toEqual({
			caseId: report.id,
			stage: 'D0',
			receivedAt: report.openedAt,
			responseDueAt: classification.deadline!.dueAt,
			containmentDueAt: report.deadlines!.D3,
			closureDueAt: report.deadlines!.D8,
			classification: plain(classified(complaint, { receivedAt })),
		});
		expect(row).toMatchObject({
			source: 'mcp',
			customer,
			category: classification.category,
			severity: classification.severity,
			status: 'open',
		});
	});

	/** case_status as the engine gives it for the case's saved report at the time of the answer. */
	async function expectedStatus(caseId: string, checkedAt: string) {
		const row = (await tableRows<Record<string, string>>('qms_cases')).find(
			(r) => r.caseId === caseId,
		)!;
		const report = JSON.parse(row.report) as EightDReport;
		const next = report.stage === 'D8' ? 'closed' : `D${Number(report.stage[1]) + 1}`;
		const gate = evaluateGate(report, next, { language: 'en', now: checkedAt });
		const history = verifyHistory(report);
		return {
			caseId,
			found: true,
			status: row.status,
			customer: row.customer,
			category: row.category,
			severity: row.severity,
			currentDiscipline: gate.current,
			nextDiscipline: gate.target,
			canAdvance: gate.allowed,
			blockedBy: gate.missing.map(({ discipline, field, reason, rule }) =>
				plain({ discipline, field, reason, rule }),
			),
			overdue: plain(gate.overdue),
			warnings: gate.warnings,
			historyVerified: history.valid,
			historyBrokenAt: history.brokenAt ?? null,
			checkedAt,
		};
	}

	test('case_status: the new case is at D0, blocked from D1, its history intact', async () => {
		const answer = (await call('case_status', { caseId: openedId })) as { checkedAt: string };
		expect(answer).toEqual(await expectedStatus(openedId, answer.checkedAt));
		expect(answer).toMatchObject({
			currentDiscipline: 'D0',
			canAdvance: false,
			historyVerified: true,
		});
	});

	test('case_status: a seeded case from 45 days ago has overdue deadlines', async () => {
		const seeded = (await tableRows<Record<string, string>>('qms_cases'))
			// Other suites add mail cases of their own (an unreadable report, no receivedAt).
			.filter((r) => r.source === 'mail' && typeof r.receivedAt === 'string' && r.receivedAt !== '')
			.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))[0];
		const answer = (await call('case_status', { caseId: seeded.caseId })) as {
			checkedAt: string;
			overdue: unknown[];
		};
		expect(answer).toEqual(await expectedStatus(seeded.caseId, answer.checkedAt));
		expect(answer.overdue.length).toBeGreaterThan(0);
	});

	test('case_status: an unknown case id says so', async () => {
		expect(await call('case_status', { caseId: '8D-19990101-00000000' })).toEqual({
			caseId: '8D-19990101-00000000',
			found: false,
			message: 'No case 8D-19990101-00000000 in qms_cases',
		});
	});

	/** The spec limits the template ships in its "Spec limits" node. */
	const specs = (characteristic: string) =>
		(
			JSON.parse(
				String(
					(
						node(template, 'Spec limits').parameters.assignments as {
							assignments: Array<{ value: string }>;
						}
					).assignments[0].value,
				),
			) as Record<string, { lsl: number; usl: number; target: number }>
		)[characteristic];

	test.each(['bore-diameter', 'Shaft-Length'])(
		'spc_check %s: I-MR with Nelson rules and capability on the latest 100 measurements',
		async (asked) => {
			const answer = (await call('spc_check', { characteristic: asked })) as Record<
				string,
				unknown
			>;
			const characteristic = asked.toLowerCase();
			const rows = (
				await tableRows<{
					characteristic: string;
					value: number;
					measuredAt: string;
					unit: string;
				}>('qms_measurements')
			)
				.filter((r) => r.characteristic === characteristic)
				.sort((a, b) => a.measuredAt.localeCompare(b.measuredAt))
				.slice(-100);
			const values = rows.map((r) => r.value);
			const chart = controlChart({ chart: 'imr', values, rules: 'nelson' });
			const limits = specs(characteristic);
			expect(limits).toBeDefined();
			const findings = explainViolations(chart, 'nelson');
			expect(answer).toEqual(
				plain({
					characteristic,
					found: true,
					// The tool names the unit of the latest measurement, as the SPC monitor does.
					unit: rows[rows.length - 1].unit || '',
					points: values.length,
					from: rows[0].measuredAt,
					to: rows[rows.length - 1].measuredAt,
					chart: 'imr',
					inControl: chart.violations.length === 0,
					summary: answer.summary,
					center: chart.center,
					sigma: chart.sigma,
					ucl: chart.ucl,
					lcl: chart.lcl,
					violations: findings.map((f) => ({
						rule: f.rule,
						chart: f.chart,
						text: f.text,
						firstPoint: f.start + 1,
						lastPoint: f.end + 1,
						points: f.indices.map((i) => i + 1),
					})),
					specLimits: limits,
					capability: capability({ values, ...limits }),
				}),
			);
			expect(answer.summary).toBe(
				chart.violations.length === 0
					? `In control: no rule violated on ${values.length} points`
					: findings.map((f) => f.text).join('\n'),
			);
		},
	);

	test('spc_check: a characteristic nobody measures names the ones that contain it', async () => {
		expect(await call('spc_check', { characteristic: 'diameter' })).toEqual({
			characteristic: 'diameter',
			found: false,
			similar: ['bore-diameter'],
			message: 'Nothing named diameter in qms_measurements; names containing it: bore-diameter',
		});
	});

	test.each(['Acme Castings', 'cheap seals ltd'])(
		'supplier_scorecard %s: the latest month, its trend and weakest metric',
		async (asked) => {
			const answer = (await call('supplier_scorecard', { supplier: asked })) as Record<
				string,
				unknown
			>;
			const rows = (await tableRows<Record<string, unknown>>('qms_supplier_rows')).filter(
				(r) => String(r.supplier).toLowerCase() === asked.toLowerCase(),
			);
			const { metrics } = node(template, 'Supplier Scorecard').parameters as {
				metrics: SupplierMetricId[];
			};
			const report = analyzeSuppliers(rows, { metrics, onUnknownKind: 'skip' });
			const latest = report.periods[report.periods.length - 1];
			const card = report.scorecards.find((c) => c.period === latest)!;
			const scored = card.metrics.filter((m) => m.score !== null);
			const weakest = scored.sort((a, b) => a.score! - b.score!)[0];
			expect(answer).toEqual(
				plain({
					supplier: card.supplier,
					found: true,
					period: card.period,
					score: card.score,
					grade: card.grade,
					previousScore: card.previousScore ?? null,
					previousGrade: card.previousGrade ?? null,
					trend: card.trend ?? null,
					weakestMetric: weakest,
					metrics: card.metrics,
					flags: card.flags,
					notes: card.notes,
				}),
			);
		},
	);
});

describe('fmea_lookup', () => {
	/** The answer the FMEA engine gives for `description` on the rows of qms_fmea now. */
	async function expectedLookup(description: string) {
		const table = await tableRows<Record<string, unknown>>('qms_fmea');
		const checked = checkRows(table.map((row) => ({ ...row, id: row.fmeaId })));
		expect(checked.errors).toEqual([]);
		const rated = new Map(
			analyzeFmea(checked.rows, { actionAt: 'M' }).rows.map((row) => [row.id, row]),
		);
		const classification = classifier(description);
		const [match] = matchComplaints(
			[checkComplaint({ ...classification, text: description }, 0)],
			checked.rows,
			{ minScore: 0.3, occurrence: {} },
		).complaints;
		return plain({
			description,
			newFailureMode: match.newFailureMode,
			matches: match.matches.map((m) => {
				const row = rated.get(m.rowId)!;
				return {
					fmeaId: m.rowId,
					score: m.score,
					item: row.item,
					processStep: row.processStep,
					failureMode: row.failureMode,
					effect: row.effect,
					cause: row.cause,
					severity: row.severity,
					occurrence: row.occurrence,
					detection: row.detection,
					rpn: row.rpn,
					ap: row.ap,
					actionRequired: row.actionRequired,
					owner: row.owner,
				};
			}),
			classification: {
				category: classification.category,
				severity: classification.severity,
				hazards: classification.hazards,
			},
		});
	}

	test.each([
		'Wire pulled out of the crimp terminal, open circuit',
		'端子退针，插头接触不良',
		'充电器外壳冒烟，有焦味',
	])(
		'%s: the matching FMEA rows with their AP, as the FMEA engine rates and matches them',
		async (description) => {
			const answer = (await call('fmea_lookup', { description })) as {
				newFailureMode: boolean;
				matches: Array<{ ap: string }>;
			};
			expect(answer).toEqual(await expectedLookup(description));
			expect(answer.newFailureMode).toBe(false);
			expect(answer.matches.length).toBeGreaterThan(0);
			for (const m of answer.matches) expect(['H', 'M', 'L']).toContain(m.ap);
		},
	);

	test('a failure the FMEA does not know is a new failure mode', async () => {
		const description = 'The invoice was sent to the wrong address twice';
		const answer = (await call('fmea_lookup', { description })) as { newFailureMode: boolean };
		expect(answer).toEqual(await expectedLookup(description));
		expect(answer.newFailureMode).toBe(true);
	});
});

describe("n8n's own MCP client", () => {
	test("the MCP Client node (the client code of the AI Agent's MCP Client Tool) calls spc_check with the token", async () => {
		const viaSdk = await call('spc_check', { characteristic: 'bore-diameter' });
		const workflow = {
			id: 'qmsE2eMcpClient',
			name: 'e2e MCP client',
			active: false,
			nodes: [
				{
					id: 'start',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'client',
					name: 'MCP Client',
					type: '@n8n/n8n-nodes-langchain.mcpClient',
					typeVersion: 1.1,
					position: [240, 0],
					parameters: {
						serverTransport: 'httpStreamable',
						endpointUrl: mcpUrl().toString(),
						authentication: 'bearerAuth',
						tool: { __rl: true, mode: 'id', value: 'spc_check' },
						inputMode: 'json',
						jsonInput: JSON.stringify({ characteristic: 'bore-diameter' }),
						options: {},
					},
					credentials: {
						httpBearerAuth: { id: 'qmsMcpBearerToken', name: 'QMS MCP token (bearer)' },
					},
				},
			],
			connections: { Start: { main: [[{ node: 'MCP Client', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
			pinData: {},
		};
		const run = await executeWorkflow(await importWorkflow(workflow));
		expect(run.error).toBeUndefined();
		const [item] = run.output('MCP Client');
		const content = item.json.content as Array<{ type: string; text: unknown }>;
		expect(content).toHaveLength(1);
		expect(content[0]).toEqual({ type: 'text', text: [viaSdk] });
	});
});

describe('tool variants of the QMS nodes', () => {
	test('every QMS node but the trigger is usable as a tool and loads in n8n as n8n-nodes-qms.<name>Tool, an AI tool with a description field', async () => {
		const exported = (await exportedNodeTypes()) as Array<{
			name: string;
			outputs?: unknown;
			properties?: Array<{ name: string }>;
		}>;
		const root = path.resolve(__dirname, '../..');
		const descriptions = packageJson.n8n.nodes.map((file) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const exports = require(path.join(root, file)) as Record<
				string,
				new () => { description: { name: string; group: string[]; usableAsTool?: boolean } }
			>;
			return new (Object.values(exports)[0])().description;
		});
		const actions = descriptions.filter((d) => !d.group.includes('trigger'));
		expect(actions.map((d) => d.name)).toContain('complaintClassifier');
		expect(actions.length).toBe(descriptions.length - 1);
		for (const { name, usableAsTool } of actions) {
			const tool = `n8n-nodes-qms.${name}Tool`;
			const variants = exported.filter((n) => n.name === tool);
			expect({ tool, usableAsTool, loaded: variants.length > 0 }).toEqual({
				tool,
				usableAsTool: true,
				loaded: true,
			});
			for (const variant of variants) {
				expect(variant.outputs).toEqual(['ai_tool']);
				expect(variant.properties?.map((p) => p.name)).toContain('toolDescription');
			}
		}
	});
});
