import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { taskIdField } from './taskId';

export const option: INodePropertyOptions = {
	name: 'Clear Unique ID',
	value: 'clearUniqueId',
	action: 'Clear the unique ID of a task',
	description: 'Remove a task\'s unique ID so it can be reused',
	routing: scaleRouting({ method: 'DELETE' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['clearUniqueId'] } },
	[taskIdField],
);
