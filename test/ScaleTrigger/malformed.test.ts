import { runWebhook } from '../harness/run-webhook';
import { goodHeaders, trigger } from './helpers';

describe('Scale Trigger: malformed callbacks', () => {
	const malformed: Array<[string, unknown]> = [
		['an array', [{ task_id: 'abc' }]],
		['a string', 'task_id=abc'],
		['null', null],
		['an empty object', {}],
		['an object without task_id', { task: { status: 'completed' }, response: {} }],
		['an object with neither task_id nor batch', { status: 'completed', stats: { completed: 1 } }],
		['a batch name that is not a string', { batch: 7, status: 'completed' }],
		['a batch callback mixed with a task', { batch: 'b', task: { status: 'completed' } }],
		['an empty task_id', { task_id: '', task: { task_id: '' } }],
		['a non-string task_id', { task_id: 42 }],
		['a task that is not an object', { task: 'abc' }],
	];

	it.each(malformed)('answers 400 with a JSON message and starts nothing for %s', async (_name, body) => {
		const result = await runWebhook({ nodeType: trigger, body, headers: goodHeaders });

		expect(result.statusCode).toBe(400);
		expect(result.writtenByNode).toBe(true);
		expect(result.returned).toEqual({ noWebhookResponse: true });
		expect(result.workflowData).toBeUndefined();
		expect(JSON.parse(result.responseBody)).toEqual({ message: expect.stringMatching(/task/) });
	});

	it('accepts a body whose only id is task.task_id', async () => {
		const result = await runWebhook({
			nodeType: trigger,
			body: { task: { task_id: 'abc123', status: 'completed' } },
			headers: goodHeaders,
		});
		expect(result.statusCode).toBe(200);
		expect(result.workflowData?.[0][0].json).toEqual({
			event: 'taskCompleted',
			task_id: 'abc123',
			status: 'completed',
			response: null,
			task: { task_id: 'abc123', status: 'completed' },
		});
	});

	it('accepts a body with only a top-level task_id', async () => {
		const result = await runWebhook({ nodeType: trigger, body: { task_id: 'abc123' }, headers: goodHeaders });
		expect(result.workflowData?.[0][0].json).toEqual({
			event: 'taskCompleted',
			task_id: 'abc123',
			status: null,
			response: null,
			task: null,
		});
	});

	it('checks the key before the body: an unauthenticated malformed body gets 401', async () => {
		const result = await runWebhook({ nodeType: trigger, body: 'junk', headers: {} });
		expect(result.statusCode).toBe(401);
	});
});
