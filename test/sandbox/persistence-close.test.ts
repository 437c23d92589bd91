import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { call, createProject, createTask, sleep, withSandbox, type Loose } from './helpers';

describe('sandbox: persistence', () => {
	let directory: string;
	beforeAll(() => {
		directory = mkdtempSync(join(tmpdir(), 'scale-sandbox-'));
	});
	afterAll(() => rmSync(directory, { recursive: true, force: true }));

	it('survives a restart: tasks, indexes, batches, projects, files and paging', async () => {
		const file = join(directory, 'state.json');
		const first = await withSandbox({ persistFile: file });
		await createProject(first, 'persisted project');
		await call(first, 'POST', 'batches', { body: { project: 'persisted project', name: 'persisted/batch' } });
		const tasks = [];
		for (let index = 0; index < 5; index++) tasks.push(await createTask(first, { batch: 'persisted/batch', unique_id: `p-${index}`, tags: ['keep'] }));
		first.completeTask(tasks[0].task_id);
		await call(first, 'POST', 'files/import', { body: { file_url: 'https://example.com/a.png', reference_id: 'persisted-ref' } });
		await first.close();
		expect(existsSync(file)).toBe(true);
		expect(JSON.parse(readFileSync(file, 'utf8')).tasks).toHaveLength(5);

		const second = await withSandbox({ persistFile: file });
		try {
			const fetched = await call(second, 'GET', `task/${tasks[0].task_id}`);
			expect(fetched.body).toMatchObject({ status: 'completed', unique_id: 'p-0', tags: ['keep'], batch: 'persisted/batch' });
			expect((await call(second, 'GET', 'tasks?unique_id=p-3')).body.docs[0].task_id).toBe(tasks[3].task_id);
			expect((await call(second, 'POST', 'task/imageannotation', { body: { attachment: 'x', unique_id: 'p-1' } })).status).toBe(409);
			expect((await call(second, 'GET', `batches/${encodeURIComponent('persisted/batch')}/status`)).body).toEqual({
				status: 'in_progress',
				pending: 4,
				completed: 1,
				error: 0,
				canceled: 0,
			});
			expect((await call(second, 'POST', 'projects', { body: { name: 'persisted project', type: 'imageannotation' } })).status).toBe(409);
			expect((await call(second, 'POST', 'files/import', { body: { file_url: 'x', reference_id: 'persisted-ref' } })).status).toBe(409);
			const page = await call(second, 'GET', 'tasks?batch=persisted/batch&limit=2');
			expect(page.body.docs.map((task: Loose) => task.task_id)).toEqual([tasks[4].task_id, tasks[3].task_id]);
			const newer = await createTask(second, { batch: 'persisted/batch' });
			const newest = await call(second, 'GET', 'tasks?batch=persisted/batch&limit=1');
			expect(newest.body.docs[0].task_id).toBe(newer.task_id);
		} finally {
			await second.close();
		}
	});

	it('saves after mutations (debounced) without waiting for close', async () => {
		const file = join(directory, 'debounced.json');
		const sandbox = await withSandbox({ persistFile: file });
		try {
			await createTask(sandbox, { unique_id: 'debounced' });
			await sleep(400);
			const saved = JSON.parse(readFileSync(file, 'utf8'));
			expect(saved.tasks.map((task: Loose) => task.json.unique_id)).toEqual(['debounced']);
		} finally {
			await sandbox.close();
		}
	});
});

describe('sandbox: close()', () => {
	function activeResources(): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
		return counts;
	}

	it('clears every timer and socket it holds, so no handle stays open', async () => {
		const baseline = activeResources();
		const sandbox = await withSandbox({ completionDelayMs: 60_000, latencyMs: 5, callbackRetryDelayMs: 60_000 });
		const address = sandbox.port;
		for (let index = 0; index < 3; index++) await createTask(sandbox, { callback_url: 'http://127.0.0.1:1/never' });
		const task = await createTask(sandbox, { callback_url: 'http://127.0.0.1:1/never' });
		sandbox.completeTask(task.task_id);
		expect(sandbox.openHandles().timers).toBeGreaterThanOrEqual(3);
		await sandbox.close();
		expect(sandbox.openHandles()).toEqual({ timers: 0, connections: 0 });
		await expect(fetch(`http://127.0.0.1:${address}/v1/teams`)).rejects.toThrow();
		// Client-side keep-alive sockets close asynchronously after the server side is destroyed.
		const deadline = Date.now() + 2000;
		let now = activeResources();
		while (((now.Timeout ?? 0) > (baseline.Timeout ?? 0) || (now.TCPServerWrap ?? 0) > (baseline.TCPServerWrap ?? 0)) && Date.now() < deadline) {
			await sleep(20);
			now = activeResources();
		}
		expect(now.TCPServerWrap ?? 0).toBeLessThanOrEqual(baseline.TCPServerWrap ?? 0);
		expect(now.Timeout ?? 0).toBeLessThanOrEqual(baseline.Timeout ?? 0);
	});

	it('is idempotent', async () => {
		const sandbox = await withSandbox();
		await Promise.all([sandbox.close(), sandbox.close()]);
		await sandbox.close();
		expect(sandbox.openHandles().connections).toBe(0);
	});
});
