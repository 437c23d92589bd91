import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { metadataAsBodyField } from '../../../shared/fields';
import { scaleRouting } from '../../../shared/transport';
import { taskIdField } from './taskId';

export const option: INodePropertyOptions = {
	name: 'Set Metadata',
	value: 'setMetadata',
	action: 'Set the metadata of a task',
	description: 'Replace a task\'s metadata',
	// The URL comes from the Task ID locator (see taskId.ts).
	routing: scaleRouting({ method: 'POST' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['setMetadata'] } },
	[taskIdField, metadataAsBodyField],
);
