import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many studio batches',
	description: 'List the pending Studio batches in priority order, one item per batch',
	routing: scaleRouting({ method: 'GET', url: '/studio/batches' }),
};

export const description: INodeProperties[] = [];
