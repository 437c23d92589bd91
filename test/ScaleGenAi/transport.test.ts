import nock from 'nock';

import { ScaleGenAi } from '../../nodes/ScaleGenAi/ScaleGenAi.node';
import { EXPECTED_AUTH, TEST_API_KEY } from '../harness/constants';
import { interceptAt, useNock } from '../harness/nock';
import { runListSearch } from '../harness/run-list-search';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byId, networkError } from '../harness/scale-params';
import { genAiTask, interceptV2, runGenAi } from './helpers';

useNock();

const task = (id: string) => ({ task_id: id, project: 'proj_1', status: 'completed', created_at: '2026-11-28T10:00:00.000Z', threads: [] });
const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => `t${from + index}`);

describe('v2 cursor pagination', () => {
	test('Return All walks 3 pages by next_token, with every filter on every page', async () => {
		const pages = [
			{ tasks: ids(0, 100).map(task), next_token: 'page2' },
			{ tasks: ids(100, 100).map(task), next_token: 'page3' },
			{ tasks: ids(200, 30).map(task) },
		];
		const { scope, requests } = interceptV2('GET', '/v2/tasks', ...pages.map((body) => ({ body })));

		const run = await runGenAi('task', 'getAll', {
			project: byId('proj_1'),
			returnAll: true,
			filters: { status: 'completed' },
			expand: ['project', 'batch'],
			simplify: false,
		});

		expectSuccess(run);
		scope.done();
		const base = { project_id: 'proj_1', status: 'completed', expand: ['project', 'batch'], limit: '100' };
		expect(requests.map((request) => request.query)).toEqual([
			base,
			{ ...base, next_token: 'page2' },
			{ ...base, next_token: 'page3' },
		]);
		expect(requests.every((request) => request.authorization === EXPECTED_AUTH)).toBe(true);
		expect(jsonOf(run.items).map((item) => item.task_id)).toEqual(ids(0, 230));
	});

	test('Limit asks only for what is missing and stops as soon as it is reached', async () => {
		const { scope, requests } = interceptV2(
			'GET',
			'/v2/batches',
			{ body: { batches: Array.from({ length: 100 }, (_, index) => ({ id: `b${index}` })), next_token: 'n2' } },
			{ body: { batches: Array.from({ length: 20 }, (_, index) => ({ id: `b${100 + index}` })), next_token: 'n3' } },
		);

		const run = await runGenAi('batch', 'getAll', { limit: 120 });

		expectSuccess(run);
		scope.done();
		expect(requests.map((request) => request.query)).toEqual([{ limit: '100' }, { limit: '20', next_token: 'n2' }]);
		expect(run.items).toHaveLength(120);
	});

	test('a cursor that comes back twice ends with an error, not a loop', async () => {
		interceptV2(
			'GET',
			'/v2/tasks',
			{ body: { tasks: [task('a')], next_token: 'same' } },
			{ body: { tasks: [task('b')], next_token: 'same' } },
		);

		const run = await runGenAi('task', 'getAll', { batch: byId('batch_1'), returnAll: true });

		expect(run.error?.message).toBe('Scale sent the same next_token twice, so paging stopped to avoid an endless loop');
	});

	test('a list answer without its items key fails clearly', async () => {
		interceptV2('GET', '/v2/datasets/tasks', { body: { docs: [] } });

		const run = await runGenAi('dataset', 'getTasks', { datasetId: 'ds_1', returnAll: true });

		expect(run.error?.message).toBe('Scale answered a list request without a "tasks" array');
	});
});

describe('v2 base URL from the credential', () => {
	test.each([
		['the default Scale URL', 'https://api.scale.com/v1', 'https://api.scale.com', '/v2/task'],
		['a gateway root without /v1', 'https://gateway.example.com/scale/', 'https://gateway.example.com', '/scale/v2/task'],
		['a gateway URL ending in /v1', 'https://gateway.example.com/scale/v1/', 'https://gateway.example.com', '/scale/v2/task'],
	])('%s', async (_name, baseUrl, origin, path) => {
		const { scope, requests } = interceptAt(origin, 'GET', path, { body: task('t1') });

		const run = await runGenAi('task', 'get', { taskId: 't1', simplify: false }, { baseUrl });

		expectSuccess(run);
		scope.done();
		expect(requests[0]).toMatchObject({ path, search: '?task_id=t1', authorization: EXPECTED_AUTH });
	});
});

describe('creates are never duplicated by a retry', () => {
	const createChatTask = () =>
		runGenAi('task', 'create', {
			project: byId('proj_1'),
			templateVariables: { variable: [{ name: 'prompt', value: 'Hi' }] },
			options: { maxRetries: 3 },
		});

	test('a 503 on a chat task create is not retried: the item fails saying it may exist', async () => {
		const { requests } = interceptV2('POST', '/v2/task/chat', { status: 503, body: { status_code: 503, error: 'Service unavailable' } });

		const run = await createChatTask();

		expect(requests).toHaveLength(1);
		expect(run.error?.message).toBe("The chat task may or may not have been created: Scale's answer was lost (HTTP 503)");
		expect(run.error?.description).toContain('no idempotency key');
	});

	test('a dropped connection on a chat task create is not retried either', async () => {
		const scope = nock('https://api.scale.com').post('/v2/task/chat').replyWithError(networkError('ECONNRESET'));

		const run = await createChatTask();

		scope.done();
		expect(nock.pendingMocks()).toEqual([]);
		expect(run.error?.message).toBe("The chat task may or may not have been created: Scale's answer was lost (ECONNRESET)");
	});

	test('a 429 (provably not processed) is retried once Retry-After has passed', async () => {
		const { scope, requests } = interceptV2(
			'POST',
			'/v2/task/chat',
			{ status: 429, body: { status_code: 429, error: 'Too many requests' }, headers: { 'retry-after': '0' } },
			{ body: genAiTask({ status: 'pending', threads: [] }) },
		);

		const run = await createChatTask();

		expectSuccess(run);
		scope.done();
		expect(requests.map((request) => request.body)).toEqual([
			{ project_id: 'proj_1', template_variables: { prompt: 'Hi' } },
			{ project_id: 'proj_1', template_variables: { prompt: 'Hi' } },
		]);
	});

	test('batch create: a 500, then a 409 on the retry, resolves to the batch the first attempt created', async () => {
		const created = { id: 'batch_7', name: 'eval-7', project: 'proj_1', status: 'in_progress', created_at: '2026-11-29T00:00:00.000Z', metadata: {} };
		const create = interceptV2(
			'POST',
			'/v2/batch',
			{ status: 500, body: { status_code: 500, error: 'Internal error' } },
			{ status: 409, body: { status_code: 409, error: 'Batch name already exists' } },
		);
		const lookup = interceptV2('GET', '/v2/batch', { body: created });

		const run = await runGenAi('batch', 'create', { project: byId('proj_1'), name: 'eval-7', options: { maxRetries: 2 } });

		expectSuccess(run);
		create.scope.done();
		lookup.scope.done();
		expect(lookup.requests[0].query).toEqual({ batch_name: 'eval-7' });
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('batch create: a plain 409 stays a conflict', async () => {
		interceptV2('POST', '/v2/batch', { status: 409, body: { status_code: 409, error: 'Batch name already exists' } });

		const run = await runGenAi('batch', 'create', { project: byId('proj_1'), name: 'eval-7' });

		expect(run.error?.message).toBe('Batch name already exists');
		expect(run.error?.httpCode).toBe('409');
	});
});

describe('errors and invalid input', () => {
	test("a 400 fails with Scale's message; Continue On Fail keeps going with the error paired to its item", async () => {
		interceptV2(
			'GET',
			'/v2/task',
			{ status: 400, body: { status_code: 400, error: 'task_id is not valid' } },
			{ body: task('good') },
		);

		const run = await runGenAi(
			'task',
			'get',
			{ taskId: '={{ $json.id }}', simplify: false, options: { maxConcurrentRequests: 1 } },
			{ items: [{ id: 'bad' }, { id: 'good' }], continueOnFail: true },
		);

		expectSuccess(run);
		expect(jsonOf(run.items)).toEqual([{ error: 'task_id is not valid' }, task('good')]);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('an empty Task ID fails naming the field and the item; nothing is sent for any item', async () => {
		const { requests } = interceptV2('GET', '/v2/task', { body: task('ok') });

		const run = await runGenAi('task', 'get', { taskId: '={{ $json.id }}' }, { items: [{ id: 'ok' }, { id: '' }] });

		expect(run.error?.message).toBe('Nothing was sent, because item 1 is invalid: "Task ID" is empty [item 1]');
		expect(requests).toHaveLength(0);
	});

	test('metadata that is not a JSON object is refused before sending', async () => {
		const run = await runGenAi('batch', 'setMetadata', { batch: byId('b1'), metadata: '[1, 2]' });

		expect(run.error?.message).toBe('"Metadata" must be a JSON object, like {"key": "value"} [item 0]');
	});

	test('a project is required for a chat task', async () => {
		const run = await runGenAi('task', 'create', { project: byId('  ') });

		expect(run.error?.message).toBe('"Project" is empty [item 0]');
	});

	test('the API key never appears in an error', async () => {
		interceptV2('GET', '/v2/schema', { status: 401, body: { status_code: 401, error: 'Unauthorized' } });

		const run = await runGenAi('schema', 'get', { schemaId: 's' });

		expect(run.error?.httpCode).toBe('401');
		expect(JSON.stringify(run.error)).not.toContain(TEST_API_KEY);
	});
});

describe('list search over v2', () => {
	test('projects by name, value = project ID', async () => {
		const { requests } = interceptV2('GET', '/v2/projects', {
			body: { projects: [{ id: 'p2', name: 'Rubrics' }, { id: 'p1', name: 'Chat evals' }, { id: 'p3', name: 'Chat SFT' }] },
		});

		const result = await runListSearch({
			nodeType: new ScaleGenAi(),
			parameters: { resource: 'task', operation: 'create' },
			method: 'searchGenAiProjects',
			parameterPath: 'project',
			filter: 'chat',
		});

		expect(requests[0]).toMatchObject({ search: '', authorization: EXPECTED_AUTH });
		expect(result).toEqual({ results: [{ name: 'Chat evals', value: 'p1' }, { name: 'Chat SFT', value: 'p3' }] });
	});

	test("batches of the chosen project, one cursor page at a time", async () => {
		const { requests } = interceptV2('GET', '/v2/batches', {
			body: { batches: [{ id: 'b1', name: 'eval-1' }], next_token: 'tok' },
		});

		const result = await runListSearch({
			nodeType: new ScaleGenAi(),
			parameters: { resource: 'task', operation: 'create', project: { __rl: true, mode: 'name', value: 'Chat evals' } },
			method: 'searchGenAiBatches',
			parameterPath: 'batch',
			paginationToken: 'prev',
		});

		expect(requests[0].query).toEqual({ limit: '100', next_token: 'prev', project_name: 'Chat evals' });
		expect(result).toEqual({ results: [{ name: 'eval-1', value: 'b1' }], paginationToken: 'tok' });
	});
});
