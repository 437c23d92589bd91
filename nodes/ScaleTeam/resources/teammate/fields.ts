import type { INodeProperties } from 'n8n-workflow';

import { sendRequiredList } from '../../../shared/input';

export const emailsField: INodeProperties = {
	displayName: 'Emails',
	name: 'emails',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. ana@example.com, bo@example.com',
	description: 'Email addresses of the teammates: comma-separated, or an expression returning a list',
	routing: { send: { preSend: [sendRequiredList('emails', 'Emails', 'emails', { emails: true })] } },
};

/** Scale's TeammateRole values (spec §8). */
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
