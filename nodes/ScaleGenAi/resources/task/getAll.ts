import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { scaleRouting } from '../../../shared/transport';
import { v2ListPages } from '../../../shared/transport/v2';
import { batchField, expandField, optsField, projectField, taskFilters } from '../fields';
import { taskOutput } from '../output';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many GenAI tasks',
	description: 'List the tasks of a project or batch',
	routing: scaleRouting({ method: 'GET', url: '/v2/tasks' }, v2ListPages({ itemsKey: 'tasks' }), {
		output: { postReceive: [taskOutput] },
	}),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['getAll'] } },
	[
		projectField('query', { description: 'Only tasks of this project (set a project or a batch)' }),
		batchField('query', { description: 'Only tasks of this batch' }),
		...returnAllAndLimit({}),
		taskFilters,
		expandField(['project', 'batch']),
		optsField,
	],
);
