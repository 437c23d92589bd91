import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting } from '../../../shared/transport';
import { roleField, teammateEmailsField } from './fields';

export const option: INodePropertyOptions = {
	name: 'Invite',
	value: 'invite',
	action: 'Invite teammates',
	description: 'Invite people to the team with a role; outputs the whole team, one item per teammate',
	// Inviting an address that is already on the team leaves it as it is, so a retry does no harm.
	routing: scaleRouting({ method: 'POST', url: '/teams/invite' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['teammate'], operation: ['invite'] } },
	[teammateEmailsField, roleField],
);
