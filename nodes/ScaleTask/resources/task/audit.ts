import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting, sendOnce } from '../../../shared/transport';
import { taskIdField } from './taskId';

export const option: INodePropertyOptions = {
	name: 'Audit',
	value: 'audit',
	action: 'Audit a task',
	description: 'Accept or reject a completed task',
	// Scale may answer a plain "OK"; the item says what was recorded instead.
	routing: scaleRouting(
		{ method: 'POST' },
		sendOnce({ allowNonJsonBody: true }),
		{
			output: {
				postReceive: [
					async function () {
						return [
							{
								json: {
									task_id: String(this.getNodeParameter('taskId', '', { extractValue: true })).trim(),
									accepted: this.getNodeParameter('accepted') as boolean,
									audited: true,
								},
							},
						];
					},
				],
			},
		},
	),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['audit'] } },
	[
		taskIdField,
		{
			displayName: 'Accepted',
			name: 'accepted',
			type: 'boolean',
			default: true,
			description: 'Whether the task\'s response is accepted (false rejects it)',
			routing: { send: { type: 'body', property: 'accepted' } },
		},
		{
			displayName: 'Comments',
			name: 'comments',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Why, for the labelers (sent as null when empty)',
			routing: {
				send: { type: 'body', property: 'comments', value: '={{ $value === "" ? null : $value }}' },
			},
		},
	],
);
