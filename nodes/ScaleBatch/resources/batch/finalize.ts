import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { batchNameField } from './batchName';

export const option: INodePropertyOptions = {
	name: 'Finalize',
	value: 'finalize',
	action: 'Finalize a batch',
	description: 'Finalize a batch so its tasks start being worked on (Rapid and Studio projects)',
	// The URL comes from the Batch locator (see batchName.ts). Finalizing twice is harmless, so it is retried.
	routing: scaleRouting({ method: 'POST' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['finalize'] } },
	[batchNameField('/finalize')],
);
