import type { IDataObject, IExecutePaginationFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ConflictLookup, PreparedRequest } from '../../../shared/transport';
import { createOnce, scaleRequest, scaleRouting } from '../../../shared/transport';
import { taskParameters } from './taskParameters';
import { TASK_TYPE_SEGMENT } from '../../../shared/fields';

/** The task that holds a unique ID (Scale's `GET /tasks?unique_id=`), if any. */
async function findTaskByUniqueId(
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
 * A 409 on a task create with a unique ID: after a lost answer (5xx, dropped connection) it is our own
 * task, recovered by its unique ID as the Python SDK does; On Duplicate → Return Existing Task also turns
 * a plain 409 into the existing task. Without a unique ID nothing can be looked up, so only failures
 * where Scale provably did nothing are retried.
 */
export const findTaskWithSameUniqueId: ConflictLookup = (context, prepared, body) => {
	const uniqueId = typeof body.unique_id === 'string' && body.unique_id ? body.unique_id : undefined;
	if (!uniqueId) return undefined;
	// Read On Duplicate only when a 409 arrives: evaluating a parameter per item is not free in n8n.
	const returnExisting = () => context.getNodeParameter('options.onDuplicate', 'error') === 'returnExisting';
	return async (afterLostAnswer) =>
		afterLostAnswer || returnExisting() ? await findTaskByUniqueId(context, uniqueId, prepared) : undefined;
};

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a task',
	description: 'Create a labeling task of any type',
	routing: scaleRouting(
		{ method: 'POST', url: `={{ "/task/" + ${TASK_TYPE_SEGMENT} }}` },
		createOnce('task', findTaskWithSameUniqueId),
	),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['create'] } },
	taskParameters,
);
