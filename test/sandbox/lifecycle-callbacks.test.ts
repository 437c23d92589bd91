import type { Sandbox } from '../../sandbox/server';
import { call, createTask, startReceiver, waitFor, withSandbox } from './helpers';

describe('sandbox: task completion and callbacks', () => {
	let sandbox: Sandbox;
	beforeEach(async () => {
		sandbox = await withSandbox({ callbackAuthKey: 'cb-secret', callbackRetries: 2, callbackRetryDelayMs: 20 });
	});
	afterEach(() => sandbox.close());

	it('stays pending without a completion delay, and auto-completes after it with a plausible response', async () => {
		const manual = await createTask(sandbox);
		sandbox.setOptions({ completionDelayMs: 50 });
		const automatic = await createTask(sandbox, { geometries: { polygon: { objects_to_annotate: ['tree'] } } });
		expect(automatic.status).toBe('pending');
		const done = await waitFor(async () => {
			const task = (await call(sandbox, 'GET', `task/${automatic.task_id}`)).body;
			return task.status === 'completed' && task;
		});
		expect(Date.parse(done.completed_at)).toBeGreaterThanOrEqual(Date.parse(done.created_at));
		expect(done.response.annotations.length).toBeGreaterThan(0);
		for (const annotation of done.response.annotations) expect(annotation).toMatchObject({ type: 'polygon', label: 'tree' });
		expect((await call(sandbox, 'GET', `task/${manual.task_id}`)).body.status).toBe('pending');
	});

	it('gives categorization tasks a category from their categories', async () => {
		const task = (await call(sandbox, 'POST', 'task/categorization', { body: { attachment: 'x', categories: ['cat', 'dog'] } })).body;
		const completed = sandbox.completeTask(task.task_id);
		expect(['cat', 'dog']).toContain(completed.response!.category);
		expect(() => sandbox.completeTask(task.task_id)).toThrow(/pending/);
	});

	it('POSTs {task, response, task_id} with the scale-callback-auth header and records callback_succeeded', async () => {
		const receiver = await startReceiver([200]);
		try {
			const task = await createTask(sandbox, { callback_url: receiver.url });
			sandbox.completeTask(task.task_id);
			await waitFor(() => sandbox.task(task.task_id)?.callback_succeeded !== undefined);
			expect(sandbox.task(task.task_id)!.callback_succeeded).toBe(true);
			expect(receiver.received).toHaveLength(1);
			const [delivery] = receiver.received;
			expect(delivery.headers['scale-callback-auth']).toBe('cb-secret');
			expect(delivery.headers['content-type']).toBe('application/json');
			expect(delivery.body.task_id).toBe(task.task_id);
			expect(delivery.body.task).toMatchObject({ task_id: task.task_id, status: 'completed' });
			expect(delivery.body.response).toEqual(sandbox.task(task.task_id)!.response);
			expect((await call(sandbox, 'GET', `task/${task.task_id}`)).body.callback_succeeded).toBe(true);
		} finally {
			await receiver.close();
		}
	});

	it('retries a failing receiver callbackRetries times, then sets callback_succeeded false', async () => {
		const receiver = await startReceiver([500]);
		try {
			const task = await createTask(sandbox, { callback_url: receiver.url });
			sandbox.completeTask(task.task_id);
			await waitFor(() => sandbox.task(task.task_id)?.callback_succeeded !== undefined);
			expect(sandbox.task(task.task_id)!.callback_succeeded).toBe(false);
			expect(receiver.received).toHaveLength(3);
			expect(sandbox.callbacks.map((attempt) => [attempt.attempt, attempt.status, attempt.succeeded])).toEqual([
				[1, 500, false],
				[2, 500, false],
				[3, 500, false],
			]);
		} finally {
			await receiver.close();
		}
	});

	it('succeeds after a retry when the receiver recovers', async () => {
		const receiver = await startReceiver([503, 200]);
		try {
			const task = await createTask(sandbox, { callback_url: receiver.url });
			sandbox.completeTask(task.task_id);
			await waitFor(() => sandbox.task(task.task_id)?.callback_succeeded !== undefined);
			expect(sandbox.task(task.task_id)!.callback_succeeded).toBe(true);
			expect(receiver.received).toHaveLength(2);
		} finally {
			await receiver.close();
		}
	});

	it('treats an unreachable receiver as a failure after the retries', async () => {
		const receiver = await startReceiver([200]);
		const deadUrl = receiver.url;
		await receiver.close();
		const task = await createTask(sandbox, { callback_url: deadUrl });
		sandbox.completeTask(task.task_id);
		await waitFor(() => sandbox.task(task.task_id)?.callback_succeeded !== undefined);
		expect(sandbox.task(task.task_id)!.callback_succeeded).toBe(false);
		expect(sandbox.callbacks).toHaveLength(3);
		expect(sandbox.callbacks[0].error).toBeDefined();
	});

	it('sends the error callback when a task fails', async () => {
		const receiver = await startReceiver([200]);
		try {
			const task = await createTask(sandbox, { callback_url: receiver.url });
			sandbox.failTask(task.task_id, 'broken image');
			await waitFor(() => receiver.received.length === 1);
			expect(receiver.received[0].body).toMatchObject({ status: 'error', response: { error: 'broken image' } });
		} finally {
			await receiver.close();
		}
	});

	it('cancel stops a scheduled auto-completion', async () => {
		sandbox.setOptions({ completionDelayMs: 30 });
		const task = await createTask(sandbox);
		await call(sandbox, 'POST', `task/${task.task_id}/cancel`);
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect(sandbox.task(task.task_id)!.status).toBe('canceled');
	});
});
