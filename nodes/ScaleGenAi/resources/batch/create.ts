import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendJsonObject } from '../../../shared/input';
import { scaleRouting } from '../../../shared/transport';
import { v2CreateOnce } from '../../../shared/transport/v2';
import { projectField, requireText } from '../fields';

/**
 * Batch names are unique per project: after a lost answer (5xx, dropped connection) a 409 means an earlier
 * attempt created it, so the batch is read back by name and returned when it is in the same project.
 */
const createBatchOnce = v2CreateOnce({
	what: 'batch',
	uniqueKey: { property: 'name', label: 'Batch Name' },
	recover: {
		getByKey: {
			url: (name) => `/v2/batch?batch_name=${encodeURIComponent(name)}`,
			isSameRequest: (existing, requested) => {
				const project = existing.project && typeof existing.project === 'object' ? (existing.project as IDataObject) : undefined;
				const projectId = project?.id ?? existing.project;
				const sameProject =
					(requested.project_id === undefined || requested.project_id === projectId) &&
					(requested.project_name === undefined || project === undefined || requested.project_name === project.name);
				return existing.name === requested.name && sameProject;
			},
		},
	},
});

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a GenAI batch',
	description: 'Create a batch in a GenAI project',
	routing: scaleRouting({ method: 'POST', url: '/v2/batch' }, createBatchOnce),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['create'] } },
	[
		projectField('body', { required: true, description: 'The GenAI project of the batch' }),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. eval-2026-11-29',
			description: 'The batch name, unique within the project',
			routing: { send: { type: 'body', property: 'name', preSend: [requireText('name', 'Name')] } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Callback URL',
					name: 'callback',
					type: 'string',
					default: '',
					description: 'Where Scale POSTs when the batch is completed',
					routing: { send: { type: 'body', property: 'callback' } },
				},
				{
					displayName: 'Metadata',
					name: 'metadata',
					type: 'json',
					default: '{}',
					description: 'Your own data stored with the batch, as a JSON object',
					routing: { send: { preSend: [sendJsonObject('additionalFields.metadata', 'Metadata', 'metadata')] } },
				},
				{
					displayName: 'Staging Batch',
					name: 'stagingBatch',
					type: 'boolean',
					default: false,
					description: 'Whether to create the batch in staging, so tasks are only worked after Finalize',
					routing: { send: { type: 'body', property: 'staging_batch' } },
				},
			],
		},
	],
);
