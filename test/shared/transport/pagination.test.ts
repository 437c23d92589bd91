import nock from 'nock';

import { ScaleTask } from '../../../nodes/ScaleTask/ScaleTask.node';
import { TEST_BASE_URL } from '../../harness/constants';
import { useNock } from '../../harness/nock';
import { jsonOf, runNode } from '../../harness/run-node';
import { byName, scaleTask, taskParams } from '../../harness/scale-params';

const getAll = (extra: object) =>
	runNode({
		nodeType: new ScaleTask(),
		parameters: taskParams('getAll', {
			project: byName('Street signs'),
			filters: { status: 'completed', tags: 'a, b' },
			...extra,
		}),
	});

const page = (ids: string[], nextToken?: string) => ({
	docs: ids.map((id) => scaleTask(id, { status: 'completed' })),
	total: 250,
	limit: 100,
	offset: 0,
	has_more: nextToken !== undefined,
	...(nextToken ? { next_token: nextToken } : {}),
});

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const filters = { project: 'Street signs', status: 'completed', tags: ['a', 'b'] };

useNock();

describe('task cursor paging (GET /tasks)', () => {
	test('Return All walks 3 pages and sends every filter on every page', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/tasks')
			.query({ ...filters, limit: '100' })
			.reply(200, page(ids('a', 100), 'token-2'))
			.get('/tasks')
			.query({ ...filters, limit: '100', next_token: 'token-2' })
			.reply(200, page(ids('b', 100), 'token-3'))
			.get('/tasks')
			.query({ ...filters, limit: '100', next_token: 'token-3' })
			.reply(200, page(ids('c', 50)));

		const { items, error } = await getAll({ returnAll: true });

		expect(error).toBeUndefined();
		scope.done();
		expect(jsonOf(items).map((task) => task.task_id)).toEqual([
			...ids('a', 100),
			...ids('b', 100),
			...ids('c', 50),
		]);
	});

	test('Limit stops as soon as it is reached: 150 → pages of 100 and 50, no third request', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/tasks')
			.query({ ...filters, limit: '100' })
			.reply(200, page(ids('a', 100), 'token-2'))
			.get('/tasks')
			.query({ ...filters, limit: '50', next_token: 'token-2' })
			.reply(200, page(ids('b', 50), 'token-3'));

		const { items, error } = await getAll({ returnAll: false, limit: 150 });

		expect(error).toBeUndefined();
		scope.done();
		expect(items).toHaveLength(150);
		expect(nock.pendingMocks()).toEqual([]);
	});

	test('a cursor that comes back twice ends with an error, not a loop', async () => {
		nock(TEST_BASE_URL)
			.get('/tasks')
			.query(true)
			.reply(200, page(ids('a', 100), 'same'))
			.get('/tasks')
			.query(true)
			.times(5)
			.reply(200, page(ids('b', 100), 'same'));

		const { error } = await getAll({ returnAll: true });

		expect(error?.message).toMatch(/same next_token twice/);
		// Exactly two pages were fetched before the repeat was seen.
		expect(nock.pendingMocks()).toHaveLength(1);
	});

	test('has_more without a cursor is an error rather than a silent truncation', async () => {
		nock(TEST_BASE_URL)
			.get('/tasks')
			.query(true)
			.reply(200, { ...page(ids('a', 100)), has_more: true });

		const { error } = await getAll({ returnAll: true });

		expect(error?.message).toMatch(/sent no next_token/);
	});
});
