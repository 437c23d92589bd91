import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/descriptions';
import { dateWindowFilters } from '../../../shared/fields';
import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';


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
		filtersCollection([...dateWindowFilters('Created', 'created', 'projects created')]),
	],
);
