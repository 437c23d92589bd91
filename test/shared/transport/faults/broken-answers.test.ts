import type { FaultKind } from '../../../../sandbox/server';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { startFaultProxy } from './fault-proxy';
import { createItems, createParameters, runTaskAt } from './helpers';

/** A connection dropped mid-response, a 200 with a non-JSON body and a proxy's HTML error page. */
describe('fault injection: broken answers give clear errors, never a crash or a silent empty result', () => {
	let sandbox: Sandbox;
	let taskId: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ seedTasks: { count: 250, project: 'broken' } });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.clearFaults();
		sandbox.clearRequests();
		taskId = sandbox.tasks()[0].task_id;
	});

	const getTask = (maxRetries: number) => runTaskAt(sandbox.url, 'get', { taskId, options: { maxRetries } });
	const exportAll = (maxRetries: number, baseUrl = sandbox.url) =>
		runTaskAt(baseUrl, 'getAll', { returnAll: true, options: { maxRetries } });

	/** Runs an export through a proxy that queues `fault` in the sandbox just before list request number `page`. */
	async function withFaultOnPage(page: number, fault: FaultKind, run: (baseUrl: string) => ReturnType<typeof exportAll>) {
		let listRequests = 0;
		const proxy = await startFaultProxy(sandbox.origin, ({ path }) => {
			if (path === '/v1/tasks' && ++listRequests === page) {
				sandbox.injectFaults([{ match: { pathPattern: '^/v1/tasks$' }, fault }]);
			}
			return { kind: 'forward' };
		});
		try {
			const result = await run(proxy.url);
			expect(listRequests).toBeGreaterThanOrEqual(page);
			return result;
		} finally {
			await proxy.close();
		}
	}

	test('dropped connection on a read: retried, and once retries run out, an error that says the connection was lost mid-answer', async () => {
		sandbox.injectFaults([{ match: { pathPattern: '^/v1/task/' }, fault: 'dropConnection', count: 1 }]);
		const recovered = await getTask(1);
		expect(recovered.error).toBeUndefined();
		expect(recovered.items.map((item) => item.json.task_id)).toEqual([taskId]);

		sandbox.clearRequests();
		sandbox.injectFaults([{ match: { pathPattern: '^/v1/task/' }, fault: 'dropConnection', count: 2 }]);
		const { error, items } = await getTask(1);
		expect(items).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/^The connection to Scale was lost before its answer was complete: [A-Z_]+ \(after 1 retry\)$/);
		expect(error?.description).toMatch(/closed the connection mid-answer/);
		expect(sandbox.requests).toHaveLength(2);
	});

	test('dropped connection on a create without unique ID: the task exists once and the item says it may or may not', async () => {
		sandbox.injectFaults([{ match: { method: 'POST' }, fault: 'dropConnection' }]);
		const before = sandbox.tasks().length;
		const { error } = await runTaskAt(sandbox.url, 'create', createParameters(false), createItems(1));
		expect(error?.message).toMatch(/^The task may or may not have been created: Scale's answer was lost \([A-Z_]+\)$/);
		expect(error?.description).toMatch(/Look for it in Scale/);
		expect(sandbox.tasks()).toHaveLength(before + 1);
		expect(sandbox.requests.filter((entry) => entry.method === 'POST')).toHaveLength(1);
	});

	test('dropped connection on a create with unique ID: recovered, still one task', async () => {
		sandbox.injectFaults([{ match: { method: 'POST' }, fault: 'dropConnection' }]);
		const before = sandbox.tasks().length;
		const item = { url: 'https://example.com/drop.jpg', uid: 'drop-1' };
		const { error, items } = await runTaskAt(sandbox.url, 'create', createParameters(true), [item]);
		expect(error).toBeUndefined();
		expect(items[0].json.unique_id).toBe('drop-1');
		expect(sandbox.tasks()).toHaveLength(before + 1);
	});

	test('dropped connection on page 2 of an export: retried; out of retries, the node fails instead of returning part of the list', async () => {
		const total = sandbox.tasks().length;
		const recovered = await withFaultOnPage(2, 'dropConnection', (url) => exportAll(1, url));
		expect(recovered.error).toBeUndefined();
		expect(recovered.items.map((item) => item.json.task_id)).toEqual(sandbox.tasks().map((task) => task.task_id).reverse());
		expect(recovered.items).toHaveLength(total);

		const failed = await withFaultOnPage(2, 'dropConnection', (url) => exportAll(0, url));
		expect(failed.items).toEqual([]);
		expect(failed.error?.message).toMatch(/^The connection to Scale was lost before its answer was complete: [A-Z_]+$/);
	});

	test('a 200 with a non-JSON body is an error naming what arrived, not an empty result', async () => {
		sandbox.injectFaults([{ match: { pathPattern: '^/v1/task/' }, fault: 'nonJson200' }]);
		const { error, items } = await getTask(3);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Scale answered HTTP 200 with a body that is not JSON');
		expect(error?.description).toMatch(/^The body starts with: <html>.*A proxy or gateway may have answered instead of Scale/);
	});

	test('a non-JSON page in the middle of an export fails the export rather than returning a partial list', async () => {
		const listed = await withFaultOnPage(2, 'nonJson200', (url) => exportAll(3, url));
		expect(listed.items).toEqual([]);
		expect(listed.error?.message).toBe('Scale answered HTTP 200 with a body that is not JSON');
	});

	test('an HTML 502 page in the middle of an export: retried, the export completes exactly', async () => {
		const listed = await withFaultOnPage(2, 'htmlProxy502', (url) => exportAll(1, url));
		expect(listed.error).toBeUndefined();
		expect(listed.items.map((item) => item.json.task_id)).toEqual(sandbox.tasks().map((task) => task.task_id).reverse());
	});

	test('an HTML 502 page from a proxy: retried, then an error quoting the page and saying it is a server error', async () => {
		sandbox.injectFaults([{ match: { pathPattern: '^/v1/task/' }, fault: 'htmlProxy502', count: 2 }]);
		const { error, items } = await getTask(1);
		expect(items).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Unexpected response: 502 Bad Gateway 502 Bad Gateway cloudflare (after 1 retry)');
		expect(error?.httpCode).toBe('502');
		expect(error?.description).toMatch(/server error/);
		expect(sandbox.requests).toHaveLength(2);
	});
});
