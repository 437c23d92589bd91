import nock from 'nock';

import { ScaleTask } from '../../../nodes/ScaleTask/ScaleTask.node';
import { TEST_BASE_URL } from '../../harness/constants';
import { useNock } from '../../harness/nock';
import { jsonOf, runNode } from '../../harness/run-node';
import { byName, networkError, scaleTask, taskParams } from '../../harness/scale-params';

const getTask = (options: object = {}) =>
	runNode({ nodeType: new ScaleTask(), parameters: taskParams('get', { taskId: 't1', options }) });

const createTask = (additionalFields: object, options: object = {}) =>
	runNode({
		nodeType: new ScaleTask(),
		parameters: taskParams('create', {
			taskType: 'imageannotation',
			project: byName('Street signs'),
			attachment: 'https://example.com/1.jpg',
			additionalFields,
			options,
		}),
	});

useNock();

describe('per-request retries', () => {
	test('429 with Retry-After is waited out, then the request succeeds', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/task/t1')
			.reply(429, { status_code: 429, error: 'Too many requests' }, { 'Retry-After': '1' })
			.get('/task/t1')
			.reply(200, scaleTask('t1'));

		const started = Date.now();
		const { items, error } = await getTask();

		expect(error).toBeUndefined();
		scope.done();
		expect(jsonOf(items)).toEqual([scaleTask('t1')]);
		// Retry-After is a lower bound the transport must respect (not a speed assertion).
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	test('503 then success', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/task/t1')
			.reply(503, { status_code: 503, error: 'Service unavailable' })
			.get('/task/t1')
			.reply(200, scaleTask('t1'));

		const { items, error } = await getTask();

		expect(error).toBeUndefined();
		scope.done();
		expect(jsonOf(items)[0].task_id).toBe('t1');
	});

	test('a connection reset on a read is retried', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/task/t1')
			.replyWithError(networkError('ECONNRESET'))
			.get('/task/t1')
			.reply(200, scaleTask('t1'));

		const { error } = await getTask();

		expect(error).toBeUndefined();
		scope.done();
	});

	test('retries exhausted → a clear error with the count and how to fix it', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/task/t1')
			.times(3)
			.reply(429, { status_code: 429, error: 'Too many requests' }, { 'Retry-After': '0' });

		const { error } = await getTask({ maxRetries: 2 });

		scope.done();
		expect(error?.message).toBe('Too many requests (after 2 retries)');
		expect(error?.description).toMatch(/Max Concurrent Requests/);
		expect(error?.httpCode).toBe('429');
	});

	test('Max Retries 0 sends exactly one request', async () => {
		const scope = nock(TEST_BASE_URL).get('/task/t1').reply(500, { status_code: 500, error: 'boom' });

		const { error } = await getTask({ maxRetries: 0 });

		scope.done();
		expect(error?.message).toBe('boom');
		expect(error?.description).toMatch(/server error/);
	});
});

describe('creates are never duplicated by a retry', () => {
	test('500 then 409 with a unique_id: the created task is recovered, exactly one create more', async () => {
		const created = scaleTask('t-created', { unique_id: 'row-1' });
		let creates = 0;
		const scope = nock(TEST_BASE_URL)
			.post('/task/imageannotation')
			.times(2)
			.reply(() => {
				creates++;
				return creates === 1
					? [500, { status_code: 500, error: 'Internal error' }]
					: [409, { status_code: 409, error: 'A task with this unique_id already exists' }];
			})
			.get('/tasks')
			.query({ unique_id: 'row-1' })
			.reply(200, { docs: [created], total: 1, limit: 100, offset: 0, has_more: false });

		const { items, error } = await createTask({ uniqueId: 'row-1' });

		expect(error).toBeUndefined();
		scope.done();
		expect(creates).toBe(2);
		expect(jsonOf(items)).toEqual([created]);
	});

	test('a plain 409 (no lost answer) is a duplicate error by default', async () => {
		const scope = nock(TEST_BASE_URL)
			.post('/task/imageannotation')
			.reply(409, { status_code: 409, error: 'A task with this unique_id already exists' });

		const { error } = await createTask({ uniqueId: 'row-1' });

		scope.done();
		expect(error?.message).toBe('A task with this unique_id already exists');
		expect(error?.description).toMatch(/On Duplicate/);
	});

	test('On Duplicate → Return Existing Task turns a 409 into the existing task', async () => {
		const existing = scaleTask('t-old', { unique_id: 'row-1', status: 'completed' });
		const scope = nock(TEST_BASE_URL)
			.post('/task/imageannotation')
			.reply(409, { status_code: 409, error: 'duplicate' })
			.get('/tasks')
			.query({ unique_id: 'row-1' })
			.reply(200, { docs: [existing], total: 1, limit: 100, offset: 0, has_more: false });

		const { items, error } = await createTask({ uniqueId: 'row-1' }, { onDuplicate: 'returnExisting' });

		expect(error).toBeUndefined();
		scope.done();
		expect(jsonOf(items)).toEqual([existing]);
	});

	test('without a unique_id a 500 is not retried, and the error says the task may exist', async () => {
		const scope = nock(TEST_BASE_URL)
			.post('/task/imageannotation')
			.reply(500, { status_code: 500, error: 'Internal error' });

		const { error } = await createTask({});

		scope.done();
		expect(nock.pendingMocks()).toEqual([]);
		expect(error?.message).toMatch(/may or may not have been created/);
		expect(error?.description).toMatch(/Unique ID/);
	});

	test('without a unique_id a dropped connection is not retried', async () => {
		const scope = nock(TEST_BASE_URL)
			.post('/task/imageannotation')
			.replyWithError(networkError('ECONNRESET'))
			.post('/task/imageannotation')
			.reply(200, scaleTask('t-dup'));

		const { error } = await createTask({});

		expect(error?.message).toMatch(/may or may not have been created: .*ECONNRESET/);
		expect(scope.pendingMocks()).toHaveLength(1);
	});

	test('without a unique_id, failures Scale provably did not act on are retried (429, connection refused)', async () => {
		const scope = nock(TEST_BASE_URL)
			.post('/task/imageannotation')
			.reply(429, { status_code: 429, error: 'slow down' }, { 'Retry-After': '0' })
			.post('/task/imageannotation')
			.replyWithError(networkError('ECONNREFUSED'))
			.post('/task/imageannotation')
			.reply(200, scaleTask('t-new'));

		const { items, error } = await createTask({});

		expect(error).toBeUndefined();
		scope.done();
		expect(jsonOf(items)[0].task_id).toBe('t-new');
	});
});
