import type { Sandbox } from '../../sandbox/server';
import { call, createProject, createTask, withSandbox, type Loose } from './helpers';

const NAME_WITH_SPACE_AND_SLASH = 'Team A/2024 run';
const ENCODED = encodeURIComponent(NAME_WITH_SPACE_AND_SLASH);

describe('sandbox: batches', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox();
		await createProject(sandbox, 'batch-project');
		await createProject(sandbox, 'rapid-project', 'imageannotation', { rapid: true });
	});
	afterAll(() => sandbox.close());

	it('creates a batch with the §3.2 keys and refuses a duplicate name with 409', async () => {
		const created = await call(sandbox, 'POST', 'batches', {
			body: { project: 'batch-project', name: 'batch-1', callback: '', calibration_batch: false, self_label_batch: false, metadata: { a: 1 } },
		});
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ name: 'batch-1', project: 'batch-project', status: 'in_progress', callback: '', metadata: { a: 1 } });
		expect(Date.parse(created.body.created_at)).not.toBeNaN();
		const duplicate = await call(sandbox, 'POST', 'batches', { body: { project: 'batch-project', name: 'batch-1' } });
		expect(duplicate.status).toBe(409);
		expect(duplicate.body.status_code).toBe(409);
	});

	it('answers 400 for missing parameters and 404 for unknown project or batch', async () => {
		expect((await call(sandbox, 'POST', 'batches', { body: { project: 'batch-project' } })).status).toBe(400);
		expect((await call(sandbox, 'POST', 'batches', { body: { name: 'x' } })).status).toBe(400);
		expect((await call(sandbox, 'POST', 'batches', { body: { project: 'missing', name: 'x' } })).status).toBe(404);
		expect((await call(sandbox, 'GET', 'batches/missing')).status).toBe(404);
		expect((await call(sandbox, 'GET', 'batches/missing/status')).status).toBe(404);
	});

	it('percent-decodes batch names with space and slash in every batch path', async () => {
		const created = await call(sandbox, 'POST', 'batches', { body: { project: 'batch-project', name: NAME_WITH_SPACE_AND_SLASH } });
		expect(created.status).toBe(200);
		const fetched = await call(sandbox, 'GET', `batches/${ENCODED}`);
		expect(fetched.status).toBe(200);
		expect(fetched.body.name).toBe(NAME_WITH_SPACE_AND_SLASH);
		expect((await call(sandbox, 'GET', `batches/${ENCODED}/status`)).status).toBe(200);
		const metadata = await call(sandbox, 'POST', `batches/${ENCODED}/setMetadata`, { body: { owner: 'me' } });
		expect(metadata.body.metadata).toEqual({ owner: 'me' });
		expect((await call(sandbox, 'POST', `batches/${ENCODED}/finalize`)).status).toBe(200);
	});

	it('pages batches by offset with totalDocs and has_more, filtered by project', async () => {
		for (let index = 0; index < 25; index++) {
			const response = await call(sandbox, 'POST', 'batches', { body: { project: 'rapid-project', name: `paged-${index}` } });
			expect(response.status).toBe(200);
		}
		const names: string[] = [];
		let offset = 0;
		let pages = 0;
		for (;;) {
			const page = await call(sandbox, 'GET', `batches?project=rapid-project&exclude_archived=False&offset=${offset}&limit=10`);
			expect(page.body).toMatchObject({ totalDocs: 25, limit: 10, offset });
			names.push(...page.body.docs.map((batch: Loose) => batch.name));
			pages++;
			if (!page.body.has_more) break;
			offset += page.body.limit;
		}
		expect(pages).toBe(3);
		expect(names).toEqual(Array.from({ length: 25 }, (_, index) => `paged-${24 - index}`));
		const capped = await call(sandbox, 'GET', 'batches?limit=500');
		expect(capped.body.limit).toBe(100);
		const staging = await call(sandbox, 'GET', 'batches?status=staging');
		expect(staging.body.totalDocs).toBe(25);
	});

	it('lists batches newest first, as Scale does', async () => {
		await createProject(sandbox, 'order-project');
		for (const name of ['b1', 'b2', 'b3', 'b4']) await call(sandbox, 'POST', 'batches', { body: { project: 'order-project', name } });
		const page = await call(sandbox, 'GET', 'batches?project=order-project&limit=3');
		expect(page.body.docs.map((batch: Loose) => batch.name)).toEqual(['b4', 'b3', 'b2']);
		const next = await call(sandbox, 'GET', 'batches?project=order-project&limit=3&offset=3');
		expect(next.body.docs.map((batch: Loose) => batch.name)).toEqual(['b1']);
	});

	it('starts Rapid batches in staging; finalize moves them to in_progress', async () => {
		const batch = await call(sandbox, 'POST', 'batches', { body: { project: 'rapid-project', name: 'rapid-batch' } });
		expect(batch.body.status).toBe('staging');
		const finalized = await call(sandbox, 'POST', 'batches/rapid-batch/finalize');
		expect(finalized.body.status).toBe('in_progress');
	});

	it('keeps batch status counts in step with its tasks', async () => {
		await call(sandbox, 'POST', 'batches', { body: { project: 'batch-project', name: 'counted' } });
		const tasks = [];
		for (let index = 0; index < 4; index++) tasks.push(await createTask(sandbox, { batch: 'counted' }));
		expect(tasks[0].project).toBe('batch-project');
		expect((await call(sandbox, 'GET', 'batches/counted/status')).body).toEqual({ status: 'in_progress', pending: 4, completed: 0, error: 0, canceled: 0 });
		sandbox.completeTask(tasks[0].task_id);
		sandbox.failTask(tasks[1].task_id);
		await call(sandbox, 'POST', `task/${tasks[2].task_id}/cancel`);
		expect((await call(sandbox, 'GET', 'batches/counted/status')).body).toEqual({ status: 'in_progress', pending: 1, completed: 1, error: 1, canceled: 1 });
		sandbox.completeTask(tasks[3].task_id);
		expect((await call(sandbox, 'GET', 'batches/counted/status')).body).toEqual({ status: 'completed', pending: 0, completed: 2, error: 1, canceled: 1 });
		expect((await call(sandbox, 'GET', 'batches/counted')).body.status).toBe('completed');
	});
});

describe('sandbox: projects, teams and studio', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox();
	});
	afterAll(() => sandbox.close());

	it('creates projects, refuses duplicates (409) and missing fields (400), lists a bare array', async () => {
		const created = await createProject(sandbox, NAME_WITH_SPACE_AND_SLASH, 'imageannotation', { params: { instruction: 'v0' } });
		expect(created).toMatchObject({ name: NAME_WITH_SPACE_AND_SLASH, type: 'imageannotation', param_history: [expect.objectContaining({ instruction: 'v0', version: 0 })] });
		const duplicate = await call(sandbox, 'POST', 'projects', { body: { name: NAME_WITH_SPACE_AND_SLASH, type: 'imageannotation' } });
		expect(duplicate.status).toBe(409);
		expect((await call(sandbox, 'POST', 'projects', { body: { name: 'no-type' } })).status).toBe(400);
		expect((await call(sandbox, 'POST', 'projects', { body: { name: 'bad-type', type: 'nope' } })).status).toBe(400);
		const list = await call(sandbox, 'GET', 'projects');
		expect(Array.isArray(list.body)).toBe(true);
		expect(list.body.map((project: Loose) => project.name)).toEqual([NAME_WITH_SPACE_AND_SLASH]);
	});

	it('gets and updates a percent-encoded project name, appending param_history', async () => {
		const fetched = await call(sandbox, 'GET', `projects/${ENCODED}`);
		expect(fetched.body.name).toBe(NAME_WITH_SPACE_AND_SLASH);
		const patched = await call(sandbox, 'POST', `projects/${ENCODED}/setParams`, { body: { patch: true, other: 1 } });
		expect(patched.body.param_history.at(-1)).toMatchObject({ instruction: 'v0', other: 1, version: 1 });
		const replaced = await call(sandbox, 'POST', `projects/${ENCODED}/setParams`, { body: { patch: false, instruction: 'v2' } });
		const last = replaced.body.param_history.at(-1);
		expect(last).toMatchObject({ instruction: 'v2', version: 2 });
		expect(last).not.toHaveProperty('other');
		expect((await call(sandbox, 'GET', 'projects/missing')).status).toBe(404);
	});

	it('serves task templates for chat/textcollection projects only', async () => {
		await createProject(sandbox, 'chat-project', 'chat', { params: { template_variables: { topic: 'x' } } });
		const template = await call(sandbox, 'GET', 'projects/chat-project/taskTemplates');
		expect(template.body).toMatchObject({ id: expect.any(String), version: 0, template_variables: { topic: 'x' } });
		expect((await call(sandbox, 'GET', `projects/${ENCODED}/taskTemplates`)).status).toBe(400);
	});

	it('lists, invites and re-roles teammates', async () => {
		const initial = await call(sandbox, 'GET', 'teams');
		expect(initial.body).toEqual([expect.objectContaining({ email: expect.any(String), role: 'admin' })]);
		const invited = await call(sandbox, 'POST', 'teams/invite', { body: { emails: ['a@example.com', 'b@example.com'], team_role: 'labeler' } });
		expect(invited.body.map((mate: Loose) => mate.email)).toEqual(expect.arrayContaining(['a@example.com', 'b@example.com']));
		expect((await call(sandbox, 'POST', 'teams/invite', { body: { emails: ['c@example.com'], team_role: 'emperor' } })).status).toBe(400);
		expect((await call(sandbox, 'POST', 'teams/invite', { body: { team_role: 'member' } })).status).toBe(400);
		const updated = await call(sandbox, 'POST', 'teams/set_role', { body: { emails: ['a@example.com'], team_role: 'manager' } });
		expect(updated.body.find((mate: Loose) => mate.email === 'a@example.com').role).toBe('manager');
		expect((await call(sandbox, 'POST', 'teams/set_role', { body: { emails: ['ghost@example.com'], team_role: 'member' } })).status).toBe(404);
	});

	it('manages studio assignments, project groups and batch priorities', async () => {
		const added = await call(sandbox, 'POST', 'studio/assignments/add', { body: { emails: ['a@example.com'], projects: ['chat-project', NAME_WITH_SPACE_AND_SLASH] } });
		expect(added.body).toEqual({ 'a@example.com': ['chat-project', NAME_WITH_SPACE_AND_SLASH] });
		const removed = await call(sandbox, 'POST', 'studio/assignments/remove', { body: { emails: ['a@example.com'], projects: ['chat-project'] } });
		expect(removed.body).toEqual({ 'a@example.com': [NAME_WITH_SPACE_AND_SLASH] });
		expect((await call(sandbox, 'GET', 'studio/assignments')).body).toEqual(removed.body);

		const group = await call(sandbox, 'POST', `studio/projects/${ENCODED}/groups`, { body: { emails: ['a@example.com'], name: 'Group 1/A' } });
		expect(group.body).toMatchObject({ id: expect.any(String), name: 'Group 1/A', numWorkers: 1, isSingleton: false });
		expect((await call(sandbox, 'POST', `studio/projects/${ENCODED}/groups`, { body: { emails: [], name: 'Group 1/A' } })).status).toBe(409);
		const updated = await call(sandbox, 'PUT', `studio/projects/${ENCODED}/groups/${encodeURIComponent('Group 1/A')}`, {
			body: { add_emails: ['b@example.com'], remove_emails: ['a@example.com'] },
		});
		expect(updated.body.workers.map((worker: Loose) => worker.email)).toEqual(['b@example.com']);
		expect((await call(sandbox, 'GET', `studio/projects/${ENCODED}/groups`)).body).toHaveLength(1);

		// Only pending batches of Studio projects are Studio batches.
		await createProject(sandbox, 'studio-project', 'imageannotation', { studio: true });
		await call(sandbox, 'POST', `studio/projects/studio-project/groups`, { body: { emails: ['b@example.com'], name: 'Group S' } });
		await call(sandbox, 'POST', 'batches', { body: { project: NAME_WITH_SPACE_AND_SLASH, name: 'not-studio' } });
		await call(sandbox, 'POST', 'batches', { body: { project: 'studio-project', name: 'sb-1' } });
		await call(sandbox, 'POST', 'batches', { body: { project: 'studio-project', name: 'sb-2', calibration_batch: true } });
		const defaults = await call(sandbox, 'GET', 'studio/batches');
		expect(defaults.body.map((batch: Loose) => batch.name)).toEqual(['sb-2', 'sb-1']);
		expect(defaults.body[0]).toMatchObject({ projectName: 'studio-project', batchType: 'Calibration', total: 0, completed: 0, groups: [] });
		const assigned = await call(sandbox, 'PUT', 'studio/batches/sb-1', { body: { groups: ['Group S'] } });
		expect(assigned.body.groups).toEqual([expect.objectContaining({ name: 'Group S' })]);
		expect((await call(sandbox, 'PUT', 'studio/batches/sb-1', { body: { groups: ['nope'] } })).status).toBe(404);
		const reordered = await call(sandbox, 'POST', 'studio/batches/set_priorities', { body: { batches: [{ name: 'sb-1' }, { name: 'sb-2' }] } });
		expect(reordered.body.map((batch: Loose) => batch.name)).toEqual(['sb-1', 'sb-2']);
		expect((await call(sandbox, 'POST', 'studio/batches/set_priorities', { body: { batches: [{ name: 'sb-1' }] } })).status).toBe(400);
		const reset = await call(sandbox, 'POST', 'studio/batches/reset_priorities');
		expect(reset.body.map((batch: Loose) => batch.name)).toEqual(['sb-2', 'sb-1']);
	});
});
