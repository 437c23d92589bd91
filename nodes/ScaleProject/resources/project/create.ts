import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customTaskTypeField, taskTypeField, taskTypeOf, TRIMMED } from '../../../shared/fields';
import { bodyObject, jsonObjectParameter, requireValue } from '../../../shared/input';
import { createOnce, scaleRouting } from '../../../shared/transport';
import { projectPath } from './projectName';

/**
 * Project names are unique: a 409 after a lost answer is the project an earlier attempt created, provided
 * it has the requested task type (another type's project with this name is a real conflict).
 */
const createProjectExecutor = createOnce({
	what: 'project',
	uniqueKey: { property: 'name', label: 'Project Name' },
	recover: {
		getByKey: {
			url: projectPath,
			isSameRequest: (project, requested) => project.type === undefined || project.type === requested.type,
		},
	},
});

/**
 * Sends `type` (the chosen or custom task type), `params` (a JSON object, or null when empty) and
 * `datasetId` (camelCase, null when empty), as the Python SDK's create_project always does.
 */
async function sendProjectFields(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const type = taskTypeOf(this);
	// `{}` (the field's default, which n8n's JSON editor shows without an error marker) means "none", as empty does.
	const given = jsonObjectParameter(this, 'params', 'Parameters');
	const params = given && Object.keys(given).length > 0 ? given : null;
	const datasetId = String(this.getNodeParameter('datasetId', '') ?? '').trim();
	requestOptions.body = { ...bodyObject(requestOptions), type, params, datasetId: datasetId === '' ? null : datasetId };
	return requestOptions;
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a project',
	description: 'Create a project, which holds the task type, instructions and parameters shared by its tasks',
	routing: scaleRouting({ method: 'POST', url: '/projects' }, createProjectExecutor),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['project'], operation: ['create'] } },
	[
		{
			displayName: 'Project Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Street signs',
			description: 'The name of the new project; it must be unique',
			routing: {
				send: {
					type: 'body',
					property: 'name',
					value: TRIMMED,
					preSend: [requireValue('name', 'Project Name')],
				},
			},
		},
		taskTypeField({
			description: 'The kind of labeling task the project\'s tasks are',
			routing: { send: { preSend: [sendProjectFields] } },
		}),
		customTaskTypeField,
		{
			displayName: 'Parameters',
			name: 'params',
			type: 'json',
			default: '{}',
			description:
				'Default task parameters for the project\'s tasks (e.g. instruction, geometries), as a JSON object; {} for none',
		},
		{
			displayName: 'Rapid',
			name: 'rapid',
			type: 'boolean',
			default: false,
			description: 'Whether this is a Scale Rapid project',
			routing: { send: { type: 'body', property: 'rapid' } },
		},
		{
			displayName: 'Studio',
			name: 'studio',
			type: 'boolean',
			default: false,
			description: 'Whether this is a Scale Studio project, labeled by your own team',
			routing: { send: { type: 'body', property: 'studio' } },
		},
		{
			displayName: 'Dataset ID',
			name: 'datasetId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 6424b5bd3d3e2a0016b3e7a1',
			description: 'The dataset to link to the project (Rapid projects); empty for none',
		},
	],
);
