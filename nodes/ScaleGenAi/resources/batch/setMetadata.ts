import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { batchField, metadataFields } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Set Metadata',
	value: 'setMetadata',
	action: 'Set the metadata of a GenAI batch',
	description: 'Replace a batch\'s metadata, or deep-merge into it',
	routing: scaleRouting({ method: 'POST', url: '/v2/batch/metadata' }, v2SendOnce()),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['setMetadata'] } },
	[batchField('body', { required: true }), ...metadataFields()],
);
