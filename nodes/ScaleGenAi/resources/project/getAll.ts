import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';
import { dateFilter } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many GenAI projects',
	description: 'List every project the API key can see (one answer, not paged)',
	routing: scaleRouting({ method: 'GET', url: '/v2/projects' }, v2ListPages({ itemsKey: 'projects', paged: false })),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['project'], operation: ['getAll'] } },
	[
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				dateFilter('Created After', 'created_after', 'Only projects created after this time'),
				dateFilter('Created Before', 'created_before', 'Only projects created before this time'),
			],
		},
	],
);
