import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { batchField } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Finalize',
	value: 'finalize',
	action: 'Finalize a GenAI batch',
	description: 'Start work on a staging batch',
	routing: scaleRouting({ method: 'POST', url: '/v2/batch/finalize' }, v2SendOnce()),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['finalize'] } },
	[batchField('body', { required: true })],
);
