import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { limitResults } from '../../../shared/output';
import { scaleRouting, sendOnce } from '../../../shared/transport';
import { assignmentItems } from './fields';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many assignments',
	description: 'List which Studio projects each labeler is assigned to, one item per teammate',
	routing: scaleRouting({ method: 'GET', url: '/studio/assignments' }, sendOnce(), {
		output: { postReceive: [assignmentItems, limitResults] },
	}),
};

export const description: INodeProperties[] = returnAllAndLimit({ resource: ['assignment'], operation: ['getAll'] });
