import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/server';
import { DEMO_PROJECT, DEMO_SCHEMA_ID } from '../../sandbox/v2';
import { SANDBOX_API_KEY } from '../harness/constants';
import { jsonOf } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import { call, type Loose, withSandbox } from '../sandbox/helpers';
import { runGenAi } from './helpers';

/** The GenAI node against the sandbox over real HTTP, with the credential's Base URL pointing at its /v1. */
describe('Scale GenAI node against the sandbox', () => {
	let sandbox: Sandbox;
	const run = (resource: string, operation: string, parameters: IDataObject) =>
		runGenAi(resource, operation, parameters, { baseUrl: sandbox.url, apiKey: SANDBOX_API_KEY });

	beforeAll(async () => {
		sandbox = await withSandbox({ completionDelayMs: null });
	});
	afterAll(() => sandbox.close());

	test('create a staging batch and a chat task, finalize, complete, and read it back simplified', async () => {
		const batch = await run('batch', 'create', { project: byName(DEMO_PROJECT), name: 'rt-batch', additionalFields: { stagingBatch: true } });
		expect(batch.error).toBeUndefined();
		expect(jsonOf(batch.items)[0]).toMatchObject({ name: 'rt-batch', status: 'staging' });

		const created = await run('task', 'create', {
			project: byName(DEMO_PROJECT),
			batch: byName('rt-batch'),
			templateVariables: { variable: [{ name: 'prompt', value: 'Name a prime number.' }] },
		});
		expect(created.error).toBeUndefined();
		const taskId = String(jsonOf(created.items)[0].task_id);
		expect(jsonOf(created.items)[0]).toMatchObject({ status: 'pending', turns: [] });

		const finalized = await run('batch', 'finalize', { batch: byName('rt-batch') });
		expect(jsonOf(finalized.items)[0]).toMatchObject({ status: 'in_progress' });
		await call(sandbox, 'POST', `/_sandbox/v2/tasks/${taskId}/complete`);

		const got = await run('task', 'get', { taskId, expand: ['batch'] });
		expect(got.error).toBeUndefined();
		const [task] = jsonOf(got.items);
		expect(task).toMatchObject({ task_id: taskId, status: 'completed', batch: { name: 'rt-batch', status: 'completed' } });
		expect((task.turns as Loose[])[0]).toMatchObject({ turn: 1, prompt: 'Name a prime number.', annotations: { correct: expect.any(Boolean) } });
		expect(Object.keys(task.annotations as IDataObject)).toEqual(['overall']);
	});

	test('delivered tasks (Return All, and Limit) equal the sandbox state; the schema is parsed', async () => {
		const tasks = await run('delivery', 'getTasks', { project: byName(DEMO_PROJECT), returnAll: true, simplify: false });
		expect(tasks.error).toBeUndefined();
		const state = (await call(sandbox, 'GET', '/_sandbox/v2/state')).body;
		const delivered = state.tasks.filter((entry: Loose) => entry.delivery_id);
		expect(jsonOf(tasks.items).map((item) => item.task_id)).toEqual(delivered.map((entry: Loose) => entry.task_id));

		const limited = await run('delivery', 'getTasks', { project: byName(DEMO_PROJECT), limit: 3 });
		expect(limited.items).toHaveLength(3);

		const schema = await run('schema', 'get', { schemaId: DEMO_SCHEMA_ID });
		expect(jsonOf(schema.items)[0]).toMatchObject({ id: DEMO_SCHEMA_ID, json: { type: 'object' } });
	});

	test("a dataset task's response file is downloaded through the 302 as binary data", async () => {
		const datasetTasks = await run('dataset', 'getTasks', { returnAll: true, simplify: false });
		const task = jsonOf(datasetTasks.items)[0] as Loose;
		const attachment = task.response.threads[0].turns[0].messages[2].content.attachments[0];

		const download = await run('dataset', 'downloadResponse', { taskId: task.task_id, attachmentId: attachment.id });

		expect(download.error).toBeUndefined();
		const binary = download.items[0].binary!.data;
		expect(binary).toMatchObject({ fileName: 'response.json', mimeType: 'application/json' });
		expect(JSON.parse(Buffer.from(binary.data, 'base64').toString())).toEqual({ preferred: 'A', reason: 'More accurate' });
		const redirects = sandbox.requests.filter((entry) => entry.path.includes('/response_url/'));
		expect(redirects.map((entry) => entry.status)).toEqual([302]);
	});
});
