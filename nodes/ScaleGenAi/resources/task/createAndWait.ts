import type { INodeProperties } from 'n8n-workflow';

import { downloadFileUrl, v2CreateOnce, v2RootUrl } from '../../../shared/transport/v2';
import type { CreateAndWaitSpec } from '../../../shared/wait';
import { CREATE_AND_WAIT, createAndWaitShow, creationFieldsFor, waitFields, waitNotice } from '../../../shared/wait';
import { simplifyField, simplifyTask, taskFilesAsBinary } from '../output';
// Create Chat Task's fields and route: Create and Wait sends exactly what Create Chat Task sends.
import { description as createFields, option as createOption } from './create';

const creationFields = creationFieldsFor(createFields, CREATE_AND_WAIT);

/** Scale GenAI Task and Wait (v2): Create Chat Task's task, waited for on this execution's resume URL. */
export const createAndWaitSpec: CreateAndWaitSpec = {
	createRouting: createOption.routing,
	creationFields,
	// v2 has no idempotency key: a create is retried only when Scale provably did not receive it.
	sendCreate: v2CreateOnce({ what: 'chat task' }),
	readTask: (taskId, baseURL) => ({
		method: 'GET',
		url: '/v2/task',
		qs: { task_id: taskId },
		extra: { baseURL: v2RootUrl(baseURL) },
	}),
	// V2 TaskStatus: a deleted task sends nothing more either.
	finishedStatuses: ['completed', 'error', 'canceled', 'deleted'],
	shapeTask: (task, simplify) => (simplify ? simplifyTask(task) : task),
	// Options → Download Files, as on Scale GenAI's task outputs.
	filesOf: async (context, task, settings) =>
		(context.getNodeParameter('options.downloadFiles', false) as boolean)
			? await taskFilesAsBinary(context, task, async (url) => await downloadFileUrl(context, url, settings))
			: undefined,
};

export const description: INodeProperties[] = [
	waitNotice(createAndWaitShow),
	...creationFields,
	...waitFields(createAndWaitShow, simplifyField(createAndWaitShow)),
];
