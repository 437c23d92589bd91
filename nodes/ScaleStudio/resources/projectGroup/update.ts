import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions, PreSendAction } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalidInput, requireValue, requiredList, toList } from '../../../shared/input';
import { pathSegmentExpression } from '../../../shared/paths';
import { scaleRouting } from '../../../shared/transport';
import { GROUPS_PATH, groupsProject } from './fields';

const GROUP_PATH = `${GROUPS_PATH} + "/" + ${pathSegmentExpression('$parameter.groupName')}`;

/** Sends `{add_emails, remove_emails}` (both always present); at least one of them must have an address. */
const sendEmailChanges: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const add = toList(this.getNodeParameter('addEmails', ''));
	const remove = toList(this.getNodeParameter('removeEmails', ''));
	if (add.length === 0 && remove.length === 0) {
		invalidInput(this, 'Emails to Add', 'and "Emails to Remove" are both empty; set at least one of them');
	}
	requestOptions.body = {
		add_emails: add.length > 0 ? requiredList(this, 'addEmails', 'Emails to Add', { emails: true }) : [],
		remove_emails:
			remove.length > 0 ? requiredList(this, 'removeEmails', 'Emails to Remove', { emails: true }) : [],
	};
	return requestOptions;
};

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a project group',
	description: 'Add labelers to and remove labelers from a group of a Studio project',
	// The Project field sets the path. The same change applied twice ends in the same state.
	routing: scaleRouting({ method: 'PUT' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['projectGroup'], operation: ['update'] } },
	[
		groupsProject(`={{ ${GROUP_PATH} }}`),
		{
			displayName: 'Group Name',
			name: 'groupName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Night shift',
			description: 'The name of the group to change',
			routing: { send: { preSend: [requireValue('groupName', 'Group Name')] } },
		},
		{
			displayName: 'Emails to Add',
			name: 'addEmails',
			type: 'string',
			default: '',
			placeholder: 'e.g. ana@example.com, bo@example.com',
			description: 'Labelers to add to the group: comma-separated, or an expression returning a list',
			routing: { send: { preSend: [sendEmailChanges] } },
		},
		{
			displayName: 'Emails to Remove',
			name: 'removeEmails',
			type: 'string',
			default: '',
			placeholder: 'e.g. cy@example.com',
			description: 'Labelers to remove from the group: comma-separated, or an expression returning a list',
		},
	],
);
