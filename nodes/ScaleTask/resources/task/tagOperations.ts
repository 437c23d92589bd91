import type { IHttpRequestMethods, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendListAsBody } from '../../../shared/input';
import { scaleRouting } from '../../../shared/transport';
import { taskIdField } from './taskId';

const tagsField: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. urgent, retail',
	description: 'Comma-separated, or an expression returning a list',
	routing: { send: { preSend: [sendListAsBody('tags', 'Tags')] } },
};

/** Scale's three tag endpoints share a path and a bare JSON array body; only the method differs. */
export function tagOperation(
	value: string,
	method: IHttpRequestMethods,
	name: string,
	action: string,
	description: string,
): { option: INodePropertyOptions; description: INodeProperties[] } {
	return {
		option: {
			name,
			value,
			action,
			description,
			// The URL comes from the Task ID locator (see taskId.ts).
			routing: scaleRouting({ method }),
		},
		description: updateDisplayOptions({ show: { resource: ['task'], operation: [value] } }, [
			taskIdField,
			tagsField,
		]),
	};
}
