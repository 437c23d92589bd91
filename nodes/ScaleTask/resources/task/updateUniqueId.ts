import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireValue } from '../../../shared/input';
import { scaleRouting } from '../../../shared/transport';
import { taskIdField } from './taskId';

export const option: INodePropertyOptions = {
	name: 'Update Unique ID',
	value: 'updateUniqueId',
	action: 'Update the unique ID of a task',
	description: 'Give a task a new unique ID',
	routing: scaleRouting({ method: 'POST' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['updateUniqueId'] } },
	[
		taskIdField,
		{
			displayName: 'Unique ID',
			name: 'uniqueId',
			type: 'string',
			default: '',
			required: true,
			description: 'The new unique ID; Scale answers 409 if another task has it',
			routing: {
				send: {
					type: 'body',
					property: 'unique_id',
					preSend: [requireValue('uniqueId', 'Unique ID')],
				},
			},
		},
	],
);
