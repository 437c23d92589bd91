// The bench compiles test/harness/ with its own tsconfig, which does not load jest's global types.
/// <reference types="jest" />

import { DirectoryLoader, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IConnections,
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	INodeTypeDescription,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';

import { ScaleApi } from '../../credentials/ScaleApi.credentials';
import { TEST_API_KEY, TEST_BASE_URL } from './constants';
import { TestCredentialsHelper } from './credentials-helper';

export const PACKAGE_NAME = 'n8n-nodes-scaleapi';

export interface RunNodeOptions {
	nodeType: INodeType;
	parameters: IDataObject;
	/** Input items; one empty item when omitted, as after a manual trigger. */
	items?: IDataObject[] | INodeExecutionData[];
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** The node's Settings → Execute Once: the engine hands it only the first input item. */
	executeOnce?: boolean;
	typeVersion?: number;
}

export interface NodeRun {
	run: IRun;
	/** Output items of the node (first output), or [] when the run failed. */
	items: INodeExecutionData[];
	/** The run's error as a plain object (n8n stores it that way), if the node failed. */
	error?: { message: string; description?: string | null; httpCode?: string | null; [key: string]: unknown };
}

function toExecutionData(items: IDataObject[] | INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item, index) =>
		'json' in item && typeof item.json === 'object'
			? ({ pairedItem: { item: index }, ...item } as INodeExecutionData)
			: { json: item as IDataObject, pairedItem: { item: index } },
	);
}

const loaded = new WeakSet<INodeType>();

/**
 * What real n8n's loader adds to a node before anyone uses it: declarative nodes get the automatic
 * "Request Options" (Batching, Proxy, Timeout, Ignore SSL). Applied once per node instance, so tests see
 * the node as users do.
 */
export function asLoadedByN8n<T extends INodeType>(nodeType: T): T {
	if (!loaded.has(nodeType)) {
		DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
		loaded.add(nodeType);
	}
	return nodeType;
}

function nodeTypesOf(name: string, nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: (_type: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({ [name]: { className: nodeType.constructor.name, sourcePath: '' } }),
	} as INodeTypes;
}

export interface TestWorkflow {
	node: INode;
	workflow: Workflow;
	additionalData: IWorkflowExecuteAdditionalData;
}

/** n8n's additional data for a test run: URLs, hooks, and the Scale credential (real authenticate). */
function testAdditionalData(nodes: INode[], credentials?: ICredentialDataDecryptedObject): IWorkflowExecuteAdditionalData {
	const credentialsHelper = new TestCredentialsHelper(
		{ scaleApi: new ScaleApi() },
		{ scaleApi: credentials ?? { apiKey: TEST_API_KEY, baseUrl: TEST_BASE_URL } },
	);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections: {},
	});
	return {
		executionId: 'test-execution',
		credentialsHelper,
		hooks,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		currentNodeExecutionIndex: 0,
		variables: {},
		logAiEvent: () => {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** A one-node workflow of this package's node, with n8n's additional data and the test credentials. */
export function createTestWorkflow(options: Omit<RunNodeOptions, 'items'>): TestWorkflow {
	const nodeType = asLoadedByN8n(options.nodeType);
	const type = `${PACKAGE_NAME}.${nodeType.description.name}`;
	const node: INode = {
		id: 'node-under-test',
		name: nodeType.description.defaults.name ?? 'Scale',
		type,
		typeVersion: options.typeVersion ?? (nodeType.description.version as number),
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { scaleApi: { id: '1', name: 'Scale account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.executeOnce ? { executeOnce: true } : {}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf(type, nodeType),
	});
	const additionalData = testAdditionalData([node], options.credentials);
	return { node, workflow, additionalData };
}

/**
 * Runs one node of this package inside n8n-core's real WorkflowExecute (declarative nodes go through
 * the real RoutingNode), with the Scale credential's real authentication applied.
 */
export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	const { node, workflow, additionalData } = createTestWorkflow(options);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [toExecutionData(options.items ?? [{}])] }, source: null },
			],
		},
	});
	const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const error = run.data.resultData.error as NodeRun['error'];
	const output = run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [];
	return { run, items: error ? [] : output, error };
}

/** The JSON of each output item. */
export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

/** Fails with the run's error message instead of a bare "expected [] to equal …". */
export function expectSuccess(run: NodeRun): void {
	expect(run.error?.message).toBeUndefined();
}

/** A node's parameters as a test writes them. */
type NodeParameters = IDataObject;

export interface ScaleRunOptions {
	items?: IDataObject[] | INodeExecutionData[];
	continueOnFail?: boolean;
	/** Another base URL for the credential (the sandbox, a fault proxy, a gateway). */
	baseUrl?: string;
	/** Another API key for the credential (e.g. the sandbox's). */
	apiKey?: string;
}

export type ScaleResourceRunner = (operation: string, parameters?: NodeParameters, options?: ScaleRunOptions) => Promise<NodeRun>;
export type ScaleNodeRunner = (resource: string, operation: string, parameters?: NodeParameters, options?: ScaleRunOptions) => Promise<NodeRun>;

/**
 * A `run<Node>` for one of this package's nodes: `scaleNodeRunner(ScaleBatch, 'batch')` runs one resource's
 * operations (`runBatch('get', { … })`); without a resource the runner takes it first (`runProject('file', 'import', …)`).
 */
export function scaleNodeRunner(NodeClass: new () => INodeType, resource: string): ScaleResourceRunner;
export function scaleNodeRunner(NodeClass: new () => INodeType): ScaleNodeRunner;
export function scaleNodeRunner(NodeClass: new () => INodeType, fixedResource?: string) {
	const run = async (resource: string, operation: string, parameters: NodeParameters = {}, options: ScaleRunOptions = {}) =>
		await runNode({
			nodeType: new NodeClass(),
			parameters: { resource, operation, ...parameters },
			items: options.items,
			continueOnFail: options.continueOnFail,
			credentials:
				options.baseUrl === undefined && options.apiKey === undefined
					? undefined
					: { apiKey: options.apiKey ?? TEST_API_KEY, baseUrl: options.baseUrl ?? TEST_BASE_URL },
		});
	return fixedResource === undefined
		? run
		: async (operation: string, parameters?: NodeParameters, options?: ScaleRunOptions) =>
				await run(fixedResource, operation, parameters, options);
}

/** A test fixture standing in for a trigger: outputs the items in its `items` parameter, each paired to nothing. */
class StartNode implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['input'],
		version: 1,
		description: 'Outputs fixed items',
		defaults: { name: 'Start' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

export interface ChainNode {
	name: string;
	nodeType: INodeType;
	parameters: IDataObject;
	continueOnFail?: boolean;
}

export interface ChainRun {
	run: IRun;
	error?: NodeRun['error'];
	/** Output items of a node of the chain (first output). */
	outputOf(name: string): INodeExecutionData[];
}

/**
 * Runs Start → nodes[0] → nodes[1] … in n8n-core's real WorkflowExecute, so expressions such as
 * `$('Start').item.json` resolve through n8n's own item pairing.
 */
export async function runChain(items: IDataObject[], chain: ChainNode[], credentials?: ICredentialDataDecryptedObject): Promise<ChainRun> {
	const start: INode = {
		id: 'start',
		name: 'Start',
		type: 'test.start',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(items) },
	};
	const types: Record<string, INodeType> = { 'test.start': new StartNode() };
	const nodes: INode[] = [start];
	for (const [index, entry] of chain.entries()) {
		const nodeType = asLoadedByN8n(entry.nodeType);
		const type = `${PACKAGE_NAME}.${nodeType.description.name}`;
		types[type] = nodeType;
		nodes.push({
			id: `node-${index}`,
			name: entry.name,
			type,
			typeVersion: nodeType.description.version as number,
			position: [(index + 1) * 200, 0],
			parameters: entry.parameters as INode['parameters'],
			credentials: { scaleApi: { id: '1', name: 'Scale account' } },
			...(entry.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		});
	}
	const connections: IConnections = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: NodeConnectionTypes.Main, index: 0 }]] };
	}
	const nodeTypes = {
		getByName: (type: string) => types[type],
		getByNameAndVersion: (type: string, version?: number) => NodeHelpers.getVersionedNodeType(types[type], version),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ id: 'test-workflow', nodes, connections, active: false, nodeTypes });
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }] },
	});
	const run = await new WorkflowExecute(testAdditionalData(nodes, credentials), 'manual', runExecutionData).processRunExecutionData(workflow);
	return {
		run,
		error: run.data.resultData.error as NodeRun['error'],
		outputOf: (name) => run.data.resultData.runData[name]?.[0]?.data?.main?.[0] ?? [],
	};
}
