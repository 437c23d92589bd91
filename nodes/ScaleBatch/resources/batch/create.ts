import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { TRIMMED } from '../../../shared/fields';
import { additionalFieldsCollection, projectLocator } from '../../../shared/descriptions';
import { bodyObject, jsonObjectParameter, requireValue } from '../../../shared/input';
import { pathSegment } from '../../../shared/paths';
import { createOnce, scaleRouting } from '../../../shared/transport';

/**
 * Batch names are unique: a 409 after a lost answer is the batch an earlier attempt created, provided it
 * belongs to the requested project (another project's batch with this name is a real conflict).
 */
const createBatchExecutor = createOnce({
	what: 'batch',
	uniqueKey: { property: 'name', label: 'Batch Name' },
	recover: {
		getByKey: {
			url: (name) => `/batches/${pathSegment(name)}`,
			isSameRequest: (batch, requested) => batch.project === undefined || batch.project === requested.project,
		},
	},
});

/**
 * Sends every optional field, with the Python SDK's defaults for those not set (`create_batch` always sends
 * callback "", both flags false and metadata {}).
 */
async function sendOptionalFields(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const metadata = jsonObjectParameter(this, 'additionalFields.metadata', 'Metadata') ?? {};
	const defaults = { callback: '', calibration_batch: false, self_label_batch: false };
	requestOptions.body = { ...defaults, ...bodyObject(requestOptions), metadata };
	return requestOptions;
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a batch',
	description: 'Create a batch in a project, to group tasks',
	routing: scaleRouting({ method: 'POST', url: '/batches' }, createBatchExecutor),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['create'] } },
	[
		projectLocator({
			required: true,
			description: 'The project the batch belongs to',
			routing: {
				send: {
					type: 'body',
					property: 'project',
					value: TRIMMED,
					preSend: [requireValue('project', 'Project'), sendOptionalFields],
				},
			},
		}),
		{
			displayName: 'Batch Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. batch-2026-11-28',
			description: 'The name of the new batch; it must be unique',
			routing: {
				send: {
					type: 'body',
					property: 'name',
					value: TRIMMED,
					preSend: [requireValue('name', 'Batch Name')],
				},
			},
		},
		additionalFieldsCollection([
			{
				displayName: 'Callback URL',
				name: 'callback',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/scale',
				description: 'Where Scale posts when the batch is completed',
				routing: { send: { type: 'body', property: 'callback' } },
			},
			{
				displayName: 'Calibration Batch',
				name: 'calibrationBatch',
				type: 'boolean',
				default: false,
				description:
					'Whether this is a calibration batch, used to test the project\'s instructions (Rapid projects)',
				routing: { send: { type: 'body', property: 'calibration_batch' } },
			},
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'json',
				default: '{}',
				description: 'Your own data to store on the batch, as a JSON object',
			},
			{
				displayName: 'Self Label Batch',
				name: 'selfLabelBatch',
				type: 'boolean',
				default: false,
				description: 'Whether your own team labels this batch instead of Scale\'s workforce (Rapid projects)',
				routing: { send: { type: 'body', property: 'self_label_batch' } },
			},
		]),
	],
);
