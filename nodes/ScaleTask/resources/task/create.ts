import type { IDataObject, IExecutePaginationFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Executor, PreparedRequest } from '../../../shared/transport';
import { applyPostReceive, itemsFromBody, prepareRequest, scaleRequest, scaleRouting } from '../../../shared/transport';
import { taskParameters } from './taskParameters';
import { TASK_TYPE_SEGMENT } from './taskTypes';

/** The task that holds a unique ID (Scale's `GET /tasks?unique_id=`), if any. */
export async function findTaskByUniqueId(
	context: IExecutePaginationFunctions,
	uniqueId: string,
	{ request, settings }: PreparedRequest,
): Promise<IDataObject | undefined> {
	const response = await scaleRequest(
		context,
		{ method: 'GET', url: '/tasks', qs: { unique_id: uniqueId }, extra: request.extra },
		{ ...settings, safety: 'idempotent' },
	);
	const docs = (response.body as IDataObject).docs;
	return Array.isArray(docs) && docs.length > 0 ? (docs[0] as IDataObject) : undefined;
}

/**
 * Sends a task create at most once in effect. With a unique ID, a 409 after a lost answer (5xx, dropped
 * connection) is our own task, recovered by its unique ID as the Python SDK does; On Duplicate → Return
 * Existing Task also turns a plain 409 into the existing task. Without a unique ID, only failures where
 * Scale provably did nothing are retried.
 */
export function createTaskExecutor(what: string, recoverable: boolean): Executor {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const prepared = await prepareRequest(this, requestData.options);
		const body = prepared.request.body as IDataObject;
		const uniqueId = typeof body?.unique_id === 'string' && body.unique_id ? body.unique_id : undefined;
		const returnExisting = this.getNodeParameter('options.onDuplicate', 'error') === 'returnExisting';
		const recoverAfterConflict =
			recoverable && uniqueId
				? async (afterLostAnswer: boolean) =>
						afterLostAnswer || returnExisting
							? await findTaskByUniqueId(this, uniqueId, prepared)
							: undefined
				: undefined;
		const response = await scaleRequest(
			this,
			prepared.request,
			{ ...prepared.settings, safety: 'createOnce', what, recoverAfterConflict },
		);
		return await applyPostReceive(this, requestData, itemsFromBody(response.body), response);
	};
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a task',
	description: 'Create a labeling task of any type',
	routing: scaleRouting(
		{ method: 'POST', url: `={{ "/task/" + ${TASK_TYPE_SEGMENT} }}` },
		createTaskExecutor('task', true),
	),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['create'] } },
	taskParameters,
);
