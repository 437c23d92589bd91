import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { authorizationFor, SANDBOX_API_KEY } from '../../../harness/constants';
import { startFaultProxy, scaleError, type FaultProxy } from './fault-proxy';
import { runTaskAt } from './helpers';

const TASKS = 2000;

/** Get Many → Return All while exactly every 10th list request is answered 503. */
describe('fault injection: export under 10% 503', () => {
	let sandbox: Sandbox;
	let proxy: FaultProxy;

	beforeAll(async () => {
		sandbox = await startSandbox({ seedTasks: { count: TASKS, project: 'export' } });
		proxy = await startFaultProxy(sandbox.origin, ({ method, path, seq }) =>
			method === 'GET' && path === '/v1/tasks' && seq % 10 === 3
				? { kind: 'reply', status: 503, body: scaleError(503, 'Service temporarily unavailable') }
				: { kind: 'forward' },
		);
	});
	afterAll(async () => {
		await proxy.close();
		await sandbox.close();
	});

	test('the output equals the sandbox\'s task list exactly: no duplicate, no gap, newest first', async () => {
		const { items, error } = await runTaskAt(proxy.url, 'getAll', { returnAll: true });

		expect(error).toBeUndefined();
		const expected = sandbox.tasks().map((task) => task.task_id).reverse();
		expect(items.map((item) => item.json.task_id)).toEqual(expected);
		expect(proxy.injected.length).toBeGreaterThanOrEqual(TASKS / 100 / 10);
		expect(proxy.injected.every((entry) => entry.status === 503)).toBe(true);
		const served = sandbox.requests.filter((entry) => entry.path === '/v1/tasks' && entry.status === 200);
		expect(served).toHaveLength(TASKS / 100);
	});

	test('parallel time windows under the same 503s: the same list, exactly, in the same order', async () => {
		proxy.injected.length = 0;
		const { items, error } = await runTaskAt(proxy.url, 'getAll', {
			returnAll: true,
			options: { exportMode: 'parallelTimeWindows', maxConcurrentRequests: 5 },
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.task_id)).toEqual(sandbox.tasks().map((task) => task.task_id).reverse());
		expect(proxy.injected.length).toBeGreaterThan(0);
		const windowed = sandbox.requests.filter((entry) => entry.path === '/v1/tasks' && entry.query.start_time !== undefined);
		expect(windowed.length).toBeGreaterThan(0);
	});
});

/** Tasks created in bursts share created_at milliseconds: window borders must neither lose nor repeat them. */
describe('parallel time windows with many tasks per millisecond', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
		const authorization = authorizationFor(SANDBOX_API_KEY);
		const createOne = (index: number) =>
			fetch(`${sandbox.url}/task/imageannotation`, {
				method: 'POST',
				headers: { authorization, 'content-type': 'application/json' },
				body: JSON.stringify({ attachment: `https://example.com/${index}.jpg`, geometries: { box: { objects_to_annotate: ['car'] } } }),
			}).then((response) => response.arrayBuffer());
		for (let start = 0; start < 600; start += 50) {
			await Promise.all(Array.from({ length: 50 }, (_, offset) => createOne(start + offset)));
		}
	});
	afterAll(() => sandbox.close());

	test.each([3, 7])('Max Concurrent Requests %p: equal to the sequential export', async (maxConcurrentRequests) => {
		const createdAt = new Set(sandbox.tasks().map((task) => task.created_at));
		expect(createdAt.size).toBeLessThan(600);
		const { items, error } = await runTaskAt(sandbox.url, 'getAll', {
			returnAll: true,
			options: { exportMode: 'parallelTimeWindows', maxConcurrentRequests },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.task_id)).toEqual(sandbox.tasks().map((task) => task.task_id).reverse());
	});
});
