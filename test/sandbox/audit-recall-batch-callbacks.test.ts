import type { Sandbox } from '../../sandbox/server';
import { call, createProject, createTask, sleep, startReceiver, waitFor, withSandbox, type Loose } from './helpers';

/** Scale also calls back on audits and recalls, and calls a batch's `callback` once the finalized batch is done. */
describe('sandbox: audit, recall and batch-completion callbacks', () => {
	let sandbox: Sandbox;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	beforeEach(async () => {
		sandbox = await withSandbox({ callbackAuthKey: 'cb-secret', callbackRetries: 2, callbackRetryDelayMs: 20 });
		receiver = await startReceiver([200]);
	});
	afterEach(async () => {
		await sandbox.close();
		await receiver.close();
	});

	async function completedTaskWithCallback(extra: Record<string, unknown> = {}): Promise<Loose> {
		const task = await createTask(sandbox, { callback_url: receiver.url, ...extra });
		expect((await call(sandbox, 'POST', `/_sandbox/tasks/${task.task_id}/complete`, { key: null })).status).toBe(200);
		await waitFor(() => receiver.received.length === 1);
		return task;
	}

	it('control audit records a Scale audit and sends the task callback with the audit on the task', async () => {
		const task = await completedTaskWithCallback();
		const audited = await call(sandbox, 'POST', `/_sandbox/tasks/${task.task_id}/audit`, { key: null, body: { accepted: false } });
		expect(audited.status).toBe(200);
		expect(audited.body.audits).toEqual([expect.objectContaining({ audit_result: 'rejected', audit_source: 'scale' })]);
		await waitFor(() => receiver.received.length === 2);
		const delivery = receiver.received[1];
		expect(delivery.headers['scale-callback-auth']).toBe('cb-secret');
		expect(delivery.body).toMatchObject({ task_id: task.task_id, status: 'completed', task: { task_id: task.task_id, audits: [expect.objectContaining({ audit_result: 'rejected' })] } });
		expect(delivery.body.response).toEqual(sandbox.task(task.task_id)!.response);
		const rejected = await call(sandbox, 'GET', `tasks?customer_review_status=rejected`);
		expect(rejected.body.docs.map((doc: Loose) => doc.task_id)).toEqual([task.task_id]);
		expect(sandbox.callbacks.map((attempt) => attempt.event)).toEqual(['completed', 'audit']);

		const fixed = await call(sandbox, 'POST', `/_sandbox/tasks/${task.task_id}/audit`, { key: null, body: { accepted: true, fixed: true } });
		expect(fixed.body.audits.at(-1)).toMatchObject({ audit_result: 'fixed' });
		await waitFor(() => receiver.received.length === 3);
	});

	it('a customer audit (POST /task/{id}/audit) also calls back', async () => {
		const task = await completedTaskWithCallback();
		const audited = await call(sandbox, 'POST', `task/${task.task_id}/audit`, { body: { accepted: true } });
		expect(audited.body.audits).toEqual([expect.objectContaining({ audit_result: 'accepted', audit_source: 'customer' })]);
		await waitFor(() => receiver.received.length === 2);
		expect(receiver.received[1].body.task.audits).toHaveLength(1);
	});

	it('refuses audits of pending tasks and malformed audit bodies (400), unknown tasks (404)', async () => {
		const task = await createTask(sandbox, { callback_url: receiver.url });
		expect((await call(sandbox, 'POST', `/_sandbox/tasks/${task.task_id}/audit`, { key: null, body: { accepted: true } })).status).toBe(400);
		sandbox.completeTask(task.task_id);
		expect((await call(sandbox, 'POST', `/_sandbox/tasks/${task.task_id}/audit`, { key: null, body: { accepted: 'yes' } })).status).toBe(400);
		expect((await call(sandbox, 'POST', `/_sandbox/tasks/${task.task_id}/audit`, { key: null, body: { accepted: true, fixed: 1 } })).status).toBe(400);
		expect((await call(sandbox, 'POST', '/_sandbox/tasks/nope/audit', { key: null, body: { accepted: true } })).status).toBe(404);
	});

	it('recall puts a completed task back to pending and calls back with status pending; it can complete again', async () => {
		const task = await completedTaskWithCallback();
		const recalled = await call(sandbox, 'POST', `/_sandbox/tasks/${task.task_id}/recall`, { key: null });
		expect(recalled.status).toBe(200);
		expect(recalled.body.status).toBe('pending');
		expect(recalled.body).not.toHaveProperty('completed_at');
		await waitFor(() => receiver.received.length === 2);
		expect(receiver.received[1].body).toMatchObject({ task_id: task.task_id, status: 'pending', task: { status: 'pending' } });
		expect(receiver.received[1].headers['scale-callback-auth']).toBe('cb-secret');
		expect((await call(sandbox, 'GET', `task/${task.task_id}`)).body.status).toBe('pending');
		expect((await call(sandbox, 'POST', `/_sandbox/tasks/${task.task_id}/recall`, { key: null })).status).toBe(400);
		sandbox.completeTask(task.task_id);
		await waitFor(() => receiver.received.length === 3);
		expect(receiver.received[2].body.status).toBe('completed');
	});

	it('a finalized batch with a callback gets {batch, status, stats} once, when its last task is finished', async () => {
		await createProject(sandbox, 'p');
		expect((await call(sandbox, 'POST', 'batches', { body: { project: 'p', name: 'b', callback: receiver.url } })).status).toBe(200);
		const tasks = [];
		for (let index = 0; index < 4; index++) tasks.push(await createTask(sandbox, { batch: 'b' }));
		sandbox.completeTask(tasks[0].task_id);
		// Not finalized yet: no batch callback even though tasks finish.
		expect((await call(sandbox, 'POST', 'batches/b/finalize')).status).toBe(200);
		sandbox.completeTask(tasks[1].task_id);
		await call(sandbox, 'POST', `task/${tasks[2].task_id}/cancel`);
		await sleep(50);
		expect(receiver.received).toHaveLength(0);
		sandbox.failTask(tasks[3].task_id);
		await waitFor(() => receiver.received.length === 1);
		expect(receiver.received[0].body).toEqual({ batch: 'b', status: 'completed', stats: { completed: 2, canceled: 1, error: 1 } });
		expect(receiver.received[0].headers['scale-callback-auth']).toBe('cb-secret');
		expect(receiver.received[0].headers['content-type']).toBe('application/json');
		// Once: a recall and re-completion does not send it again.
		await call(sandbox, 'POST', `/_sandbox/tasks/${tasks[0].task_id}/recall`, { key: null });
		sandbox.completeTask(tasks[0].task_id);
		await sleep(50);
		expect(receiver.received).toHaveLength(1);
		expect(sandbox.callbacks.filter((attempt) => attempt.event === 'batch_completed')).toEqual([
			expect.objectContaining({ batch: 'b', succeeded: true, attempt: 1 }),
		]);
	});

	it('finalizing a batch whose tasks are all done calls back at once; batch callbacks are retried like task callbacks', async () => {
		const flaky = await startReceiver([500, 200]);
		try {
			await createProject(sandbox, 'p');
			await call(sandbox, 'POST', 'batches', { body: { project: 'p', name: 'done', callback: flaky.url } });
			const task = await createTask(sandbox, { batch: 'done' });
			sandbox.completeTask(task.task_id);
			await call(sandbox, 'POST', 'batches/done/finalize');
			await waitFor(() => flaky.received.length === 2);
			expect(flaky.received.map((delivery) => delivery.body)).toEqual([
				{ batch: 'done', status: 'completed', stats: { completed: 1, canceled: 0, error: 0 } },
				{ batch: 'done', status: 'completed', stats: { completed: 1, canceled: 0, error: 0 } },
			]);
			await waitFor(() => sandbox.callbacks.some((attempt) => attempt.succeeded));
			expect(sandbox.callbacks.map((attempt) => [attempt.event, attempt.attempt, attempt.succeeded])).toEqual([
				['batch_completed', 1, false],
				['batch_completed', 2, true],
			]);
		} finally {
			await flaky.close();
		}
	});

	it('an empty finalized batch, or one without a callback, sends nothing', async () => {
		await createProject(sandbox, 'p');
		await call(sandbox, 'POST', 'batches', { body: { project: 'p', name: 'empty', callback: receiver.url } });
		await call(sandbox, 'POST', 'batches', { body: { project: 'p', name: 'silent' } });
		await call(sandbox, 'POST', 'batches/empty/finalize');
		const task = await createTask(sandbox, { batch: 'silent' });
		await call(sandbox, 'POST', 'batches/silent/finalize');
		sandbox.completeTask(task.task_id);
		await sleep(50);
		expect(receiver.received).toHaveLength(0);
		expect(sandbox.callbacks).toHaveLength(0);
	});
});
