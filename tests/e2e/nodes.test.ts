/**
 * Every node-test fixture, run once more inside a real n8n 2.40.7 with the packed package: the
 * outputs must be the ones n8n-core's engine gives in-process (same routing, pairing, JSON and
 * binary attachments). The Manual Trigger's pinned items become a Code node, since
 * `n8n execute` runs workflows as a production trigger would, without pinned data. The
 * failsafe-* fixtures run 8D Gate with "Continue (regular output)" and SPC Check with "Continue
 * (using error output)".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INode, INodeExecutionData, IRunData } from 'n8n-workflow';

import packageJson from '../../package.json';
import { FAIL_SAFE_FIXTURES } from '../nodes/failSafe';
import { runWorkflow, type WorkflowFixture } from '../nodes/harness';
import { executeWorkflow, importWorkflow } from './n8n';

const fixturesDir = path.resolve(__dirname, '../nodes/fixtures');
const fixtures = fs
	.readdirSync(fixturesDir)
	.filter((file) => file.endsWith('.json'))
	.sort();

/** Replaces pinned trigger output with a Code node that returns the same items. */
function withCodeInput(fixture: WorkflowFixture, id: string) {
	const trigger = fixture.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error('fixture has no Manual Trigger');
	const pinned = (fixture.pinData?.[trigger.name] ?? []).map((item) => ({ json: item.json }));
	const code: INode = {
		id: 'pinned-items',
		name: 'Pinned Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [trigger.position[0] + 100, trigger.position[1] + 200],
		parameters: { jsCode: `return ${JSON.stringify(pinned)};` },
	};
	const connections = structuredClone(fixture.connections);
	connections[code.name] = connections[trigger.name];
	connections[trigger.name] = { main: [[{ node: code.name, type: 'main', index: 0 }]] };
	return {
		id,
		name: `e2e ${id}`,
		active: false,
		nodes: [...fixture.nodes, code],
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** What must match between the two engines, per item. */
function comparable(items: INodeExecutionData[]) {
	return items.map((item) => ({
		json: item.json,
		pairedItem: item.pairedItem,
		binary: Object.fromEntries(
			Object.entries(item.binary ?? {}).map(([key, data]) => [
				key,
				{ mimeType: data.mimeType, fileName: data.fileName },
			]),
		),
	}));
}

/**
 * Hand-checked routing of the bilingual fixture, asserted on the real n8n's own output (not only
 * by equality with the in-process run): input item -> [category, language].
 */
function expectBilingualRouting(runData: IRunData) {
	const expected: Record<number, [string, string]> = {
		0: ['logistics_packaging', 'zh'],
		1: ['delivery', 'en'],
		2: ['production', 'zh'],
		3: ['documentation', 'en'],
		4: ['unclassified', 'en'],
		5: ['delivery', 'zh'],
	};
	const routed: Record<number, [string, string]> = {};
	for (const output of runData['Complaint Classifier'][0].data?.main ?? []) {
		for (const item of output ?? []) {
			const complaint = item.json.complaint as { category?: string; language?: string } | undefined;
			const paired = item.pairedItem as { item: number } | undefined;
			if (complaint?.category && paired && !Array.isArray(item.pairedItem)) {
				routed[paired.item] = [complaint.category, complaint.language ?? ''];
			}
		}
	}
	expect(routed).toEqual(expected);
}

describe('node fixtures in a real n8n match the in-process engine', () => {
	test.each(fixtures)('%s', async (file) => {
		const fixture = JSON.parse(
			fs.readFileSync(path.join(fixturesDir, file), 'utf8'),
		) as WorkflowFixture;
		const id = `e2e${String(fixtures.indexOf(file)).padStart(13, '0')}`;
		const expected = await runWorkflow(fixture);

		await importWorkflow(withCodeInput(fixture, id));
		const actual = await executeWorkflow(id);
		expect(actual.status).toBe(expected.error ? 'error' : 'success');

		const ours = fixture.nodes.filter((node) => node.type.startsWith(`${packageJson.name}.`));
		expect(ours.length).toBeGreaterThan(0);
		if (file === 'complaint-routing.json')
			expectBilingualRouting(actual.run.data.resultData.runData);
		// One node in each "On Error" mode, the failed items where the rule puts them.
		FAIL_SAFE_FIXTURES[file]?.(actual);
		for (const node of ours) {
			const counts = expected.outputCounts(node.name);
			expect({ node: node.name, counts: actual.outputCounts(node.name) }).toEqual({
				node: node.name,
				counts,
			});
			for (let output = 0; output < counts.length; output++) {
				expect(comparable(actual.output(node.name, output))).toEqual(
					comparable(expected.output(node.name, output)),
				);
			}
		}
	});
});
