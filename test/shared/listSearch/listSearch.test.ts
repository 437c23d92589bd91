import nock from 'nock';

import { ScaleBatch } from '../../../nodes/ScaleBatch/ScaleBatch.node';
import { ScaleTask } from '../../../nodes/ScaleTask/ScaleTask.node';
import { authorizationFor, AWKWARD_NAME, TEST_API_KEY, TEST_BASE_URL } from '../../harness/constants';
import { useNock } from '../../harness/nock';
import { runListSearch } from '../../harness/run-list-search';
import { byName } from '../../harness/scale-params';

useNock();

const project = (name: string) => ({ name, type: 'imageannotation', param_history: [] });
const batch = (name: string) => ({ name, project: 'Street signs', status: 'in_progress', created_at: '2026-11-28T10:00:00.000Z', metadata: {} });

describe('Project list search (searchProjects)', () => {
	test('lists every project name, sorted, filtered case-insensitively by the search text', async () => {
		const scope = nock(TEST_BASE_URL)
			.matchHeader('authorization', authorizationFor(TEST_API_KEY))
			.get('/projects')
			.twice()
			.reply(200, [project('Street signs'), project('Cars / Q4'), project('street lights')]);

		const all = await runListSearch({
			nodeType: new ScaleTask(),
			parameters: { resource: 'task', operation: 'create' },
			method: 'searchProjects',
			parameterPath: 'parameters.project',
		});
		const filtered = await runListSearch({
			nodeType: new ScaleTask(),
			parameters: { resource: 'task', operation: 'create' },
			method: 'searchProjects',
			parameterPath: 'parameters.project',
			filter: 'STREET',
		});

		scope.done();
		expect(all.results).toEqual([
			{ name: 'Cars / Q4', value: 'Cars / Q4' },
			{ name: 'street lights', value: 'street lights' },
			{ name: 'Street signs', value: 'Street signs' },
		]);
		expect(filtered.results.map((result) => result.value)).toEqual(['street lights', 'Street signs']);
	});

	test('an API failure reaches the user instead of an empty list', async () => {
		nock(TEST_BASE_URL).get('/projects').reply(401, { status_code: 401, error: 'Unauthorized' });

		await expect(
			runListSearch({
				nodeType: new ScaleTask(),
				parameters: { resource: 'task', operation: 'create' },
				method: 'searchProjects',
				parameterPath: 'parameters.project',
			}),
		).rejects.toThrow('Unauthorized');
	});
});

describe('Batch list search (searchBatches)', () => {
	test('lists every batch when the operation has no Project parameter (Batch → Finalize)', async () => {
		const scope = nock(TEST_BASE_URL)
			.get('/batches')
			.query({ offset: '0', limit: '100', exclude_archived: 'true' })
			.reply(200, { docs: [batch(AWKWARD_NAME)], totalDocs: 1, limit: 100, offset: 0, has_more: false });

		const result = await runListSearch({
			nodeType: new ScaleBatch(),
			parameters: { resource: 'batch', operation: 'finalize' },
			method: 'searchBatches',
			parameterPath: 'parameters.batch',
		});

		scope.done();
		expect(result).toEqual({ results: [{ name: AWKWARD_NAME, value: AWKWARD_NAME }], paginationToken: undefined });
	});

	test('is narrowed to the chosen project, filters by the search text, and pages by offset', async () => {
		const firstPage = Array.from({ length: 100 }, (_, i) => batch(i % 2 ? `night-${i}` : `day-${i}`));
		const scope = nock(TEST_BASE_URL)
			.get('/batches')
			.query({ offset: '0', limit: '100', exclude_archived: 'true', project: 'Street signs' })
			.reply(200, { docs: firstPage, totalDocs: 130, limit: 100, offset: 0, has_more: true })
			.get('/batches')
			.query({ offset: '100', limit: '100', exclude_archived: 'true', project: 'Street signs' })
			.reply(200, { docs: [batch('night-100'), batch('day-101')], totalDocs: 130, limit: 100, offset: 100, has_more: false });
		const search = (paginationToken?: string) =>
			runListSearch({
				nodeType: new ScaleTask(),
				parameters: { resource: 'task', operation: 'create', project: byName('Street signs') },
				method: 'searchBatches',
				parameterPath: 'parameters.batch',
				filter: 'night',
				paginationToken,
			});

		const page1 = await search();
		const page2 = await search(page1.paginationToken);

		scope.done();
		expect(page1.results).toHaveLength(50);
		expect(page1.results.every((result) => result.name.startsWith('night-'))).toBe(true);
		expect(page1.paginationToken).toBe('100');
		expect(page2.results).toEqual([{ name: 'night-100', value: 'night-100' }]);
		expect(page2.paginationToken).toBeUndefined();
	});
});

describe('Task list search (searchTasks)', () => {
	const task = (id: string, extra: object = {}) => ({ task_id: id, type: 'imageannotation', status: 'pending', ...extra });

	test('the newest tasks by unique ID (or ID), type and status; the search text narrows by ID or unique ID; pages follow next_token', async () => {
		const scope = nock(TEST_BASE_URL)
			.matchHeader('authorization', authorizationFor(TEST_API_KEY))
			.get('/tasks')
			.query({ limit: 100 })
			.twice()
			.reply(200, { docs: [task('t-1', { unique_id: 'row-1' }), task('t-2', { status: 'completed' })], has_more: true, next_token: 'page-2' })
			.get('/tasks')
			.query({ limit: 100, next_token: 'page-2' })
			.reply(200, { docs: [task('t-3')], has_more: false });
		const search = (filter?: string, paginationToken?: string) =>
			runListSearch({
				nodeType: new ScaleTask(),
				parameters: { resource: 'task', operation: 'get' },
				method: 'searchTasks',
				parameterPath: 'parameters.taskId',
				filter,
				paginationToken,
			});

		const first = await search();
		const narrowed = await search('ROW-');
		const second = await search(undefined, first.paginationToken);

		scope.done();
		expect(first).toEqual({
			results: [
				{ name: 'row-1 · Image Annotation · pending', value: 't-1' },
				{ name: 't-2 · Image Annotation · completed', value: 't-2' },
			],
			paginationToken: 'page-2',
		});
		expect(narrowed.results.map((result) => result.value)).toEqual(['t-1']);
		expect(second).toEqual({ results: [{ name: 't-3 · Image Annotation · pending', value: 't-3' }], paginationToken: undefined });
	});
});
