import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	createAndWaitExecute,
	createAndWaitNodeDescription,
	createAndWaitWebhookHandler,
	createAndWaitWebhookMethods,
} from '../shared/wait';
import { searchGenAiBatches, searchGenAiProjects } from './listSearch';
import { downloadFilesOption } from './resources/output';
import { createAndWaitSpec, description as fields } from './resources/task/createAndWait';

/** Scale GenAI › Task › Create and Wait as a node of its own (why: shared/wait/node.ts); what it creates: createAndWaitSpec. */
export class ScaleGenAiWait implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Scale GenAI Task and Wait',
		name: 'scaleGenAiWait',
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
		subtitle: 'Create and Wait',
		description: 'Create Scale GenAI chat tasks and pause the workflow until the human review comes back',
		defaults: { name: 'Scale GenAI Task and Wait' },
		// Deliberately not a tool: an AI agent's tool call cannot pause the execution until a human answers.
		usableAsTool: undefined,
		...createAndWaitNodeDescription({ action: 'Create a GenAI chat task and wait for its result', fields, options: [downloadFilesOption] }),
	};

	methods = { listSearch: { searchGenAiProjects, searchGenAiBatches } };

	webhookMethods = createAndWaitWebhookMethods;

	execute = createAndWaitExecute(createAndWaitSpec);

	webhook = createAndWaitWebhookHandler(createAndWaitSpec);
}
