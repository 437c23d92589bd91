import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import { projectLocator } from '../../../shared/descriptions';
import { bodyObject, jsonObjectParameter } from '../../../shared/input';
import type { CreateOnceOptions } from '../../../shared/transport';

/**
 * Sends the optional fields of a file upload or import under Scale's names, leaving out the empty ones:
 * `project_name`, `display_name`, `reference_id` and `metadata` — JSON text in a multipart upload (Scale
 * reads form fields as text), a JSON object in an import.
 */
export function sendFileFields(metadataAs: 'text' | 'object'): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const text = (path: string) => String(this.getNodeParameter(path, '', { extractValue: true }) ?? '').trim();
		const fields: IDataObject = {};
		const project = text('project');
		if (project !== '') fields.project_name = project;
		const displayName = text('additionalFields.displayName');
		if (displayName !== '') fields.display_name = displayName;
		const referenceId = text('additionalFields.referenceId');
		if (referenceId !== '') fields.reference_id = referenceId;
		const additionalFields = (this.getNodeParameter('additionalFields', {}) ?? {}) as IDataObject;
		const metadata =
			additionalFields.metadata === undefined
				? undefined
				: jsonObjectParameter(this, 'additionalFields.metadata', 'Metadata');
		if (metadata !== undefined) fields.metadata = metadataAs === 'text' ? JSON.stringify(metadata) : metadata;
		requestOptions.body = { ...bodyObject(requestOptions), ...fields };
		return requestOptions;
	};
}

/**
 * Reference IDs are unique: with one, a 409 after a lost answer means an earlier attempt stored the file.
 * Scale has no lookup by reference ID, so the item fails saying so (rather than uploading it twice);
 * without a Reference ID nothing can be looked up and ambiguous failures are not retried.
 */
export const createFileOnce: Omit<CreateOnceOptions, 'buildRequest'> = {
	what: 'file',
	uniqueKey: { property: 'reference_id', label: 'Reference ID' },
	recover: { none: true },
};

/** The fields an upload and an import share: the project and the optional Additional Fields. */
export function fileFields(operation: string): INodeProperties[] {
	const show = { resource: ['file'], operation: [operation] };
	return [
		projectLocator({
			description: 'The project to attach the file to (optional)',
			displayOptions: { show },
		}),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Display Name',
					name: 'displayName',
					type: 'string',
					default: '',
					placeholder: 'e.g. Receipt 42',
					description: 'The name Scale shows for the file',
				},
				{
					displayName: 'Metadata',
					name: 'metadata',
					type: 'json',
					default: '{}',
					description: 'Your own data to store with the file, as a JSON object',
				},
				{
					displayName: 'Reference ID',
					name: 'referenceId',
					type: 'string',
					default: '',
					placeholder: 'e.g. receipt-42',
					description:
						'Your ID for this file. Scale refuses a second file with the same reference ID, which makes the request safe to retry.',
				},
			],
		},
	];
}
