import type { Sandbox } from '../../sandbox/server';
import { DEFAULT_CREDENTIALS, runWebhook } from '../harness/run-webhook';
import { call, createProject, createTask, startReceiver, waitFor, withSandbox } from '../sandbox/helpers';
import { ALL_EVENTS, trigger } from './helpers';

/**
 * Every callback the sandbox sends (what Scale's docs describe: completion, error, audits, recall, batch
 * completion), received over real HTTP and handed to the trigger with its real headers: each is told apart,
 * answered 2xx, and starts the workflow with the right event.
 */
describe('Scale Trigger: the callbacks the sandbox sends', () => {
	let sandbox: Sandbox;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;

	beforeAll(async () => {
		sandbox = await withSandbox({ callbackAuthKey: DEFAULT_CREDENTIALS.callbackAuthKey as string });
		receiver = await startReceiver([200]);
	});
	afterAll(async () => {
		await sandbox.close();
		await receiver.close();
	});

	it('tells every kind apart and answers each 2xx', async () => {
		await createProject(sandbox, 'p');
		expect((await call(sandbox, 'POST', 'batches', { body: { project: 'p', name: 'b', callback: receiver.url } })).status).toBe(200);
		const [first, second, third] = [
			await createTask(sandbox, { batch: 'b', callback_url: receiver.url }),
			await createTask(sandbox, { batch: 'b', callback_url: receiver.url }),
			await createTask(sandbox, { batch: 'b', callback_url: receiver.url }),
		];
		expect((await call(sandbox, 'POST', 'batches/b/finalize')).status).toBe(200);
		const control = (path: string, body?: unknown) => call(sandbox, 'POST', `/_sandbox/tasks/${path}`, { key: null, body });

		sandbox.completeTask(first.task_id);
		sandbox.failTask(second.task_id, 'Attachment could not be fetched');
		sandbox.completeTask(third.task_id);
		await waitFor(() => receiver.received.length === 4);
		await control(`${first.task_id}/audit`, { accepted: false });
		await waitFor(() => receiver.received.length === 5);
		await control(`${first.task_id}/audit`, { accepted: true, fixed: true });
		await waitFor(() => receiver.received.length === 6);
		await control(`${third.task_id}/recall`);
		await waitFor(() => receiver.received.length === 7);
		sandbox.completeTask(third.task_id);
		await waitFor(() => receiver.received.length === 8);

		const outcomes = [];
		for (const { headers, body } of receiver.received) {
			const result = await runWebhook({
				nodeType: trigger,
				parameters: { events: ALL_EVENTS },
				body,
				headers: { 'scale-callback-auth': headers['scale-callback-auth'] as string },
			});
			expect(result.statusCode).toBe(200);
			outcomes.push(result.workflowData?.[0][0].json);
		}

		const kinds = outcomes.map((item) => [item?.event, item?.task_id ?? item?.batch]);
		// The batch completes when its last task finishes; the first four are sent concurrently.
		expect(kinds.slice(0, 4)).toEqual(
			expect.arrayContaining([
				['taskCompleted', first.task_id],
				['taskErrored', second.task_id],
				['taskCompleted', third.task_id],
				['batchCompleted', 'b'],
			]),
		);
		expect(kinds.slice(4)).toEqual([
			['taskAudited', first.task_id],
			['taskAudited', first.task_id],
			['taskRecalled', third.task_id],
			['taskCompleted', third.task_id],
		]);
		expect(outcomes.find((item) => item?.event === 'batchCompleted')).toMatchObject({
			status: 'completed',
			stats: { completed: 2, error: 1, canceled: 0 },
		});
		expect(outcomes.slice(4, 6).map((item) => item?.audit_result)).toEqual(['rejected', 'fixed']);
	});
});
