import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { taskIdField } from './taskId';

export const option: INodePropertyOptions = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel a task',
	description: 'Cancel a task that is not completed yet',
	routing: scaleRouting({ method: 'POST' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['cancel'] } },
	[
		taskIdField,
		{
			displayName: 'Clear Unique ID',
			name: 'clearUniqueId',
			type: 'boolean',
			default: false,
			description: 'Whether to also free the task\'s unique ID, so a new task can be created with it',
			routing: {
				send: { type: 'query', property: 'clear_unique_id', value: '={{ $value ? true : undefined }}' },
			},
		},
	],
);
