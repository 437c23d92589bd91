import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { projectNameField } from './projectName';

export const option: INodePropertyOptions = {
	name: 'Get Template',
	value: 'getTemplate',
	action: 'Get the task template of a project',
	description: 'Get the task template of a Chat or Text Collection project: its template variables and response schema',
	// The URL comes from the Project locator (see projectName.ts).
	routing: scaleRouting({ method: 'GET' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['project'], operation: ['getTemplate'] } },
	[projectNameField('/taskTemplates')],
);
