import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { limitResults } from '../../../shared/output';
import { scaleRouting, sendOnce } from '../../../shared/transport';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many studio batches',
	description: 'List the pending Studio batches in priority order, one item per batch',
	routing: scaleRouting({ method: 'GET', url: '/studio/batches' }, sendOnce(), {
		output: { postReceive: [limitResults] },
	}),
};

export const description: INodeProperties[] = returnAllAndLimit({ resource: ['batch'], operation: ['getAll'] });
