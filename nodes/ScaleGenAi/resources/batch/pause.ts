import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { batchField } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Pause',
	value: 'pause',
	action: 'Pause a GenAI batch',
	description: 'Pause work on a batch',
	routing: scaleRouting({ method: 'POST', url: '/v2/batch/pause' }, v2SendOnce()),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['pause'] } },
	[batchField('body', { required: true })],
);
