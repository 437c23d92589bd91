import { loadExample, withNodesDisabled, type WorkflowJson } from '../demo';

export const PROJECT = 'Queue project';
export const CREDENTIALS = { scaleApi: { id: 'scaleSandboxCred', name: 'Scale sandbox' } };

/**
 * Scale Task › Create's parameters, in the one place the lead updates when the Create panel's names change
 * (today's names: nodes/ScaleTask/resources/task/taskParameters.ts and the task resource's Options;
 * examples/create-batch-and-tasks.json shows the same shape).
 * The unique ID comes from the item, On Duplicate from the request that started the run.
 */
export const createTaskParameters = {
	resource: 'task',
	operation: 'create',
	taskType: 'imageannotation',
	project: { __rl: true, mode: 'name', value: PROJECT },
	attachmentType: 'image',
	attachment: 'https://example.com/images/car.jpg',
	geometries: { box: { objectsToAnnotate: 'car' } },
	additionalFields: {
		instruction: 'Draw a box around every car.',
		uniqueId: '={{ $json.uniqueId }}',
	},
	options: { onDuplicate: "={{ $('Webhook').first().json.body.onDuplicate }}" },
};

/** Scale Task and Wait › Create and Wait: Create's fields, no On Duplicate (Create only); waits at most 10 minutes. */
export const createAndWaitParameters = {
	...createTaskParameters,
	operation: 'createAndWait',
	options: {},
	limitWaitTime: true,
	limitType: 'afterTimeInterval',
	resumeAmount: 10,
	resumeUnit: 'minutes',
};

export const BULK_WORKFLOW_ID = 'queueBulkCreate';
export const BULK_WEBHOOK_PATH = 'queue-bulk-create';
export const WAIT_WORKFLOW_ID = 'queueCreateAndWait';
export const WAIT_WEBHOOK_PATH = 'queue-create-and-wait';

/**
 * POST {run, count, onDuplicate} to the webhook: a Code node makes `count` items with unique IDs `<run>/<i>`,
 * the Scale Task node creates them. The webhook answers at once; the run happens on a worker.
 */
function webhookCreateWorkflow(
	id: string,
	path: string,
	name: string,
	nodeType: string,
	parameters: Record<string, unknown>,
): WorkflowJson {
	return {
		id,
		name,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				webhookId: path,
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{
				name: 'Items',
				type: 'n8n-nodes-base.code',
				parameters: {
					jsCode:
						'const { run, count } = $input.first().json.body;\n' +
						'return Array.from({ length: count }, (_, i) => ({ json: { uniqueId: `${run}/${i}` } }));',
				},
			},
			{ name: 'Create Task', type: nodeType, parameters },
		].map((node, index) => ({
			id: `6a7c0e00-0000-4000-8000-${id.length.toString().padStart(4, '0')}0000000${index + 1}`,
			typeVersion: { Webhook: 2, Items: 2, 'Create Task': 1 }[node.name],
			position: [index * 220, 0],
			...(node.type.startsWith('n8n-nodes-scaleapi') ? { credentials: CREDENTIALS } : {}),
			...node,
		})),
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Create Task', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

export const bulkCreateWorkflow = webhookCreateWorkflow(
	BULK_WORKFLOW_ID,
	BULK_WEBHOOK_PATH,
	'Queue: bulk create tasks',
	'n8n-nodes-scaleapi.scaleTask',
	createTaskParameters,
);

export const createAndWaitWorkflow = webhookCreateWorkflow(
	WAIT_WORKFLOW_ID,
	WAIT_WEBHOOK_PATH,
	'Queue: create tasks and wait for Scale',
	'n8n-nodes-scaleapi.scaleTaskWait',
	createAndWaitParameters,
);

/** The shipped callback example (Scale Trigger, verified callbacks); Slack is out of reach here. */
export function callbackWorkflow(): WorkflowJson {
	return withNodesDisabled(loadExample('callbackToSlack'), ['n8n-nodes-base.slack']);
}
