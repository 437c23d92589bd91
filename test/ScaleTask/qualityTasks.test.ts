import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import { runTask } from './helpers';

useNock();

const expectedResponse = { annotations: [{ label: 'car', left: 1, top: 2, width: 3, height: 4 }] };
const initialResponse = { annotations: [{ label: 'car', left: 0, top: 0, width: 5, height: 5 }] };

describe('Task → Create Evaluation Task', () => {
	test('POST /evaluation_tasks/<type> with task fields, expected_response and initial_response', async () => {
		const created = { id: 'eval-1', expected_response: expectedResponse, initial_response: initialResponse };
		const { scope, requests } = interceptScale('POST', '/evaluation_tasks/imageannotation', { body: created });

		const run = await runTask('createEvaluationTask', {
			taskType: 'imageannotation',
			project: byName('Rapid project'),
			attachment: 'https://example.com/eval.jpg',
			attachmentType: 'image',
			geometries: { box: { objectsToAnnotate: 'car' } },
			additionalFields: {
				tags: 'gold',
				additionalParameters: JSON.stringify({
					// The explicit Expected Response wins over the same key here.
					expected_response: { annotations: [] },
				}),
			},
			expectedResponse: JSON.stringify(expectedResponse),
			initialResponse: JSON.stringify(initialResponse),
		});

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/evaluation_tasks/imageannotation',
			body: {
				geometries: { box: { objects_to_annotate: ['car'] } },
				project: 'Rapid project',
				attachment: 'https://example.com/eval.jpg',
				attachment_type: 'image',
				tags: ['gold'],
				expected_response: expectedResponse,
				initial_response: initialResponse,
			},
		});
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('custom task type, Expected Response from an expression, no Initial Response key when empty', async () => {
		const created = { id: 'eval-2', expected_response: { text: 'hello' } };
		const { scope, requests } = interceptScale('POST', '/evaluation_tasks/audiotranscription', { body: created });

		const run = await runTask(
			'createEvaluationTask',
			{
				taskType: '__custom',
				customTaskType: 'audiotranscription',
				expectedResponse: '={{ $json.answer }}',
				initialResponse: '',
			},
			{ items: [{ answer: { text: 'hello' } }] },
		);

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/evaluation_tasks/audiotranscription',
			body: { expected_response: { text: 'hello' } },
		});
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('a missing Expected Response fails with an error naming it, and nothing is sent', async () => {
		const { scope, requests } = interceptScale('POST', '/evaluation_tasks/imageannotation', { body: { id: 'never' } });

		const run = await runTask('createEvaluationTask', {
			taskType: 'imageannotation',
			attachment: 'https://example.com/eval.jpg',
			project: byName('Rapid project'),
			expectedResponse: '',
		});

		expect(run.error?.message).toMatch(/Expected Response/);
		expect(run.items).toEqual([]);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});
});

describe('Task → Create Training Task', () => {
	test('POST /training_tasks/<type> with task fields and expected_response', async () => {
		const created = { id: 'train-1', expected_response: expectedResponse };
		const { scope, requests } = interceptScale('POST', '/training_tasks/imageannotation', { body: created });

		const run = await runTask('createTrainingTask', {
			taskType: 'imageannotation',
			project: byName('Rapid project'),
			batch: byName('Training batch'),
			attachment: 'https://example.com/train.jpg',
			geometries: { box: { objectsToAnnotate: 'car' } },
			additionalFields: {
				instruction: 'Box every car',
				metadata: '{"set": "training"}',
			},
			expectedResponse: JSON.stringify(expectedResponse),
		});

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/training_tasks/imageannotation',
			body: {
				geometries: { box: { objects_to_annotate: ['car'] } },
				project: 'Rapid project',
				batch: 'Training batch',
				attachment: 'https://example.com/train.jpg',
				attachment_type: 'image',
				instruction: 'Box every car',
				metadata: { set: 'training' },
				expected_response: expectedResponse,
			},
		});
		expect(requests[0].body).not.toHaveProperty('initial_response');
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('a missing Expected Response fails with an error naming it, and nothing is sent', async () => {
		const { scope, requests } = interceptScale('POST', '/training_tasks/imageannotation', { body: { id: 'never' } });

		const run = await runTask('createTrainingTask', { taskType: 'imageannotation', attachment: 'https://example.com/a.jpg' });

		expect(run.error?.message).toMatch(/Expected Response/);
		expect(run.items).toEqual([]);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});

	test('one item without an Expected Response: no item of the run is sent', async () => {
		const { scope, requests } = interceptScale(
			'POST',
			'/training_tasks/imageannotation',
			{ body: { id: 'never-0' } },
			{ body: { id: 'never-1' } },
		);

		const run = await runTask(
			'createTrainingTask',
			{ taskType: 'imageannotation', attachment: 'https://example.com/a.jpg', expectedResponse: '={{ $json.answer }}' },
			{ items: [{ answer: { label: 'ok' } }, { answer: '' }] },
		);

		expect(run.error?.message).toMatch(/Expected Response/);
		expect(run.error?.message).toMatch(/item 1/);
		expect(requests).toEqual([]);
		expect(scope.isDone()).toBe(false);
	});

	test('with Continue On Fail, the valid item is created and the invalid one outputs its error, in input order', async () => {
		const created = { id: 'train-ok', expected_response: { label: 'ok' } };
		const { scope, requests } = interceptScale('POST', '/training_tasks/imageannotation', { body: created });

		const run = await runTask(
			'createTrainingTask',
			{ taskType: 'imageannotation', attachment: 'https://example.com/a.jpg', expectedResponse: '={{ $json.answer }}' },
			{ items: [{ answer: '' }, { answer: { label: 'ok' } }], continueOnFail: true },
		);

		expect(run.error).toBeUndefined();
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/training_tasks/imageannotation',
			body: {
				attachment: 'https://example.com/a.jpg',
				attachment_type: 'image',
				expected_response: { label: 'ok' },
			},
		});
		const output = jsonOf(run.items);
		expect(output).toHaveLength(2);
		expect(String(output[0].error)).toMatch(/Expected Response/);
		expect(output[1]).toEqual(created);
	});
});
