import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many datasets',
	description: 'List the datasets the API key can see',
	routing: scaleRouting({ method: 'GET', url: '/v2/datasets' }, v2ListPages({ itemsKey: 'datasets', paged: false })),
};

export const description: INodeProperties[] = [];
