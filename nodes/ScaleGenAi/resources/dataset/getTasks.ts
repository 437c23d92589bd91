import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../../shared/descriptions';
import { dateWindowFilters } from '../../../shared/fields';
import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';
import { expandField, optionalIdField } from '../fields';
import { taskOutput } from '../output';

export const option: INodePropertyOptions = {
	name: 'Get Tasks',
	value: 'getTasks',
	action: 'Get many dataset tasks',
	description: 'List the tasks of a dataset or of one of its deliveries',
	routing: scaleRouting({ method: 'GET', url: '/v2/datasets/tasks' }, v2ListPages({ itemsKey: 'tasks' }), {
		output: { postReceive: [taskOutput] },
	}),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['dataset'], operation: ['getTasks'] } },
	[
		optionalIdField('Dataset ID', 'datasetId', 'dataset_id', 'Only tasks of this dataset'),
		optionalIdField('Delivery ID', 'deliveryId', 'delivery_id', 'Only tasks of this dataset delivery'),
		...returnAllAndLimit({}),
		filtersCollection([...dateWindowFilters('Delivered', 'delivered', 'tasks delivered')]),
		expandField(['dataset', 'delivery']),
	],
);
