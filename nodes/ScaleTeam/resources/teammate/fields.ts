import type { INodeProperties } from 'n8n-workflow';

import { emailsField } from '../../../shared/fields';

export const teammateEmailsField = emailsField('Email addresses of the teammates');

/** Scale's team roles (the Python SDK's `TeammateRole`, scaleapi/teams.py). */
export const roleField: INodeProperties = {
	displayName: 'Role',
	name: 'role',
	type: 'options',
	options: [
		{ name: 'Admin', value: 'admin', description: 'Full access; Scale may refuse to grant it through the API' },
		{ name: 'Labeler', value: 'labeler', description: 'Works on tasks in Scale Studio' },
		{ name: 'Manager', value: 'manager', description: 'Manages projects and the team' },
		{ name: 'Member', value: 'member', description: 'Team member without management rights' },
	],
	default: 'labeler',
	required: true,
	description: 'The team role to give the teammates',
	routing: { send: { type: 'body', property: 'team_role' } },
};
