import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { scaleTask } from '../harness/scale-params';
import { runTask } from './helpers';

useNock();

const TASK_ID = '5c84d0fe958593004f13e5ba';

describe('Task → Cancel', () => {
	test('POST /task/<id>/cancel without a query or body; output is the canceled task', async () => {
		const canceled = scaleTask({ task_id: TASK_ID, status: 'canceled', unique_id: 'row-1' });
		const { scope, requests } = interceptScale('POST', `/task/${TASK_ID}/cancel`, { body: canceled });

		const run = await runTask('cancel', { taskId: TASK_ID });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'POST', path: `/task/${TASK_ID}/cancel` });
		expect(jsonOf(run.items)).toEqual([canceled]);
	});

	test('Clear Unique ID adds ?clear_unique_id=true', async () => {
		const canceled = scaleTask({ task_id: TASK_ID, status: 'canceled' });
		const { scope, requests } = interceptScale('POST', `/task/${TASK_ID}/cancel`, { body: canceled });

		const run = await runTask('cancel', { taskId: TASK_ID, clearUniqueId: true });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: `/task/${TASK_ID}/cancel`,
			query: { clear_unique_id: 'true' },
		});
		expect(jsonOf(run.items)).toEqual([canceled]);
	});

	test('Clear Unique ID off sends no clear_unique_id key at all', async () => {
		const { scope, requests } = interceptScale('POST', `/task/${TASK_ID}/cancel`, { body: scaleTask({ status: 'canceled' }) });

		const run = await runTask('cancel', { taskId: TASK_ID, clearUniqueId: false });

		expectSuccess(run);
		scope.done();
		expect(requests[0].query).toEqual({});
	});
});

describe('Task → Audit', () => {
	test('accepted with comments; a plain-text "OK" answer is accepted; output says what was recorded', async () => {
		const { scope, requests } = interceptScale('POST', `/task/${TASK_ID}/audit`, {
			body: 'OK',
			headers: { 'content-type': 'text/plain' },
		});

		const run = await runTask('audit', { taskId: ` ${TASK_ID} `, accepted: true, comments: 'Looks right' });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: `/task/${TASK_ID}/audit`,
			body: { accepted: true, comments: 'Looks right' },
		});
		expect(jsonOf(run.items)).toEqual([{ task_id: TASK_ID, accepted: true, audited: true }]);
	});

	test('rejected with empty comments sends comments: null; a JSON answer gives the same output', async () => {
		const { scope, requests } = interceptScale('POST', `/task/${TASK_ID}/audit`, {
			body: { task_id: TASK_ID, status: 'completed' },
		});

		const run = await runTask('audit', { taskId: TASK_ID, accepted: false, comments: '' });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: `/task/${TASK_ID}/audit`,
			body: { accepted: false, comments: null },
		});
		expect(requests[0].rawBody).toBe('{"accepted":false,"comments":null}');
		expect(jsonOf(run.items)).toEqual([{ task_id: TASK_ID, accepted: false, audited: true }]);
	});

	test('with the defaults (accepted, no comments)', async () => {
		const { scope, requests } = interceptScale('POST', `/task/${TASK_ID}/audit`, {
			body: 'OK',
			headers: { 'content-type': 'text/plain' },
		});

		const run = await runTask('audit', { taskId: TASK_ID });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: `/task/${TASK_ID}/audit`,
			body: { accepted: true, comments: null },
		});
		expect(jsonOf(run.items)).toEqual([{ task_id: TASK_ID, accepted: true, audited: true }]);
	});
});

describe('Task → Update Unique ID / Clear Unique ID', () => {
	test('Update: POST /task/<id>/unique_id with body { unique_id }', async () => {
		const updated = scaleTask({ task_id: TASK_ID, unique_id: 'order-99' });
		const { scope, requests } = interceptScale('POST', `/task/${TASK_ID}/unique_id`, { body: updated });

		const run = await runTask('updateUniqueId', { taskId: TASK_ID, uniqueId: 'order-99' });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: `/task/${TASK_ID}/unique_id`,
			body: { unique_id: 'order-99' },
		});
		expect(jsonOf(run.items)).toEqual([updated]);
	});

	test('Clear: DELETE /task/<id>/unique_id without a body', async () => {
		const cleared = scaleTask({ task_id: TASK_ID });
		const { scope, requests } = interceptScale('DELETE', `/task/${TASK_ID}/unique_id`, { body: cleared });

		const run = await runTask('clearUniqueId', { taskId: TASK_ID });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'DELETE', path: `/task/${TASK_ID}/unique_id` });
		expect(requests[0].rawBody).toBe('');
		expect(jsonOf(run.items)).toEqual([cleared]);
	});
});

describe('Task → Set Metadata', () => {
	test('the body is the metadata object itself', async () => {
		const metadata = { customer: 'acme', nested: { row: 12, ok: true }, list: [1, 2] };
		const updated = scaleTask({ task_id: TASK_ID, metadata });
		const { scope, requests } = interceptScale('POST', `/task/${TASK_ID}/setMetadata`, { body: updated });

		const run = await runTask('setMetadata', { taskId: TASK_ID, metadata: JSON.stringify(metadata) });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'POST', path: `/task/${TASK_ID}/setMetadata`, body: metadata });
		expect(jsonOf(run.items)).toEqual([updated]);
	});

	test('metadata from an expression returning an object, per item', async () => {
		const a = interceptScale('POST', '/task/id-a/setMetadata', { body: scaleTask({ task_id: 'id-a' }), delayMs: 80 });
		const b = interceptScale('POST', '/task/id-b/setMetadata', { body: scaleTask({ task_id: 'id-b' }) });

		const run = await runTask(
			'setMetadata',
			{ taskId: '={{ $json.id }}', metadata: '={{ { row: $json.row } }}' },
			{ items: [{ id: 'id-a', row: 1 }, { id: 'id-b', row: 2 }] },
		);

		expectSuccess(run);
		a.scope.done();
		b.scope.done();
		expectJsonRequest(a.requests[0], { method: 'POST', path: '/task/id-a/setMetadata', body: { row: 1 } });
		expectJsonRequest(b.requests[0], { method: 'POST', path: '/task/id-b/setMetadata', body: { row: 2 } });
		expect(jsonOf(run.items).map((json) => json.task_id)).toEqual(['id-a', 'id-b']);
	});
});

describe('Task → Tags', () => {
	test.each([
		['setTags', 'POST'],
		['addTags', 'PUT'],
		['deleteTags', 'DELETE'],
	])('%s: %s /task/<id>/tags with a bare JSON array body', async (operation, method) => {
		const updated = scaleTask({ task_id: TASK_ID, tags: ['urgent', 'retail'] });
		const { scope, requests } = interceptScale(method, `/task/${TASK_ID}/tags`, { body: updated });

		const run = await runTask(operation, { taskId: TASK_ID, tags: ' urgent, retail ,, ' });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method, path: `/task/${TASK_ID}/tags`, body: ['urgent', 'retail'] });
		expect(requests[0].rawBody).toBe('["urgent","retail"]');
		expect(jsonOf(run.items)).toEqual([updated]);
	});

	test('tags from an expression returning a list', async () => {
		const updated = scaleTask({ task_id: TASK_ID, tags: ['a', 'b', 'c'] });
		const { scope, requests } = interceptScale('PUT', `/task/${TASK_ID}/tags`, { body: updated });

		const run = await runTask('addTags', { taskId: TASK_ID, tags: '={{ $json.labels }}' }, { items: [{ labels: ['a', 'b', 'c'] }] });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], { method: 'PUT', path: `/task/${TASK_ID}/tags`, body: ['a', 'b', 'c'] });
		expect(jsonOf(run.items)).toEqual([updated]);
	});
});
