import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyBatch, simplifyField } from '../../../shared/output';
import { scaleRouting, sendOnce } from '../../../shared/transport';
import { batchNameField } from './batchName';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a batch',
	description: 'Get a batch by its name',
	// The URL comes from the Batch locator (see batchName.ts).
	routing: scaleRouting({ method: 'GET' }, sendOnce(), { output: { postReceive: [simplifyBatch] } }),
};

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['batch'], operation: ['get'] } }, [batchNameField()]),
	simplifyField({ resource: ['batch'], operation: ['get'] }, false),
];
