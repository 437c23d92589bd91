import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';
import { expandField, idField } from '../fields';
import { taskOutput } from '../output';

export const option: INodePropertyOptions = {
	name: 'Get Delivery',
	value: 'getDelivery',
	action: 'Get the tasks of a dataset delivery',
	description: 'Get the tasks of one dataset delivery, one item per task',
	routing: scaleRouting({ method: 'GET', url: '/v2/datasets/delivery' }, v2ListPages({ itemsKey: 'tasks' }), {
		output: { postReceive: [taskOutput] },
	}),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['dataset'], operation: ['getDelivery'] } },
	[
		idField('Delivery ID', 'deliveryId', 'delivery_id', 'The ID of the dataset delivery'),
		...returnAllAndLimit({}),
		expandField(['dataset', 'delivery']),
	],
);
