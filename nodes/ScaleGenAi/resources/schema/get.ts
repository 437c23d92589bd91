import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { v2SendOnce } from '../../../shared/transport/v2';
import { idField } from '../fields';
import { parsedSchema } from '../output';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a response schema',
	description: 'Get the JSON Schema of delivered responses, parsed',
	routing: scaleRouting({ method: 'GET', url: '/v2/schema' }, v2SendOnce(), { output: { postReceive: [parsedSchema] } }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['schema'], operation: ['get'] } },
	[idField('Schema ID', 'schemaId', 'schema_id', 'The ID of the schema, e.g. a delivered task\'s response_schema_id')],
);
