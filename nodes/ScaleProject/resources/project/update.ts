import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { jsonObjectParameter } from '../../../shared/input';
import { scaleRouting } from '../../../shared/transport';
import { projectNameField } from './projectName';

/** Sends `{...Parameters, patch, instruction?}`: the Patch and Instruction fields win over keys of the same name. */
async function sendParams(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const params = jsonObjectParameter(this, 'params', 'Parameters') ?? {};
	const instruction = String(this.getNodeParameter('instruction', '') ?? '');
	requestOptions.body = {
		...params,
		patch: this.getNodeParameter('patch', true) as boolean,
		...(instruction === '' ? {} : { instruction }),
	};
	return requestOptions;
}

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a project',
	description: 'Set a project\'s instruction and default task parameters (adds a new parameter version)',
	// The URL comes from the Project locator (see projectName.ts). Setting the same parameters again ends in
	// the same state, so the request is retried.
	routing: scaleRouting({ method: 'POST' }),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['project'], operation: ['update'] } },
	[
		projectNameField('/setParams'),
		{
			displayName: 'Patch',
			name: 'patch',
			type: 'boolean',
			default: true,
			description:
				'Whether to merge these parameters into the project\'s current ones. Turned off, they replace all current parameters.',
			routing: { send: { preSend: [sendParams] } },
		},
		{
			displayName: 'Instruction',
			name: 'instruction',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'What labelers should do (Markdown); empty to leave it out',
		},
		{
			displayName: 'Parameters',
			name: 'params',
			type: 'json',
			default: '{}',
			description:
				'Task parameters to set, as a JSON object (e.g. {"geometries": {…}}); Patch and Instruction above win over keys of the same name',
		},
	],
);
