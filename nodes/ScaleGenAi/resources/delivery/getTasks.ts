import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';
import { optionalIdField, projectField, taskFilters } from '../fields';
import { taskOutput } from '../output';

export const option: INodePropertyOptions = {
	name: 'Get Delivered Tasks',
	value: 'getTasks',
	action: 'Get delivered tasks',
	description: 'List delivered tasks of a project with their responses (Scale\'s get_delivery_tasks)',
	routing: scaleRouting({ method: 'GET', url: '/v2/delivery/tasks' }, v2ListPages({ itemsKey: 'docs' }), {
		output: { postReceive: [taskOutput] },
	}),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['delivery'], operation: ['getTasks'] } },
	[
		projectField('query', { required: true, description: 'The project of the delivered tasks' }),
		optionalIdField('Delivery ID', 'deliveryId', 'delivery_id', 'Only tasks of this delivery'),
		...returnAllAndLimit({}),
		taskFilters,
	],
);
