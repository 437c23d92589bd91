import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { limitResults } from '../../../shared/output';
import { scaleRouting, sendOnce } from '../../../shared/transport';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many teammates',
	description: 'List the members of the team, one item per teammate',
	// Scale answers with the whole team in one array; Limit is applied here.
	routing: scaleRouting({ method: 'GET', url: '/teams' }, sendOnce(), { output: { postReceive: [limitResults] } }),
};

export const description: INodeProperties[] = returnAllAndLimit({ resource: ['teammate'], operation: ['getAll'] });
