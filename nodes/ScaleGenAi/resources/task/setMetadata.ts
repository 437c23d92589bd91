import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { idField, metadataFields } from '../fields';
import { taskOutput } from '../output';

export const option: INodePropertyOptions = {
	name: 'Set Metadata',
	value: 'setMetadata',
	action: 'Set the metadata of a GenAI task',
	description: 'Replace a task\'s metadata, or deep-merge into it',
	routing: scaleRouting({ method: 'POST', url: '/v2/task/metadata' }, v2SendOnce(), {
		output: { postReceive: [taskOutput] },
	}),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['setMetadata'] } },
	[idField('Task ID', 'taskId', 'task_id', 'The ID of the task', 'body'), ...metadataFields()],
);
