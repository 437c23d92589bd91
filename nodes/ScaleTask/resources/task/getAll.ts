import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { cursorPages, scaleRouting } from '../../../shared/transport';
import { taskFilters } from './taskFilters';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tasks',
	description: 'List tasks, newest first, with filters',
	routing: scaleRouting({ method: 'GET', url: '/tasks' }, cursorPages()),
};

export const description: INodeProperties[] = [
	...returnAllAndLimit({ resource: ['task'], operation: ['getAll'] }),
	...updateDisplayOptions({ show: { resource: ['task'], operation: ['getAll'] } }, taskFilters),
];
