import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { roleField, teammateEmailsField } from './fields';

export const option: INodePropertyOptions = {
	name: 'Update Role',
	value: 'updateRole',
	action: 'Update the role of teammates',
	description: 'Give teammates a new role; outputs the whole team, one item per teammate',
	routing: scaleRouting({ method: 'POST', url: '/teams/set_role' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['teammate'], operation: ['updateRole'] } },
	[teammateEmailsField, { ...roleField, description: 'The new team role' }],
);
