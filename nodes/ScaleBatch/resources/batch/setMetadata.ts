import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { metadataAsBodyField } from '../../../shared/fields';
import { scaleRouting } from '../../../shared/transport';
import { batchNameField } from './batchName';

export const option: INodePropertyOptions = {
	name: 'Set Metadata',
	value: 'setMetadata',
	action: 'Set the metadata of a batch',
	description: 'Replace a batch\'s metadata',
	// The URL comes from the Batch locator (see batchName.ts).
	routing: scaleRouting({ method: 'POST' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['setMetadata'] } },
	[
		batchNameField('/setMetadata'),
		metadataAsBodyField,
	],
);
