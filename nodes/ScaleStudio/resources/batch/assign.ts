import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { batchLocator } from '../../../shared/descriptions';
import { requireValue, sendRequiredList } from '../../../shared/input';
import { pathSegmentExpression } from '../../../shared/paths';
import { scaleRouting } from '../../../shared/transport';

export const option: INodePropertyOptions = {
	name: 'Assign',
	value: 'assign',
	action: 'Assign a studio batch to project groups',
	description: 'Set which project groups work on a Studio batch (replaces the groups it had)',
	// The Batch field sets the path. Setting the same groups twice ends in the same state.
	routing: scaleRouting({ method: 'PUT' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['assign'] } },
	[
		batchLocator({
			required: true,
			description: 'The Studio batch to assign',
			routing: {
				request: { url: `={{ "/studio/batches/" + ${pathSegmentExpression('$value')} }}` },
				send: { preSend: [requireValue('batch', 'Batch')] },
			},
		}),
		{
			displayName: 'Group Names',
			name: 'groups',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Night shift, Experts',
			description:
				'The project groups that should work on the batch, replacing its current groups: comma-separated, or an expression returning a list',
			routing: { send: { preSend: [sendRequiredList('groups', 'Group Names', 'groups')] } },
		},
	],
);
