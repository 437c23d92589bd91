import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { SendStrategy } from '../../../shared/transport';
import { scaleRouting } from '../../../shared/transport';
import { downloadV2File, toV2 } from '../../../shared/transport/v2';
import { requireText } from '../fields';

/** GET …/response_url/{attachment} answers 302 to the file: the file becomes the item's binary data. */
const downloadResponse: SendStrategy = async (context, prepared) => {
	const { request, settings } = toV2(prepared);
	const { file, response } = await downloadV2File(context, request, settings);
	const taskId = context.getNodeParameter('taskId', '') as string;
	const attachmentId = context.getNodeParameter('attachmentId', '') as string;
	const property = (context.getNodeParameter('binaryPropertyName', 'data') as string) || 'data';
	const binary = await context.helpers.prepareBinaryData(file.data, file.fileName ?? attachmentId, file.mimeType);
	return {
		results: [
			{
				task_id: taskId,
				attachment_id: attachmentId,
				file_name: binary.fileName,
				mime_type: binary.mimeType,
				file_size: file.data.length,
			},
		],
		binaries: [{ [property]: binary }],
		response,
	};
};

export const option: INodePropertyOptions = {
	name: 'Download Response',
	value: 'downloadResponse',
	action: 'Download a dataset task response file',
	description: 'Download a file of a dataset task\'s response as binary data',
	routing: scaleRouting(
		{
			method: 'GET',
			url: '={{ "/v2/datasets/task/" + encodeURIComponent($parameter.taskId) + "/response_url/" + encodeURIComponent($parameter.attachmentId) }}',
		},
		downloadResponse,
	),
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['dataset'], operation: ['downloadResponse'] } },
	[
		{
			displayName: 'Task ID',
			name: 'taskId',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID of the dataset task',
			routing: { send: { preSend: [requireText('taskId', 'Task ID')] } },
		},
		{
			displayName: 'Attachment ID',
			name: 'attachmentId',
			type: 'string',
			required: true,
			default: '',
			description: 'The ID of the file in the task\'s response',
			routing: { send: { preSend: [requireText('attachmentId', 'Attachment ID')] } },
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
		},
	],
);
