import type { IDataObject, IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bodyObject, jsonObjectParameter, sendJsonObject } from '../../../shared/input';
import { scaleRouting } from '../../../shared/transport';
import { v2CreateOnce } from '../../../shared/transport/v2';
import { batchField, projectField } from '../fields';
import { taskOutput } from '../output';

export const option: INodePropertyOptions = {
	name: 'Create Chat Task',
	value: 'create',
	action: 'Create a GenAI chat task',
	description: 'Create a chat task in a GenAI project (to pause the workflow until the review is done, use the Scale GenAI Task and Wait node)',
	routing: scaleRouting({ method: 'POST', url: '/v2/task/chat' }, v2CreateOnce({ what: 'chat task' }), {
		output: { postReceive: [taskOutput] },
	}),
};

/** Template variables from the Fields list or the JSON parameter, as `template_variables`. */
async function sendTemplateVariables(this: IExecuteSingleFunctions, requestOptions: Parameters<typeof bodyObject>[0]) {
	const mode = this.getNodeParameter('templateVariablesMode', 'fields') as string;
	let variables: IDataObject | undefined;
	if (mode === 'json') {
		variables = jsonObjectParameter(this, 'templateVariablesJson', 'Template Variables');
	} else {
		const entries = (this.getNodeParameter('templateVariables.variable', []) as IDataObject[]) ?? [];
		if (entries.length > 0) variables = Object.fromEntries(entries.map((entry) => [String(entry.name), entry.value]));
	}
	if (variables !== undefined) requestOptions.body = { ...bodyObject(requestOptions), template_variables: variables };
	return requestOptions;
}

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['create'] } },
	[
		projectField('body', { required: true, description: 'The GenAI project the task belongs to' }),
		batchField('body', { description: 'The batch to add the task to (optional)' }),
		{
			displayName: 'Template Variables',
			name: 'templateVariablesMode',
			type: 'options',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json' },
			],
			default: 'fields',
			description: 'How to give the values that fill the project\'s task template (e.g. the prompt)',
			routing: { send: { preSend: [sendTemplateVariables] } },
		},
		{
			displayName: 'Variables',
			name: 'templateVariables',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Variable',
			default: {},
			displayOptions: { show: { templateVariablesMode: ['fields'] } },
			options: [
				{
					displayName: 'Variable',
					name: 'variable',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. prompt' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Template Variables (JSON)',
			name: 'templateVariablesJson',
			type: 'json',
			default: '{}',
			displayOptions: { show: { templateVariablesMode: ['json'] } },
			description: 'The template variables as one JSON object, e.g. {"prompt": "…", "model_response": "…"}',
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
					name: 'callbackUrl',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://n8n.example.com/webhook/…',
					description: 'Where Scale POSTs the task when it is completed (e.g. a Scale Trigger\'s URL)',
					routing: { send: { type: 'body', property: 'callback_url' } },
				},
				{
					displayName: 'Metadata',
					name: 'metadata',
					type: 'json',
					default: '{}',
					description: 'Your own data stored with the task, as a JSON object',
					routing: { send: { preSend: [sendJsonObject('additionalFields.metadata', 'Metadata', 'metadata')] } },
				},
			],
		},
	],
);
