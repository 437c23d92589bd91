import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { batchField } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel a GenAI batch',
	description: 'Cancel a batch (not possible once completed)',
	routing: scaleRouting({ method: 'POST', url: '/v2/batch/cancel' }, v2SendOnce()),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['cancel'] } },
	[batchField('body', { required: true })],
);
