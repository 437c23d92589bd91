import type { INodeProperties } from 'n8n-workflow';

import { filtersCollection, optionalProjectAndBatch } from '../../../shared/descriptions';
import { createdFilters, dateWindowFilters } from '../../../shared/fields';
import { sendList } from '../../../shared/input';
import { knownTaskTypeOptions, reviewStatusOptions, taskStatusOptions } from '../../../shared/taskTypes';

/** The filters of Scale's `GET /tasks` (the Python SDK's `get_tasks`), shared by Get Many and Count. */
export const taskFilters: INodeProperties[] = [
	...optionalProjectAndBatch('query', 'Only tasks of this project', 'Only tasks of this batch'),
	filtersCollection([
		...dateWindowFilters('Completed', 'completed', 'tasks completed'),
		...createdFilters('tasks'),
		{
			displayName: 'Include Attachment URL',
			name: 'includeAttachmentUrl',
			type: 'boolean',
			default: true,
			description: 'Whether to include a temporary download URL for each attachment',
			routing: { send: { type: 'query', property: 'include_attachment_url' } },
		},
		{
			displayName: 'Limited Response',
			name: 'limitedResponse',
			type: 'boolean',
			default: false,
			description:
				'Whether to return only task_id, status, metadata and project for each task, which is faster for large tasks',
			routing: { send: { type: 'query', property: 'limited_response' } },
		},
		{
			displayName: 'Review Status',
			name: 'reviewStatus',
			type: 'multiOptions',
			options: reviewStatusOptions,
			default: [],
			description: 'Only tasks with one of these customer review statuses',
			routing: {
				send: {
					type: 'query',
					property: 'customer_review_status',
					value: '={{ $value.length ? $value.join(",") : undefined }}',
				},
			},
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: taskStatusOptions,
			default: 'completed',
			description: 'Only tasks with this status',
			routing: { send: { type: 'query', property: 'status' } },
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. urgent, retail',
			description: 'Only tasks with these tags: comma-separated, or an expression returning a list',
			routing: { send: { preSend: [sendList('filters.tags', 'query', 'tags')] } },
		},
		{
			displayName: 'Task Type',
			name: 'type',
			type: 'options',
			options: knownTaskTypeOptions,
			default: 'imageannotation',
			description: 'Only tasks of this type',
			routing: { send: { type: 'query', property: 'type' } },
		},
		{
			displayName: 'Unique IDs',
			name: 'uniqueIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. row-1, row-2',
			description: 'Only tasks with these unique IDs: comma-separated, or an expression returning a list',
			routing: { send: { preSend: [sendList('filters.uniqueIds', 'query', 'unique_id')] } },
		},
		...dateWindowFilters('Updated', 'updated', 'tasks updated'),
	]),
];
