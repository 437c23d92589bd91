import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { projectField } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a GenAI project',
	description: 'Get a project by its ID or name',
	routing: scaleRouting({ method: 'GET', url: '/v2/project' }, v2SendOnce()),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['project'], operation: ['get'] } },
	[projectField('query', { required: true })],
);
