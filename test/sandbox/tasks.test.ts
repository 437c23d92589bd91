import type { Sandbox } from '../../sandbox/server';
import { TASK_TYPES } from '../../sandbox/enums';
import { call, createProject, createTask, withSandbox } from './helpers';

describe('sandbox: task endpoints', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox();
		await createProject(sandbox, 'tasks-project');
	});
	afterAll(() => sandbox.close());

	it('creates a pending task with the §3.1 shape and gets it back', async () => {
		const created = await createTask(sandbox, {
			project: 'tasks-project',
			instruction: 'Box the cars',
			callback_url: 'https://example.com/callback',
			metadata: { source: 'test' },
		});
		expect(created).toMatchObject({
			task_id: expect.stringMatching(/^[0-9a-f]{24}$/),
			status: 'pending',
			type: 'imageannotation',
			project: 'tasks-project',
			instruction: 'Box the cars',
			callback_url: 'https://example.com/callback',
			metadata: { source: 'test' },
			params: { attachment: 'https://example.com/image.jpg', attachment_type: 'image' },
		});
		expect(Date.parse(created.created_at)).not.toBeNaN();
		expect(created).not.toHaveProperty('tags');
		expect(created).not.toHaveProperty('unique_id');
		expect(created).not.toHaveProperty('response');
		expect(created.params).not.toHaveProperty('project');
		const fetched = await call(sandbox, 'GET', `task/${created.task_id}`);
		expect(fetched.status).toBe(200);
		expect(fetched.body).toEqual(created);
	});

	it('accepts every TaskType of spec §8 and rejects unknown types with 400', async () => {
		for (const type of TASK_TYPES) {
			const response = await call(sandbox, 'POST', `task/${type}`, {
				body: { attachment: 'https://example.com/a.jpg', attachments: ['https://example.com/a.jpg'], categories: ['a', 'b'], text: 'Hello world' },
			});
			expect({ type, status: response.status }).toEqual({ type, status: 200 });
			expect(response.body.type).toBe(type);
		}
		const unknown = await call(sandbox, 'POST', 'task/notatype', { body: { attachment: 'x' } });
		expect(unknown.status).toBe(400);
		expect(unknown.body.error).toMatch(/task type/i);
	});

	it('answers 400 for missing required parameters', async () => {
		const noAttachment = await call(sandbox, 'POST', 'task/imageannotation', { body: { project: 'tasks-project' } });
		expect(noAttachment.body).toEqual({ status_code: 400, error: 'Please include an attachment or attachments parameter.' });
		const noBody = await call(sandbox, 'POST', 'task/categorization');
		expect(noBody.status).toBe(400);
		const noCategories = await call(sandbox, 'POST', 'task/categorization', { body: { attachment: 'https://example.com/a.jpg' } });
		expect(noCategories.status).toBe(400);
		const arrayBody = await call(sandbox, 'POST', 'task/imageannotation', { body: ['not', 'an', 'object'] });
		expect(arrayBody.status).toBe(400);
	});

	it('answers 404 for an unknown project or batch', async () => {
		const project = await call(sandbox, 'POST', 'task/imageannotation', { body: { project: 'nope', attachment: 'x' } });
		expect(project.status).toBe(404);
		const batch = await call(sandbox, 'POST', 'task/imageannotation', { body: { batch: 'nope', attachment: 'x' } });
		expect(batch.status).toBe(404);
	});

	it('answers 409 for a duplicate unique_id on create and on update', async () => {
		const first = await createTask(sandbox, { unique_id: 'dup-1' });
		expect(first.unique_id).toBe('dup-1');
		const second = await call(sandbox, 'POST', 'task/imageannotation', { body: { attachment: 'x', unique_id: 'dup-1' } });
		expect(second.status).toBe(409);
		expect(second.body.status_code).toBe(409);
		const other = await createTask(sandbox, { unique_id: 'dup-2' });
		const update = await call(sandbox, 'POST', `task/${other.task_id}/unique_id`, { body: { unique_id: 'dup-1' } });
		expect(update.status).toBe(409);
	});

	it('updates and clears unique_id (key absent after clear, id reusable)', async () => {
		const task = await createTask(sandbox);
		const set = await call(sandbox, 'POST', `task/${task.task_id}/unique_id`, { body: { unique_id: 'uid-set' } });
		expect(set.status).toBe(200);
		expect(set.body.unique_id).toBe('uid-set');
		const missing = await call(sandbox, 'POST', `task/${task.task_id}/unique_id`, { body: {} });
		expect(missing.status).toBe(400);
		const cleared = await call(sandbox, 'DELETE', `task/${task.task_id}/unique_id`);
		expect(cleared.status).toBe(200);
		expect(cleared.body).not.toHaveProperty('unique_id');
		const reused = await createTask(sandbox, { unique_id: 'uid-set' });
		expect(reused.unique_id).toBe('uid-set');
	});

	it('cancels a pending task, clears unique_id on request, and refuses to cancel a completed task', async () => {
		const task = await createTask(sandbox, { unique_id: 'cancel-me' });
		const canceled = await call(sandbox, 'POST', `task/${task.task_id}/cancel?clear_unique_id=true`);
		expect(canceled.status).toBe(200);
		expect(canceled.body.status).toBe('canceled');
		expect(canceled.body).not.toHaveProperty('unique_id');
		expect((await createTask(sandbox, { unique_id: 'cancel-me' })).unique_id).toBe('cancel-me');

		const kept = await createTask(sandbox, { unique_id: 'cancel-keep' });
		const keptCanceled = await call(sandbox, 'POST', `task/${kept.task_id}/cancel`);
		expect(keptCanceled.body.unique_id).toBe('cancel-keep');

		const done = await createTask(sandbox);
		sandbox.completeTask(done.task_id);
		const refused = await call(sandbox, 'POST', `task/${done.task_id}/cancel`);
		expect(refused.status).toBe(400);
		expect(refused.body.status_code).toBe(400);
		expect((await call(sandbox, 'POST', 'task/000000000000000000000000/cancel')).status).toBe(404);
	});

	it('refuses (400) to cancel a task that is already canceled or in error', async () => {
		const task = await createTask(sandbox);
		expect((await call(sandbox, 'POST', `task/${task.task_id}/cancel`)).status).toBe(200);
		const again = await call(sandbox, 'POST', `task/${task.task_id}/cancel`);
		expect(again.status).toBe(400);
		expect(again.body).toEqual({ status_code: 400, error: expect.stringMatching(/already been canceled/) });
		const failed = await createTask(sandbox);
		sandbox.failTask(failed.task_id);
		expect((await call(sandbox, 'POST', `task/${failed.task_id}/cancel`)).status).toBe(400);
		expect(sandbox.task(task.task_id)!.status).toBe('canceled');
	});

	it('replaces metadata with the bare body, and with {} when no body arrives', async () => {
		const task = await createTask(sandbox, { metadata: { old: true } });
		const set = await call(sandbox, 'POST', `task/${task.task_id}/setMetadata`, { body: { key: 'value', nested: { n: 1 } } });
		expect(set.body.metadata).toEqual({ key: 'value', nested: { n: 1 } });
		const emptied = await call(sandbox, 'POST', `task/${task.task_id}/setMetadata`);
		expect(emptied.status).toBe(200);
		expect(emptied.body.metadata).toEqual({});
		const invalid = await call(sandbox, 'POST', `task/${task.task_id}/setMetadata`, { body: ['array'] });
		expect(invalid.status).toBe(400);
	});

	it('sets (POST), adds (PUT) and deletes (DELETE with body) tags given as bare arrays', async () => {
		const task = await createTask(sandbox);
		const set = await call(sandbox, 'POST', `task/${task.task_id}/tags`, { body: ['a', 'b'] });
		expect(set.body.tags).toEqual(['a', 'b']);
		const added = await call(sandbox, 'PUT', `task/${task.task_id}/tags`, { body: ['b', 'c'] });
		expect(added.body.tags).toEqual(['a', 'b', 'c']);
		const removed = await call(sandbox, 'DELETE', `task/${task.task_id}/tags`, { body: ['a', 'missing'] });
		expect(removed.body.tags).toEqual(['b', 'c']);
		const replacedWithNothing = await call(sandbox, 'POST', `task/${task.task_id}/tags`);
		expect(replacedWithNothing.body.tags).toEqual([]);
		const invalid = await call(sandbox, 'PUT', `task/${task.task_id}/tags`, { body: { tags: ['x'] } });
		expect(invalid.status).toBe(400);
	});

	it('audits completed tasks only and records the audit', async () => {
		const pending = await createTask(sandbox);
		expect((await call(sandbox, 'POST', `task/${pending.task_id}/audit`, { body: { accepted: true } })).status).toBe(400);
		sandbox.completeTask(pending.task_id);
		const missing = await call(sandbox, 'POST', `task/${pending.task_id}/audit`, { body: {} });
		expect(missing.status).toBe(400);
		const audited = await call(sandbox, 'POST', `task/${pending.task_id}/audit`, { body: { accepted: false, comments: 'wrong box' } });
		expect(audited.status).toBe(200);
		expect(audited.body.audits).toEqual([
			expect.objectContaining({ audit_result: 'rejected', audit_source: 'customer', comments: 'wrong box' }),
		]);
	});

	it('creates evaluation and training tasks only with expected_response, only in a Rapid project', async () => {
		await createProject(sandbox, 'quality-rapid', 'imageannotation', { rapid: true });
		await createProject(sandbox, 'quality-plain');
		const missing = await call(sandbox, 'POST', 'evaluation_tasks/imageannotation', { body: { attachment: 'x', project: 'quality-rapid' } });
		expect(missing.status).toBe(400);
		for (const kind of ['evaluation_tasks', 'training_tasks']) {
			const withoutProject = await call(sandbox, 'POST', `${kind}/imageannotation`, { body: { attachment: 'x', expected_response: {} } });
			expect(withoutProject.status).toBe(400);
			expect(withoutProject.body.error).toMatch(/project/);
			const plain = await call(sandbox, 'POST', `${kind}/imageannotation`, { body: { attachment: 'x', expected_response: {}, project: 'quality-plain' } });
			expect(plain.status).toBe(400);
			expect(plain.body.error).toMatch(/Rapid/);
		}
		const evaluation = await call(sandbox, 'POST', 'evaluation_tasks/imageannotation', {
			body: { attachment: 'x', project: 'quality-rapid', expected_response: { annotations: [] }, initial_response: { annotations: [1] } },
		});
		expect(evaluation.status).toBe(200);
		expect(evaluation.body).toMatchObject({ id: expect.any(String), expected_response: { annotations: [] }, initial_response: { annotations: [1] } });
		const training = await call(sandbox, 'POST', 'training_tasks/categorization', {
			body: { attachment: 'x', categories: ['a'], project: 'quality-rapid', expected_response: { category: 'a' } },
		});
		expect(training.status).toBe(200);
		expect(training.body.expected_response).toEqual({ category: 'a' });
		expect((await call(sandbox, 'POST', 'training_tasks/categorization', { body: { attachment: 'x', categories: ['a'], project: 'quality-rapid' } })).status).toBe(400);
		expect(sandbox.qualityTasks().map((task) => task.kind)).toEqual(['evaluation', 'training']);
	});
});
