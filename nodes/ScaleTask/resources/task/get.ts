import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField, simplifyTask } from '../../../shared/output';
import { scaleRouting, sendOnce } from '../../../shared/transport';
import { taskIdField } from './taskId';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a task',
	description: 'Get a task by its ID',
	// The URL comes from the Task ID locator (see taskId.ts).
	routing: scaleRouting({ method: 'GET' }, sendOnce(), { output: { postReceive: [simplifyTask] } }),
};

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, [taskIdField]),
	simplifyField({ resource: ['task'], operation: ['get'] }, false),
];
