import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { projectLocator, returnAllAndLimit } from '../../../shared/descriptions';
import { offsetPages, scaleRouting } from '../../../shared/transport';

export const BATCH_STATUSES = ['staging', 'in_progress', 'completed'];

function dateFilter(displayName: string, name: string, property: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'dateTime',
		default: '',
		description,
		routing: { send: { type: 'query', property } },
	};
}

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many batches',
	description: 'List batches, with filters',
	routing: scaleRouting({ method: 'GET', url: '/batches' }, offsetPages()),
};

export const description: INodeProperties[] = [
	...returnAllAndLimit({ resource: ['batch'], operation: ['getAll'] }),
	...updateDisplayOptions({ show: { resource: ['batch'], operation: ['getAll'] } }, [
		projectLocator({
			description: 'Only batches of this project',
			routing: {
				send: { type: 'query', property: 'project', value: '={{ $value === "" ? undefined : $value }}' },
			},
		}),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				dateFilter('Created After', 'createdAfter', 'start_time', 'Only batches created after this time'),
				dateFilter('Created Before', 'createdBefore', 'end_time', 'Only batches created before this time'),
				{
					displayName: 'Exclude Archived',
					name: 'excludeArchived',
					type: 'boolean',
					default: false,
					description: 'Whether to leave out archived batches',
					routing: { send: { type: 'query', property: 'exclude_archived' } },
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: BATCH_STATUSES.map((value) => ({ name: value, value })),
					default: 'in_progress',
					description: 'Only batches with this status',
					routing: { send: { type: 'query', property: 'status' } },
				},
			],
		},
	]),
];
