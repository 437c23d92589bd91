import { ScalePollingTrigger } from '../../nodes/ScalePollingTrigger/ScalePollingTrigger.node';
import type { Sandbox } from '../../sandbox/server';
import { SANDBOX_API_KEY } from '../harness/constants';
import { Poller } from '../harness/run-poll';
import { call, createProject, createTask, withSandbox } from '../sandbox/helpers';

describe('Scale Polling Trigger: Batch Completed against the sandbox', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await withSandbox();
		await createProject(sandbox, 'p');
		await createProject(sandbox, 'other');
	});
	afterAll(() => sandbox.close());

	async function batchWithTasks(name: string, project = 'p', count = 2): Promise<string[]> {
		expect((await call(sandbox, 'POST', 'batches', { body: { project, name } })).status).toBe(200);
		const ids: string[] = [];
		for (let index = 0; index < count; index++) ids.push((await createTask(sandbox, { batch: name })).task_id);
		return ids;
	}

	const poller = (extra: Record<string, unknown> = {}) =>
		new Poller({
			nodeType: new ScalePollingTrigger(),
			parameters: { event: 'batchCompleted', project: { mode: 'name', value: 'p' }, ...extra },
			credentials: { apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url },
		});

	it('emits each batch once when its tasks are done; batches done before publishing are not emitted', async () => {
		const before = await batchWithTasks('done-before');
		for (const id of before) sandbox.completeTask(id);
		const first = await batchWithTasks('first');
		const second = await batchWithTasks('second');
		const elsewhere = await batchWithTasks('elsewhere', 'other');

		const trigger = poller();
		expect((await trigger.poll()).returned).toBeNull();

		sandbox.completeTask(first[0]);
		sandbox.failTask(first[1]);
		for (const id of elsewhere) sandbox.completeTask(id);
		const afterFirst = await trigger.poll();
		expect(afterFirst.items.map((item) => item.json)).toEqual([
			{
				event: 'batchCompleted',
				batch: 'first',
				status: 'completed',
				stats: expect.objectContaining({ completed: 1, error: 1, pending: 0 }),
				batchDetails: expect.objectContaining({ name: 'first', project: 'p', status: 'completed' }),
			},
		]);
		expect((await trigger.poll()).returned).toBeNull();

		for (const id of second) sandbox.completeTask(id);
		const afterSecond = await trigger.poll();
		expect(afterSecond.items.map((item) => item.json.batch)).toEqual(['second']);
		expect((await trigger.poll()).returned).toBeNull();

		const requests = sandbox.requests.filter((request) => request.path === '/v1/batches');
		expect(requests.at(-1)?.query).toMatchObject({ status: 'completed', project: 'p', completed_after: expect.any(String) });
	});

	it('"Fetch Test Event" shows a completed batch of the project, with its counts', async () => {
		const sample = await poller().poll('manual', 'manual');
		expect(sample.items).toHaveLength(1);
		expect(sample.items[0].json).toMatchObject({ event: 'batchCompleted', status: 'completed', stats: expect.any(Object) });
	});

	it('"Fetch Test Event" says what to do when there is nothing to show yet', async () => {
		await createProject(sandbox, 'empty');
		const empty = new Poller({
			nodeType: new ScalePollingTrigger(),
			parameters: { event: 'batchCompleted', project: { mode: 'name', value: 'empty' } },
			credentials: { apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url },
		});
		await expect(empty.poll('manual', 'manual')).rejects.toThrow(/No completed batch in this Scale account yet/);
	});
});
