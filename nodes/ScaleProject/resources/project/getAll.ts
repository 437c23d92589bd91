import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { limitResults } from '../../../shared/output';
import { scaleRouting, sendOnce } from '../../../shared/transport';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many projects',
	description: 'List all projects, one item per project',
	// Scale answers with a bare array (no paging): one item per project, the first Limit of them kept here.
	routing: scaleRouting({ method: 'GET', url: '/projects' }, sendOnce(), { output: { postReceive: [limitResults] } }),
};

export const description: INodeProperties[] = [
	...returnAllAndLimit({ resource: ['project'], operation: ['getAll'] }),
	...updateDisplayOptions({ show: { resource: ['project'], operation: ['getAll'] } }, [
		{
			// Scale's `archived` is a filter, not an "include" switch: `true` lists only archived projects,
			// `false` only unarchived ones, and leaving it out lists all (scale.com/docs/api-reference/projects).
			displayName: 'Archived Projects',
			name: 'archived',
			type: 'options',
			options: [
				{ name: 'Include', value: 'include', description: 'List archived and unarchived projects' },
				{ name: 'Exclude', value: 'exclude', description: 'List only projects that are not archived' },
				{ name: 'Only', value: 'only', description: 'List only archived projects' },
			],
			default: 'include',
			description: 'Whether archived projects are listed',
			routing: {
				send: {
					type: 'query',
					property: 'archived',
					value: '={{ $value === "only" ? true : $value === "exclude" ? false : undefined }}',
				},
			},
		},
	]),
];
