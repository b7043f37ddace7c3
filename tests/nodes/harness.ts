/**
 * Runs n8n workflows in-process with n8n's own engine (n8n-core `WorkflowExecute`), so node tests
 * exercise the real parameter resolution, item pairing, continue-on-fail and output routing.
 *
 * Our nodes are loaded from source (the `nodes` list of package.json mapped from dist/ to the .ts
 * files), so a test needs no build. The only foreign node type is the Manual Trigger, whose
 * output always comes from the workflow's `pinData`, exactly as in the n8n editor.
 */
import { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IPinData,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
	type NodeParameterValueType,
} from 'n8n-workflow';
import * as path from 'node:path';

import packageJson from '../../package.json';
import { WorkflowRun } from '../support/workflow-run';

export { WorkflowRun };

const PACKAGE = packageJson.name;

/** n8n-core's own DI container (it may pin its own @n8n/di copy): its services are registered there. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Container } = require(
	require.resolve('@n8n/di', { paths: [path.dirname(require.resolve('n8n-core'))] }),
) as typeof import('@n8n/di');
const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

/** The shape of a workflow file as n8n exports it (only what execution needs). */
export interface WorkflowFixture {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	pinData?: IPinData;
	settings?: IDataObject;
}

/** Manual Trigger stand-in: the engine replaces its output with the pinned items. */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking Execute workflow' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(): Promise<INodeExecutionData[][]> {
		return [[{ json: {} }]];
	}
}

/** Source file of each registered node, keyed by n8n type (`n8n-nodes-qms.<name>`). */
function loadPackageNodes(): Map<string, INodeType | IVersionedNodeType> {
	const loaded = new Map<string, INodeType | IVersionedNodeType>();
	for (const distFile of packageJson.n8n.nodes) {
		const source = path.resolve(
			__dirname,
			'../..',
			distFile.replace(/^dist\//, '').replace(/\.js$/, ''),
		);
		const className = path.basename(source).replace(/\.node$/, '');
		let exported: Record<string, new () => INodeType | IVersionedNodeType>;
		try {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			exported = require(source);
		} catch (error) {
			if (
				(error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' &&
				String(error).includes(source)
			)
				continue;
			throw error;
		}
		const NodeClass = exported[className];
		if (!NodeClass) throw new Error(`${source} does not export class ${className}`);
		const instance = new NodeClass();
		loaded.set(`${PACKAGE}.${instance.description.name}`, instance);
	}
	return loaded;
}

class PackageNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>([
		[MANUAL_TRIGGER, new ManualTrigger()],
	]);

	constructor() {
		for (const [name, type] of loadPackageNodes()) this.types.set(name, type);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type)
			throw new Error(`Unknown node type ${nodeType}; known: ${[...this.types.keys()].join(', ')}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, {}]));
	}
}

let nodeTypes: PackageNodeTypes | undefined;
let binaryReady: Promise<void> | undefined;

/** n8n keeps binary data in memory by default; the service must be initialised once per process. */
function ensureBinaryDataService(): Promise<void> {
	binaryReady ??= Container.get(BinaryDataService).init();
	return binaryReady;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { testAdditionalData } = require('../support/additional-data') as {
	testAdditionalData(hooks: ExecutionLifecycleHooks, userId: string): unknown;
};

function additionalData(hooks: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
	return testAdditionalData(hooks, 'node-tests') as IWorkflowExecuteAdditionalData;
}

/** Executes a workflow fixture from its Manual Trigger, as a click on "Execute workflow" does. */
export async function runWorkflow(fixture: WorkflowFixture): Promise<WorkflowRun> {
	await ensureBinaryDataService();
	nodeTypes ??= new PackageNodeTypes();
	const workflow = new Workflow({
		id: 'node-test',
		name: fixture.name ?? 'node test',
		nodes: fixture.nodes,
		connections: fixture.connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1', ...(fixture.settings ?? {}) },
		pinData: fixture.pinData,
	});
	const startNode = fixture.nodes.find((node) => node.type === MANUAL_TRIGGER);
	if (!startNode) throw new Error('Fixture needs a Manual Trigger node to start from');

	const hooks = new ExecutionLifecycleHooks('manual', 'node-test-execution', {
		id: workflow.id,
		name: workflow.name ?? 'node test',
		active: false,
		isArchived: false,
		nodes: fixture.nodes,
		connections: fixture.connections,
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as never);
	const finished = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (fullRun: IRun) => resolve(fullRun));
	});
	const execution = new WorkflowExecute(additionalData(hooks), 'manual');
	await execution.run({ workflow, startNode, pinData: fixture.pinData });
	return new WorkflowRun(await finished);
}

/** A one-node workflow: Manual Trigger with `items` pinned, connected to the node under test. */
export interface SingleNodeRun {
	type: string;
	parameters: Record<string, NodeParameterValueType | object>;
	items: IDataObject[];
	name?: string;
	typeVersion?: number;
	/** Shorthand for `onError: 'continueRegularOutput'`. */
	continueOnFail?: boolean;
	/** The node's "On Error" setting; default: stop the workflow. */
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
}

/** Builds the fixture for {@link runNode}; exported so a test can save or tweak it. */
export function singleNodeWorkflow(spec: SingleNodeRun): WorkflowFixture {
	const name = spec.name ?? 'Node Under Test';
	return {
		nodes: [
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
				name,
				type: spec.type.includes('.') ? spec.type : `${PACKAGE}.${spec.type}`,
				typeVersion: spec.typeVersion ?? 1,
				position: [220, 0],
				parameters: spec.parameters as INode['parameters'],
				...(spec.onError || spec.continueOnFail
					? { onError: spec.onError ?? ('continueRegularOutput' as const) }
					: {}),
			},
		],
		connections: {
			'Manual Trigger': { main: [[{ node: name, type: 'main', index: 0 }]] },
		},
		pinData: { 'Manual Trigger': spec.items.map((json) => ({ json })) },
	};
}

/** Runs one node on `items` through the engine; returns the run and the node's name. */
export async function runNode(spec: SingleNodeRun): Promise<{ run: WorkflowRun; node: string }> {
	const fixture = singleNodeWorkflow(spec);
	return { run: await runWorkflow(fixture), node: fixture.nodes[1].name };
}

/** Reads a binary property of an output item back into a Buffer (in-memory binary mode). */
export async function binaryBuffer(item: INodeExecutionData, property: string): Promise<Buffer> {
	const binary = item.binary?.[property];
	if (!binary) throw new Error(`Item has no binary property "${property}"`);
	if (binary.id) return Container.get(BinaryDataService).getAsBuffer(binary);
	return Buffer.from(binary.data, 'base64');
}
