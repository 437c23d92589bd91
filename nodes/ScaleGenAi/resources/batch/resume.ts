import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { batchField } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Resume',
	value: 'resume',
	action: 'Resume a GenAI batch',
	description: 'Resume a paused batch',
	routing: scaleRouting({ method: 'POST', url: '/v2/batch/resume' }, v2SendOnce()),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['resume'] } },
	[batchField('body', { required: true })],
);
