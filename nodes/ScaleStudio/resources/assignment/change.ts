import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { scaleRouting, sendOnce } from '../../../shared/transport';
import { assignmentItems, labelerEmailsField, projectsField } from './fields';

/** Add and Remove share a body `{emails, projects}` and an answer (every assignment); only the path differs. */
export function assignmentChange(
	value: string,
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
			// Adding or removing the same assignment twice ends in the same state, so a retry does no harm.
			routing: scaleRouting({ method: 'POST', url: `/studio/assignments/${value}` }, sendOnce(), {
				output: { postReceive: [assignmentItems] },
			}),
		},
		description: updateDisplayOptions({ show: { resource: ['assignment'], operation: [value] } }, [
			labelerEmailsField,
			projectsField,
		]),
	};
}
