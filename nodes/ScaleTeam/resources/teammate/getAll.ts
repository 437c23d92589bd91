import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many teammates',
	description: 'List every member of the team, one item per teammate',
	routing: scaleRouting({ method: 'GET', url: '/teams' }),
};

export const description: INodeProperties[] = [];
