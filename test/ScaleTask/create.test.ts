import type { IDataObject } from 'n8n-workflow';

import type { CapturedRequest } from '../harness/nock';
import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byName, emptyLocator, scaleTask } from '../harness/scale-params';
import { runTask } from './helpers';

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
			attachment: 'https://example.com/episode-1.mp3',
			attachmentType: 'audio',
			attachments: 'https://example.com/a.mp3, https://example.com/b.mp3 ,',
			additionalFields: {
				callbackUrl: 'https://n8n.example.com/webhook/scale',
				instruction: 'Transcribe every word',
				metadata: '{"customer": "acme", "row": 12}',
				tags: 'urgent, retail',
				uniqueId: 'order-1234',
				additionalParameters: JSON.stringify({
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
			},
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
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('attachments and tags from expressions returning lists; no project or batch key when the locators are empty', async () => {
		const created = scaleTask({ task_id: 'task-video-1', type: 'videoannotation' });
		const { scope, requests } = interceptScale('POST', '/task/videoannotation', { body: created });

		const run = await runTask(
			'create',
			{
				taskType: 'videoannotation',
				project: emptyLocator(),
				batch: emptyLocator(),
				attachments: '={{ $json.urls }}',
				additionalFields: {
					tags: '={{ $json.labels }}',
					metadata: '={{ { source: $json.source } }}',
					additionalParameters: '{"geometries": {"box": {"objects_to_annotate": ["car"]}}}',
				},
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
			path: '/task/videoannotation',
			body: {
				geometries: { box: { objects_to_annotate: ['car'] } },
				attachment_type: 'image',
				attachments: ['https://example.com/1.jpg', 'https://example.com/2.jpg'],
				tags: ['street'],
				metadata: { source: 'crawler' },
			},
		});
		expect(requests[0].body).not.toHaveProperty('project');
		expect(requests[0].body).not.toHaveProperty('batch');
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('with the locators left at their defaults and no categories, parameters come from Additional Parameters (JSON)', async () => {
		const created = scaleTask({ task_id: 'task-categorization-1', type: 'categorization' });
		const { scope, requests } = interceptScale('POST', '/task/categorization', { body: created });

		const run = await runTask('create', {
			taskType: 'categorization',
			attachmentType: 'text',
			attachment: 'a text',
			additionalFields: {
				additionalParameters: '{"taxonomies": {"mood": {"type": "category", "choices": ["happy", "sad"]}}}',
			},
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
		expect(jsonOf(run.items)).toEqual([created]);
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
				attachment: '={{ $json.url }}',
				additionalFields: { uniqueId: '={{ $json.id }}' },
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
					attachment_type: 'image',
					attachment: `https://example.com/${index}.jpg`,
					unique_id: `row-${index}`,
				},
			}),
		);
		expect(jsonOf(run.items)).toEqual([taskFor('row-0'), taskFor('row-1'), taskFor('row-2')]);
	});

	test('Image Annotation without JSON: attachment first, two box labels as geometries', async () => {
		const created = scaleTask({ task_id: 'task-boxes-1' });
		const { scope, requests } = interceptScale('POST', '/task/imageannotation', { body: created });

		const run = await runTask('create', {
			taskType: 'imageannotation',
			attachmentType: 'image',
			attachment: ' https://example.com/street.jpg ',
			geometries: { box: { objectsToAnnotate: 'car, pedestrian', minWidth: 0, minHeight: 0, canRotate: false } },
			project: byName(' Street signs '),
			additionalFields: { instruction: 'Draw a box around every car and pedestrian' },
		});

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/task/imageannotation',
			body: {
				project: 'Street signs',
				attachment_type: 'image',
				attachment: 'https://example.com/street.jpg',
				geometries: { box: { objects_to_annotate: ['car', 'pedestrian'] } },
				instruction: 'Draw a box around every car and pedestrian',
			},
		});
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('Image Annotation geometry options are sent under Scale\'s names only when set', async () => {
		const { scope, requests } = interceptScale('POST', '/task/imageannotation', { body: scaleTask() });

		const run = await runTask('create', {
			taskType: 'imageannotation',
			attachment: 'https://example.com/street.jpg',
			geometries: {
				box: { objectsToAnnotate: 'car', minWidth: 10, minHeight: 5, canRotate: true, integerPixels: true },
				polygon: { objectsToAnnotate: 'road', minVertices: 3, maxVertices: 12 },
				line: { objectsToAnnotate: 'lane', minVertices: 1, maxVertices: 0 },
				point: { objectsToAnnotate: 'headlight' },
				cuboid: { objectsToAnnotate: 'truck', minWidth: 0, minHeight: 0 },
				ellipse: { objectsToAnnotate: 'wheel' },
			},
		});

		expectSuccess(run);
		scope.done();
		expect((requests[0].body as IDataObject).geometries).toEqual({
			box: { objects_to_annotate: ['car'], min_width: 10, min_height: 5, can_rotate: true, integer_pixels: true },
			polygon: { objects_to_annotate: ['road'], min_vertices: 3, max_vertices: 12 },
			line: { objects_to_annotate: ['lane'] },
			point: { objects_to_annotate: ['headlight'] },
			cuboid: { objects_to_annotate: ['truck'] },
			ellipse: { objects_to_annotate: ['wheel'] },
		});
	});

	test('a geometry without objects to annotate fails naming the field and the item; nothing is sent', async () => {
		const run = await runTask('create', {
			taskType: 'imageannotation',
			attachment: 'https://example.com/street.jpg',
			geometries: { box: { objectsToAnnotate: ' , ' } },
		});

		expect(run.error?.message).toBe('"Geometries › Box › Objects to Annotate" is empty [item 0]');
	});

	test('Categorization without JSON: three categories, several allowed', async () => {
		const created = scaleTask({ task_id: 'task-mood-1', type: 'categorization' });
		const { scope, requests } = interceptScale('POST', '/task/categorization', { body: created });

		const run = await runTask('create', {
			taskType: 'categorization',
			attachmentType: 'text',
			attachment: 'I love this product, but shipping was slow.',
			categories: ['positive', 'negative', 'mixed'],
			allowMultiple: true,
			project: byName('Reviews'),
		});

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/task/categorization',
			body: {
				project: 'Reviews',
				attachment_type: 'text',
				attachment: 'I love this product, but shipping was slow.',
				categories: ['positive', 'negative', 'mixed'],
				allow_multiple: true,
			},
		});
		expect(jsonOf(run.items)).toEqual([created]);
	});

	test('Text Collection: attachments as {type, content} objects and form fields under Scale\'s names', async () => {
		const { scope, requests } = interceptScale('POST', '/task/textcollection', { body: scaleTask() });

		const run = await runTask('create', {
			taskType: 'textcollection',
			attachmentType: 'website',
			attachments: 'https://example.com',
			fields: {
				field: [
					{ fieldId: 'company', title: 'Company name', type: 'text', description: '' },
					{ fieldId: 'hiring', title: 'Is it hiring?', type: 'category', choices: 'Yes, No', description: 'Check the careers page' },
				],
			},
		});

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/task/textcollection',
			body: {
				attachments: [{ type: 'website', content: 'https://example.com' }],
				fields: [
					{ field_id: 'company', title: 'Company name', type: 'text' },
					{
						field_id: 'hiring',
						title: 'Is it hiring?',
						type: 'category',
						description: 'Check the careers page',
						choices: [
							{ label: 'Yes', value: 'Yes' },
							{ label: 'No', value: 'No' },
						],
					},
				],
			},
		});
	});

	test('Named Entity Recognition: the text and labels as NER label objects; Segment Annotation: plain labels', async () => {
		const ner = interceptScale('POST', '/task/namedentityrecognition', { body: scaleTask() });
		const nerRun = await runTask('create', {
			taskType: 'namedentityrecognition',
			text: 'Ana moved to Lisbon.',
			labels: ['person', 'place'],
		});
		expectSuccess(nerRun);
		ner.scope.done();
		expectJsonRequest(ner.requests[0], {
			method: 'POST',
			path: '/task/namedentityrecognition',
			body: { text: 'Ana moved to Lisbon.', labels: [{ name: 'person' }, { name: 'place' }] },
		});

		const segment = interceptScale('POST', '/task/segmentannotation', { body: scaleTask() });
		const segmentRun = await runTask('create', {
			taskType: 'segmentannotation',
			attachment: 'https://example.com/street.jpg',
			labels: ['road', 'sky'],
			allowUnlabeled: true,
		});
		expectSuccess(segmentRun);
		segment.scope.done();
		expectJsonRequest(segment.requests[0], {
			method: 'POST',
			path: '/task/segmentannotation',
			body: {
				attachment_type: 'image',
				attachment: 'https://example.com/street.jpg',
				labels: ['road', 'sky'],
				allow_unlabeled: true,
			},
		});
	});

	test('an invalid Custom Task Type fails naming the field and the item; nothing is sent', async () => {
		const run = await runTask('create', { taskType: '__custom', customTaskType: 'audio transcription' });

		expect(run.error?.message).toBe(
			'"Custom Task Type" is "audio transcription"; a task type has only letters, digits, "_" and "-" [item 0]',
		);
	});
});
