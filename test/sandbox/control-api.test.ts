import type { Sandbox } from '../../sandbox/server';
import { call, createTask, withSandbox, type Loose } from './helpers';

describe('sandbox: /_sandbox control API', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox({ seedTasks: { count: 3, project: 'control-seed' } });
	});
	afterAll(() => sandbox.close());

	it('needs no auth and answers health', async () => {
		const response = await call(sandbox, 'GET', '/_sandbox/health', { key: null });
		expect(response.body).toEqual({ ok: true });
	});

	it('lists raw tasks, completes and fails tasks', async () => {
		const task = await createTask(sandbox);
		const all = await call(sandbox, 'GET', '/_sandbox/tasks', { key: null });
		expect(all.body).toHaveLength(4);
		const completed = await call(sandbox, 'POST', `/_sandbox/tasks/${task.task_id}/complete`, { key: null, body: { response: { category: 'forced' } } });
		expect(completed.body).toMatchObject({ status: 'completed', response: { category: 'forced' } });
		expect((await call(sandbox, 'POST', `/_sandbox/tasks/${task.task_id}/complete`, { key: null })).status).toBe(400);
		const other = await createTask(sandbox);
		const failed = await call(sandbox, 'POST', `/_sandbox/tasks/${other.task_id}/error`, { key: null, body: { message: 'nope' } });
		expect(failed.body).toMatchObject({ status: 'error', response: { error: 'nope' } });
		expect((await call(sandbox, 'POST', '/_sandbox/tasks/unknown/complete', { key: null })).status).toBe(404);
	});

	it('reads the request log (not logging itself), paged with ?since and ?limit', async () => {
		sandbox.clearRequests();
		await call(sandbox, 'GET', 'teams?x=1&x=2');
		await call(sandbox, 'GET', 'projects');
		await call(sandbox, 'GET', 'teams');
		const log = await call(sandbox, 'GET', '/_sandbox/requests', { key: null });
		expect(log.body.requests.map((entry: Loose) => entry.path)).toEqual(['/v1/teams', '/v1/projects', '/v1/teams']);
		expect(log.body.has_more).toBe(false);
		expect(log.body.requests[0].query).toEqual({ x: ['1', '2'] });
		const first = await call(sandbox, 'GET', '/_sandbox/requests?limit=2', { key: null });
		expect(first.body).toMatchObject({ has_more: true, next_since: log.body.requests[1].id });
		expect(first.body.requests).toHaveLength(2);
		const since = await call(sandbox, 'GET', `/_sandbox/requests?since=${first.body.next_since}`, { key: null });
		expect(since.body).toMatchObject({ has_more: false, requests: [expect.objectContaining({ path: '/v1/teams', query: {} })] });
		await call(sandbox, 'DELETE', '/_sandbox/requests', { key: null });
		expect(sandbox.requests).toEqual([]);
	});

	it('changes options and queues faults over HTTP', async () => {
		const options = await call(sandbox, 'POST', '/_sandbox/options', { key: null, body: { latencyMs: 1, faults: { seed: 9 } } });
		expect(options.body).toMatchObject({ latencyMs: 1, faults: { seed: 9, errorRate: 0 } });
		expect((await call(sandbox, 'POST', '/_sandbox/options', { key: null, body: { latencyMs: -1 } })).status).toBe(400);
		const queued = await call(sandbox, 'POST', '/_sandbox/faults', { key: null, body: [{ match: { method: 'get', pathPattern: '^/v1/teams$' }, fault: 'error503', count: 2 }] });
		expect(queued.body).toEqual([{ method: 'GET', pathPattern: '^/v1/teams$', fault: 'error503', count: 2 }]);
		expect((await call(sandbox, 'GET', 'teams')).status).toBe(503);
		expect((await call(sandbox, 'GET', '/_sandbox/faults', { key: null })).body[0].count).toBe(1);
		expect((await call(sandbox, 'POST', '/_sandbox/faults', { key: null, body: { faults: [{ fault: 'bogus' }] } })).status).toBe(400);
		await call(sandbox, 'DELETE', '/_sandbox/faults', { key: null });
		expect((await call(sandbox, 'GET', 'teams')).status).toBe(200);
		await call(sandbox, 'POST', '/_sandbox/options', { key: null, body: { latencyMs: 0 } });
	});

	it('validates the type and range of every option (400 naming it), leaving the options unchanged', async () => {
		const before = (await call(sandbox, 'GET', '/_sandbox/options', { key: null })).body;
		const refused: [Record<string, unknown>, RegExp][] = [
			[{ maxBodyBytes: 'lots' }, /maxBodyBytes/],
			[{ maxBodyBytes: 0 }, /maxBodyBytes/],
			[{ callbackRetries: 'abc' }, /callbackRetries/],
			[{ callbackRetries: 1.5 }, /callbackRetries/],
			[{ maxLoggedRequests: 'x' }, /maxLoggedRequests/],
			[{ maxLogBytes: -1 }, /maxLogBytes/],
			[{ maxLoggedBodyBytes: null }, /maxLoggedBodyBytes/],
			[{ latencyMs: 'slow' }, /latencyMs/],
			[{ completionDelayMs: '5' }, /completionDelayMs/],
			[{ callbackRetryDelayMs: Number.MAX_VALUE }, /callbackRetryDelayMs/],
			[{ rateLimit: { requestsPerSecond: 0 } }, /rateLimit.requestsPerSecond/],
			[{ rateLimit: { rps: 5 } }, /rateLimit.rps/],
			[{ faults: { errorRate: 2 } }, /faults.errorRate/],
			[{ faults: { typo: 1 } }, /faults.typo/],
			[{ apiKeys: [] }, /apiKeys/],
			[{ apiKeys: [''] }, /apiKeys/],
			[{ lenient: 'yes' }, /lenient/],
			[{ seedStudio: 1 }, /seedStudio/],
			[{ seedTasks: { count: -1, project: 'p' } }, /seedTasks.count/],
			[{ seedTasks: { count: 1, project: 'p', type: 'nope' } }, /seedTasks.type/],
			[{ port: 70000 }, /port/],
			[{ callbackAuthKey: 5 }, /callbackAuthKey/],
			[{ bogus: true }, /bogus/],
		];
		for (const [body, message] of refused) {
			const response = await call(sandbox, 'POST', '/_sandbox/options', { key: null, body });
			expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
			expect(response.body.error).toMatch(message);
		}
		expect((await call(sandbox, 'GET', '/_sandbox/options', { key: null })).body).toEqual(before);
		const accepted = await call(sandbox, 'POST', '/_sandbox/options', { key: null, body: { completionDelayMs: null, rateLimit: null, maxLoggedBodyBytes: 1024 } });
		expect(accepted.status).toBe(200);
		await call(sandbox, 'POST', '/_sandbox/options', { key: null, body: { maxLoggedBodyBytes: before.maxLoggedBodyBytes } });
	});

	it('resets to a fresh (re-seeded) state', async () => {
		await call(sandbox, 'POST', 'projects', { body: { name: 'gone-after-reset', type: 'imageannotation' } });
		const reset = await call(sandbox, 'POST', '/_sandbox/reset', { key: null });
		expect(reset.body).toEqual({ ok: true });
		expect(sandbox.tasks()).toHaveLength(3);
		expect(sandbox.projects().map((project) => project.name)).toEqual(['control-seed']);
		expect(sandbox.requests).toEqual([]);
	});

	it('answers 404 for unknown control routes', async () => {
		expect((await call(sandbox, 'GET', '/_sandbox/nothing', { key: null })).status).toBe(404);
	});
});
