import type {
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalidInput } from '../../../shared/input';
import type { PreparedRequest, ScaleRequest } from '../../../shared/transport';
import { createOnce, scaleRouting } from '../../../shared/transport';
import { createFileOnce, fileFields, sendFileFields } from './fields';

const FIELD = 'Input Binary Field';

function binaryPropertyName(context: IExecuteSingleFunctions): string {
	return String(context.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
}

/** Fails the item, before anything of the run is sent, when it has no binary property of that name. */
async function requireBinary(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const name = binaryPropertyName(this);
	if (name === '') invalidInput(this, FIELD, 'is empty');
	try {
		this.helpers.assertBinaryData(name);
	} catch {
		invalidInput(this, FIELD, `is "${name}", but the input item has no binary property "${name}"`);
	}
	return requestOptions;
}

/**
 * Uploads the item's binary file as multipart/form-data: a `file` part (bytes, file name, MIME type) plus
 * the plain fields prepared by the fields' preSend. A multipart body can be sent only once, so every attempt
 * gets a fresh one from `bodyFactory`; the transport leaves its Content-Type (with the boundary) to the client.
 */
async function multipartRequest(
	context: IExecutePaginationFunctions,
	{ request }: PreparedRequest,
): Promise<ScaleRequest> {
	const name = binaryPropertyName(context);
	const binary = context.helpers.assertBinaryData(name);
	const bytes = new Uint8Array(await context.helpers.getBinaryDataBuffer(name));
	const fields = (request.body ?? {}) as IDataObject;
	const bodyFactory = () => {
		const form = new FormData();
		form.append('file', new Blob([bytes], { type: binary.mimeType || 'application/octet-stream' }), binary.fileName ?? 'file');
		for (const [key, value] of Object.entries(fields)) {
			if (value !== undefined && value !== null) form.append(key, String(value));
		}
		return form;
	};
	return { ...request, body: undefined, bodyFactory };
}

export const option: INodePropertyOptions = {
	name: 'Upload',
	value: 'upload',
	action: 'Upload a file',
	description: 'Upload a file from the input item\'s binary data to Scale, to use as a task attachment',
	routing: scaleRouting(
		{ method: 'POST', url: '/files/upload' },
		createOnce({ ...createFileOnce, buildRequest: multipartRequest }),
	),
};

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['file'], operation: ['upload'] } }, [
		{
			displayName: FIELD,
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			placeholder: 'e.g. data',
			hint: 'The name of the input binary field containing the file to be uploaded',
			description: 'The binary property of the input item that holds the file',
			routing: { send: { preSend: [requireBinary, sendFileFields('text')] } },
		},
	]),
	...fileFields('upload'),
];
