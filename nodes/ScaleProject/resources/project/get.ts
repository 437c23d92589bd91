import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { projectNameField } from './projectName';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a project',
	description: 'Get a project by its name, with its parameter history',
	// The URL comes from the Project locator (see projectName.ts).
	routing: scaleRouting({ method: 'GET' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['project'], operation: ['get'] } },
	[projectNameField()],
);
