import { ScaleStudio } from '../../nodes/ScaleStudio/ScaleStudio.node';
import { AWKWARD_ENCODED, AWKWARD_NAME } from '../harness/constants';
import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import { runStudio, studioBatch } from './helpers';

useNock();

const pending = [studioBatch('calibration', { batchType: 'Calibration', studioPriority: 1 }), studioBatch('b2', { studioPriority: 2 })];

describe('Scale Studio node description', () => {
	test('three resources, list searches for projects and batches', () => {
		const node = new ScaleStudio();
		const resource = node.description.properties.find((property) => property.name === 'resource');
		expect(resource?.options?.map((option) => 'value' in option && option.value)).toEqual([
			'assignment',
			'batch',
			'projectGroup',
		]);
		expect(Object.keys(node.methods.listSearch).sort()).toEqual(['searchBatches', 'searchProjects']);
		expect(node.description.usableAsTool).toBe(true);
	});
});

describe('Batch → Get Many', () => {
	test('Limit keeps the first batches in priority order', async () => {
		const { scope } = interceptScale('GET', '/studio/batches', { body: pending });

		const run = await runStudio('batch', 'getAll', { limit: 1 });

		expectSuccess(run);
		scope.done();
		expect(jsonOf(run.items)).toEqual(pending.slice(0, 1));
	});

	test('GET /studio/batches; one item per batch, in Scale\'s order', async () => {
		const { scope, requests } = interceptScale('GET', '/studio/batches', { body: pending });

		const run = await runStudio('batch', 'getAll');

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'GET', path: '/studio/batches' });
		expect(jsonOf(run.items)).toEqual(pending);
	});
});

describe('Batch → Assign', () => {
	const PATH = `/studio/batches/${AWKWARD_ENCODED}`;

	test('PUT /studio/batches/<encoded batch> with {groups} from comma-separated names', async () => {
		const assigned = studioBatch(AWKWARD_NAME, { groups: [{ id: 'g1', name: 'Night shift' }, { id: 'g2', name: 'Experts' }] });
		const { scope, requests } = interceptScale('PUT', PATH, { body: assigned });

		const run = await runStudio('batch', 'assign', { batch: byName(AWKWARD_NAME), groups: 'Night shift, Experts' });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'PUT', path: PATH, body: { groups: ['Night shift', 'Experts'] } });
		expect(jsonOf(run.items)).toEqual([assigned]);
	});

	test('batch from the list and groups from an expression returning a list', async () => {
		const { scope, requests } = interceptScale('PUT', '/studio/batches/batch-2026-11-28', { body: studioBatch('batch-2026-11-28') });

		const run = await runStudio(
			'batch',
			'assign',
			{ batch: { __rl: true, mode: 'list', value: 'batch-2026-11-28' }, groups: '={{ $json.groups }}' },
			{ items: [{ groups: ['Experts, senior'] }] },
		);

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'PUT',
			path: '/studio/batches/batch-2026-11-28',
			body: { groups: ['Experts, senior'] },
		});
	});

	test.each([
		[{ batch: byName(' '), groups: 'Experts' }, /"Batch" is empty/],
		[{ batch: byName('b2'), groups: ' , ' }, /"Group Names" needs at least one value/],
	])('invalid input fails the item naming the field, and nothing is sent (%#)', async (parameters, message) => {
		const { scope, requests } = interceptScale('PUT', '/studio/batches/b2', { body: studioBatch('b2') });

		const run = await runStudio('batch', 'assign', parameters);

		expect(run.error?.message).toMatch(message);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Batch → Set Priorities', () => {
	const PATH = '/studio/batches/set_priorities';

	test('POST with {batches: [{name}, …]} in the order given (comma-separated)', async () => {
		const { scope, requests } = interceptScale('POST', PATH, { body: [...pending].reverse() });

		const run = await runStudio('batch', 'setPriorities', { batches: 'b2, calibration' });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: PATH,
			body: { batches: [{ name: 'b2' }, { name: 'calibration' }] },
		});
		expect(requests[0].rawBody).toBe('{"batches":[{"name":"b2"},{"name":"calibration"}]}');
		expect(jsonOf(run.items)).toEqual([...pending].reverse());
	});

	test('names from an expression returning a list, order kept', async () => {
		const { scope, requests } = interceptScale('POST', PATH, { body: pending });

		const run = await runStudio('batch', 'setPriorities', { batches: '={{ $json.order }}' }, {
			items: [{ order: ['calibration', AWKWARD_NAME, 'b2'] }],
		});

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: PATH,
			body: { batches: [{ name: 'calibration' }, { name: AWKWARD_NAME }, { name: 'b2' }] },
		});
	});

	test.each([
		['={{ [] }}', /"Batch Names" needs at least one value/],
		['b2, calibration, b2', /"Batch Names" lists "b2" more than once/],
	])('invalid names %j fail the item naming the field, and nothing is sent', async (batches, message) => {
		const { scope, requests } = interceptScale('POST', PATH, { body: pending });

		const run = await runStudio('batch', 'setPriorities', { batches });

		expect(run.error?.message).toMatch(message);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Batch → Reset Priorities', () => {
	test('POST /studio/batches/reset_priorities without a body; one item per batch', async () => {
		const { scope, requests } = interceptScale('POST', '/studio/batches/reset_priorities', { body: pending });

		const run = await runStudio('batch', 'resetPriorities');

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'POST', path: '/studio/batches/reset_priorities' });
		expect(requests[0].rawBody).toBe('');
		expect(jsonOf(run.items)).toEqual(pending);
	});
});
