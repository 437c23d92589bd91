import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { emailsField, TRIMMED } from '../../../shared/fields';
import { requireValue } from '../../../shared/input';
import { scaleRouting, sendOnce } from '../../../shared/transport';
import { GROUPS_PATH, groupsProject } from './fields';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a project group',
	description: 'Create a group of labelers in a Studio project',
	// The Project field sets the path. A create is never repeated when Scale may already have made the group.
	routing: scaleRouting({ method: 'POST' }, sendOnce({ safety: 'createOnce' })),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['projectGroup'], operation: ['create'] } },
	[
		groupsProject(`={{ ${GROUPS_PATH} }}`),
		{
			displayName: 'Group Name',
			name: 'groupName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Night shift',
			description: 'The name of the new group, unique within the project',
			routing: {
				send: {
					type: 'body',
					property: 'name',
					value: TRIMMED,
					preSend: [requireValue('groupName', 'Group Name')],
				},
			},
		},
		emailsField('Email addresses of the group\'s labelers'),
	],
);
