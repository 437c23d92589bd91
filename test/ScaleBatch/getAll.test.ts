import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import { runBatch, scaleBatch } from './helpers';

useNock();

const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/** One offset page of GET /batches, shaped as Scale sends it (`totalDocs`, not `total`). */
const page = (batchNames: string[], offset: number, hasMore: boolean, totalDocs = 250) => ({
	body: {
		docs: batchNames.map((name) => scaleBatch({ name })),
		totalDocs,
		limit: 100,
		offset,
		has_more: hasMore,
	},
});

const filterParameters = {
	project: byName('Street signs'),
	filters: {
		status: 'completed',
		createdAfter: '2026-01-01T00:00:00',
		createdBefore: '2026-06-30T23:59:59',
		excludeArchived: true,
	},
};
const filterQuery = {
	project: 'Street signs',
	status: 'completed',
	start_time: '2026-01-01T00:00:00',
	end_time: '2026-06-30T23:59:59',
	exclude_archived: 'true',
};

describe('Batch → Get Many (GET /batches, offset paging)', () => {
	test('Return All walks 3 offset pages (0, 100, 200), keeping every filter on every page', async () => {
		const { scope, requests } = interceptScale(
			'GET',
			'/batches',
			page(names('a', 100), 0, true),
			page(names('b', 100), 100, true),
			page(names('c', 50), 200, false),
		);

		const run = await runBatch('getAll', { returnAll: true, simplify: false, ...filterParameters });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(3);
		[0, 100, 200].forEach((offset, index) =>
			expectJsonRequest(requests[index], {
				method: 'GET',
				path: '/batches',
				query: { ...filterQuery, offset: String(offset), limit: '100' },
			}),
		);
		expect(jsonOf(run.items).map((batch) => batch.name)).toEqual([
			...names('a', 100),
			...names('b', 100),
			...names('c', 50),
		]);
		expect(jsonOf(run.items)[0]).toEqual(scaleBatch({ name: 'a0' }));
	});

	test('paging stops at totalDocs even if has_more stays true', async () => {
		const { scope, requests } = interceptScale(
			'GET',
			'/batches',
			page(names('a', 100), 0, true, 150),
			page(names('b', 50), 100, true, 150),
		);

		const run = await runBatch('getAll', { returnAll: true, simplify: false });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(2);
		expect(run.items).toHaveLength(150);
	});

	test('Limit 150 stops after exactly 2 requests: limit 100, then limit 50', async () => {
		const { scope, requests } = interceptScale(
			'GET',
			'/batches',
			page(names('a', 100), 0, true),
			page(names('b', 50), 100, true),
			// A third page must never be asked for.
			page(names('c', 50), 200, false),
		);

		const run = await runBatch('getAll', { returnAll: false, limit: 150, simplify: false, ...filterParameters });

		expectSuccess(run);
		expect(requests).toHaveLength(2);
		expect(scope.pendingMocks()).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'GET',
			path: '/batches',
			query: { ...filterQuery, offset: '0', limit: '100' },
		});
		expectJsonRequest(requests[1], {
			method: 'GET',
			path: '/batches',
			query: { ...filterQuery, offset: '100', limit: '50' },
		});
		expect(jsonOf(run.items).map((batch) => batch.name)).toEqual([...names('a', 100), ...names('b', 50)]);
	});

	test('without filters only offset and limit are sent (no project key for an empty locator)', async () => {
		const { scope, requests } = interceptScale('GET', '/batches', page(['only'], 0, false, 1));

		const run = await runBatch('getAll', { returnAll: false, limit: 50, simplify: false });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], { method: 'GET', path: '/batches', query: { offset: '0', limit: '50' } });
		expect(jsonOf(run.items)).toEqual([scaleBatch({ name: 'only' })]);
	});
});
