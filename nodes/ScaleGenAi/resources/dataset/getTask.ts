import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { expandField, idField } from '../fields';
import { taskOutput } from '../output';

export const option: INodePropertyOptions = {
	name: 'Get Task',
	value: 'getTask',
	action: 'Get a dataset task',
	description: 'Get one task of a dataset with its response',
	routing: scaleRouting({ method: 'GET', url: '/v2/datasets/task' }, v2SendOnce(), {
		output: { postReceive: [taskOutput] },
	}),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['dataset'], operation: ['getTask'] } },
	[idField('Task ID', 'taskId', 'task_id', 'The ID of the dataset task'), expandField(['dataset', 'delivery'])],
);
