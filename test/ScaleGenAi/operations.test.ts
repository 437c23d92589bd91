import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { EXPECTED_AUTH } from '../harness/constants';
import { useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byId, byName } from '../harness/scale-params';
import { genAiTask, interceptV2, runGenAi, simplifiedGenAiTask } from './helpers';

useNock();

interface Case {
	resource: string;
	operation: string;
	parameters: Record<string, NodeParameterValueType | IDataObject>;
	method: 'GET' | 'POST';
	path: string;
	/** The query as sent; a repeated key (expand, opts) is an array. */
	query: Record<string, string | string[]>;
	body?: unknown;
	reply: IDataObject;
	output: IDataObject[];
}

const batch = { id: 'batch_1', name: 'eval-1', project: 'proj_1', status: 'in_progress', created_at: '2026-11-28T10:00:00.000Z', metadata: {} };
const project = { id: 'proj_1', name: 'Chat evals', created_at: '2026-11-01T00:00:00.000Z', types: ['Evals'] };
const delivery = { id: 'del_1', name: 'Delivery 1', task_count: 1, delivered_at: '2026-11-28T12:00:00.000Z', project: 'proj_1' };
const datasetTask = { task_id: 'dtask_1', dataset: 'ds_1', delivery: 'dsdel_1', response: { threads: genAiTask().threads } };
const simplifiedDatasetTask = { task_id: 'dtask_1', dataset: 'ds_1', delivery: 'dsdel_1', turns: simplifiedGenAiTask().turns, annotations: { overall: 'good' } };

const cases: Case[] = [
	{
		resource: 'task', operation: 'get',
		parameters: { taskId: 'task_1', expand: ['project', 'batch'], opts: ['annotation_details', 'submissions'] },
		method: 'GET', path: '/v2/task', query: { task_id: 'task_1', expand: ['project', 'batch'], opts: ['annotation_details', 'submissions'] },
		reply: genAiTask(), output: [simplifiedGenAiTask()],
	},
	{
		resource: 'task', operation: 'getAll',
		parameters: { project: byName('Chat evals'), batch: byId('batch_1'), limit: 2, filters: { status: 'completed', completedAfter: '2026-11-01T00:00:00' }, expand: ['batch'] },
		method: 'GET', path: '/v2/tasks', query: { project_name: 'Chat evals', batch_id: 'batch_1', status: 'completed', completed_after: '2026-11-01T00:00:00', expand: 'batch', limit: '2' },
		reply: { tasks: [genAiTask()] }, output: [simplifiedGenAiTask()],
	},
	{
		resource: 'task', operation: 'create',
		parameters: {
			project: byId('proj_1'), batch: byName('eval-1'),
			templateVariables: { variable: [{ name: 'prompt', value: 'Hi' }, { name: 'model_response', value: 'Hello!' }] },
			additionalFields: { callbackUrl: 'https://n8n.example.com/webhook/x', metadata: '{"row": 7}' },
		},
		method: 'POST', path: '/v2/task/chat', query: {},
		body: { project_id: 'proj_1', batch_name: 'eval-1', template_variables: { prompt: 'Hi', model_response: 'Hello!' }, callback_url: 'https://n8n.example.com/webhook/x', metadata: { row: 7 } },
		reply: { task_id: 'task_9', project: 'proj_1', batch: 'batch_1', status: 'pending', created_at: '2026-11-29T00:00:00.000Z', metadata: { row: 7 }, threads: [] },
		output: [{ task_id: 'task_9', project: 'proj_1', batch: 'batch_1', status: 'pending', created_at: '2026-11-29T00:00:00.000Z', metadata: { row: 7 }, turns: [], annotations: {} }],
	},
	{
		resource: 'task', operation: 'create',
		parameters: { project: { __rl: true, mode: 'list', value: 'proj_1' }, templateVariablesMode: 'json', templateVariablesJson: '{"prompt": {"nested": true}}', simplify: false },
		method: 'POST', path: '/v2/task/chat', query: {},
		body: { project_id: 'proj_1', template_variables: { prompt: { nested: true } } },
		reply: { task_id: 'task_10', project: 'proj_1', status: 'pending', created_at: '2026-11-29T00:00:00.000Z', threads: [] },
		output: [{ task_id: 'task_10', project: 'proj_1', status: 'pending', created_at: '2026-11-29T00:00:00.000Z', threads: [] }],
	},
	{
		resource: 'task', operation: 'setMetadata',
		parameters: { taskId: 'task_1', metadata: '{"reviewed": true}', metadataMode: 'merge', simplify: false },
		method: 'POST', path: '/v2/task/metadata', query: {},
		body: { task_id: 'task_1', metadata: { reviewed: true }, merge: true },
		reply: genAiTask({ metadata: { source: 'n8n', reviewed: true } }), output: [genAiTask({ metadata: { source: 'n8n', reviewed: true } })],
	},
	{
		resource: 'batch', operation: 'get', parameters: { batch: byName('eval-1'), expand: ['project'] },
		method: 'GET', path: '/v2/batch', query: { batch_name: 'eval-1', expand: 'project' }, reply: batch, output: [batch],
	},
	{
		resource: 'batch', operation: 'getAll',
		parameters: { project: byId('proj_1'), returnAll: true, filters: { status: 'paused', createdBefore: '2026-11-30T00:00:00' } },
		method: 'GET', path: '/v2/batches', query: { project_id: 'proj_1', status: 'paused', created_before: '2026-11-30T00:00:00', limit: '100' },
		reply: { batches: [batch] }, output: [batch],
	},
	{
		resource: 'batch', operation: 'create',
		parameters: { project: byName('Chat evals'), name: 'eval-1', additionalFields: { stagingBatch: true, callback: 'https://cb.example.com', metadata: '{"k": "v"}' } },
		method: 'POST', path: '/v2/batch', query: {},
		body: { project_name: 'Chat evals', name: 'eval-1', staging_batch: true, callback: 'https://cb.example.com', metadata: { k: 'v' } },
		reply: { ...batch, status: 'staging' }, output: [{ ...batch, status: 'staging' }],
	},
	...(['finalize', 'pause', 'resume', 'cancel'] as const).map((operation): Case => ({
		resource: 'batch', operation, parameters: { batch: byId('batch_1') },
		method: 'POST', path: `/v2/batch/${operation}`, query: {}, body: { batch_id: 'batch_1' },
		reply: operation === 'finalize' ? batch : { batch, message: `Batch ${operation}d` },
		output: [operation === 'finalize' ? batch : { batch, message: `Batch ${operation}d` }],
	})),
	{
		resource: 'batch', operation: 'setMetadata', parameters: { batch: byName('eval-1'), metadata: '{"a": 1}' },
		method: 'POST', path: '/v2/batch/metadata', query: {}, body: { batch_name: 'eval-1', metadata: { a: 1 }, merge: false },
		reply: { ...batch, metadata: { a: 1 } }, output: [{ ...batch, metadata: { a: 1 } }],
	},
	{
		resource: 'project', operation: 'get', parameters: { project: byId('proj_1') },
		method: 'GET', path: '/v2/project', query: { project_id: 'proj_1' }, reply: project, output: [project],
	},
	{
		resource: 'project', operation: 'getAll', parameters: { filters: { createdAfter: '2026-10-01T00:00:00' } },
		method: 'GET', path: '/v2/projects', query: { created_after: '2026-10-01T00:00:00' },
		reply: { projects: [project, { ...project, id: 'proj_2', name: 'Other' }] }, output: [project, { ...project, id: 'proj_2', name: 'Other' }],
	},
	{
		resource: 'delivery', operation: 'get', parameters: { delivery: byId('del_1'), expand: ['delivery'], opts: ['model_parameters'], limit: 10 },
		method: 'GET', path: '/v2/delivery', query: { delivery_id: 'del_1', expand: 'delivery', opts: 'model_parameters', limit: '10' },
		reply: { delivery, tasks: [genAiTask()] }, output: [simplifiedGenAiTask()],
	},
	{
		resource: 'delivery', operation: 'get', parameters: { delivery: byName('Delivery 1'), project: byName('Chat evals'), limit: 10 },
		method: 'GET', path: '/v2/delivery', query: { delivery_name: 'Delivery 1', project_name: 'Chat evals', limit: '10' },
		reply: { delivery: 'del_1', tasks: [genAiTask()] }, output: [simplifiedGenAiTask()],
	},
	{
		resource: 'delivery', operation: 'getAll',
		parameters: { project: byName('Chat evals'), filters: { deliveredAfter: '2026-11-28T00:00:00.000Z' }, expand: ['project'] },
		method: 'GET', path: '/v2/deliveries', query: { project_name: 'Chat evals', delivered_after: '2026-11-28T00:00:00.000Z', expand: 'project' },
		reply: { deliveries: [delivery] }, output: [delivery],
	},
	{
		resource: 'delivery', operation: 'getTasks', parameters: { project: byId('proj_1'), deliveryId: 'del_1', limit: 5, filters: { status: 'completed' } },
		method: 'GET', path: '/v2/delivery/tasks', query: { project_id: 'proj_1', delivery_id: 'del_1', status: 'completed', limit: '5' },
		reply: { docs: [{ task_id: 'task_1', delivery_id: 'del_1', delivered_at: '2026-11-28T12:00:00.000Z', response_schema_id: 'schema_1', response: { threads: genAiTask().threads } }], total: 1 },
		output: [{ task_id: 'task_1', delivery_id: 'del_1', delivered_at: '2026-11-28T12:00:00.000Z', response_schema_id: 'schema_1', turns: simplifiedGenAiTask().turns, annotations: { overall: 'good' } }],
	},
	{
		resource: 'dataset', operation: 'getAll', parameters: {},
		method: 'GET', path: '/v2/datasets', query: {}, reply: { datasets: [{ id: 'ds_1', name: 'Prompts' }] }, output: [{ id: 'ds_1', name: 'Prompts' }],
	},
	{
		resource: 'dataset', operation: 'getDeliveries', parameters: { datasetId: 'ds_1', expand: ['dataset'], filters: { deliveredBefore: '2026-12-01T00:00:00' } },
		method: 'GET', path: '/v2/datasets/deliveries', query: { dataset_id: 'ds_1', delivered_before: '2026-12-01T00:00:00', expand: 'dataset' },
		reply: { deliveries: [{ id: 'dsdel_1', name: 'First', delivered_at: '2026-11-28T00:00:00.000Z', metadata: { task_count: 1 } }] },
		output: [{ id: 'dsdel_1', name: 'First', delivered_at: '2026-11-28T00:00:00.000Z', metadata: { task_count: 1 } }],
	},
	{
		resource: 'dataset', operation: 'getDelivery', parameters: { deliveryId: 'dsdel_1', expand: ['dataset', 'delivery'], limit: 3 },
		method: 'GET', path: '/v2/datasets/delivery', query: { delivery_id: 'dsdel_1', expand: ['dataset', 'delivery'], limit: '3' },
		reply: { delivery: 'dsdel_1', tasks: [datasetTask] }, output: [simplifiedDatasetTask],
	},
	{
		resource: 'dataset', operation: 'getTask', parameters: { taskId: 'dtask_1', expand: ['delivery'] },
		method: 'GET', path: '/v2/datasets/task', query: { task_id: 'dtask_1', expand: 'delivery' }, reply: datasetTask, output: [simplifiedDatasetTask],
	},
	{
		resource: 'dataset', operation: 'getTasks', parameters: { datasetId: 'ds_1', deliveryId: 'dsdel_1', limit: 1, simplify: false },
		method: 'GET', path: '/v2/datasets/tasks', query: { dataset_id: 'ds_1', delivery_id: 'dsdel_1', limit: '1' },
		reply: { tasks: [datasetTask], next_token: 'more' }, output: [datasetTask],
	},
	{
		resource: 'annotation', operation: 'get', parameters: { annotationId: 'a1' },
		method: 'GET', path: '/v2/annotation', query: { annotation_id: 'a1' },
		reply: { id: 'a1', key: 'correct', type: 'boolean', value: true }, output: [{ id: 'a1', key: 'correct', type: 'boolean', value: true }],
	},
	{
		resource: 'schema', operation: 'get', parameters: { schemaId: 'schema_1' },
		method: 'GET', path: '/v2/schema', query: { schema_id: 'schema_1' },
		reply: { schema: { id: 'schema_1', json: '{"type":"object","properties":{"correct":{"type":"boolean"}}}' } },
		output: [{ id: 'schema_1', json: { type: 'object', properties: { correct: { type: 'boolean' } } } }],
	},
];

describe.each(cases.map((entry) => [`${entry.resource} → ${entry.operation} ${JSON.stringify(entry.body ?? entry.query)}`.slice(0, 110), entry] as const))(
	'%s',
	(_name, entry) => {
		test(`${entry.method} ${entry.path}: exact query, body, auth header and output`, async () => {
			const { scope, requests } = interceptV2(entry.method, entry.path, { body: entry.reply });

			const run = await runGenAi(entry.resource, entry.operation, entry.parameters);

			expectSuccess(run);
			scope.done();
			expect(requests).toHaveLength(1);
			expect(requests[0]).toMatchObject({ method: entry.method, path: entry.path, authorization: EXPECTED_AUTH });
			expect(requests[0].query).toEqual(entry.query);
			// Arrays go as repeated keys (expand=a&expand=b), never n8n's default expand[0]=a.
			expect(requests[0].search).not.toContain('%5B');
			for (const [key, value] of Object.entries(entry.query)) {
				if (Array.isArray(value)) expect(requests[0].search).toContain(value.map((v) => `${key}=${v}`).join('&'));
			}
			expect(requests[0].body).toEqual(entry.body);
			expect(jsonOf(run.items)).toEqual(entry.output);
			expect(run.items.map((item) => item.pairedItem)).toEqual(entry.output.map(() => ({ item: 0 })));
		});
	},
);

test('all 25 operation values of the issue exist, and every one is covered above', () => {
	const covered = new Set(cases.map((entry) => `${entry.resource}.${entry.operation}`));
	covered.add('dataset.downloadResponse'); // download.test.ts
	expect([...covered].sort()).toEqual(
		[
			'task.get', 'task.getAll', 'task.create', 'task.setMetadata',
			...['get', 'getAll', 'create', 'finalize', 'pause', 'resume', 'cancel', 'setMetadata'].map((op) => `batch.${op}`),
			'project.get', 'project.getAll', 'delivery.get', 'delivery.getAll', 'delivery.getTasks',
			...['getAll', 'getDeliveries', 'getDelivery', 'getTask', 'getTasks', 'downloadResponse'].map((op) => `dataset.${op}`),
			'annotation.get', 'schema.get',
		].sort(),
	);
	expect(covered.size).toBe(25);
});
