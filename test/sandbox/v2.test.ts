import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Sandbox } from '../../sandbox/server';
import { DEMO_PROJECT, DEMO_SCHEMA_ID } from '../../sandbox/v2';
import { SANDBOX_API_KEY } from '../harness/constants';
import { basicAuth, call, type Loose, waitFor, withSandbox } from './helpers';

/** Real HTTP against the sandbox's /v2 (Bearer auth, like the Python SDK's v2 client, unless `auth` says otherwise). */
async function v2(sandbox: Sandbox, method: string, pathAndQuery: string, options: { body?: unknown; auth?: string | null } = {}) {
	const headers: Record<string, string> = {};
	const auth = options.auth === undefined ? `Bearer ${SANDBOX_API_KEY}` : options.auth;
	if (auth !== null) headers.authorization = auth;
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${sandbox.origin}/v2/${pathAndQuery}`, {
		method,
		headers,
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
		redirect: 'manual',
	});
	const text = await response.text();
	let body: Loose;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: response.status, headers: response.headers, body, text };
}

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await withSandbox({ completionDelayMs: null });
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());

const demoProject = async () => (await v2(sandbox, 'GET', `project?project_name=${encodeURIComponent(DEMO_PROJECT)}`)).body;

describe('auth and routing', () => {
	test('Bearer and Basic (API key as user name) are both accepted; anything else is 401', async () => {
		expect((await v2(sandbox, 'GET', 'datasets')).status).toBe(200);
		expect((await v2(sandbox, 'GET', 'datasets', { auth: basicAuth() })).status).toBe(200);
		const refused = await v2(sandbox, 'GET', 'datasets', { auth: 'Bearer test_wrong' });
		expect(refused.status).toBe(401);
		expect(refused.body).toEqual({ status_code: 401, error: expect.stringContaining('API key') });
		expect((await v2(sandbox, 'GET', 'datasets', { auth: null })).status).toBe(401);
	});

	test('v2 requests are logged next to v1 ones, without the Authorization header', async () => {
		sandbox.clearRequests();
		await v2(sandbox, 'GET', 'tasks?project_name=x&expand=project&expand=batch');
		const [entry] = sandbox.requests;
		expect(entry).toMatchObject({ method: 'GET', path: '/v2/tasks', query: { project_name: 'x', expand: ['project', 'batch'] }, status: 404 });
		expect(entry.headers.authorization).toBeUndefined();
	});

	test("n8n's default array form expand[0]= is refused: arrays must be repeated keys", async () => {
		const project = await demoProject();
		const response = await v2(sandbox, 'GET', `tasks?project_id=${project.id}&expand%5B0%5D=project`);
		expect(response.status).toBe(400);
		expect(response.body.error).toContain('repeated keys');
	});
});

describe('seeded GenAI demo data', () => {
	test('a project with two deliveries of completed chat tasks, and a response schema', async () => {
		const project = await demoProject();
		expect(project).toMatchObject({ name: DEMO_PROJECT, types: ['Evals'] });
		const deliveries = (await v2(sandbox, 'GET', `deliveries?project_id=${project.id}`)).body.deliveries;
		expect(deliveries.map((delivery: Loose) => [delivery.name, delivery.task_count])).toEqual([
			['Demo delivery 1', 4],
			['Demo delivery 2', 2],
		]);
		const delivered = (await v2(sandbox, 'GET', `delivery?delivery_id=${deliveries[0].id}`)).body;
		expect(delivered.delivery).toBe(deliveries[0].id);
		expect(delivered.tasks).toHaveLength(4);
		const [task] = delivered.tasks;
		expect(task).toMatchObject({ status: 'completed', project: project.id });
		const turn = task.threads[0].turns[0];
		expect(turn.messages.map((message: Loose) => message.role)).toEqual(['user', 'assistant']);
		expect(turn.annotations.map((annotation: Loose) => annotation.key)).toEqual(['correct', 'helpfulness']);
		const schema = (await v2(sandbox, 'GET', `schema?schema_id=${DEMO_SCHEMA_ID}`)).body.schema;
		expect(JSON.parse(schema.json)).toMatchObject({ type: 'object', required: ['correct', 'helpfulness'] });
	});

	test('deliveries filter by delivered_after (what a polling trigger asks for)', async () => {
		const project = await demoProject();
		const after = new Date(Date.now() - 30 * 60_000).toISOString();
		const recent = (await v2(sandbox, 'GET', `deliveries?project_id=${project.id}&delivered_after=${encodeURIComponent(after)}`)).body;
		expect(recent.deliveries.map((delivery: Loose) => delivery.name)).toEqual(['Demo delivery 2']);
		const invalid = await v2(sandbox, 'GET', 'deliveries?delivered_after=yesterday');
		expect(invalid.status).toBe(400);
	});

	test('delivery/tasks needs a project and answers docs with responses and schema IDs', async () => {
		expect((await v2(sandbox, 'GET', 'delivery/tasks')).status).toBe(400);
		const project = await demoProject();
		const page = (await v2(sandbox, 'GET', `delivery/tasks?project_name=${encodeURIComponent(DEMO_PROJECT)}&limit=5`)).body;
		expect(page.docs).toHaveLength(5);
		expect(page.total).toBe(5);
		expect(page.docs[0]).toMatchObject({ response_schema_id: DEMO_SCHEMA_ID, response: { threads: expect.any(Array) } });
		const rest = (await v2(sandbox, 'GET', `delivery/tasks?project_id=${project.id}&limit=5&next_token=${page.next_token}`)).body;
		expect(rest.docs).toHaveLength(1);
		expect(rest.next_token).toBeUndefined();
	});

	test('annotations are found by ID', async () => {
		const project = await demoProject();
		const task = (await v2(sandbox, 'GET', `tasks?project_id=${project.id}&limit=1`)).body.tasks[0];
		const annotation = task.threads[0].annotations[0];
		expect((await v2(sandbox, 'GET', `annotation?annotation_id=${annotation.id}`)).body).toEqual(annotation);
		expect((await v2(sandbox, 'GET', 'annotation?annotation_id=nope')).status).toBe(404);
	});

	test('datasets: deliveries, tasks, and a response attachment URL answering 302 to a file the sandbox serves', async () => {
		const [dataset] = (await v2(sandbox, 'GET', 'datasets')).body.datasets;
		const deliveries = (await v2(sandbox, 'GET', `datasets/deliveries?dataset_id=${dataset.id}&expand=dataset`)).body.deliveries;
		expect(deliveries).toHaveLength(2);
		expect(deliveries[0].dataset).toEqual(dataset);
		const tasks = (await v2(sandbox, 'GET', `datasets/delivery?delivery_id=${deliveries[0].id}&limit=1`)).body;
		expect(tasks.tasks).toHaveLength(1);
		expect(tasks.next_token).toEqual(expect.any(String));
		const all = (await v2(sandbox, 'GET', `datasets/tasks?dataset_id=${dataset.id}`)).body.tasks;
		expect(all).toHaveLength(4);
		const task = (await v2(sandbox, 'GET', `datasets/task?task_id=${all[0].task_id}&expand=delivery`)).body;
		expect(task.delivery).toMatchObject({ id: deliveries[0].id });
		const attachment = task.response.threads[0].turns[0].messages[2].content.attachments[0];

		const redirect = await v2(sandbox, 'GET', `datasets/task/${task.task_id}/response_url/${attachment.id}`);
		expect(redirect.status).toBe(302);
		const file = await fetch(`${sandbox.origin}${redirect.headers.get('location')}`);
		expect(file.headers.get('content-type')).toBe('application/json');
		expect(file.headers.get('content-disposition')).toBe('attachment; filename="response.json"');
		expect(await file.json()).toEqual({ preferred: 'A', reason: 'More accurate' });
		expect((await v2(sandbox, 'GET', `datasets/task/${task.task_id}/response_url/missing`)).status).toBe(404);
	});
});

describe('batches: staging → in_progress → completed, pause/resume/cancel rules', () => {
	test('create (409 on a taken name), finalize only from staging, pause/resume, cancel not after completion', async () => {
		const project = await demoProject();
		const created = await v2(sandbox, 'POST', 'batch', { body: { name: 'b1', project_id: project.id, staging_batch: true, metadata: { a: { b: 1 } } } });
		expect(created.body).toMatchObject({ name: 'b1', project: project.id, status: 'staging', metadata: { a: { b: 1 } } });
		expect((await v2(sandbox, 'POST', 'batch', { body: { name: 'b1', project_name: DEMO_PROJECT } })).status).toBe(409);

		expect((await v2(sandbox, 'POST', 'batch/pause', { body: { batch_name: 'b1' } })).status).toBe(400);
		expect((await v2(sandbox, 'POST', 'batch/finalize', { body: { batch_id: created.body.id } })).body.status).toBe('in_progress');
		expect((await v2(sandbox, 'POST', 'batch/finalize', { body: { batch_id: created.body.id } })).status).toBe(400);
		const paused = (await v2(sandbox, 'POST', 'batch/pause', { body: { batch_name: 'b1' } })).body;
		expect(paused).toMatchObject({ batch: { status: 'paused' }, message: expect.stringContaining('paused') });
		expect((await v2(sandbox, 'POST', 'batch/resume', { body: { batch_name: 'b1' } })).body.batch.status).toBe('in_progress');

		const merged = (await v2(sandbox, 'POST', 'batch/metadata', { body: { batch_name: 'b1', metadata: { a: { c: 2 } }, merge: true } })).body;
		expect(merged.metadata).toEqual({ a: { b: 1, c: 2 } });
		const replaced = (await v2(sandbox, 'POST', 'batch/metadata', { body: { batch_name: 'b1', metadata: { z: 1 } } })).body;
		expect(replaced.metadata).toEqual({ z: 1 });

		const cancelled = (await v2(sandbox, 'POST', 'batch/cancel', { body: { batch_name: 'b1' } })).body;
		expect(cancelled.batch.status).toBe('cancelled');
		expect((await v2(sandbox, 'POST', 'batch/resume', { body: { batch_name: 'b1' } })).status).toBe(400);
	});

	test('batches list pages by next_token, filters by project and status', async () => {
		const project = await demoProject();
		for (const name of ['p1', 'p2', 'p3']) await v2(sandbox, 'POST', 'batch', { body: { name, project_id: project.id } });
		const first = (await v2(sandbox, 'GET', `batches?project_id=${project.id}&status=in_progress&limit=2&expand=project`)).body;
		expect(first.batches.map((batch: Loose) => batch.name)).toEqual(['p1', 'p2']);
		expect(first.batches[0].project).toMatchObject({ id: project.id });
		const second = (await v2(sandbox, 'GET', `batches?project_id=${project.id}&limit=2&next_token=${first.next_token}`)).body;
		expect(second).toEqual({ batches: [expect.objectContaining({ name: 'p3' })] });
		expect((await v2(sandbox, 'GET', 'batches?limit=101')).status).toBe(400);
	});
});

describe('chat tasks complete after the configured delay and call back', () => {
	let receiver: Server;
	let received: Loose[];

	beforeAll(async () => {
		received = [];
		receiver = createServer((request, response) => {
			let text = '';
			request.on('data', (chunk) => (text += chunk));
			request.on('end', () => {
				received.push({ auth: request.headers['scale-callback-auth'], body: JSON.parse(text) });
				response.end('ok');
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	});
	afterAll(async () => new Promise<void>((resolve) => receiver.close(() => resolve())));

	test('pending → completed with threads from the template variables; the batch completes, calls back and is delivered', async () => {
		sandbox.setOptions({ completionDelayMs: 30 });
		try {
			const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cb`;
			const project = await demoProject();
			await v2(sandbox, 'POST', 'batch', { body: { name: 'chat-batch', project_id: project.id, callback: callbackUrl } });
			const created = await v2(sandbox, 'POST', 'task/chat', {
				body: { project_name: DEMO_PROJECT, batch_name: 'chat-batch', template_variables: { prompt: 'Why is the sky blue?' }, metadata: { row: 1 }, callback_url: callbackUrl },
			});
			expect(created.body).toMatchObject({ status: 'pending', threads: [], metadata: { row: 1 } });

			const taskCallback = await waitFor(() => received.find((entry) => entry.body.task_id === created.body.task_id));
			expect(taskCallback.auth).toBe(sandbox.options.callbackAuthKey);
			expect(taskCallback.body.status).toBe('completed');
			const task = (await v2(sandbox, 'GET', `task?task_id=${created.body.task_id}&expand=batch`)).body;
			expect(task.status).toBe('completed');
			expect(task.batch).toMatchObject({ name: 'chat-batch', status: 'completed' });
			expect(task.threads[0].turns[0].messages[0].content.text).toBe('Why is the sky blue?');
			const batchCallback = await waitFor(() => received.find((entry) => entry.body.batch === 'chat-batch'));
			expect(batchCallback.body).toEqual({ batch: 'chat-batch', status: 'completed', stats: { completed: 1, canceled: 0, error: 0 } });
			const deliveries = (await v2(sandbox, 'GET', `deliveries?project_id=${project.id}`)).body.deliveries;
			expect(deliveries.at(-1)).toMatchObject({ name: 'chat-batch delivery', task_count: 1 });
		} finally {
			sandbox.setOptions({ completionDelayMs: null });
		}
	});

	test('tasks of a paused batch wait; cancelling cancels them; metadata set/merge', async () => {
		const project = await demoProject();
		await v2(sandbox, 'POST', 'batch', { body: { name: 'held', project_id: project.id, staging_batch: true } });
		const task = (await v2(sandbox, 'POST', 'task/chat', { body: { project_id: project.id, batch_name: 'held' } })).body;
		const merged = (await v2(sandbox, 'POST', 'task/metadata', { body: { task_id: task.task_id, metadata: { x: 1 }, merge: true } })).body;
		expect(merged.metadata).toEqual({ x: 1 });
		await v2(sandbox, 'POST', 'batch/cancel', { body: { batch_name: 'held' } });
		expect((await v2(sandbox, 'GET', `task?task_id=${task.task_id}`)).body.status).toBe('canceled');
		expect((await v2(sandbox, 'POST', 'task/chat', { body: { project_id: project.id, batch_name: 'held' } })).status).toBe(400);
		expect((await v2(sandbox, 'POST', 'task/chat', { body: {} })).status).toBe(400);
	});

	test('control API: complete a task now, deliver completed tasks, read the state; reset restores the seed', async () => {
		const project = await demoProject();
		const task = (await v2(sandbox, 'POST', 'task/chat', { body: { project_id: project.id } })).body;
		expect((await call(sandbox, 'POST', `/_sandbox/v2/tasks/${task.task_id}/complete`)).body.status).toBe('completed');
		const delivery = (await call(sandbox, 'POST', '/_sandbox/v2/deliveries', { body: { project_id: project.id, name: 'Manual' } })).body;
		expect(delivery).toMatchObject({ name: 'Manual', task_count: 1 });
		const state = (await call(sandbox, 'GET', '/_sandbox/v2/state')).body;
		expect(state.tasks.find((entry: Loose) => entry.task_id === task.task_id).delivery_id).toBe(delivery.id);
		sandbox.reset();
		expect((await v2(sandbox, 'GET', `task?task_id=${task.task_id}`)).status).toBe(404);
		expect((await call(sandbox, 'GET', '/_sandbox/v2/state')).body.deliveries).toHaveLength(2);
	});
});
