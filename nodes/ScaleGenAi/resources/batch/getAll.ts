import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { dateWindowFilters } from '../../../shared/fields';
import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';
import { BATCH_STATUSES, expandField, projectField } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many GenAI batches',
	description: 'List batches, optionally of one project',
	routing: scaleRouting({ method: 'GET', url: '/v2/batches' }, v2ListPages({ itemsKey: 'batches' })),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['getAll'] } },
	[
		projectField('query', { description: 'Only batches of this project' }),
		...returnAllAndLimit({}),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				...dateWindowFilters('Completed', 'completed', 'batches completed'),
				...dateWindowFilters('Created', 'created', 'batches created'),
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: BATCH_STATUSES,
					default: 'in_progress',
					description: 'Only batches with this status',
					routing: { send: { type: 'query', property: 'status' } },
				},
			],
		},
		expandField(['project']),
	],
);
