import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';
import { expandField, optsField, projectField, sendIdOrName } from '../fields';
import { taskOutput } from '../output';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get the tasks of a delivery',
	description: 'Get the tasks delivered in one delivery, one item per task',
	routing: scaleRouting({ method: 'GET', url: '/v2/delivery' }, v2ListPages({ itemsKey: 'tasks' }), {
		output: { postReceive: [taskOutput] },
	}),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['delivery'], operation: ['get'] } },
	[
		{
			displayName: 'Delivery',
			name: 'delivery',
			type: 'resourceLocator',
			required: true,
			default: { mode: 'id', value: '' },
			description: 'The delivery, by ID, or by name together with its project',
			modes: [
				{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. delivery_abc123' },
				{ displayName: 'Name', name: 'name', type: 'string', placeholder: 'e.g. 2026-11-29 delivery' },
			],
			routing: { send: { preSend: [sendIdOrName('delivery', 'Delivery', 'delivery', 'query', { required: true })] } },
		},
		{
			...projectField('query', { description: 'The project of the delivery (needed when the delivery is given by name)' }),
			// A path into another parameter needs the leading "/" on n8n 1.x: its parameter resolver only skips
			// root paths and otherwise fails the whole workflow ("Could not resolve parameter dependencies").
			displayOptions: { show: { '/delivery.mode': ['name'] } },
		},
		...returnAllAndLimit({}),
		expandField(['project', 'batch', 'delivery']),
		optsField,
	],
);
