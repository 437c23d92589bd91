import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { ScaleGenAiWait } from '../../nodes/ScaleGenAi/ScaleGenAiWait.node';
import { EXPECTED_AUTH, TEST_API_KEY, TEST_BASE_URL } from '../harness/constants';
import { expectJsonRequest, interceptAt, useNock } from '../harness/nock';
import { jsonOf } from '../harness/run-node';
import type { WaitingExecution } from '../harness/run-wait';
import { deliverCallback, resumeAtDeadline, runUntilWaiting } from '../harness/run-wait';
import { byId, byName } from '../harness/scale-params';
import { genAiTask, interceptV2, runGenAi, simplifiedGenAiTask } from './helpers';

useNock();

const CALLBACK_KEY = 'cbauth_live_7a1c9e2b4d6f8031';
const CREDENTIALS = { apiKey: TEST_API_KEY, baseUrl: TEST_BASE_URL, callbackAuthKey: CALLBACK_KEY };
const AUTH = { 'scale-callback-auth': CALLBACK_KEY };

const creation = {
	project: byId('proj_1'),
	batch: byName('eval-1'),
	templateVariables: {
		variable: [
			{ name: 'prompt', value: '={{ $json.prompt }}' },
			{ name: 'model_response', value: '={{ $json.answer }}' },
		],
	},
	additionalFields: { metadata: '={{ JSON.stringify({ row: $json.row }) }}' },
};

const inputs = [
	{ row: 1, prompt: 'What is 2 + 2?', answer: '4' },
	{ row: 2, prompt: 'Capital of France?', answer: 'Lyon' },
];

const pending = (index: number): IDataObject => ({
	task_id: `task_${index}`,
	project: 'proj_1',
	batch: 'batch_1',
	status: 'pending',
	created_at: '2026-11-29T00:00:00.000Z',
	metadata: { row: index + 1 },
	threads: [],
});

const done = (index: number, overrides: IDataObject = {}): IDataObject =>
	genAiTask({ task_id: `task_${index}`, metadata: { row: index + 1 }, ...overrides });

/** What Scale POSTs to a v2 task's callback_url (the sandbox sends the same). */
const callbackFor = (task: IDataObject) => ({ task_id: task.task_id, status: task.status, task });

async function waitForTwoTasks(parameters: IDataObject = {}): Promise<{ waiting: WaitingExecution; bodies: unknown[] }> {
	let next = 0;
	const { scope, requests } = interceptV2('POST', '/v2/task/chat', ...inputs.map(() => ({ body: () => pending(next++) })));
	const waiting = await runUntilWaiting({
		nodeType: new ScaleGenAiWait(),
		parameters: { resource: 'task', operation: 'createAndWait', ...creation, ...parameters },
		items: inputs,
		credentials: CREDENTIALS,
	});
	scope.done();
	return { waiting, bodies: requests.map((request) => request.body) };
}

describe('GenAI Task → Create and Wait', () => {
	test('creates one chat task per item exactly as Create Chat Task would, with the resume URL as callback_url, then waits', async () => {
		// Create Chat Task with each item's values written out gives the bodies to compare with.
		const create = interceptV2('POST', '/v2/task/chat', { body: pending(0) }, { body: pending(1) });
		for (const input of inputs) {
			const run = await runGenAi('task', 'create', {
				...creation,
				templateVariables: { variable: [{ name: 'prompt', value: input.prompt }, { name: 'model_response', value: input.answer }] },
				additionalFields: { metadata: JSON.stringify({ row: input.row }) },
			});
			expect(run.error).toBeUndefined();
		}
		create.scope.done();

		const { waiting, bodies } = await waitForTwoTasks();
		expect(waiting.run.status).toBe('waiting');
		const resumeUrl = `http://localhost:5678/webhook-waiting/test-execution/node-under-test?signature=${waiting.resumeToken}`;
		expect(bodies).toEqual(create.requests.map((request) => ({ ...(request.body as IDataObject), callback_url: resumeUrl })));
		expect(bodies[1]).toEqual({
			project_id: 'proj_1',
			batch_name: 'eval-1',
			template_variables: { prompt: 'Capital of France?', model_response: 'Lyon' },
			metadata: { row: 2 },
			callback_url: resumeUrl,
		});
		expect(waiting.items.map((item) => [item.json.task_id, item.json.status, item.pairedItem])).toEqual([
			['task_0', 'pending', { item: 0 }],
			['task_1', 'pending', { item: 1 }],
		]);
	});

	test('the panel has no Callback URL field: the resume URL goes there', () => {
		const names = JSON.stringify(new ScaleGenAiWait().description.properties);
		expect(names).not.toContain('callbackUrl');
		expect(names).toContain('"metadata"');
	});

	test('forged or missing scale-callback-auth → 401 and still waiting; a foreign task → 200, ignored', async () => {
		const { waiting } = await waitForTwoTasks();
		for (const headers of [{}, { 'scale-callback-auth': 'forged' }] as Array<Record<string, string>>) {
			const result = await deliverCallback(waiting, { body: callbackFor(done(0)), headers });
			expect([result.statusCode, result.resumed]).toEqual([401, undefined]);
			expect(result.responseBody).not.toContain(CALLBACK_KEY);
		}
		const foreign = await deliverCallback(waiting, { body: callbackFor(done(9)), headers: AUTH });
		expect([foreign.statusCode, JSON.parse(foreign.responseBody), foreign.resumed]).toEqual([
			200,
			{ message: 'Ignored: not a task this execution waits for' },
			undefined,
		]);
	});

	test('resumes when every task has called back, asking Scale v2 for the others; output simplified and paired', async () => {
		const { waiting } = await waitForTwoTasks();

		const stillOpen = interceptV2('GET', '/v2/task', { body: pending(0) });
		const first = await deliverCallback(waiting, { body: callbackFor(done(1)), headers: AUTH });
		stillOpen.scope.done();
		expectJsonRequest(stillOpen.requests[0], { method: 'GET', path: '/v2/task', query: { task_id: 'task_0' } });
		expect([first.statusCode, JSON.parse(first.responseBody), first.resumed]).toEqual([
			200,
			{ message: 'Received: still waiting for other tasks' },
			undefined,
		]);

		const nowDone = interceptV2('GET', '/v2/task', { body: done(1) });
		const last = await deliverCallback(waiting, { body: callbackFor(done(0)), headers: AUTH });
		nowDone.scope.done();
		expect(nowDone.requests[0].query).toEqual({ task_id: 'task_1' });
		expect(last.resumed?.status).toBe('success');
		expect(last.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(jsonOf(last.output)).toEqual([
			simplifiedGenAiTask({ task_id: 'task_0', metadata: { row: 1 } }),
			simplifiedGenAiTask({ task_id: 'task_1', metadata: { row: 2 } }),
		]);
	});

	test('when Scale cannot be asked about the other tasks, the callback fails (n8n answers 5xx, Scale retries it)', async () => {
		const { waiting } = await waitForTwoTasks({ options: { maxRetries: 0 } });
		interceptV2('GET', '/v2/task', { status: 503, body: { status_code: 503, error: 'unavailable' } });
		await expect(deliverCallback(waiting, { body: callbackFor(done(1)), headers: AUTH })).rejects.toThrow(/503|unavailable/i);
	});

	test('without Simplify the raw task; error, canceled and deleted tasks count as finished', async () => {
		const { waiting } = await waitForTwoTasks({ simplify: false });
		const deleted = pending(1);
		deleted.status = 'deleted';
		interceptV2('GET', '/v2/task', { body: deleted });
		const failed = { ...pending(0), status: 'error', errors: [{ type: 'attachment', message: 'unreachable' }] };
		const result = await deliverCallback(waiting, { body: callbackFor(failed), headers: AUTH });
		expect(jsonOf(result.output)).toEqual([failed, deleted]);
	});

	test('at the deadline each open task is output with timedOut, paired to its item', async () => {
		const { waiting } = await waitForTwoTasks({ resumeAmount: 30, resumeUnit: 'minutes' });
		const { run, output } = await resumeAtDeadline(waiting);
		expect(run.status).toBe('success');
		expect(output.map((item) => [item.json.task_id, item.json.timedOut, item.pairedItem])).toEqual([
			['task_0', true, { item: 0 }],
			['task_1', true, { item: 1 }],
		]);
	});

	test('a create whose answer was lost is not retried (v2 has no idempotency key) and says where to look', async () => {
		interceptV2('POST', '/v2/task/chat', { status: 502, body: { error: 'bad gateway' } });
		const waiting = await runUntilWaiting({
			nodeType: new ScaleGenAiWait(),
			parameters: { resource: 'task', operation: 'createAndWait', ...creation, options: { maxRetries: 3 } },
			items: [inputs[0]],
			credentials: CREDENTIALS,
		});
		expect(waiting.run.status).toBe('error');
		const error = waiting.run.data.resultData.error as unknown as IDataObject;
		expect(String(error.message)).toContain('may or may not have been created');
		expect(String(error.description)).toContain('no idempotency key');
		expect(nock.pendingMocks()).toEqual([]);
	});

	test('an invalid item stops the run before anything is sent, naming the field and the item', async () => {
		const { requests } = interceptV2('POST', '/v2/task/chat', { body: pending(0) });
		const waiting = await runUntilWaiting({
			nodeType: new ScaleGenAiWait(),
			parameters: { resource: 'task', operation: 'createAndWait', ...creation, additionalFields: { metadata: '={{ $json.meta }}' } },
			items: [{ ...inputs[0], meta: '{"ok": 1}' }, { ...inputs[1], meta: '{broken' }],
			credentials: CREDENTIALS,
		});
		expect(waiting.run.status).toBe('error');
		expect(waiting.run.data.resultData.error?.message).toMatch(/"Metadata" is not valid JSON.*\[item 1\]/);
		expect(requests).toEqual([]);
		nock.cleanAll();
	});

	describe('Options → Download Files', () => {
		const STORAGE = 'https://storage.example.com';
		/** A finished task whose reviewer attached an image (signed storage) and a note (Scale's own file URL). */
		function withFiles(index: number): IDataObject {
			const task = done(index);
			const threads = task.threads as Array<{ turns: Array<{ messages: Array<{ content: IDataObject }> }> }>;
			threads[0].turns[0].messages[1].content.attachments = [
				{ url: `${STORAGE}/img/${index}.png`, mime_type: 'image/png', name: `answer-${index}.png` },
				{ scale_url: `https://api.scale.com/v2/files/note_${index}`, mime_type: 'text/plain', name: 'note.txt' },
			];
			return task;
		}

		test('the finished tasks come with their files as binary data; the API key goes to Scale only', async () => {
			const { waiting } = await waitForTwoTasks({ options: { downloadFiles: true } });
			interceptV2('GET', '/v2/task', { body: withFiles(1) });
			const images = [0, 1].map((index) =>
				interceptAt(STORAGE, 'GET', `/img/${index}.png`, { body: Buffer.from(`png-${index}`), headers: { 'content-type': 'image/png' } }),
			);
			const notes = [0, 1].map((index) =>
				interceptV2('GET', `/v2/files/note_${index}`, { body: 'note', headers: { 'content-type': 'text/plain' } }),
			);

			const result = await deliverCallback(waiting, { body: callbackFor(withFiles(0)), headers: AUTH });

			expect(result.statusCode).toBe(200);
			expect(result.resumed?.status).toBe('success');
			expect(images.map(({ requests }) => requests[0].authorization)).toEqual([undefined, undefined]);
			expect(notes.map(({ requests }) => requests[0].authorization)).toEqual([EXPECTED_AUTH, EXPECTED_AUTH]);
			expect(result.output.map((item) => Object.keys(item.binary ?? {}))).toEqual([
				['file_0', 'file_1'],
				['file_0', 'file_1'],
			]);
			const image = result.output[1].binary!.file_0;
			expect(image).toMatchObject({ fileName: 'answer-1.png', mimeType: 'image/png' });
			expect(Buffer.from(image.data, 'base64').toString()).toBe('png-1');
			expect(result.output.map((item) => item.json.filesError)).toEqual([undefined, undefined]);
		});

		test('a file that cannot be fetched does not refuse Scale\'s callback: the task goes on with filesError', async () => {
			const { waiting } = await waitForTwoTasks({ options: { downloadFiles: true, maxRetries: 0 } });
			interceptV2('GET', '/v2/task', { body: done(1) });
			interceptAt(STORAGE, 'GET', '/img/0.png', { status: 404, body: 'gone' });

			const result = await deliverCallback(waiting, { body: callbackFor(withFiles(0)), headers: AUTH });

			expect(result.statusCode).toBe(200);
			expect(result.resumed?.status).toBe('success');
			expect(result.output[0].binary).toBeUndefined();
			expect(String(result.output[0].json.filesError)).toMatch(/404/);
			expect(result.output[1].json.filesError).toBeUndefined();
			nock.cleanAll();
		});
	});
});
