import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/descriptions';
import { dateWindowFilters } from '../../../shared/fields';
import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';
import { expandField, optionalIdField } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Get Deliveries',
	value: 'getDeliveries',
	action: 'Get the deliveries of a dataset',
	description: 'List dataset deliveries, e.g. those delivered since the last run',
	routing: scaleRouting(
		{ method: 'GET', url: '/v2/datasets/deliveries' },
		v2ListPages({ itemsKey: 'deliveries', paged: false }),
	),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['dataset'], operation: ['getDeliveries'] } },
	[
		optionalIdField('Dataset ID', 'datasetId', 'dataset_id', 'Only deliveries of this dataset'),
		filtersCollection([...dateWindowFilters('Delivered', 'delivered', 'deliveries made')]),
		expandField(['dataset']),
	],
);
