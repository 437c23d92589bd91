import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { startFaultProxy, scaleError, type FaultProxy } from './fault-proxy';
import { countBy, createItems, createParameters, creates, CREATE_PATH, runTaskAt } from './helpers';

const ITEMS = 2000;

/**
 * 2,000 creates with unique IDs through a proxy that answers exactly 10% of them 429 (with Retry-After) and
 * turns exactly 2% into "false 500s" (the sandbox creates the task, the client is told 500). The proxy
 * decides on each item's first attempt, keyed by its unique ID, so the counts are exact.
 */
describe('fault injection: creates with unique IDs under 429 and false 500', () => {
	let sandbox: Sandbox;
	let proxy: FaultProxy;
	const attempts = new Map<string, number>();

	beforeAll(async () => {
		sandbox = await startSandbox({ maxLoggedRequests: 50_000 });
		proxy = await startFaultProxy(sandbox.origin, ({ method, path, body }) => {
			if (method !== 'POST' || !CREATE_PATH.test(path)) return { kind: 'forward' };
			const uid = String((JSON.parse(body.toString('utf8')) as { unique_id?: string }).unique_id);
			const attempt = (attempts.get(uid) ?? 0) + 1;
			attempts.set(uid, attempt);
			const row = Number(uid.slice('row-'.length));
			if (attempt === 1 && row % 10 === 0) {
				// Retry-After: 0 keeps the suite fast; the sandbox only says whole seconds (>= 1).
				return { kind: 'reply', status: 429, headers: { 'retry-after': '0' }, body: scaleError(429, 'Too many requests') };
			}
			if (attempt === 1 && row % 50 === 7) {
				return { kind: 'replaceAnswer', status: 500, body: scaleError(500, 'Internal server error') };
			}
			return { kind: 'forward' };
		});
	});
	afterAll(async () => {
		await proxy.close();
		await sandbox.close();
	});

	// ~5 ms of CPU per item is n8n's own expression evaluation: allow for a busy 2-core CI machine.
	test('every item succeeds, the sandbox holds exactly 2,000 tasks, no unique ID twice', async () => {
		const { items, error } = await runTaskAt(proxy.url, 'create', createParameters(true), createItems(ITEMS));

		expect(error).toBeUndefined();
		expect(items).toHaveLength(ITEMS);
		// Every item is its own task, in input order.
		expect(items.map((item) => item.json.unique_id)).toEqual(createItems(ITEMS).map((item) => item.uid));
		expect(items.every((item) => typeof item.json.task_id === 'string' && !item.error)).toBe(true);

		const faults = countBy(proxy.injected.map((entry) => entry.status));
		expect(faults.get(429)).toBe(ITEMS / 10);
		expect(faults.get(500)).toBe(ITEMS / 50);

		const tasks = sandbox.tasks();
		expect(tasks).toHaveLength(ITEMS);
		expect(new Set(tasks.map((task) => task.unique_id)).size).toBe(ITEMS);
		expect(new Set(items.map((item) => item.json.task_id)).size).toBe(ITEMS);

		// Exact traffic: each 429 and each false 500 costs one more create; each false 500 is recovered
		// with one 409 from the retry and one GET /tasks?unique_id= lookup.
		const log = sandbox.requests;
		const createStatuses = countBy(creates(log).map((entry) => entry.status));
		expect(createStatuses.get(200)).toBe(ITEMS);
		expect(createStatuses.get(409)).toBe(ITEMS / 50);
		const lookups = log.filter((entry) => entry.method === 'GET' && entry.path === '/v1/tasks');
		expect(lookups).toHaveLength(ITEMS / 50);
		expect([...attempts.values()].reduce((sum, count) => sum + count, 0)).toBe(ITEMS + ITEMS / 10 + ITEMS / 50);
	}, 60_000);
});
