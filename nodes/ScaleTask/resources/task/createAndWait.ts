import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { createOnce } from '../../../shared/transport';
import type { CreateAndWaitSpec } from '../../../shared/wait';
import { CREATE_AND_WAIT, createAndWaitShow, creationFieldsFor, waitFields, waitNotice } from '../../../shared/wait';
// The creation fields, route and unique-ID lookup of Create: Create and Wait sends exactly what Create sends.
import { createTaskOnce, description as createFields, option as createOption } from './create';

/** A task's fields kept by Simplify: what a workflow acts on after a human answered (≤ 10, per n8n's UX guidelines). */
const SIMPLIFIED_TASK_FIELDS = [
	'task_id',
	'status',
	'type',
	'project',
	'batch',
	'unique_id',
	'metadata',
	'response',
	'created_at',
	'completed_at',
] as const;

function shapeTask(task: IDataObject, simplify: boolean): IDataObject {
	if (!simplify) return task;
	const shaped: IDataObject = {};
	for (const field of SIMPLIFIED_TASK_FIELDS) if (task[field] !== undefined) shaped[field] = task[field];
	return shaped;
}

const creationFields = creationFieldsFor(createFields, CREATE_AND_WAIT);

/** Scale Task and Wait (v1): Create's task, waited for on this execution's resume URL. */
export const createAndWaitSpec: CreateAndWaitSpec = {
	createRouting: createOption.routing,
	creationFields,
	/**
	 * A 409 on a unique ID after a lost answer is the task our earlier attempt created — it carries this
	 * execution's callback URL. Any other task with that unique ID calls back elsewhere, so this node could
	 * never hear from it: that stays a conflict.
	 */
	sendCreate: createOnce({
		...createTaskOnce,
		recover: {
			findInList: {
				url: '/tasks',
				query: 'unique_id',
				isSameRequest: (existing, requested) => existing.callback_url === requested.callback_url,
			},
		},
	}),
	readTask: (taskId, baseURL) => ({ method: 'GET', url: `/task/${encodeURIComponent(taskId)}`, extra: { baseURL } }),
	finishedStatuses: ['completed', 'error', 'canceled'],
	shapeTask,
};

export const description: INodeProperties[] = [
	waitNotice(createAndWaitShow),
	...creationFields,
	...waitFields(createAndWaitShow, {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only the main task fields (ID, status, type, project, batch, unique ID, metadata, response, created and completed time) instead of the whole task',
	}),
];
