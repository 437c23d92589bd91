import type { IDataObject, IExecutePaginationFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireValue } from '../../../shared/input';
import type { Executor } from '../../../shared/transport';
import { applyPostReceive, itemsFromBody, prepareRequest, scaleRequest, scaleRouting } from '../../../shared/transport';
import { conflictAfterLostAnswer, fileFields, sendFileFields } from './fields';

/** Sends an import like an upload: never twice, unless a Reference ID makes a retry safe. */
export function importFileExecutor(): Executor {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const prepared = await prepareRequest(this, requestData.options);
		const body = (prepared.request.body ?? {}) as IDataObject;
		const referenceId = typeof body.reference_id === 'string' ? body.reference_id : '';
		const response = await scaleRequest(this, prepared.request, {
			...prepared.settings,
			safety: 'createOnce',
			what: 'file',
			uniqueKey: 'Reference ID',
			recoverAfterConflict:
				referenceId === '' ? undefined : conflictAfterLostAnswer(this, referenceId, prepared.settings.itemIndex),
		});
		return await applyPostReceive(this, requestData, itemsFromBody(response.body), response);
	};
}

export const option: INodePropertyOptions = {
	name: 'Import',
	value: 'import',
	action: 'Import a file from a URL',
	description: 'Have Scale fetch a file from a URL and store it, to use as a task attachment',
	routing: scaleRouting({ method: 'POST', url: '/files/import' }, importFileExecutor()),
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
					value: '={{ String($value).trim() }}',
					preSend: [requireValue('fileUrl', 'File URL'), sendFileFields('object')],
				},
			},
		},
	]),
	...fileFields('import'),
];
