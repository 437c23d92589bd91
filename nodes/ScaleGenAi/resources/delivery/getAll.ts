import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/descriptions';
import { dateWindowFilters } from '../../../shared/fields';
import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';
import { expandField, projectField } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many deliveries',
	description: 'List the deliveries of a project, e.g. those delivered since the last run',
	routing: scaleRouting(
		{ method: 'GET', url: '/v2/deliveries' },
		v2ListPages({ itemsKey: 'deliveries', paged: false }),
	),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['delivery'], operation: ['getAll'] } },
	[
		projectField('query', { description: 'Only deliveries of this project' }),
		filtersCollection([...dateWindowFilters('Delivered', 'delivered', 'deliveries made')]),
		expandField(['project']),
	],
);
