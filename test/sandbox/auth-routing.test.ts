import type { Sandbox } from '../../sandbox/server';
import { call, createProject, withSandbox } from './helpers';

describe('sandbox: auth, routing and error shapes', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox({ apiKeys: ['test_sandbox_key', 'live_second_key'] });
	});
	afterAll(() => sandbox.close());

	it('answers 401 {status_code, error} without credentials', async () => {
		const response = await call(sandbox, 'GET', 'projects', { key: null });
		expect(response.status).toBe(401);
		expect(response.body).toEqual({ status_code: 401, error: expect.any(String) });
	});

	it('answers 401 for a wrong key and for Bearer auth on v1', async () => {
		expect((await call(sandbox, 'GET', 'projects', { key: 'test_wrong' })).status).toBe(401);
		const bearer = await call(sandbox, 'GET', 'projects', { key: null, headers: { authorization: 'Bearer test_sandbox_key' } });
		expect(bearer.status).toBe(401);
	});

	it('accepts every configured key as Basic username with empty password', async () => {
		expect((await call(sandbox, 'GET', 'projects')).status).toBe(200);
		expect((await call(sandbox, 'GET', 'projects', { key: 'live_second_key' })).status).toBe(200);
	});

	it('answers 404 {status_code:404} for unknown routes and ids', async () => {
		const unknown = await call(sandbox, 'GET', 'no/such/route');
		expect(unknown.status).toBe(404);
		expect(unknown.body.status_code).toBe(404);
		const wrongMethod = await call(sandbox, 'PATCH', 'tasks');
		expect(wrongMethod.status).toBe(404);
		const task = await call(sandbox, 'GET', 'task/000000000000000000000000');
		expect(task.body).toEqual({ status_code: 404, error: 'Task with that ID not found.' });
		const outside = await fetch(`${sandbox.origin}/v3/tasks`);
		expect(outside.status).toBe(404);
	});

	it('answers 400 when the body is not valid JSON', async () => {
		const response = await call(sandbox, 'POST', 'projects', {
			rawBody: '{"name": "broken"',
			headers: { 'content-type': 'application/json' },
		});
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ status_code: 400, error: 'Request body is not valid JSON.' });
	});

	it('answers 200 with a JSON body on success and logs the request without the Authorization header', async () => {
		sandbox.clearRequests();
		await createProject(sandbox, 'auth-log-project');
		const [entry] = sandbox.requests;
		expect(entry).toMatchObject({ method: 'POST', path: '/v1/projects', status: 200, body: { name: 'auth-log-project' } });
		expect(entry.headers.authorization).toBeUndefined();
		expect(entry.headers['content-type']).toBe('application/json');
		expect(typeof entry.durationMs).toBe('number');
	});
});
