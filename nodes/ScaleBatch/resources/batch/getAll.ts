import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection, projectLocator, returnAllAndLimit } from '../../../shared/descriptions';
import { createdFilters, OMIT_WHEN_EMPTY } from '../../../shared/fields';
import { simplifyBatch, simplifyField } from '../../../shared/output';
import { batchStatusOptions } from '../../../shared/taskTypes';
import { offsetPages, scaleRouting } from '../../../shared/transport';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many batches',
	description: 'List batches, with filters',
	routing: scaleRouting({ method: 'GET', url: '/batches' }, offsetPages(), {
		output: { postReceive: [simplifyBatch] },
	}),
};

export const description: INodeProperties[] = [
	...returnAllAndLimit({ resource: ['batch'], operation: ['getAll'] }),
	...updateDisplayOptions({ show: { resource: ['batch'], operation: ['getAll'] } }, [
		projectLocator({
			description: 'Only batches of this project',
			routing: {
				send: { type: 'query', property: 'project', value: OMIT_WHEN_EMPTY },
			},
		}),
		filtersCollection([
			...createdFilters('batches'),
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
				options: batchStatusOptions,
				default: 'in_progress',
				description: 'Only batches with this status',
				routing: { send: { type: 'query', property: 'status' } },
			},
		]),
	]),
	simplifyField({ resource: ['batch'], operation: ['getAll'] }, true),
];
