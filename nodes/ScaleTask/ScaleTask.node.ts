import type { INodeType, INodeTypeDescription, IWebhookFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { scaleRequestDefaults } from '../shared/descriptions';
import { searchBatches, searchProjects } from '../shared/listSearch';
import { taskDescription } from './resources/task';
import { createAndWait } from './resources/task/createAndWait';
import { createAndWaitWebhook, createAndWaitWebhooks } from './resources/task/createAndWaitWebhook';

export class ScaleTask implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Task',
		name: 'scaleTask',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Create, find and manage labeling tasks in Scale AI',
		defaults: { name: 'Scale Task' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'scaleApi', required: true }],
		requestDefaults: scaleRequestDefaults,
		// Create and Wait: the callbacks Scale sends to this execution's resume URL.
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
			...taskDescription,
		],
	};

	methods = { listSearch: { searchProjects, searchBatches } };

	// Create and Wait is code (it puts the execution to wait); every other operation stays declarative.
	customOperations = { task: { createAndWait } };

	async webhook(this: IWebhookFunctions) {
		return await createAndWaitWebhook.call(this);
	}

	// Resume-URL webhooks (restartWebhook) are never registered on activation, so there is nothing to set up.
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
}
