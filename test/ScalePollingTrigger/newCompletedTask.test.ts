import { ScalePollingTrigger } from '../../nodes/ScalePollingTrigger/ScalePollingTrigger.node';
import type { Sandbox } from '../../sandbox/server';
import { SANDBOX_API_KEY } from '../harness/constants';
import { Poller } from '../harness/run-poll';
import { call, withSandbox } from '../sandbox/helpers';

const PROJECT = 'poll-project';
const T0 = Date.parse('2026-11-29T10:00:00.000Z');
const MINUTE = 60_000;

/** Only Date is faked: the sandbox and the node read the same clock, while sockets and timers run for real. */
function useFakeClock(at: number) {
	jest.useFakeTimers({
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
	jest.setSystemTime(at);
}

const setClock = (at: number) => jest.setSystemTime(at);

describe('Scale Polling Trigger: New Completed Task against the sandbox, with a fake clock', () => {
	let sandbox: Sandbox;
	let taskIds: string[];
	const poller = () =>
		new Poller({
			nodeType: new ScalePollingTrigger(),
			parameters: { event: 'newCompletedTask', project: { mode: 'name', value: PROJECT } },
			credentials: { apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url },
		});

	async function complete(ids: string[]) {
		for (const id of ids) sandbox.completeTask(id);
	}

	beforeAll(async () => {
		useFakeClock(T0 - 10 * MINUTE);
		sandbox = await withSandbox();
		expect((await call(sandbox, 'POST', 'projects', { body: { type: 'imageannotation', name: PROJECT } })).status).toBe(200);
		taskIds = [];
		for (let index = 0; index < 255; index++) {
			const created = await call(sandbox, 'POST', 'task/imageannotation', {
				body: { project: PROJECT, attachment: `https://example.com/${index}.jpg`, geometries: { box: { objects_to_annotate: ['sign'] } } },
			});
			expect(created.status).toBe(200);
			taskIds.push(created.body.task_id);
		}
	});

	afterAll(async () => {
		jest.useRealTimers();
		await sandbox.close();
	});

	test('3 polls over 250 tasks completing across page boundaries: each task exactly once', async () => {
		const trigger = poller();
		// Completed before the workflow was published: never emitted.
		setClock(T0 - MINUTE);
		await complete(taskIds.slice(250));

		// Poll 1, at publishing: starts from now.
		setClock(T0);
		const first = await trigger.poll();
		expect(first.returned).toBeNull();
		expect(first.staticDataChanged).toBe(true);

		// 120 tasks complete in the very millisecond of the first poll (equal timestamps across the 100-task
		// page boundary), 10 more later.
		await complete(taskIds.slice(0, 120));
		setClock(T0 + 30_000);
		await complete(taskIds.slice(120, 130));

		// Poll 2 in that same millisecond: its high-water mark is the time of those 10.
		sandbox.clearRequests();
		const second = await trigger.poll();
		const secondPages = sandbox.requests.filter((request) => request.path === '/v1/tasks');
		expect(secondPages.length).toBeGreaterThan(1);
		expect(secondPages[1].query.next_token).toEqual(expect.any(String));

		// 40 complete in the same millisecond as the mark, after the poll; 80 more before the third.
		await complete(taskIds.slice(130, 170));
		setClock(T0 + 2 * MINUTE - 10_000);
		await complete(taskIds.slice(170, 250));
		setClock(T0 + 2 * MINUTE);
		const third = await trigger.poll();
		const fourth = await trigger.poll();

		const emitted = [second, third].flatMap((result) => result.items.map((item) => item.json.task_id as string));
		expect(second.items).toHaveLength(130);
		expect(third.items).toHaveLength(120);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual(taskIds.slice(0, 250).sort());
		expect(fourth.returned).toBeNull();
		// Oldest completion first, each item the full task.
		const times = second.items.map((item) => Date.parse(item.json.completed_at as string));
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(second.items[0].json).toMatchObject({ status: 'completed', project: PROJECT, type: 'imageannotation' });
	});

	test('a poll that runs out of time emits what it read and the next poll emits the rest, once', async () => {
		sandbox.reset();
		useFakeClock(T0 + 10 * MINUTE);
		await call(sandbox, 'POST', 'projects', { body: { type: 'imageannotation', name: PROJECT } });
		const ids: string[] = [];
		for (let index = 0; index < 150; index++) {
			const created = await call(sandbox, 'POST', 'task/imageannotation', {
				body: { project: PROJECT, attachment: `https://example.com/${index}.jpg` },
			});
			ids.push(created.body.task_id);
		}
		const trigger = poller();
		expect((await trigger.poll()).returned).toBeNull();
		await complete(ids);
		setClock(T0 + 11 * MINUTE);

		// A zero budget: the poll stops after its first page.
		const short = await trigger.poll('trigger', 'activate', 0);
		const rest = await trigger.poll();
		const again = await trigger.poll();

		expect(short.items).toHaveLength(100);
		expect(rest.items).toHaveLength(50);
		expect(again.returned).toBeNull();
		const all = [...short.items, ...rest.items].map((item) => item.json.task_id as string);
		expect(new Set(all).size).toBe(150);
	});

	test('"Start From" backfills: the first poll emits what completed since that date, not before', async () => {
		const trigger = new Poller({
			nodeType: new ScalePollingTrigger(),
			parameters: {
				event: 'newCompletedTask',
				project: { mode: 'name', value: PROJECT },
				options: { startFrom: new Date(T0 + 10 * MINUTE).toISOString() },
			},
			credentials: { apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url },
		});
		const first = await trigger.poll();
		expect(first.items).toHaveLength(150);
		expect((await trigger.poll()).returned).toBeNull();
	});

	test('"Fetch Test Event" returns a recent completed task and leaves the cursor alone', async () => {
		const trigger = poller();
		const sample = await trigger.poll('manual', 'manual');
		expect(sample.items).toHaveLength(1);
		expect(sample.items[0].json).toMatchObject({ status: 'completed', project: PROJECT });
		expect(trigger.staticData).toEqual({});
	});

	test('filters by batch and by task type (one type in the query, several here)', async () => {
		sandbox.clearRequests();
		const trigger = new Poller({
			nodeType: new ScalePollingTrigger(),
			parameters: {
				event: 'newCompletedTask',
				project: { mode: 'name', value: PROJECT },
				batch: { mode: 'name', value: 'some-batch' },
				taskTypes: ['imageannotation'],
			},
			credentials: { apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url },
		});
		await trigger.poll();
		const [request] = sandbox.requests.filter((entry) => entry.path === '/v1/tasks');
		expect(request.query).toMatchObject({
			status: 'completed',
			project: PROJECT,
			batch: 'some-batch',
			type: 'imageannotation',
			completed_after: expect.any(String),
		});
	});
});
