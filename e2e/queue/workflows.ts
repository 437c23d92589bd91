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

export const BULK_WORKFLOW_ID = 'queueBulkCreate';
export const BULK_WEBHOOK_PATH = 'queue-bulk-create';

/**
 * POST {run, count, onDuplicate} to the webhook: a Code node makes `count` items with unique IDs `<run>/<i>`,
 * Scale Task › Create creates them. The webhook answers at once; the run happens on a worker.
 */
export const bulkCreateWorkflow: WorkflowJson = {
	id: BULK_WORKFLOW_ID,
	name: 'Queue: bulk create tasks',
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			webhookId: 'queue-bulk-create',
			parameters: { httpMethod: 'POST', path: BULK_WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
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
		{ name: 'Create Task', type: 'n8n-nodes-scaleapi.scaleTask', parameters: createTaskParameters },
	].map((node, index) => ({
		id: `6a7c0e00-0000-4000-8000-00000000000${index + 1}`,
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

/** The shipped callback example (Scale Trigger, verified callbacks); Slack is out of reach here. */
export function callbackWorkflow(): WorkflowJson {
	return withNodesDisabled(loadExample('callbackToSlack'), ['n8n-nodes-base.slack']);
}
