import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { searchBatches, searchProjects } from '../shared/listSearch';
import {
	createAndWaitExecute,
	createAndWaitNodeDescription,
	createAndWaitWebhookHandler,
	createAndWaitWebhookMethods,
} from '../shared/wait';
import { createAndWaitSpec, description as fields } from './resources/task/createAndWait';

/** Scale Task › Create and Wait as a node of its own (why: shared/wait/node.ts); what it creates: createAndWaitSpec. */
export class ScaleTaskWait implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale Task and Wait',
		name: 'scaleTaskWait',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		subtitle: 'Create and Wait',
		description: 'Create Scale AI tasks and pause the workflow until Scale\'s human answer comes back',
		defaults: { name: 'Scale Task and Wait' },
		// Deliberately not a tool: an AI agent's tool call cannot pause the execution until a human answers.
		usableAsTool: undefined,
		...createAndWaitNodeDescription({ action: 'Create a task and wait for its result', fields }),
	};

	methods = { listSearch: { searchProjects, searchBatches } };

	webhookMethods = createAndWaitWebhookMethods;

	execute = createAndWaitExecute(createAndWaitSpec);

	webhook = createAndWaitWebhookHandler(createAndWaitSpec);
}
