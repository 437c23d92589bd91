import type { INodeProperties } from 'n8n-workflow';

import { batchLocator, projectLocator } from '../../../shared/descriptions';
import { mergeJsonObject, requireValue, sendJsonObject, sendList } from '../../../shared/input';
import { CUSTOM_TASK_TYPE, taskTypeOptions } from './taskTypes';

const omitWhenEmpty = '={{ $value === "" ? undefined : $value }}';

/** The fields of a task-creating request (create, evaluation and training tasks). */
export const taskParameters: INodeProperties[] = [
	{
		displayName: 'Task Type',
		name: 'taskType',
		type: 'options',
		options: taskTypeOptions,
		default: 'imageannotation',
		required: true,
		description: 'The kind of labeling task; it decides the endpoint and which type-specific parameters apply',
	},
	{
		displayName: 'Custom Task Type',
		name: 'customTaskType',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. audiotranscription',
		displayOptions: { show: { taskType: [CUSTOM_TASK_TYPE] } },
		routing: { send: { preSend: [requireValue('customTaskType', 'Custom Task Type')] } },
	},
	projectLocator({
		description: 'The project the task belongs to',
		routing: { send: { type: 'body', property: 'project', value: omitWhenEmpty } },
	}),
	batchLocator({
		description: 'The batch to add the task to (optional)',
		routing: { send: { type: 'body', property: 'batch', value: omitWhenEmpty } },
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Attachment',
				name: 'attachment',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/image.jpg',
				description: 'URL (or text, for text tasks) of the item to label',
				routing: { send: { type: 'body', property: 'attachment' } },
			},
			{
				displayName: 'Attachment Type',
				name: 'attachmentType',
				type: 'options',
				options: ['image', 'video', 'audio', 'text', 'pdf', 'website'].map((value) => ({
					name: value,
					value,
				})),
				default: 'image',
				routing: { send: { type: 'body', property: 'attachment_type' } },
			},
			{
				displayName: 'Attachments',
				name: 'attachments',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/a.jpg, https://example.com/b.jpg',
				description: 'Several attachment URLs: comma-separated, or an expression returning a list',
				routing: { send: { preSend: [sendList('additionalFields.attachments', 'body', 'attachments')] } },
			},
			{
				displayName: 'Callback URL',
				name: 'callbackUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/…',
				description:
					'Where Scale POSTs the result when the task is done — paste a Scale Trigger\'s production URL here',
				routing: { send: { type: 'body', property: 'callback_url' } },
			},
			{
				displayName: 'Instruction',
				name: 'instruction',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'What labelers should do (Markdown); overrides the project\'s instruction',
				routing: { send: { type: 'body', property: 'instruction' } },
			},
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'json',
				default: '{}',
				description: 'Your own data to keep with the task, as a JSON object',
				routing: { send: { preSend: [sendJsonObject('additionalFields.metadata', 'Metadata', 'metadata')] } },
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'e.g. urgent, retail',
				description: 'Comma-separated, or an expression returning a list',
				routing: { send: { preSend: [sendList('additionalFields.tags', 'body', 'tags')] } },
			},
			{
				displayName: 'Unique ID',
				name: 'uniqueId',
				type: 'string',
				default: '',
				placeholder: 'e.g. order-1234',
				description:
					'Your ID for this task. Scale refuses a second task with the same unique ID, which makes creates safe to retry and re-run.',
				routing: { send: { type: 'body', property: 'unique_id' } },
			},
		],
	},
	{
		displayName: 'Type-Specific Parameters (JSON)',
		name: 'typeParameters',
		type: 'json',
		default: '{}',
		description:
			'Other parameters of this task type, merged into the request: e.g. {"geometries": {"box": {"objects_to_annotate": ["car"]}}}. Fields set above win over the same keys here.',
		routing: { send: { preSend: [mergeJsonObject('typeParameters', 'Type-Specific Parameters (JSON)')] } },
	},
];
