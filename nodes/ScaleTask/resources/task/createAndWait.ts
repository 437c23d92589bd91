import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { pickKeys, SIMPLIFIED_TASK_KEYS } from '../../../shared/output';
import { createOnce } from '../../../shared/transport';
import type { CreateAndWaitSpec } from '../../../shared/wait';
import { CREATE_AND_WAIT, createAndWaitShow, creationFieldsFor, waitFields, waitNotice } from '../../../shared/wait';
// The creation fields, route and unique-ID lookup of Create: Create and Wait sends exactly what Create sends.
import { createTaskOnce, description as createFields, option as createOption } from './create';

/** Simplify as in Get: the same task fields. */
const shapeTask = (task: IDataObject, simplify: boolean) => (simplify ? pickKeys(task, SIMPLIFIED_TASK_KEYS) : task);

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
