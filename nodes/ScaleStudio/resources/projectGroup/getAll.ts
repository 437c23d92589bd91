import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { limitResults } from '../../../shared/output';
import { scaleRouting, sendOnce } from '../../../shared/transport';
import { GROUPS_PATH, groupsProject } from './fields';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many project groups',
	description: 'List the labeler groups of a Studio project, one item per group',
	// The Project field sets the path.
	routing: scaleRouting({ method: 'GET' }, sendOnce(), { output: { postReceive: [limitResults] } }),
};

export const description: INodeProperties[] = [
	...returnAllAndLimit({ resource: ['projectGroup'], operation: ['getAll'] }),
	...updateDisplayOptions({ show: { resource: ['projectGroup'], operation: ['getAll'] } }, [
		groupsProject(`={{ ${GROUPS_PATH} }}`),
	]),
];
