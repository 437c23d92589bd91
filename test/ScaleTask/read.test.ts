import type { IDataObject } from 'n8n-workflow';

import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byName, scaleTask } from '../harness/scale-params';
import { runTask } from './helpers';

useNock();

/** Every filter of Get Many and Count, set, with the query Scale must receive for it. */
const allFilters = {
	project: byName('Street signs'),
	batch: byName('Batch 7'),
	filters: {
		type: 'imageannotation',
		status: 'completed',
		reviewStatus: ['accepted', 'fixed'],
		uniqueIds: 'row-1, row-2',
		tags: '={{ ["urgent", "retail"] }}',
		createdAfter: '2026-01-01T00:00:00',
		createdBefore: '2026-01-31T23:59:59',
		completedAfter: '2026-01-02T00:00:00',
		completedBefore: '2026-01-30T00:00:00',
		updatedAfter: '2026-01-03T00:00:00',
		updatedBefore: '2026-01-29T00:00:00',
		includeAttachmentUrl: false,
		limitedResponse: true,
	},
};

const allFiltersQuery = {
	project: 'Street signs',
	batch: 'Batch 7',
	type: 'imageannotation',
	status: 'completed',
	customer_review_status: 'accepted,fixed',
	unique_id: ['row-1', 'row-2'],
	tags: ['urgent', 'retail'],
	start_time: '2026-01-01T00:00:00',
	end_time: '2026-01-31T23:59:59',
	completed_after: '2026-01-02T00:00:00',
	completed_before: '2026-01-30T00:00:00',
	updated_after: '2026-01-03T00:00:00',
	updated_before: '2026-01-29T00:00:00',
	include_attachment_url: 'false',
	limited_response: 'true',
};

function taskList(docs: IDataObject[], extra: IDataObject = {}): IDataObject {
	return { docs, total: docs.length, limit: 100, offset: 0, has_more: false, ...extra };
}

describe('Task → Get', () => {
	test('Simplify keeps the ten useful task fields; the Task ID can be a resource locator value', async () => {
		const task = scaleTask({
			task_id: 'id-simple',
			status: 'completed',
			project: 'Street signs',
			batch: 'b1',
			completed_at: '2026-01-02T04:00:00.000Z',
			unique_id: 'row-1',
			metadata: { row: 1 },
			response: { annotations: [] },
			callback_url: 'https://example.com/cb',
			instruction: 'Box every car',
			params: { attachment: 'https://example.com/a.jpg' },
			work_started: true,
		});
		const { scope } = interceptScale('GET', '/task/id-simple', { body: task }, { body: task });

		const simplified = await runTask('get', { taskId: { __rl: true, mode: 'id', value: ' id-simple ' }, simplify: true });
		const raw = await runTask('get', { taskId: { __rl: true, mode: 'id', value: 'id-simple' } });

		expectSuccess(simplified);
		expectSuccess(raw);
		scope.done();
		expect(jsonOf(simplified.items)).toEqual([
			{
				task_id: 'id-simple',
				status: 'completed',
				type: 'imageannotation',
				project: 'Street signs',
				batch: 'b1',
				created_at: '2026-01-02T03:04:05.678Z',
				completed_at: '2026-01-02T04:00:00.000Z',
				unique_id: 'row-1',
				metadata: { row: 1 },
				response: { annotations: [] },
			},
		]);
		// Simplify is off by default on Get: the whole task.
		expect(jsonOf(raw.items)).toEqual([task]);
	});

	test('GET /task/<id> (trimmed), output is the task', async () => {
		const task = scaleTask({ task_id: '5c84d0fe958593004f13e5ba', status: 'completed', response: { annotations: [] } });
		const { scope, requests } = interceptScale('GET', '/task/5c84d0fe958593004f13e5ba', { body: task });

		const run = await runTask('get', { taskId: ' 5c84d0fe958593004f13e5ba ' });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'GET', path: '/task/5c84d0fe958593004f13e5ba' });
		expect(requests[0].rawBody).toBe('');
		expect(jsonOf(run.items)).toEqual([task]);
	});

	test('a task ID from an expression, per input item, outputs in input order', async () => {
		const taskA = scaleTask({ task_id: 'id-a' });
		const taskB = scaleTask({ task_id: 'id-b' });
		// The first item's answer arrives last.
		const a = interceptScale('GET', '/task/id-a', { body: taskA, delayMs: 100 });
		const b = interceptScale('GET', '/task/id-b', { body: taskB });

		const run = await runTask('get', { taskId: '={{ $json.id }}' }, { items: [{ id: 'id-a' }, { id: 'id-b' }] });

		expectSuccess(run);
		a.scope.done();
		b.scope.done();
		expectJsonRequest(a.requests[0], { method: 'GET', path: '/task/id-a' });
		expectJsonRequest(b.requests[0], { method: 'GET', path: '/task/id-b' });
		expect(jsonOf(run.items)).toEqual([taskA, taskB]);
	});

	test('an empty Task ID fails the item with an error naming it, and nothing is sent', async () => {
		const { scope, requests } = interceptScale('GET', '/task/', { body: scaleTask() });

		const run = await runTask('get', { taskId: '  ' });

		expect(run.error?.message).toMatch(/"Task ID" is empty/);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Task → Get Many', () => {
	test('one page with every filter; limit is the Limit parameter; one output item per task', async () => {
		const docs = [scaleTask({ task_id: 't1' }), scaleTask({ task_id: 't2', status: 'completed' })];
		const { scope, requests } = interceptScale('GET', '/tasks', { body: taskList(docs, { total: 2, limit: 25 }) });

		const run = await runTask('getAll', { returnAll: false, limit: 25, simplify: false, ...allFilters });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'GET',
			path: '/tasks',
			query: { ...allFiltersQuery, limit: '25' },
		});
		expect(jsonOf(run.items)).toEqual(docs);
	});

	test('a date filter added but left empty is not sent (Scale would reject an empty time)', async () => {
		const { scope, requests } = interceptScale('GET', '/tasks', { body: taskList([]) });
		const run = await runTask('getAll', { simplify: false, filters: { completedAfter: '', updatedBefore: '', createdAfter: '2026-01-01T00:00:00' } });
		expectSuccess(run);
		scope.done();
		expect(requests[0].query).toEqual({ start_time: '2026-01-01T00:00:00', limit: '50' });
	});

	test('without filters: only limit (default 50) is sent', async () => {
		const docs = [scaleTask({ task_id: 't1' })];
		const { scope, requests } = interceptScale('GET', '/tasks', { body: taskList(docs) });

		const run = await runTask('getAll', { simplify: false });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], { method: 'GET', path: '/tasks', query: { limit: '50' } });
		expect(jsonOf(run.items)).toEqual(docs);
	});
});

describe('Task → Get Many with Simplify (on by default)', () => {
	test('every task of every page is simplified, paired to its input item', async () => {
		const full = (id: string) =>
			scaleTask({ task_id: id, status: 'completed', callback_url: 'https://example.com/cb', instruction: 'Box every car', params: { attachment: 'a' }, work_started: true });
		const { scope } = interceptScale(
			'GET',
			'/tasks',
			{ body: taskList([full('p1-a'), full('p1-b')], { has_more: true, next_token: 'page-2' }) },
			{ body: taskList([full('p2-a')]) },
		);

		const run = await runTask('getAll', { returnAll: true });

		expectSuccess(run);
		scope.done();
		expect(run.items.map((item) => item.json.task_id)).toEqual(['p1-a', 'p1-b', 'p2-a']);
		for (const item of run.items) {
			expect(Object.keys(item.json).length).toBeLessThanOrEqual(10);
			expect(item.json).not.toHaveProperty('callback_url');
			expect(item.json).not.toHaveProperty('params');
			expect(item.pairedItem).toEqual({ item: 0 });
		}
	});
});

describe('Task → Count', () => {
	test('GET /tasks with every filter and limit=1; output is [{ count: total }]', async () => {
		const { scope, requests } = interceptScale('GET', '/tasks', {
			body: taskList([scaleTask({ task_id: 't1' })], { total: 1234, limit: 1, has_more: true, next_token: 'n1' }),
		});

		const run = await runTask('count', allFilters);

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'GET',
			path: '/tasks',
			query: { ...allFiltersQuery, limit: '1' },
		});
		expect(jsonOf(run.items)).toEqual([{ count: 1234 }]);
	});

	test('without filters: only limit=1; a count of zero', async () => {
		const { scope, requests } = interceptScale('GET', '/tasks', { body: taskList([], { total: 0, limit: 1 }) });

		const run = await runTask('count', { project: byName('Empty project') });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'GET',
			path: '/tasks',
			query: { project: 'Empty project', limit: '1' },
		});
		expect(jsonOf(run.items)).toEqual([{ count: 0 }]);
	});
});
