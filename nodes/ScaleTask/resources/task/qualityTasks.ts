import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendJsonObject } from '../../../shared/input';
import { createOnce, scaleRouting } from '../../../shared/transport';
import { TASK_TYPE_SEGMENT } from '../../../shared/fields';
import { createTaskFields } from './taskParameters';

function responseField(name: string, displayName: string, property: string, description: string, required: boolean): INodeProperties {
	return {
		displayName,
		name,
		type: 'json',
		default: '',
		required,
		description,
		routing: { send: { preSend: [sendJsonObject(name, displayName, property, { required })] } },
	};
}

// Module-level, so both operations share one field definition (and the node one property entry).
const expectedResponseField = responseField(
	'expectedResponse',
	'Expected Response (JSON)',
	'expected_response',
	'The correct response for this task, in the task type\'s response format',
	true,
);

const initialResponseField = responseField(
	'initialResponse',
	'Initial Response (JSON)',
	'initial_response',
	'For review-phase evaluation tasks: the response the reviewer starts from',
	false,
);

/**
 * Evaluation and training tasks (Rapid projects) are task creates at their own endpoint, with the
 * response the labelers are expected to give.
 */
export function qualityTaskOperation(
	value: string,
	endpoint: string,
	name: string,
	action: string,
	description: string,
	withInitialResponse: boolean,
): { option: INodePropertyOptions; description: INodeProperties[] } {
	const fields = createTaskFields(withInitialResponse ? [expectedResponseField, initialResponseField] : [expectedResponseField]);
	return {
		option: {
			name,
			value,
			action,
			description,
			routing: scaleRouting(
				{ method: 'POST', url: `={{ "/${endpoint}/" + ${TASK_TYPE_SEGMENT} }}` },
				createOnce({ what: name.replace(/^Create /, '').toLowerCase() }),
			),
		},
		description: updateDisplayOptions({ show: { resource: ['task'], operation: [value] } }, fields),
	};
}
