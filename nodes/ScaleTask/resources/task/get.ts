import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { TASK_PATH, taskIdField } from './taskId';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a task',
	description: 'Get a task by its ID',
	routing: scaleRouting({ method: 'GET', url: `={{ ${TASK_PATH} }}` }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['get'] } },
	[taskIdField],
);
