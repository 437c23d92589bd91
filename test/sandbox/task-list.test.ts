import type { Sandbox } from '../../sandbox/server';
import { call, createProject, createTask, withSandbox, type Loose } from './helpers';

async function pageAll(sandbox: Sandbox, query: string): Promise<{ ids: string[]; pages: Loose[] }> {
	const ids: string[] = [];
	const pages: Loose[] = [];
	let token: string | undefined;
	do {
		const suffix = token ? `&next_token=${encodeURIComponent(token)}` : '';
		const response = await call(sandbox, 'GET', `tasks?${query}${suffix}`);
		expect(response.status).toBe(200);
		pages.push(response.body);
		ids.push(...response.body.docs.map((task: Loose) => task.task_id));
		token = response.body.has_more ? response.body.next_token : undefined;
		if (response.body.has_more) expect(typeof response.body.next_token).toBe('string');
	} while (token);
	return { ids, pages };
}

describe('sandbox: GET /v1/tasks', () => {
	let sandbox: Sandbox;
	const created: Loose[] = [];

	beforeAll(async () => {
		sandbox = await withSandbox();
		await createProject(sandbox, 'list-a');
		await createProject(sandbox, 'list-b');
		expect((await call(sandbox, 'POST', 'batches', { body: { project: 'list-a', name: 'list-a-batch', callback: '', metadata: {} } })).status).toBe(200);
		for (let index = 0; index < 250; index++) {
			const body: Record<string, unknown> = { project: 'list-a', metadata: { index } };
			if (index % 5 === 0) body.batch = 'list-a-batch';
			if (index % 10 === 0) body.tags = ['tenth'];
			if (index % 25 === 0) body.unique_id = `list-uid-${index}`;
			created.push(await createTask(sandbox, body));
		}
		for (let index = 0; index < 20; index++) created.push(await createTask(sandbox, { project: 'list-b' }));
		for (const task of created.slice(0, 30)) sandbox.completeTask(task.task_id);
	});
	afterAll(() => sandbox.close());

	it('pages 250 tasks in 3 cursor pages, newest first, with no duplicate and no gap', async () => {
		const { ids, pages } = await pageAll(sandbox, 'project=list-a&limit=100');
		expect(pages.map((page) => page.docs.length)).toEqual([100, 100, 50]);
		expect(pages.map((page) => page.has_more)).toEqual([true, true, false]);
		expect(pages[2].next_token).toBeUndefined();
		for (const page of pages) expect(page).toMatchObject({ total: 250, limit: 100, offset: 0 });
		expect(new Set(ids).size).toBe(250);
		const expected = created.filter((task) => task.project === 'list-a').map((task) => task.task_id).reverse();
		expect(ids).toEqual(expected);
	});

	it('defaults limit to 100 and caps larger limits at 100', async () => {
		const capped = await call(sandbox, 'GET', 'tasks?limit=1000');
		expect(capped.body.limit).toBe(100);
		expect(capped.body.docs).toHaveLength(100);
		expect(capped.body.total).toBe(270);
		const defaulted = await call(sandbox, 'GET', 'tasks');
		expect(defaulted.body.limit).toBe(100);
		expect((await call(sandbox, 'GET', 'tasks?limit=abc')).status).toBe(400);
		expect((await call(sandbox, 'GET', 'tasks?limit=0')).status).toBe(400);
	});

	it('respects filters while paging (status, batch, repeated tags, type)', async () => {
		const completed = await pageAll(sandbox, 'project=list-a&status=completed&limit=7');
		expect(completed.ids).toHaveLength(30);
		expect(completed.pages[0].total).toBe(30);
		expect(new Set(completed.ids)).toEqual(new Set(created.slice(0, 30).map((task) => task.task_id)));

		const batch = await pageAll(sandbox, 'batch=list-a-batch&limit=20');
		expect(batch.ids).toHaveLength(50);
		expect(batch.pages).toHaveLength(3);
		for (const page of batch.pages) for (const task of page.docs) expect(task.batch).toBe('list-a-batch');

		const tagged = await call(sandbox, 'GET', 'tasks?project=list-a&tags=tenth&tags=absent');
		expect(tagged.body.total).toBe(25);
		expect(tagged.body.docs.every((task: Loose) => task.tags.includes('tenth'))).toBe(true);

		const pending = await call(sandbox, 'GET', 'tasks?project=list-a&status=pending&type=imageannotation&limit=1');
		expect(pending.body.total).toBe(220);
		expect(pending.body.docs[0].status).toBe('pending');
		expect((await call(sandbox, 'GET', 'tasks?status=bogus')).status).toBe(400);
		expect((await call(sandbox, 'GET', 'tasks?type=bogus')).status).toBe(400);
	});

	it('finds tasks by unique_id alone (repeated key) — the false-500 recovery lookup', async () => {
		const one = await call(sandbox, 'GET', 'tasks?unique_id=list-uid-25');
		expect(one.status).toBe(200);
		expect(one.body.docs.map((task: Loose) => task.task_id)).toEqual([created[25].task_id]);
		const two = await call(sandbox, 'GET', 'tasks?unique_id=list-uid-0&unique_id=list-uid-50&unique_id=missing');
		expect(two.body.total).toBe(2);
		expect(two.body.docs.map((task: Loose) => task.unique_id)).toEqual(['list-uid-50', 'list-uid-0']);
	});

	it('filters by created, completed and updated time windows', async () => {
		const middle = created[100];
		const after = await call(sandbox, 'GET', `tasks?project=list-a&start_time=${encodeURIComponent(middle.created_at)}`);
		expect(after.body.docs.every((task: Loose) => task.created_at >= middle.created_at)).toBe(true);
		const before = await call(sandbox, 'GET', `tasks?project=list-a&end_time=${encodeURIComponent(middle.created_at)}`);
		expect(before.body.total + after.body.total).toBe(250);
		const completedAfter = await call(sandbox, 'GET', 'tasks?completed_after=2000-01-01');
		expect(completedAfter.body.total).toBe(30);
		const updatedBefore = await call(sandbox, 'GET', 'tasks?updated_before=2000-01-01%2000:00:00.000000');
		expect(updatedBefore.body.total).toBe(0);
		expect((await call(sandbox, 'GET', 'tasks?start_time=yesterday')).status).toBe(400);
	});

	it('filters by comma-separated customer_review_status and parses True/False booleans', async () => {
		const audited = created[0];
		expect((await call(sandbox, 'POST', `task/${audited.task_id}/audit`, { body: { accepted: true } })).status).toBe(200);
		const accepted = await call(sandbox, 'GET', 'tasks?customer_review_status=accepted,fixed');
		expect(accepted.body.docs.map((task: Loose) => task.task_id)).toEqual([audited.task_id]);

		const limited = await call(sandbox, 'GET', 'tasks?project=list-a&limited_response=True&limit=1');
		expect(Object.keys(limited.body.docs[0]).sort()).toEqual(['metadata', 'project', 'status', 'task_id']);
		const full = await call(sandbox, 'GET', 'tasks?project=list-a&limited_response=false&include_attachment_url=True&limit=1');
		expect(full.body.docs[0].params).toBeDefined();
		expect(full.body.docs[0].attachmentS3Downloads[0].attachmentURL).toBe('https://example.com/image.jpg');
		expect((await call(sandbox, 'GET', 'tasks?limited_response=maybe')).status).toBe(400);
	});

	it('keeps the cursor stable while tasks are being created: no duplicates, no gaps', async () => {
		const snapshot = created.filter((task) => task.project === 'list-a').map((task) => task.task_id).reverse();
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const suffix = token ? `&next_token=${encodeURIComponent(token)}` : '';
			const page = await call(sandbox, 'GET', `tasks?project=list-a&limit=40${suffix}`);
			seen.push(...page.body.docs.map((task: Loose) => task.task_id));
			token = page.body.has_more ? page.body.next_token : undefined;
			await createTask(sandbox, { project: 'list-a' });
		} while (token);
		expect(seen).toEqual(snapshot);
		expect((await call(sandbox, 'GET', 'tasks?next_token=garbage')).status).toBe(400);
	});

	it('supports legacy offset paging', async () => {
		const first = await call(sandbox, 'GET', 'tasks?project=list-b&limit=5');
		const second = await call(sandbox, 'GET', 'tasks?project=list-b&limit=5&offset=5');
		expect(second.body.offset).toBe(5);
		const ids = [...first.body.docs, ...second.body.docs].map((task: Loose) => task.task_id);
		expect(new Set(ids).size).toBe(10);
		expect(ids).toEqual(created.slice(250).reverse().slice(0, 10).map((task) => task.task_id));
	});
});

describe('sandbox: seeded 10,000 tasks', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox({ seedTasks: { count: 10_000, project: 'seeded', batch: 'seeded-batch' } });
	});
	afterAll(() => sandbox.close());

	it('exports all 10,000 in 100 pages quickly, each task once, with distinct created_at', async () => {
		const started = performance.now();
		const { ids, pages } = await pageAll(sandbox, 'project=seeded&status=completed&include_attachment_url=True');
		const elapsed = performance.now() - started;
		expect(pages).toHaveLength(100);
		expect(ids).toHaveLength(10_000);
		expect(new Set(ids).size).toBe(10_000);
		expect(pages[0].total).toBe(10_000);
		const createdAt = pages.flatMap((page) => page.docs.map((task: Loose) => task.created_at));
		expect(new Set(createdAt).size).toBe(10_000);
		expect([...createdAt].sort().reverse()).toEqual(createdAt);
		expect(elapsed).toBeLessThan(5000);
	});

	it('counts the seeded tasks on the batch status endpoint', async () => {
		const status = await call(sandbox, 'GET', 'batches/seeded-batch/status');
		expect(status.body).toEqual({ status: 'completed', pending: 0, completed: 10_000, error: 0, canceled: 0 });
	});
});
