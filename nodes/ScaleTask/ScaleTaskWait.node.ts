import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsCollection } from '../shared/descriptions';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { createAndWait, description as createAndWaitFields, option, OPERATION } from './resources/task/createAndWait';
import { createAndWaitWebhook, createAndWaitWebhooks } from './resources/task/createAndWaitWebhook';
import { CREDENTIAL_TYPE } from '../shared/transport';

/**
 * Scale Task › Create and Wait, as a node of its own. It cannot be an operation of the declarative Scale
 * Task node: n8n 2.41 gives a node that has a webhook() no input items for expressions unless it runs code
 * (n8n-core WorkflowExecute.prepareConnectionInputData), so `{{ $json… }}` would fail in every other
 * Scale Task operation. This node runs code, so it keeps them.
 */
export class ScaleTaskWait implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Task and Wait',
		name: 'scaleTaskWait',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'Create and Wait',
		description: 'Create Scale AI tasks and pause the workflow until Scale\'s human answer comes back',
		defaults: { name: 'Scale Task and Wait' },
		// Deliberately not a tool: an AI agent's tool call cannot pause the execution until a human answers.
		usableAsTool: undefined,
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
				default: OPERATION,
			},
			...createAndWaitFields,
			requestOptionsCollection(),
		],
	};

	methods = { listSearch: { searchProjects, searchBatches } };

	// Resume-URL webhooks (restartWebhook) are never registered on activation: nothing to set up at Scale.
	webhookMethods = {
		default: {
			async checkExists(): Promise<boolean> {
				return true;
			},
			async create(): Promise<boolean> {
				return true;
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await createAndWait.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await createAndWaitWebhook.call(this);
	}
}
