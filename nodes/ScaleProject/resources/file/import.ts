import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { TRIMMED } from '../../../shared/fields';
import { requireValue } from '../../../shared/input';
import { createOnce, scaleRouting } from '../../../shared/transport';
import { createFileOnce, fileFields, sendFileFields } from './fields';

export const option: INodePropertyOptions = {
	name: 'Import',
	value: 'import',
	action: 'Import a file from a URL',
	description: 'Have Scale fetch a file from a URL and store it, to use as a task attachment',
	routing: scaleRouting(
		{ method: 'POST', url: '/files/import' },
		createOnce(createFileOnce),
	),
};

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['file'], operation: ['import'] } }, [
		{
			displayName: 'File URL',
			name: 'fileUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/receipt-42.pdf',
			description: 'Where Scale downloads the file from',
			routing: {
				send: {
					type: 'body',
					property: 'file_url',
					value: TRIMMED,
					preSend: [requireValue('fileUrl', 'File URL'), sendFileFields('object')],
				},
			},
		},
	]),
	...fileFields('import'),
];
