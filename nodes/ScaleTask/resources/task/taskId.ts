import type { INodeProperties } from 'n8n-workflow';

import { requireValue } from '../../../shared/input';

/** `/task/<id>` for the Task ID parameter. */
export const TASK_PATH = '"/task/" + encodeURIComponent(String($parameter.taskId).trim())';

export const taskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5c84d0fe958593004f13e5ba',
	description: 'The task_id Scale gave the task',
	routing: { send: { preSend: [requireValue('taskId', 'Task ID')] } },
};
