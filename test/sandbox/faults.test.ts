import type { Sandbox } from '../../sandbox/server';
import { basicAuth, call, createTask, withSandbox } from './helpers';

describe('sandbox: scripted faults', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox();
	});
	afterEach(() => sandbox.clearFaults());
	afterAll(() => sandbox.close());

	it('falseCreate500 creates the task, answers 500; the retry gets 409 and GET tasks?unique_id recovers it', async () => {
		sandbox.injectFaults([{ match: { method: 'POST', pathPattern: '^/v1/task/[a-z]+$' }, fault: 'falseCreate500' }]);
		const body = { attachment: 'https://example.com/a.jpg', unique_id: 'false-500' };
		const first = await call(sandbox, 'POST', 'task/imageannotation', { body });
		expect(first.status).toBe(500);
		expect(first.body).toEqual({ status_code: 500, error: expect.any(String) });
		expect(sandbox.tasks().filter((task) => task.unique_id === 'false-500')).toHaveLength(1);
		const retry = await call(sandbox, 'POST', 'task/imageannotation', { body });
		expect(retry.status).toBe(409);
		const recovered = await call(sandbox, 'GET', 'tasks?unique_id=false-500');
		expect(recovered.body.docs[0].task_id).toBe(sandbox.tasks().find((task) => task.unique_id === 'false-500')!.task_id);
		expect(sandbox.requests.find((entry) => entry.status === 500)!.fault).toBe('falseCreate500');
	});

	it('error500 and error503 answer without doing anything, consumed in order with counts', async () => {
		sandbox.injectFaults([
			{ match: { method: 'POST', pathPattern: '/v1/task/' }, fault: 'error503', count: 2 },
			{ match: { pathPattern: '/v1/task/' }, fault: 'error500' },
		]);
		const before = sandbox.tasks().length;
		const statuses = [];
		for (let index = 0; index < 4; index++) {
			statuses.push((await call(sandbox, 'POST', 'task/imageannotation', { body: { attachment: 'x' } })).status);
		}
		expect(statuses).toEqual([503, 503, 500, 200]);
		expect(sandbox.tasks().length).toBe(before + 1);
	});

	it('only requests matching method and path consume a scripted fault', async () => {
		sandbox.injectFaults([{ match: { method: 'GET', pathPattern: '^/v1/projects$' }, fault: 'error500' }]);
		expect((await call(sandbox, 'GET', 'teams')).status).toBe(200);
		expect((await call(sandbox, 'POST', 'projects', { body: { name: 'match-test', type: 'imageannotation' } })).status).toBe(200);
		expect((await call(sandbox, 'GET', 'projects')).status).toBe(500);
		expect((await call(sandbox, 'GET', 'projects')).status).toBe(200);
	});

	it('dropConnection sends headers then drops the socket; the work is done', async () => {
		sandbox.injectFaults([{ match: { pathPattern: '/v1/task/' }, fault: 'dropConnection' }]);
		const before = sandbox.tasks().length;
		const response = await fetch(`${sandbox.url}/task/imageannotation`, {
			method: 'POST',
			headers: { authorization: basicAuth(), 'content-type': 'application/json' },
			body: JSON.stringify({ attachment: 'x', unique_id: 'dropped' }),
		});
		expect(response.status).toBe(200);
		expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
		await expect(response.text()).rejects.toThrow();
		expect(sandbox.tasks().length).toBe(before + 1);
		expect(sandbox.tasks().at(-1)!.unique_id).toBe('dropped');
		expect((await call(sandbox, 'GET', 'teams')).status).toBe(200);
	});

	it('nonJson200 answers 200 with an HTML body', async () => {
		sandbox.injectFaults([{ match: { method: 'GET' }, fault: 'nonJson200' }]);
		const response = await call(sandbox, 'GET', 'projects');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/text\/html/);
		expect(() => JSON.parse(response.text)).toThrow();
	});

	it('htmlProxy502 answers a proxy HTML error page', async () => {
		sandbox.injectFaults([{ fault: 'htmlProxy502' }]);
		const response = await call(sandbox, 'GET', 'projects');
		expect(response.status).toBe(502);
		expect(response.text).toContain('502 Bad Gateway');
		expect(response.headers.get('content-type')).toBe('text/html');
	});

	it('rateLimit answers 429 with Retry-After', async () => {
		sandbox.injectFaults([{ fault: 'rateLimit' }]);
		const response = await call(sandbox, 'GET', 'projects');
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('1');
		expect(response.body.status_code).toBe(429);
	});

	it('rejects unknown fault kinds', () => {
		expect(() => sandbox.injectFaults([{ fault: 'meteor' as never }])).toThrow(/Unknown fault/);
	});
});

describe('sandbox: rate limit, latency and random faults', () => {
	it('answers 429 + Retry-After (whole seconds, ≥ 1) beyond requestsPerSecond', async () => {
		const sandbox = await withSandbox({ rateLimit: { requestsPerSecond: 2 } });
		try {
			const responses = await Promise.all(Array.from({ length: 10 }, () => call(sandbox, 'GET', 'teams')));
			const limited = responses.filter((response) => response.status === 429);
			expect(limited.length).toBeGreaterThanOrEqual(7);
			expect(responses.filter((response) => response.status === 200).length).toBeGreaterThanOrEqual(2);
			for (const response of limited) {
				expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
				expect(response.body).toEqual({ status_code: 429, error: expect.any(String) });
			}
			sandbox.setOptions({ rateLimit: null });
			expect((await call(sandbox, 'GET', 'teams')).status).toBe(200);
		} finally {
			await sandbox.close();
		}
	});

	it('adds latencyMs to every response', async () => {
		const sandbox = await withSandbox({ latencyMs: 80 });
		try {
			const started = performance.now();
			await call(sandbox, 'GET', 'teams');
			expect(performance.now() - started).toBeGreaterThanOrEqual(75);
			sandbox.setOptions({ latencyMs: 0 });
			const fast = performance.now();
			await call(sandbox, 'GET', 'teams');
			expect(performance.now() - fast).toBeLessThan(75);
		} finally {
			await sandbox.close();
		}
	});

	async function statusSequence(sandbox: Sandbox): Promise<number[]> {
		const statuses: number[] = [];
		for (let index = 0; index < 30; index++) statuses.push((await call(sandbox, 'GET', 'teams')).status);
		return statuses;
	}

	it('random error rate is repeatable for a seed and applies 500/503', async () => {
		const first = await withSandbox({ faults: { errorRate: 0.5, seed: 7 } });
		const second = await withSandbox({ faults: { errorRate: 0.5, seed: 7 } });
		try {
			const a = await statusSequence(first);
			const b = await statusSequence(second);
			expect(a).toEqual(b);
			expect(a).toContain(200);
			expect(a.some((status) => status === 500 || status === 503)).toBe(true);
			first.reset();
			expect(await statusSequence(first)).toEqual(a);
		} finally {
			await first.close();
			await second.close();
		}
	});

	it('falseCreateRate 1 creates every task and answers 500 on each', async () => {
		const sandbox = await withSandbox({ faults: { falseCreateRate: 1 } });
		try {
			const response = await call(sandbox, 'POST', 'task/imageannotation', { body: { attachment: 'x' } });
			expect(response.status).toBe(500);
			expect(sandbox.tasks()).toHaveLength(1);
			expect((await call(sandbox, 'GET', 'teams')).status).toBe(200);
		} finally {
			await sandbox.close();
		}
	});

	it('nonJsonRate and dropConnectionRate apply at rate 1', async () => {
		const sandbox = await withSandbox({ faults: { nonJsonRate: 1 } });
		try {
			expect((await call(sandbox, 'GET', 'teams')).headers.get('content-type')).toMatch(/html/);
			sandbox.setOptions({ faults: { nonJsonRate: 0, dropConnectionRate: 1 } });
			await expect(createTask(sandbox)).rejects.toThrow();
			expect(sandbox.tasks()).toHaveLength(1);
			expect(() => sandbox.setOptions({ faults: { errorRate: 2 } })).toThrow();
		} finally {
			await sandbox.close();
		}
	});
});
