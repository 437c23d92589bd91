import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting, sendOnce } from '../../../shared/transport';
import { taskFilters } from './taskFilters';

export const option: INodePropertyOptions = {
	name: 'Count',
	value: 'count',
	action: 'Count tasks',
	description: 'Count the tasks that match the filters',
	routing: scaleRouting({ method: 'GET', url: '/tasks', qs: { limit: 1 } }, sendOnce(), {
		output: {
			postReceive: [
				async function (_items, response) {
					return [{ json: { count: Number((response.body as IDataObject).total ?? 0) } }];
				},
			],
		},
	}),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['count'] } },
	taskFilters,
);
