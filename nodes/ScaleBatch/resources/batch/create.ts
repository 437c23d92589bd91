import type {
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { projectLocator } from '../../../shared/descriptions';
import { jsonObjectParameter, requireValue } from '../../../shared/input';
import type { Executor } from '../../../shared/transport';
import { applyPostReceive, itemsFromBody, prepareRequest, scaleRequest, scaleRouting } from '../../../shared/transport';

/**
 * Sends a batch create at most once in effect. Batch names are unique, so a 409 that follows a lost answer
 * (5xx, dropped connection) is the batch an earlier attempt of this same request created: it is fetched by
 * name and returned, provided it belongs to the requested project. A plain 409 fails with Scale's message.
 */
export function createBatchExecutor(): Executor {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const prepared = await prepareRequest(this, requestData.options);
		const body = (prepared.request.body ?? {}) as IDataObject;
		const name = String(body.name ?? '');
		const recoverAfterConflict = async (afterLostAnswer: boolean) => {
			if (!afterLostAnswer) return undefined;
			const response = await scaleRequest(
				this,
				{ method: 'GET', url: `/batches/${encodeURIComponent(name)}`, extra: prepared.request.extra },
				{ ...prepared.settings, safety: 'idempotent' },
			);
			const batch = response.body as IDataObject;
			// A batch of another project with this name existed before: that is a real conflict.
			return batch.project === undefined || batch.project === body.project ? batch : undefined;
		};
		const response = await scaleRequest(this, prepared.request, {
			...prepared.settings,
			safety: 'createOnce',
			what: 'batch',
			recoverAfterConflict,
		});
		return await applyPostReceive(this, requestData, itemsFromBody(response.body), response);
	};
}

/** Sends Metadata as the body's `metadata`, `{}` when empty (as the Python SDK always does). */
async function sendMetadata(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	requestOptions.body = { ...body, metadata: jsonObjectParameter(this, 'metadata', 'Metadata') ?? {} };
	return requestOptions;
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a batch',
	description: 'Create a batch in a project, to group tasks',
	routing: scaleRouting({ method: 'POST', url: '/batches' }, createBatchExecutor()),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['batch'], operation: ['create'] } },
	[
		projectLocator({
			required: true,
			description: 'The project the batch belongs to',
			routing: {
				send: { type: 'body', property: 'project', preSend: [requireValue('project', 'Project')] },
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
			routing: { send: { type: 'body', property: 'name', preSend: [requireValue('name', 'Batch Name')] } },
		},
		{
			displayName: 'Callback URL',
			name: 'callback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/scale',
			description: 'Where Scale posts when the batch is completed; empty for none',
			routing: { send: { type: 'body', property: 'callback' } },
		},
		{
			displayName: 'Calibration Batch',
			name: 'calibrationBatch',
			type: 'boolean',
			default: false,
			description: 'Whether this is a calibration batch, used to test the project\'s instructions (Rapid projects)',
			routing: { send: { type: 'body', property: 'calibration_batch' } },
		},
		{
			displayName: 'Self Label Batch',
			name: 'selfLabelBatch',
			type: 'boolean',
			default: false,
			description: 'Whether your own team labels this batch instead of Scale\'s workforce (Rapid projects)',
			routing: { send: { type: 'body', property: 'self_label_batch' } },
		},
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'json',
			default: '{}',
			description: 'Your own data to store on the batch, as a JSON object',
			routing: { send: { preSend: [sendMetadata] } },
		},
	],
);
