import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { ScaleTaskWait } from '../../nodes/ScaleTask/ScaleTaskWait.node';
import { TEST_API_KEY, TEST_BASE_URL } from '../harness/constants';
import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { jsonOf } from '../harness/run-node';
import type { WaitingExecution } from '../harness/run-wait';
import { deliverCallback, resumeAtDeadline, runUntilWaiting } from '../harness/run-wait';
import { byName, scaleTask } from '../harness/scale-params';
import { runTask } from './helpers';

useNock();

const CALLBACK_KEY = 'cbauth_live_4f9d2c7a1b8e6f30';
const CREDENTIALS = { apiKey: TEST_API_KEY, baseUrl: TEST_BASE_URL, callbackAuthKey: CALLBACK_KEY };
const AUTH = { 'scale-callback-auth': CALLBACK_KEY };
const DAY_MS = 24 * 3_600_000;

const creation = {
	taskType: 'textcollection',
	project: byName('LLM review'),
	attachmentType: 'text',
	attachments: '={{ $json.text }}',
	fields: { field: [{ fieldId: 'verdict', title: 'Is this answer correct?', type: 'category', choices: 'accepted, rejected', description: '' }] },
	additionalFields: { instruction: 'Is this answer correct?' },
};

const inputs = [{ text: 'Paris is the capital of France.' }, { text: 'The moon is made of cheese.' }];

function task(index: number, overrides: IDataObject = {}): IDataObject {
	return scaleTask({ task_id: `task-${index}`, type: 'textcollection', project: 'LLM review', ...overrides });
}

function completed(index: number, verdict: string): IDataObject {
	return task(index, {
		status: 'completed',
		completed_at: '2026-01-03T00:00:00.000Z',
		response: { verdict },
		callback_url: 'ignored',
	});
}

/** Scale's callback body for a task (docs: task, response, task_id, status). */
const callbackFor = (done: IDataObject) => ({
	task: done,
	response: done.response,
	task_id: done.task_id,
	status: done.status,
});

async function waitForTwoTasks(parameters: IDataObject = {}): Promise<{ waiting: WaitingExecution; bodies: unknown[] }> {
	let next = 0;
	const { scope, requests } = interceptScale(
		'POST',
		'/task/textcollection',
		...inputs.map(() => ({ body: () => task(next++) })),
	);
	const waiting = await runUntilWaiting({
		nodeType: new ScaleTaskWait(),
		parameters: { resource: 'task', operation: 'createAndWait', ...creation, ...parameters },
		items: inputs,
		credentials: CREDENTIALS,
	});
	scope.done();
	return { waiting, bodies: requests.map((request) => request.body) };
}

describe('Task → Create and Wait', () => {
	test('creates one task per item exactly as Create would, with this execution\'s resume URL as callback, then waits 24 h', async () => {
		// The same fields with each item's text written out (Create's RoutingNode run in this one-node harness
		// cannot resolve $json), so both operations must send the same bodies apart from callback_url.
		const createScope = interceptScale('POST', '/task/textcollection', { body: task(0) }, { body: task(1) });
		for (const input of inputs) {
			const createRun = await runTask('create', {
				...creation,
				attachments: input.text,
			});
			expect(createRun.error).toBeUndefined();
		}
		createScope.scope.done();

		const before = Date.now();
		const { waiting, bodies } = await waitForTwoTasks();

		expect(waiting.run.status).toBe('waiting');
		const resumeUrl = `http://localhost:5678/webhook-waiting/test-execution/node-under-test?signature=${waiting.resumeToken}`;
		expect(waiting.resumeToken).toMatch(/^\w{16,}$/);
		expect(bodies).toEqual(
			createScope.requests.map((request) => ({ ...(request.body as IDataObject), callback_url: resumeUrl })),
		);
		const waitTill = new Date(waiting.run.waitTill as Date).getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + DAY_MS);
		expect(waitTill).toBeLessThanOrEqual(Date.now() + DAY_MS);
		expect(waiting.items.map((item) => [item.json.task_id, item.json.status, item.pairedItem])).toEqual([
			['task-0', 'pending', { item: 0 }],
			['task-1', 'pending', { item: 1 }],
		]);
	});

	test('the panel has no Callback URL field (the resume URL goes there) but every other field of Create', () => {
		const fields = JSON.stringify(new ScaleTaskWait().description.properties);
		expect(fields).not.toContain('callbackUrl');
		for (const name of ['taskType', 'attachment', 'uniqueId', 'metadata', 'instruction']) expect(fields).toContain(`"${name}"`);
	});

	test('a callback without or with a wrong scale-callback-auth gets 401 and the execution keeps waiting', async () => {
		const { waiting } = await waitForTwoTasks();
		const body = callbackFor(completed(0, 'accepted'));

		const attempts: Array<Record<string, string>> = [{}, { 'scale-callback-auth': 'forged' }, { 'scale-callback-auth': `${CALLBACK_KEY}x` }];
		for (const headers of attempts) {
			const result = await deliverCallback(waiting, { body, headers });
			expect([result.statusCode, JSON.parse(result.responseBody), result.resumed]).toEqual([
				401,
				{ message: 'Unauthorized: missing or invalid scale-callback-auth header' },
				undefined,
			]);
			expect(result.responseBody).not.toContain(CALLBACK_KEY);
		}
	});

	test('a verified callback for a task this execution did not create gets 200 and is ignored', async () => {
		const { waiting } = await waitForTwoTasks();
		const result = await deliverCallback(waiting, {
			body: callbackFor(completed(7, 'accepted')),
			headers: AUTH,
		});
		expect([result.statusCode, JSON.parse(result.responseBody), result.resumed]).toEqual([
			200,
			{ message: 'Ignored: not a task this execution waits for' },
			undefined,
		]);
		// A batch-completion callback (no task_id) is Scale's too: acknowledged, not resumed.
		const batchDone = await deliverCallback(waiting, {
			body: { batch: 'b1', status: 'completed', stats: { completed: 2 } },
			headers: AUTH,
		});
		expect([batchDone.statusCode, batchDone.resumed]).toEqual([200, undefined]);
	});

	test('resumes only when every item\'s task has called back, with the completed tasks paired to their items', async () => {
		const { waiting } = await waitForTwoTasks();

		// Task 1 finishes first: task 0 is still open at Scale, so the execution keeps waiting.
		const stillOpen = interceptScale('GET', '/task/task-0', { body: task(0) });
		const first = await deliverCallback(waiting, { body: callbackFor(completed(1, 'rejected')), headers: AUTH });
		stillOpen.scope.done();
		expect([first.statusCode, JSON.parse(first.responseBody), first.resumed]).toEqual([
			200,
			{ message: 'Received: still waiting for other tasks' },
			undefined,
		]);

		// Task 0's callback: Scale says task 1 is done too, so the execution resumes.
		const nowDone = interceptScale('GET', '/task/task-1', { body: completed(1, 'rejected') });
		const last = await deliverCallback(waiting, { body: callbackFor(completed(0, 'accepted')), headers: AUTH });
		nowDone.scope.done();
		expectJsonRequest(nowDone.requests[0], { method: 'GET', path: '/task/task-1' });
		expect(last.statusCode).toBe(200);
		expect(last.resumed?.status).toBe('success');
		expect(last.resumed?.data.resultData.error).toBeUndefined();
		expect(last.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		// Simplify (on by default) keeps the fields a workflow acts on.
		expect(jsonOf(last.output)).toEqual([
			{
				task_id: 'task-0',
				status: 'completed',
				type: 'textcollection',
				project: 'LLM review',
				metadata: {},
				response: { verdict: 'accepted' },
				created_at: '2026-01-02T03:04:05.678Z',
				completed_at: '2026-01-03T00:00:00.000Z',
			},
			expect.objectContaining({ task_id: 'task-1', response: { verdict: 'rejected' } }),
		]);
	});

	test('without Simplify the whole task is output; an error or canceled task also counts as finished', async () => {
		const { waiting } = await waitForTwoTasks({ simplify: false });
		const canceled = task(1, { status: 'canceled' });
		interceptScale('GET', '/task/task-1', { body: canceled });
		const failed = task(0, { status: 'error', response: { error: 'attachment unreachable' } });
		const result = await deliverCallback(waiting, { body: callbackFor(failed), headers: AUTH });
		expect(jsonOf(result.output)).toEqual([failed, canceled]);
	});

	test('at the deadline the node outputs each unfinished task with timedOut, paired to its item', async () => {
		const { waiting } = await waitForTwoTasks({ resumeAmount: 2, resumeUnit: 'minutes' });
		const waitTill = new Date(waiting.run.waitTill as Date).getTime();
		expect(waitTill - Date.now()).toBeLessThanOrEqual(2 * 60_000);
		expect(waitTill - Date.now()).toBeGreaterThan(60_000);

		const { run, output } = await resumeAtDeadline(waiting);
		expect(run.status).toBe('success');
		expect(output.map((item) => [item.json.task_id, item.json.status, item.json.timedOut, item.pairedItem])).toEqual([
			['task-0', 'pending', true, { item: 0 }],
			['task-1', 'pending', true, { item: 1 }],
		]);
	});

	test('many items: one task each, creates bounded by Max Concurrent Requests, resumed by the last callback', async () => {
		const count = 12;
		let inFlight = 0;
		let peak = 0;
		let created = 0;
		const create = interceptScale(
			'POST',
			'/task/textcollection',
			...Array.from({ length: count }, () => ({
				body: () => {
					inFlight--;
					return task(created++);
				},
				delayMs: () => {
					peak = Math.max(peak, ++inFlight);
					return 20;
				},
			})),
		);
		const waiting = await runUntilWaiting({
			nodeType: new ScaleTaskWait(),
			parameters: { resource: 'task', operation: 'createAndWait', ...creation, options: { maxConcurrentRequests: 3 } },
			items: Array.from({ length: count }, (_, index) => ({ text: `answer ${index}` })),
			credentials: CREDENTIALS,
		});
		create.scope.done();
		expect(peak).toBe(3);
		expect(waiting.items).toHaveLength(count);

		// Scale answers every GET with the task as finished once its own callback has been sent.
		const finished = new Set<string>();
		const gets: string[] = [];
		nock(TEST_BASE_URL)
			.persist()
			.get(/\/task\/task-\d+$/)
			.reply((uri) => {
				const id = uri.split('/').pop() as string;
				gets.push(id);
				const index = Number(id.split('-')[1]);
				return [200, finished.has(id) ? completed(index, 'accepted') : task(index)];
			});
		const order = [5, 0, 11, 3, 7, 1, 9, 2, 10, 4, 8, 6];
		// The webhook checks the other tasks in random order: a seeded sequence keeps the GET count repeatable.
		let seed = 42;
		jest.spyOn(Math, 'random').mockImplementation(() => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31));
		for (const [position, index] of order.entries()) {
			finished.add(`task-${index}`);
			const result = await deliverCallback(waiting, { body: callbackFor(completed(index, 'accepted')), headers: AUTH });
			expect(result.statusCode).toBe(200);
			expect(result.resumed !== undefined).toBe(position === order.length - 1);
			if (result.resumed) {
				expect(result.output.map((item) => [item.json.task_id, item.pairedItem])).toEqual(
					Array.from({ length: count }, (_, item) => [`task-${item}`, { item }]),
				);
			}
		}
		// Only the last callback had to look at every other task; the others stopped at the first open one.
		expect(gets.length).toBeLessThan(count * 4);
		jest.restoreAllMocks();
	});

	test('a lost answer to a create with a unique ID recovers our own task instead of creating a second one', async () => {
		const resumeUrlOf = (body: unknown) => (body as IDataObject).callback_url;
		const post = interceptScale(
			'POST',
			'/task/textcollection',
			{ status: 503, body: { error: 'unavailable' } },
			{ status: 409, body: { error: 'duplicate unique_id' } },
		);
		const lookup = interceptScale('GET', '/tasks', {
			body: () => ({ docs: [task(0, { unique_id: 'review-1', callback_url: resumeUrlOf(post.requests[0].body) })] }),
		});
		const waiting = await runUntilWaiting({
			nodeType: new ScaleTaskWait(),
			parameters: {
				resource: 'task',
				operation: 'createAndWait',
				...creation,
				additionalFields: { ...creation.additionalFields, uniqueId: 'review-1' },
				options: { maxRetries: 2 },
			},
			items: [inputs[0]],
			credentials: CREDENTIALS,
		});
		post.scope.done();
		lookup.scope.done();
		expect(lookup.requests[0].query).toEqual({ unique_id: 'review-1' });
		expect(waiting.run.status).toBe('waiting');
		expect(waiting.items.map((item) => item.json.task_id)).toEqual(['task-0']);
	});

	test('a 409 for a unique ID another task holds fails: that task calls back elsewhere', async () => {
		interceptScale('POST', '/task/textcollection', { status: 409, body: { error: 'duplicate unique_id' } });
		const waiting = await runUntilWaiting({
			nodeType: new ScaleTaskWait(),
			parameters: {
				resource: 'task',
				operation: 'createAndWait',
				...creation,
				additionalFields: { ...creation.additionalFields, uniqueId: 'review-1' },
			},
			items: [inputs[0]],
			credentials: CREDENTIALS,
		});
		expect(waiting.run.status).toBe('error');
		const error = waiting.run.data.resultData.error as unknown as IDataObject;
		expect([error.httpCode, error.message]).toEqual(['409', 'duplicate unique_id']);
	});

	test('without the credential\'s Callback Auth Key nothing is sent and the node says which field to fill', async () => {
		const waiting = await runUntilWaiting({
			nodeType: new ScaleTaskWait(),
			parameters: { resource: 'task', operation: 'createAndWait', ...creation },
			items: inputs,
			credentials: { apiKey: TEST_API_KEY, baseUrl: TEST_BASE_URL },
		});
		expect(waiting.run.data.resultData.error?.message).toContain('Callback Auth Key');
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('Task → Create and Wait with invalid input', () => {
	test('one invalid item stops the run before any task is created, naming the field and the item', async () => {
		const { requests } = interceptScale('POST', '/task/textcollection', { body: task(0) }, { body: task(1) });
		const waiting = await runUntilWaiting({
			nodeType: new ScaleTaskWait(),
			parameters: {
				resource: 'task',
				operation: 'createAndWait',
				...creation,
				additionalFields: { ...creation.additionalFields, metadata: '={{ $json.metadata }}' },
			},
			items: [{ ...inputs[0], metadata: '{"row": 1}' }, { ...inputs[1], metadata: '{not json' }],
			credentials: CREDENTIALS,
		});
		expect(waiting.run.status).toBe('error');
		expect(waiting.run.data.resultData.error?.message).toMatch(/"Metadata" is not valid JSON.*\[item 1\]/);
		expect(requests).toEqual([]);
	});
});

describe('Task → Create and Wait with Continue On Fail', () => {
	test('an invalid item outputs its error in place; the others are created and waited for', async () => {
		const { scope, requests } = interceptScale('POST', '/task/textcollection', { body: task(1) });
		const waiting = await runUntilWaiting({
			nodeType: new ScaleTaskWait(),
			parameters: {
				resource: 'task',
				operation: 'createAndWait',
				...creation,
				additionalFields: { ...creation.additionalFields, metadata: '={{ $json.metadata }}' },
			},
			items: [{ ...inputs[0], metadata: '{not json' }, { ...inputs[1], metadata: '{"row": 2}' }],
			credentials: CREDENTIALS,
			continueOnFail: true,
		});
		scope.done();
		expect((requests[0].body as IDataObject).metadata).toEqual({ row: 2 });
		expect(waiting.run.status).toBe('waiting');
		expect(waiting.items.map((item) => [item.json.error !== undefined, item.json.task_id, item.pairedItem])).toEqual([
			[true, undefined, { item: 0 }],
			[false, 'task-1', { item: 1 }],
		]);
		expect(String(waiting.items[0].json.error)).toContain('Metadata');

		const result = await deliverCallback(waiting, { body: callbackFor(completed(1, 'accepted')), headers: AUTH });
		expect(result.resumed?.status).toBe('success');
		expect(result.output.map((item) => [item.json.error !== undefined, item.json.status, item.pairedItem])).toEqual([
			[true, undefined, { item: 0 }],
			[false, 'completed', { item: 1 }],
		]);
	});
});
