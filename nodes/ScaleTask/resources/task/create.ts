import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CreateOnceOptions } from '../../../shared/transport';
import { createOnce, scaleRouting } from '../../../shared/transport';
import { taskParameters } from './taskParameters';
import { TASK_TYPE_SEGMENT } from '../../../shared/fields';

/**
 * Unique IDs make task creates safe to retry: a 409 after a lost answer (5xx, dropped connection) is our own
 * task, found by `GET /tasks?unique_id=` as the Python SDK's create_task does; On Duplicate → Return Existing
 * Task also turns a plain 409 into the existing task. Without a unique ID only failures where Scale provably
 * did nothing are retried.
 */
export const createTaskOnce: CreateOnceOptions = {
	what: 'task',
	uniqueKey: { property: 'unique_id', label: 'Unique ID' },
	recover: {
		findInList: { url: '/tasks', query: 'unique_id' },
		returnExistingWhen: { parameter: 'options.onDuplicate', value: 'returnExisting' },
	},
};

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a task',
	description: 'Create a labeling task of any type (to pause the workflow until Scale answers, use the Scale Task and Wait node)',
	routing: scaleRouting(
		{ method: 'POST', url: `={{ "/task/" + ${TASK_TYPE_SEGMENT} }}` },
		createOnce(createTaskOnce),
	),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['create'] } },
	taskParameters,
);
