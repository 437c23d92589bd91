import nock from 'nock';

import { AWKWARD_NAME } from '../harness/constants';
import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import { AWKWARD_PATH, runBatch, scaleBatch } from './helpers';

useNock();

const DEFAULT_BODY = {
	project: 'Street signs',
	name: AWKWARD_NAME,
	callback: '',
	calibration_batch: false,
	self_label_batch: false,
	metadata: {},
};

const create = (parameters: object = {}) =>
	runBatch('create', { project: byName('Street signs'), name: AWKWARD_NAME, ...parameters });

describe('Batch → Create', () => {
	test('default body: callback "", metadata {}, both flags false; output is the batch', async () => {
		const created = scaleBatch();
		const { scope, requests } = interceptScale('POST', '/batches', { body: created });

		const run = await create();

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], { method: 'POST', path: '/batches', body: DEFAULT_BODY });
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('every field set: callback, flags and metadata under Scale\'s names', async () => {
		const created = scaleBatch({ callback: 'https://n8n.example.com/webhook/scale', metadata: { wave: 4 } });
		const { scope, requests } = interceptScale('POST', '/batches', { body: created });

		const run = await create({
			name: ` ${AWKWARD_NAME} `,
			additionalFields: {
				callback: 'https://n8n.example.com/webhook/scale',
				calibrationBatch: true,
				selfLabelBatch: true,
				metadata: '{"wave": 4}',
			},
		});

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/batches',
			body: {
				...DEFAULT_BODY,
				callback: 'https://n8n.example.com/webhook/scale',
				calibration_batch: true,
				self_label_batch: true,
				metadata: { wave: 4 },
			},
		});
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('500 then 409: the batch the lost attempt created is recovered by GET, exactly 2 creates sent', async () => {
		const created = scaleBatch();
		const creates = interceptScale(
			'POST',
			'/batches',
			{ status: 500, body: { status_code: 500, error: 'Internal error' } },
			{ status: 409, body: { status_code: 409, error: 'A batch with this name already exists' } },
		);
		const lookup = interceptScale('GET', AWKWARD_PATH, { body: created });

		const run = await create();

		expectSuccess(run);
		creates.scope.done();
		lookup.scope.done();
		expect(creates.requests).toHaveLength(2);
		creates.requests.forEach((request) =>
			expectJsonRequest(request, { method: 'POST', path: '/batches', body: DEFAULT_BODY }),
		);
		expect(lookup.requests).toHaveLength(1);
		expectJsonRequest(lookup.requests[0], { method: 'GET', path: AWKWARD_PATH });
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('500 then 409 for a name taken by another project: the 409 is not hidden', async () => {
		const creates = interceptScale(
			'POST',
			'/batches',
			{ status: 500, body: { status_code: 500, error: 'Internal error' } },
			{ status: 409, body: { status_code: 409, error: 'A batch with this name already exists' } },
		);
		const lookup = interceptScale('GET', AWKWARD_PATH, { body: scaleBatch({ project: 'Other project' }) });

		const run = await create();

		creates.scope.done();
		lookup.scope.done();
		expect(run.error?.message).toMatch(/^A batch with this name already exists/);
		expect(run.error?.httpCode).toBe('409');
	});

	test('a plain 409 fails with Scale\'s 409 message, without any lookup or retry', async () => {
		const { scope, requests } = interceptScale('POST', '/batches', {
			status: 409,
			body: { status_code: 409, error: 'A batch with this name already exists' },
		});
		const lookup = interceptScale('GET', AWKWARD_PATH, { body: scaleBatch() });

		const run = await create();

		scope.done();
		expect(requests).toHaveLength(1);
		expect(lookup.requests).toHaveLength(0);
		expect(run.error?.message).toBe('A batch with this name already exists');
		expect(run.error?.httpCode).toBe('409');
		expect(run.items).toEqual([]);
	});

	test('an empty Batch Name or Project fails the item and sends nothing', async () => {
		const noName = await create({ name: '  ' });
		expect(noName.error?.message).toBe('"Batch Name" is empty [item 0]');

		const noProject = await runBatch('create', { project: byName('={{ "" }}'), name: 'x' });
		expect(noProject.error?.message).toBe('"Project" is empty [item 0]');
		expect(nock.pendingMocks()).toEqual([]);
	});
});
