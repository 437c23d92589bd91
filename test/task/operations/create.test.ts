import type { IDataObject } from 'n8n-workflow';

import type { CapturedRequest } from './helpers';
import {
	byName,
	emptyLocator,
	expectJsonRequest,
	expectSuccess,
	interceptScale,
	outputOf,
	runTask,
	scaleTask,
	useNock,
} from './helpers';

useNock();

describe('Task → Create', () => {
	test('custom task type: every additional field under Scale\'s name, locators and type-specific JSON in the body', async () => {
		const created = scaleTask({ task_id: 'task-audio-1', type: 'audiotranscription', unique_id: 'order-1234' });
		const { scope, requests } = interceptScale('POST', '/task/audiotranscription', { body: created });

		const run = await runTask('create', {
			taskType: '__custom',
			customTaskType: 'audiotranscription',
			project: byName('Podcasts'),
			batch: byName('Batch 7'),
			additionalFields: {
				attachment: 'https://example.com/episode-1.mp3',
				attachmentType: 'audio',
				attachments: 'https://example.com/a.mp3, https://example.com/b.mp3 ,',
				callbackUrl: 'https://n8n.example.com/webhook/scale',
				instruction: 'Transcribe every word',
				metadata: '{"customer": "acme", "row": 12}',
				tags: 'urgent, retail',
				uniqueId: 'order-1234',
			},
			typeParameters: JSON.stringify({
				verbatim: true,
				template_variables: { language: 'en' },
				// Explicit fields above must win over these.
				instruction: 'from the JSON',
				unique_id: 'json-unique-id',
				project: 'JSON project',
				batch: 'JSON batch',
				metadata: { from: 'json' },
				tags: ['json-tag'],
				attachment_type: 'image',
			}),
		});

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/task/audiotranscription',
			body: {
				verbatim: true,
				template_variables: { language: 'en' },
				project: 'Podcasts',
				batch: 'Batch 7',
				attachment: 'https://example.com/episode-1.mp3',
				attachment_type: 'audio',
				attachments: ['https://example.com/a.mp3', 'https://example.com/b.mp3'],
				callback_url: 'https://n8n.example.com/webhook/scale',
				instruction: 'Transcribe every word',
				metadata: { customer: 'acme', row: 12 },
				tags: ['urgent', 'retail'],
				unique_id: 'order-1234',
			},
		});
		expect(outputOf(run.items)).toEqual([created]);
	});

	test('attachments and tags from expressions returning lists; no project or batch key when the locators are empty', async () => {
		const created = scaleTask({ task_id: 'task-image-1' });
		const { scope, requests } = interceptScale('POST', '/task/imageannotation', { body: created });

		const run = await runTask(
			'create',
			{
				taskType: 'imageannotation',
				project: emptyLocator(),
				batch: emptyLocator(),
				additionalFields: {
					attachments: '={{ $json.urls }}',
					tags: '={{ $json.labels }}',
					metadata: '={{ { source: $json.source } }}',
				},
				typeParameters: '{"geometries": {"box": {"objects_to_annotate": ["car"]}}}',
			},
			{
				items: [
					{
						urls: ['https://example.com/1.jpg', 'https://example.com/2.jpg'],
						labels: ['street'],
						source: 'crawler',
					},
				],
			},
		);

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/task/imageannotation',
			body: {
				geometries: { box: { objects_to_annotate: ['car'] } },
				attachments: ['https://example.com/1.jpg', 'https://example.com/2.jpg'],
				tags: ['street'],
				metadata: { source: 'crawler' },
			},
		});
		expect(requests[0].body).not.toHaveProperty('project');
		expect(requests[0].body).not.toHaveProperty('batch');
		expect(outputOf(run.items)).toEqual([created]);
	});

	test('with the locators left at their defaults and no fields, the body is only the type-specific JSON', async () => {
		const created = scaleTask({ task_id: 'task-categorization-1', type: 'categorization' });
		const { scope, requests } = interceptScale('POST', '/task/categorization', { body: created });

		const run = await runTask('create', {
			taskType: 'categorization',
			typeParameters: '{"attachment": "a text", "attachment_type": "text", "taxonomies": {"mood": {"type": "category", "choices": ["happy", "sad"]}}}',
		});

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/task/categorization',
			body: {
				attachment: 'a text',
				attachment_type: 'text',
				taxonomies: { mood: { type: 'category', choices: ['happy', 'sad'] } },
			},
		});
		expect(outputOf(run.items)).toEqual([created]);
	});

	test('several input items: one request each, with that item\'s values, and outputs in input order', async () => {
		const taskFor = (uniqueId: string) => scaleTask({ task_id: `task-of-${uniqueId}`, unique_id: uniqueId });
		const delays: Record<string, number> = { 'row-0': 150, 'row-1': 75, 'row-2': 0 };
		const reply = {
			// Each answer names the item that asked, and the first item's answer arrives last.
			body: (request: CapturedRequest) => taskFor((request.body as { unique_id: string }).unique_id),
			delayMs: (request: CapturedRequest) => delays[(request.body as { unique_id: string }).unique_id],
		};
		const { scope, requests } = interceptScale('POST', '/task/imageannotation', reply, reply, reply);

		const run = await runTask(
			'create',
			{
				taskType: 'imageannotation',
				project: byName('Street signs'),
				additionalFields: {
					attachment: '={{ $json.url }}',
					uniqueId: '={{ $json.id }}',
				},
			},
			{
				items: [
					{ id: 'row-0', url: 'https://example.com/0.jpg' },
					{ id: 'row-1', url: 'https://example.com/1.jpg' },
					{ id: 'row-2', url: 'https://example.com/2.jpg' },
				],
			},
		);

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(3);
		const byUniqueId = (a: CapturedRequest, b: CapturedRequest) =>
			String((a.body as IDataObject).unique_id).localeCompare(String((b.body as IDataObject).unique_id));
		[...requests].sort(byUniqueId).forEach((request, index) =>
			expectJsonRequest(request, {
				method: 'POST',
				path: '/task/imageannotation',
				body: {
					project: 'Street signs',
					attachment: `https://example.com/${index}.jpg`,
					unique_id: `row-${index}`,
				},
			}),
		);
		expect(outputOf(run.items)).toEqual([taskFor('row-0'), taskFor('row-1'), taskFor('row-2')]);
	});
});
