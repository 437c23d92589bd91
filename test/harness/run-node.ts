import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import { ScaleApi } from '../../credentials/ScaleApi.credentials';
import { TestCredentialsHelper } from './credentials-helper';

export const PACKAGE_NAME = 'n8n-nodes-scaleapi';
export const TEST_API_KEY = 'test_0123456789abcdef';
export const TEST_BASE_URL = 'https://api.scale.com/v1';

export interface RunNodeOptions {
	nodeType: INodeType;
	parameters: IDataObject;
	/** Input items; one empty item when omitted, as after a manual trigger. */
	items?: IDataObject[] | INodeExecutionData[];
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
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

/** A one-node workflow of this package's node, with n8n's additional data and the test credentials. */
export function createTestWorkflow(options: Omit<RunNodeOptions, 'items'>): TestWorkflow {
	const { nodeType } = options;
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
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf(type, nodeType),
	});
	const credentialsHelper = new TestCredentialsHelper(
		{ scaleApi: new ScaleApi() },
		{ scaleApi: options.credentials ?? { apiKey: TEST_API_KEY, baseUrl: TEST_BASE_URL } },
	);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [node],
		connections: {},
	});
	const additionalData = {
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
