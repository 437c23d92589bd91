import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { batchField, expandField } from '../fields';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a GenAI batch',
	description: 'Get a batch by its ID or name',
	routing: scaleRouting({ method: 'GET', url: '/v2/batch' }, v2SendOnce()),
};

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['batch'], operation: ['get'] } }, [
	batchField('query', { required: true }),
	expandField(['project']),
]);
