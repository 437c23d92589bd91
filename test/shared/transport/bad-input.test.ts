import nock from 'nock';

import { ScaleTask } from '../../../nodes/ScaleTask/ScaleTask.node';
import { TEST_BASE_URL } from '../../harness/constants';
import { jsonOf, runNode } from '../../harness/run-node';
import { byName, scaleTask, taskParams } from '../../harness/scale-params';

const requestsSeen: string[] = [];
const recordRequest = (request: { method: string; href?: string; path?: string }) =>
	requestsSeen.push(`${request.method} ${request.path ?? request.href}`);

beforeAll(() => {
	nock.disableNetConnect();
	nock.emitter.on('no match', recordRequest);
});
afterAll(() => nock.emitter.removeListener('no match', recordRequest));
afterEach(() => {
	nock.cleanAll();
	requestsSeen.length = 0;
});

const createWithTypeParameters = (typeParameters: string, continueOnFail = false) =>
	runNode({
		nodeType: new ScaleTask(),
		parameters: taskParams('create', {
			taskType: 'imageannotation',
			project: byName('Street signs'),
			attachment: '={{ $json.url }}',
			additionalFields: { additionalParameters: '={{ $json.params }}' },
		}),
		items: [
			{ url: 'https://example.com/0.jpg', params: '{"geometries":{}}' },
			{ url: 'https://example.com/1.jpg', params: typeParameters },
			{ url: 'https://example.com/2.jpg', params: '{"geometries":{}}' },
		],
		continueOnFail,
	});

describe('invalid input', () => {
	test('invalid JSON fails with a NodeOperationError naming the field and the item, and nothing is sent', async () => {
		const scope = nock(TEST_BASE_URL).post('/task/imageannotation').times(3).reply(200, scaleTask('t'));

		const { error } = await createWithTypeParameters('{"geometries": ');

		// RoutingNode re-wraps item errors that are not NodeApiErrors (routing-node.js runNode), so the
		// node-level error is a NodeApiError carrying our NodeOperationError's message and advice.
		expect(error?.message).toMatch(/"Additional Parameters \(JSON\)" is not valid JSON/);
		expect(error?.message).toMatch(/Nothing was sent, because item 1 is invalid/);
		expect(error?.description).toMatch(/Fix that item/);
		// Not one of the three items reached Scale.
		expect(scope.pendingMocks()).toHaveLength(1);
		expect(scope.isDone()).toBe(false);
		expect(requestsSeen).toEqual([]);
	});

	test('a JSON array where an object is needed is refused too', async () => {
		const { error } = await createWithTypeParameters('[1, 2]');

		expect(error?.message).toMatch(/must be a JSON object/);
		expect(requestsSeen).toEqual([]);
	});

	test('Continue On Fail: the invalid item carries its error, the others are created, order kept', async () => {
		const sent: unknown[] = [];
		nock(TEST_BASE_URL)
			.post('/task/imageannotation')
			.times(2)
			.reply((_uri, body) => {
				sent.push(body);
				return [200, scaleTask(`t-${sent.length}`, { params: body as object })];
			});

		const { items, error } = await createWithTypeParameters('not json', true);

		expect(error).toBeUndefined();
		expect(sent).toHaveLength(2);
		expect(items).toHaveLength(3);
		expect(items[0].json.task_id).toBeDefined();
		expect(items[1].error?.name).toBe('NodeOperationError');
		expect(items[1].error?.message).toMatch(/not valid JSON \(.*\) \[item 1\]/);
		expect(items[2].json.task_id).toBeDefined();
		expect(jsonOf([items[0], items[2]]).map((task) => (task.params as { attachment: string }).attachment)).toEqual([
			'https://example.com/0.jpg',
			'https://example.com/2.jpg',
		]);
	});

	test('an empty Task ID fails before anything is sent', async () => {
		const { error } = await runNode({
			nodeType: new ScaleTask(),
			parameters: taskParams('get', { taskId: '={{ $json.missing }}' }),
		});

		expect(error?.message).toMatch(/"Task ID" is empty \[item 0\]/);
		expect(requestsSeen).toEqual([]);
	});
});
