import nock from 'nock';

import { ScaleTask } from '../../../nodes/ScaleTask/ScaleTask.node';
import { TEST_BASE_URL } from '../../harness/constants';
import { useNock } from '../../harness/nock';
import { runChain, runNode } from '../../harness/run-node';
import { scaleTask, taskParams } from '../../harness/scale-params';

useNock();

/** GET /tasks answering, per `tags` filter, that many tasks (ids `<tag>-<n>`). */
function serveTasksByTag(countByTag: Record<string, number>) {
	return nock(TEST_BASE_URL)
		.get('/tasks')
		.query(true)
		.times(Object.keys(countByTag).length)
		.reply((uri) => {
			const tag = new URL(uri, TEST_BASE_URL).searchParams.get('tags') ?? '';
			const docs = Array.from({ length: countByTag[tag] ?? 0 }, (_, n) => scaleTask(`${tag}-${n}`));
			return [200, { docs, has_more: false, total: docs.length }];
		});
}

const getManyByTag = taskParams('getAll', { returnAll: true, filters: { tags: '={{ $json.tag }}' } });

describe('every output item is paired to the input item it came from', () => {
	test('Get Many: 3 input items with 2 / 0 / 3 results', async () => {
		const scope = serveTasksByTag({ a: 2, b: 0, c: 3 });
		const run = await runNode({ nodeType: new ScaleTask(), parameters: getManyByTag, items: [{ tag: 'a' }, { tag: 'b' }, { tag: 'c' }] });
		scope.done();
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => [item.json.task_id, item.pairedItem])).toEqual([
			['a-0', { item: 0 }],
			['a-1', { item: 0 }],
			['c-0', { item: 2 }],
			['c-1', { item: 2 }],
			['c-2', { item: 2 }],
		]);
	});

	test("0 + 2 results: both paired to item 1, so $('Start').item reads item 1 downstream", async () => {
		serveTasksByTag({ first: 0, second: 2 });
		const tagged: Array<{ task: string; tags: unknown }> = [];
		nock(TEST_BASE_URL)
			.put(/^\/v1\/task\/[\w-]+\/tags$/)
			.times(2)
			.reply((uri, body) => {
				const task = uri.split('/')[3];
				tagged.push({ task, tags: body });
				return [200, scaleTask(task)];
			});

		const run = await runChain(
			[{ tag: 'first' }, { tag: 'second' }],
			[
				{ name: 'Get Many', nodeType: new ScaleTask(), parameters: getManyByTag },
				{
					name: 'Add Tags',
					nodeType: new ScaleTask(),
					parameters: taskParams('addTags', {
						taskId: '={{ $json.task_id }}',
						tags: "={{ 'from-' + $('Start').item.json.tag }}",
					}),
				},
			],
		);

		expect(run.error).toBeUndefined();
		expect(run.outputOf('Get Many').map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 1 }]);
		expect(tagged.sort((x, y) => x.task.localeCompare(y.task))).toEqual([
			{ task: 'second-0', tags: ['from-second'] },
			{ task: 'second-1', tags: ['from-second'] },
		]);
		expect(run.outputOf('Add Tags').map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('Continue On Fail: a failed item gives one error item paired to it, between the others', async () => {
		nock(TEST_BASE_URL).get('/task/t0').reply(200, scaleTask('t0'));
		nock(TEST_BASE_URL).get('/task/t1').reply(404, { error: 'Task not found' });
		nock(TEST_BASE_URL).get('/task/t2').reply(200, scaleTask('t2'));

		const run = await runNode({
			nodeType: new ScaleTask(),
			parameters: taskParams('get', { taskId: '={{ $json.id }}' }),
			items: [{ id: 't0' }, { id: 't1' }, { id: 't2' }],
			continueOnFail: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => [item.json.task_id, item.error?.message, item.pairedItem])).toEqual([
			['t0', undefined, { item: 0 }],
			[undefined, 'Task not found', { item: 1 }],
			['t2', undefined, { item: 2 }],
		]);
	});

	test('Continue On Fail: an item with invalid input is its own error item, paired; the others are sent', async () => {
		const sent: string[] = [];
		nock(TEST_BASE_URL)
			.post(/^\/v1\/task\/[\w-]+\/setMetadata$/)
			.times(2)
			.reply((uri) => {
				sent.push(uri.split('/')[3]);
				return [200, scaleTask(uri.split('/')[3])];
			});

		const run = await runNode({
			nodeType: new ScaleTask(),
			parameters: taskParams('setMetadata', { taskId: '={{ $json.id }}', metadata: '={{ $json.metadata }}' }),
			items: [
				{ id: 't0', metadata: '{"ok": 1}' },
				{ id: 't1', metadata: '{not json' },
				{ id: 't2', metadata: '{"ok": 2}' },
			],
			continueOnFail: true,
		});

		expect(sent.sort()).toEqual(['t0', 't2']);
		expect(run.items.map((item) => [item.json.task_id, item.error?.message.includes('Metadata'), item.pairedItem])).toEqual([
			['t0', undefined, { item: 0 }],
			[undefined, true, { item: 1 }],
			['t2', undefined, { item: 2 }],
		]);
	});
});
