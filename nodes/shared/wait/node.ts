import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsCollection } from '../descriptions';
import { CREDENTIAL_TYPE } from '../transport';
import { createAndWait } from './execute';
import type { CreateAndWaitSpec } from './spec';
import { createAndWaitWebhook, createAndWaitWebhooks } from './webhook';

export const CREATE_AND_WAIT = 'createAndWait';

/** Where a Create and Wait operation's fields show: resource `task`, operation `createAndWait`. */
export const createAndWaitShow = { resource: ['task'], operation: [CREATE_AND_WAIT] };

/**
 * The parts of a Create and Wait node's description that both nodes share. Create and Wait is a node of its own beside each declarative node
 * (Scale Task, Scale GenAI), not one of their operations: n8n 2.41 gives a node that has a webhook() no
 * input items for expressions unless it runs code (n8n-core WorkflowExecute.prepareConnectionInputData), so
 * `{{ $json… }}` would fail in every other operation of a declarative node. These nodes run code, so they
 * keep them. Resource and operation values match the declarative node's, so a workflow reads the same.
 * (Name, icon, subtitle and the like stay in each node class, where n8n's linter looks for them.)
 */
export function createAndWaitNodeDescription(node: {
	action: string;
	fields: INodeProperties[];
	/** The node's own entries in Options, beside Max Concurrent Requests and Max Retries. */
	options?: INodeProperties[];
}): Pick<INodeTypeDescription, 'group' | 'version' | 'inputs' | 'outputs' | 'credentials' | 'webhooks' | 'properties'> {
	const option: INodePropertyOptions = {
		name: 'Create and Wait',
		value: CREATE_AND_WAIT,
		action: node.action,
		description: 'Create a task, pause the workflow until Scale calls back with the result, then continue with it',
	};
	return {
		group: ['transform'],
		version: 1,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		// The callbacks Scale sends to this execution's resume URL.
		webhooks: createAndWaitWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Task', value: 'task' }],
				default: 'task',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['task'] } },
				options: [option],
				default: CREATE_AND_WAIT,
			},
			...node.fields,
			requestOptionsCollection(node.options),
		],
	};
}

/** The node's execute(): create every item's task and put the execution to wait. */
export const createAndWaitExecute = (spec: CreateAndWaitSpec) =>
	async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await createAndWait(this, spec);
	};

/** The node's webhook(): Scale's callbacks on this execution's resume URL. */
export const createAndWaitWebhookHandler = (spec: CreateAndWaitSpec) =>
	async function (this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await createAndWaitWebhook(this, spec);
	};
