import nock from 'nock';

import { AWKWARD_NAME } from '../harness/constants';
import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import { AWKWARD_PATH, runBatch, scaleBatch } from './helpers';

useNock();

describe('Batch → Get', () => {
	test('a typed name is trimmed; Simplify keeps the useful batch fields', async () => {
		const batch = scaleBatch({ callback: 'https://example.com/cb', metadata: { wave: 1 }, created_at: '2026-01-01T00:00:00.000Z', extra_field: 1 });
		const { scope, requests } = interceptScale('GET', AWKWARD_PATH, { body: batch });

		const run = await runBatch('get', { batch: byName(`  ${AWKWARD_NAME} `), simplify: true });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], { method: 'GET', path: AWKWARD_PATH });
		expect(jsonOf(run.items)).toEqual([
			{
				name: AWKWARD_NAME,
				project: batch.project,
				status: batch.status,
				created_at: '2026-01-01T00:00:00.000Z',
				callback: 'https://example.com/cb',
				metadata: { wave: 1 },
			},
		]);
	});

	test('GET /batches/<percent-encoded name>, no query or body; output is the batch', async () => {
		const batch = scaleBatch();
		const { scope, requests } = interceptScale('GET', AWKWARD_PATH, { body: batch });

		const run = await runBatch('get', { batch: byName(AWKWARD_NAME) });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'GET', path: AWKWARD_PATH });
		expect(jsonOf(run.items)).toEqual([batch]);
	});

	test('From List mode sends the chosen name the same way', async () => {
		const batch = scaleBatch();
		const { scope, requests } = interceptScale('GET', AWKWARD_PATH, { body: batch });

		const run = await runBatch('get', { batch: { __rl: true, mode: 'list', value: AWKWARD_NAME } });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], { method: 'GET', path: AWKWARD_PATH });
		expect(jsonOf(run.items)).toEqual([batch]);
	});

	test('the name can come from each input item: one request per item, outputs in input order', async () => {
		const first = interceptScale('GET', '/batches/a%26b', { body: scaleBatch({ name: 'a&b' }), delayMs: 50 });
		const second = interceptScale('GET', '/batches/c%3Fd%23e', { body: scaleBatch({ name: 'c?d#e' }) });

		const run = await runBatch(
			'get',
			{ batch: byName('={{ $json.batch }}') },
			{ items: [{ batch: 'a&b' }, { batch: 'c?d#e' }] },
		);

		expectSuccess(run);
		first.scope.done();
		second.scope.done();
		expectJsonRequest(first.requests[0], { method: 'GET', path: '/batches/a%26b' });
		expectJsonRequest(second.requests[0], { method: 'GET', path: '/batches/c%3Fd%23e' });
		expect(jsonOf(run.items).map((batch) => batch.name)).toEqual(['a&b', 'c?d#e']);
	});

	test('an empty batch name fails the item and sends nothing', async () => {
		const run = await runBatch('get', { batch: byName('={{ $json.batch }}') }, { items: [{ batch: '  ' }] });

		expect(run.error?.message).toBe('"Batch" is empty [item 0]');
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('Batch → Get Status', () => {
	test('GET /batches/<name>/status; output is Scale\'s status and counts as they came', async () => {
		const status = { status: 'in_progress', pending: 3, completed: 7 };
		const { scope, requests } = interceptScale('GET', `${AWKWARD_PATH}/status`, { body: status });

		const run = await runBatch('getStatus', { batch: byName(AWKWARD_NAME) });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'GET', path: `${AWKWARD_PATH}/status` });
		expect(jsonOf(run.items)).toEqual([status]);
	});
});

describe('Batch → Finalize', () => {
	test('POST /batches/<name>/finalize with no query and no body; output is the batch', async () => {
		const finalized = scaleBatch({ status: 'in_progress' });
		const { scope, requests } = interceptScale('POST', `${AWKWARD_PATH}/finalize`, { body: finalized });

		const run = await runBatch('finalize', { batch: byName(AWKWARD_NAME) });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		// No body at all (rawBody ''), as the Python SDK sends it.
		expect(requests[0].rawBody).toBe('');
		expectJsonRequest(requests[0], { method: 'POST', path: `${AWKWARD_PATH}/finalize` });
		expect(jsonOf(run.items)).toEqual([finalized]);
	});

	test('a 503 is retried (finalizing twice is harmless)', async () => {
		const finalized = scaleBatch();
		const { scope, requests } = interceptScale(
			'POST',
			`${AWKWARD_PATH}/finalize`,
			{ status: 503, body: { status_code: 503, error: 'Service unavailable' } },
			{ body: finalized },
		);

		const run = await runBatch('finalize', { batch: byName(AWKWARD_NAME) });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(2);
		expect(jsonOf(run.items)).toEqual([finalized]);
	});
});

describe('Batch → Set Metadata', () => {
	test('POST /batches/<name>/setMetadata whose body IS the metadata object', async () => {
		const updated = scaleBatch({ metadata: { owner: 'ops', wave: 4 } });
		const { scope, requests } = interceptScale('POST', `${AWKWARD_PATH}/setMetadata`, { body: updated });

		const run = await runBatch('setMetadata', {
			batch: byName(AWKWARD_NAME),
			metadata: '{"owner": "ops", "wave": 4}',
		});

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: `${AWKWARD_PATH}/setMetadata`,
			body: { owner: 'ops', wave: 4 },
		});
		expect(jsonOf(run.items)).toEqual([updated]);
	});

	test('metadata that is not a JSON object fails the item and sends nothing', async () => {
		const run = await runBatch('setMetadata', { batch: byName(AWKWARD_NAME), metadata: '[1, 2]' });

		expect(run.error?.message).toBe('"Metadata" must be a JSON object, like {"key": "value"} [item 0]');
		expect(nock.pendingMocks()).toEqual([]);
	});
});
