import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { expandField, idField, optsField } from '../fields';
import { taskOutput } from '../output';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a GenAI task',
	description: 'Get a task by its ID, with its threads once completed',
	routing: scaleRouting({ method: 'GET', url: '/v2/task' }, v2SendOnce(), { output: { postReceive: [taskOutput] } }),
};

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, [
	idField('Task ID', 'taskId', 'task_id', 'The ID of the task'),
	expandField(['project', 'batch']),
	optsField,
]);
