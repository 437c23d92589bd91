import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { batchNameField } from './batchName';

export const option: INodePropertyOptions = {
	name: 'Get Status',
	value: 'getStatus',
	action: 'Get the status of a batch',
	description: 'Get a batch\'s status and its task counts per task status',
	// The URL comes from the Batch locator (see batchName.ts).
	routing: scaleRouting({ method: 'GET' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['getStatus'] } },
	[batchNameField('/status')],
);
