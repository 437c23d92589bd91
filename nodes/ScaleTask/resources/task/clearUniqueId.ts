import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { TASK_PATH, taskIdField } from './taskId';

export const option: INodePropertyOptions = {
	name: 'Clear Unique ID',
	value: 'clearUniqueId',
	action: 'Clear the unique ID of a task',
	description: 'Remove a task\'s unique ID so it can be reused',
	routing: scaleRouting({ method: 'DELETE', url: `={{ ${TASK_PATH} + "/unique_id" }}` }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['clearUniqueId'] } },
	[taskIdField],
);
