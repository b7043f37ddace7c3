'use strict';
/**
 * Peak memory of large inputs run through the n8n nodes (not just the engines, see large.js):
 * each case runs a Manual Trigger -> node workflow with n8n-core's own engine (WorkflowExecute,
 * as tests/nodes/harness.ts does, input items pinned on the trigger) in its own child process, so
 * that the peak (process.resourceUsage().maxRSS) belongs to that case alone:
 *   baseline            n8n-core and our nodes loaded, SPC Check on one item of 25 points
 *   classifier-1MB      Complaint Classifier (classify, by category, maskPii) on one item with a 1 MB complaint (mixed English/Chinese)
 *   spc-item-1e6        SPC Check "One Series per Item", I-MR, Nelson rules: one item holding 10^6 numbers
 *                       (-noPoints: the same with the option Include Per-Point Flags off; it is on by default)
 *   spc-aggregate-1e6   SPC Check "Aggregate All Items", I-MR, Nelson rules: 10^6 items of one value each
 *   suppliers-1e6       Supplier Scorecard "Score Raw Rows" (month, by grade): 10^6 rows as items
 *                       (receipts, deliveries, SCARs, complaints; 200 suppliers, 12 months)
 * Chart images stay off (SPC Check refuses images over 5,000 points). Every run's output is checked
 * for shape (items per output, pairing with the input items, no error); a failed check fails the case.
 * inputRssMB is the RSS with n8n-core, the nodes and the input items built, before the run;
 * seconds is the workflow run alone; outputJsonMB, taken after the peak is read, is the size of
 * the node's outputs as JSON (what n8n would keep in its execution data).
 * The children run with Node's default heap limit (no --max-old-space-size): every case peaks under 1 GB.
 * Usage: node bench/hostile/nodes-large.js [case]   (after npm run build; QMS_DIST points at another build of dist/ inside this checkout)
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const { testAdditionalData } = require('../../tests/support/additional-data');
const { mulberry32 } = require('../support/random');

const DIST = process.env.QMS_DIST || path.resolve(__dirname, '../../dist');
const PACKAGE = 'n8n-nodes-qms';
const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

const rand = mulberry32(42);

/** RSS now (after building the input, before the workflow runs). */
const rssMB = () => Math.round(process.memoryUsage().rss / 2 ** 20);

function check(condition, what) {
	if (!condition) throw new Error(`output check failed: ${what}`);
}

/** n8n-core, n8n-workflow and our node classes from DIST: a runner for one-node workflows. */
function loadRunner() {
	const { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
	const { NodeHelpers, Workflow } = require('n8n-workflow');
	// n8n-core may pin its own @n8n/di copy: its services are registered in that container
	const { Container } = require(
		require.resolve('@n8n/di', { paths: [path.dirname(require.resolve('n8n-core'))] }),
	);
	const types = new Map();
	types.set(MANUAL_TRIGGER, {
		description: {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: '',
			defaults: { name: 'Manual Trigger' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async execute() {
			return [[{ json: {} }]];
		},
	});
	for (const file of require('../../package.json').n8n.nodes) {
		const className = path.basename(file, '.node.js');
		const instance = new (require(path.join(DIST, file.replace(/^dist\//, '')))[className])();
		types.set(`${PACKAGE}.${instance.description.name}`, instance);
	}
	const nodeTypes = {
		getByName: (name) => types.get(name),
		getByNameAndVersion: (name, version) =>
			NodeHelpers.getVersionedNodeType(types.get(name), version),
		getKnownTypes: () => Object.fromEntries([...types.keys()].map((name) => [name, {}])),
	};

	/** Manual Trigger (items pinned) -> the node; resolves to the node's outputs (lists of items). */
	async function runNode(type, parameters, items) {
		await Container.get(BinaryDataService).init();
		const nodes = [
			{
				id: 'trigger',
				name: 'Manual Trigger',
				type: MANUAL_TRIGGER,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'under-test',
				name: 'Node',
				type: `${PACKAGE}.${type}`,
				typeVersion: 1,
				position: [220, 0],
				parameters,
			},
		];
		const connections = {
			'Manual Trigger': { main: [[{ node: 'Node', type: 'main', index: 0 }]] },
		};
		const pinData = { 'Manual Trigger': items };
		const workflow = new Workflow({
			id: 'bench',
			name: 'bench',
			nodes,
			connections,
			active: false,
			nodeTypes,
			settings: { executionOrder: 'v1' },
			pinData,
		});
		const hooks = new ExecutionLifecycleHooks('manual', 'bench-execution', {
			id: 'bench',
			name: 'bench',
			active: false,
			isArchived: false,
			nodes,
			connections,
			createdAt: new Date(),
			updatedAt: new Date(),
			activeVersionId: null,
		});
		const finished = new Promise((resolve) =>
			hooks.addHandler('workflowExecuteAfter', (fullRun) => resolve(fullRun)),
		);
		await new WorkflowExecute(testAdditionalData(hooks, 'bench'), 'manual').run({
			workflow,
			startNode: nodes[0],
			pinData,
		});
		const run = await finished;
		if (run.data.resultData.error)
			throw new Error(`execution failed: ${run.data.resultData.error.message}`);
		const task = run.data.resultData.runData.Node?.[0];
		if (!task) throw new Error('the node did not run');
		if (task.error) throw new Error(`node failed: ${task.error.message}`);
		return task.data.main.map((list) => list ?? []);
	}
	return runNode;
}

/** SPC Check "One Series per Item" on one item of 10^6 points, with or without the per-point flags. */
function spcItemCase(includePoints) {
	return {
		build() {
			const values = new Array(1_000_000);
			for (let i = 0; i < values.length; i++) values[i] = 50 + (rand() + rand() + rand() - 1.5) * 4;
			return [{ json: { part: 'P-100', values } }];
		},
		run: (runNode, items) =>
			runNode(
				'spcCheck',
				{
					operation: 'perItem',
					seriesField: 'values',
					chartType: 'imr',
					rulePreset: 'nelson',
					chartImage: 'none',
					options: includePoints ? {} : { includePoints: false },
				},
				items,
			),
		verify(outputs) {
			const out = outputs.flat();
			check(
				outputs.length === 2 && out.length === 1 && out[0].pairedItem?.item === 0,
				'one item on In Control / Out of Control, paired with item 0',
			);
			const { spc } = out[0].json;
			check(out[0].json.error === undefined && spc?.pointCount === 1_000_000, '10^6 points');
			check(
				includePoints ? spc.points?.length === 1_000_000 : spc.points === undefined,
				includePoints ? 'per-point flags' : 'no per-point flags',
			);
			check((outputs[1].length === 1) === spc.violations.length > 0, 'routed by violations');
			return {
				points: spc.pointCount,
				violations: spc.violations.length,
				outputs: outputs.map((o) => o.length).join('/'),
			};
		},
	};
}

/** Each case: build() the input items (after loading), run(items) the workflow, verify(outputs, items). */
const CASES = {
	baseline: {
		build: () => [
			{
				json: {
					values: Array.from({ length: 25 }, () => 50 + (rand() + rand() + rand() - 1.5) * 4),
				},
			},
		],
		run: (runNode, items) =>
			runNode(
				'spcCheck',
				{
					operation: 'perItem',
					seriesField: 'values',
					chartType: 'imr',
					rulePreset: 'nelson',
					chartImage: 'none',
				},
				items,
			),
		verify(outputs) {
			const out = outputs.flat();
			check(out.length === 1 && out[0].pairedItem?.item === 0, 'one item, paired with item 0');
			check(out[0].json.spc?.pointCount === 25, '25 points');
			return { outputs: outputs.map((o) => o.length).join('/') };
		},
	},
	'classifier-1MB': {
		build() {
			const parts = [
				'The housing arrived with deep scratches. ',
				'外箱破损严重，产品有划痕。',
				'Delivery was two weeks late, lot 23A0457. ',
				'No smoke, no fire. ',
				'contact qa@example.com +1 415 555 0100. ',
			];
			let text = '';
			while (text.length < 1_000_000) text += parts[Math.floor(rand() * parts.length)];
			return [{ json: { text: text.slice(0, 1_000_000) } }];
		},
		run: (runNode, items) =>
			runNode(
				'complaintClassifier',
				{
					operation: 'classify',
					text: '={{ $json.text }}',
					routing: 'byCategory',
					options: { maskPii: true },
				},
				items,
			),
		verify(outputs, items) {
			const out = outputs.flat();
			check(out.length === 1 && out[0].pairedItem?.item === 0, 'one item, paired with item 0');
			const { json } = out[0];
			check(
				json.error === undefined && typeof json.complaint?.category === 'string',
				'a classification, no error',
			);
			const { defaultTaxonomy } = require(path.join(DIST, 'lib'));
			const categories = [...defaultTaxonomy.categories.map((c) => c.id), 'unclassified'];
			check(
				outputs.length === categories.length &&
					outputs[categories.indexOf(json.complaint.category)]?.length === 1,
				'routed to the output of its category',
			);
			check(
				typeof json.text === 'string' &&
					json.text !== items[0].json.text &&
					!json.text.includes('qa@example.com'),
				'masked text passed on',
			);
			return {
				chars: items[0].json.text.length,
				category: json.complaint.category,
				severity: json.complaint.severity,
				keywords: json.complaint.keywords.length,
			};
		},
	},
	'spc-item-1e6': spcItemCase(true),
	'spc-item-1e6-noPoints': spcItemCase(false),
	'spc-aggregate-1e6': {
		build() {
			const items = new Array(1_000_000);
			for (let i = 0; i < items.length; i++)
				items[i] = { json: { value: 50 + (rand() + rand() + rand() - 1.5) * 4 } };
			return items;
		},
		run: (runNode, items) =>
			runNode(
				'spcCheck',
				{
					operation: 'aggregate',
					valueField: 'value',
					chartType: 'imr',
					rulePreset: 'nelson',
					chartImage: 'none',
				},
				items,
			),
		verify(outputs, items) {
			const out = outputs.flat();
			check(outputs.length === 2 && out.length === 1, 'one item on In Control / Out of Control');
			const paired = out[0].pairedItem;
			check(
				Array.isArray(paired) &&
					paired.length === items.length &&
					paired.every((p, i) => p.item === i),
				'paired with every input item',
			);
			const { spc, itemCount } = out[0].json;
			check(
				out[0].json.error === undefined &&
					itemCount === items.length &&
					spc?.pointCount === items.length &&
					spc.points?.length === items.length,
				'10^6 points with per-point flags',
			);
			return {
				points: spc.pointCount,
				violations: spc.violations.length,
				outputs: outputs.map((o) => o.length).join('/'),
			};
		},
	},
	'suppliers-1e6': {
		build() {
			const items = new Array(1_000_000);
			for (let i = 0; i < items.length; i++) {
				const supplier = `S${Math.floor(rand() * 200)}`;
				const m = 1 + Math.floor(rand() * 12);
				const date = `2025-${String(m).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
				const k = rand();
				let json;
				if (k < 0.6)
					json = {
						kind: 'receipt',
						supplier,
						date,
						received: 100 + Math.floor(rand() * 900),
						rejected: rand() < 0.9 ? 0 : Math.floor(rand() * 5),
					};
				else if (k < 0.9) json = { kind: 'delivery', supplier, date, promisedDate: date };
				else if (k < 0.97) json = { kind: 'scar', supplier, date, dueAt: date, closedAt: date };
				else json = { kind: 'complaint', supplier, date, severity: 'minor' };
				items[i] = { json };
			}
			return items;
		},
		run: (runNode, items) =>
			runNode(
				'supplierScorecard',
				{ operation: 'scoreRows', period: 'month', timeZone: 'UTC', outputMode: 'byGrade' },
				items,
			),
		verify(outputs, items) {
			check(
				outputs.length === 5 && outputs[4].length === 1,
				'outputs A, B, C, D and one Summary item',
			);
			const cards = outputs.slice(0, 4).flat();
			const summary = outputs[4][0];
			check(
				cards.every((c) => c.json.error === undefined && typeof c.json.grade === 'string'),
				'scorecards, no error items',
			);
			check(
				summary.json.scorecards === cards.length &&
					summary.json.badRows.length === 0 &&
					summary.json.unknownKinds.length === 0,
				'summary counts every scorecard, no bad rows',
			);
			const seen = new Uint8Array(items.length);
			for (const card of cards) for (const { item } of card.pairedItem) seen[item]++;
			check(
				seen.every((n) => n === 1),
				'every input row paired with exactly one scorecard',
			);
			check(summary.pairedItem.length === items.length, 'summary paired with every input item');
			return {
				cards: cards.length,
				suppliers: summary.json.suppliers,
				periods: summary.json.periods.length,
				outputs: outputs.map((o) => o.length).join('/'),
			};
		},
	},
};

const only = process.argv[2];
if (only && process.env.QMS_BENCH_CHILD) {
	process.env.N8N_LOG_LEVEL = 'silent';
	const spec = CASES[only];
	(async () => {
		const runNode = loadRunner();
		const items = spec.build();
		const inputRssMB = rssMB();
		const began = process.hrtime.bigint();
		const outputs = await spec.run(runNode, items);
		const seconds = Number(process.hrtime.bigint() - began) / 1e9;
		const result = spec.verify(outputs, items);
		const usage = process.resourceUsage();
		// after the peak is read: the size of the outputs as JSON (what n8n saves with the execution)
		let outputJsonMB;
		try {
			outputJsonMB = Math.round((JSON.stringify(outputs).length / 2 ** 20) * 10) / 10;
		} catch (error) {
			outputJsonMB = error instanceof RangeError ? 'over V8 string limit' : String(error);
		}
		process.stdout.write(
			JSON.stringify({
				case: only,
				seconds: Math.round(seconds * 100) / 100,
				cpuSeconds: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e4) / 100,
				inputRssMB,
				maxRssMB: Math.round(usage.maxRSS / 1024),
				itemsIn: items.length,
				itemsOut: outputs.flat().length,
				outputJsonMB,
				...result,
			}),
		);
	})().catch((error) => {
		process.stderr.write(`${error.message ?? error}\n${error.stack ?? ''}\n`);
		process.exit(1);
	});
} else if (only && !CASES[only]) {
	console.error(`Unknown case ${only}; cases: ${Object.keys(CASES).join(', ')}`);
	process.exitCode = 2;
} else {
	const rows = [];
	for (const name of only ? [only] : Object.keys(CASES)) {
		try {
			const out = execFileSync(process.execPath, [__filename, name], {
				env: { ...process.env, QMS_BENCH_CHILD: '1' },
				encoding: 'utf8',
				timeout: 300_000,
				maxBuffer: 1 << 20,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			rows.push(JSON.parse(out));
			console.log(out);
		} catch (error) {
			process.exitCode = 1;
			const why = error.signal
				? `killed by ${error.signal}`
				: String(error.stderr || error.message)
						.trim()
						.split('\n')[0];
			rows.push({ case: name, failed: why });
			console.log(`${name}: FAILED ${why}`);
		}
	}
	const cell = (r, key) => (r.failed ? '-' : String(r[key]));
	const header = [
		'case',
		'items in',
		'items out',
		'input RSS MB',
		'peak RSS MB',
		'seconds',
		'CPU s',
		'output JSON MB',
	];
	const keys = [
		'case',
		'itemsIn',
		'itemsOut',
		'inputRssMB',
		'maxRssMB',
		'seconds',
		'cpuSeconds',
		'outputJsonMB',
	];
	const table = [header, ...rows.map((r) => keys.map((k) => (k === 'case' ? r.case : cell(r, k))))];
	const widths = header.map((_, c) => Math.max(...table.map((row) => row[c].length)));
	console.log();
	for (const row of table)
		console.log(
			row.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '),
		);
	for (const r of rows) if (r.failed) console.log(`${r.case}: FAILED (${r.failed})`);
}
