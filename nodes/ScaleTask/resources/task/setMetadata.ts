import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendJsonObjectAsBody } from '../../../shared/input';
import { scaleRouting } from '../../../shared/transport';
import { TASK_PATH, taskIdField } from './taskId';

export const option: INodePropertyOptions = {
	name: 'Set Metadata',
	value: 'setMetadata',
	action: 'Set the metadata of a task',
	description: 'Replace a task\'s metadata',
	routing: scaleRouting({ method: 'POST', url: `={{ ${TASK_PATH} + "/setMetadata" }}` }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['setMetadata'] } },
	[
		taskIdField,
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'json',
			default: '{}',
			required: true,
			description: 'The new metadata, as a JSON object; it replaces the old metadata entirely',
			routing: { send: { preSend: [sendJsonObjectAsBody('metadata', 'Metadata')] } },
		},
	],
);
