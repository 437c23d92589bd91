import type { IExecuteSingleFunctions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { invalidInput, sendJsonObjectAsBody, sendRequiredList } from './input';
import { pathSegmentExpression } from './paths';
import { CUSTOM_TASK_TYPE, taskTypeOptions } from './taskTypes';

/** A routing value for a required name or URL sent in the body: trimmed (a trailing space would be part of it). */
export const TRIMMED = '={{ String($value).trim() }}';

/** A routing value for an optional name (project, batch): trimmed, and left out of the request when empty. */
export const OMIT_WHEN_EMPTY = '={{ String($value ?? "").trim() || undefined }}';

/** A required list of email addresses, sent as `bodyProperty`. */
export function emailsField(
	description: string,
	{ name = 'emails', displayName = 'Emails', bodyProperty = 'emails' } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. ana@example.com, bo@example.com',
		description: `${description}: comma-separated, or an expression returning a list`,
		routing: { send: { preSend: [sendRequiredList(name, displayName, bodyProperty, { emails: true })] } },
	};
}

/** A date filter sent as a query parameter (Scale takes ISO 8601 times); an empty one is not sent. */
export function dateFilter(displayName: string, name: string, property: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'dateTime',
		default: '',
		description,
		routing: { send: { type: 'query', property, value: OMIT_WHEN_EMPTY } },
	};
}

/**
 * "<Label> After" / "<Label> Before" filters sent as `<prefix>_after` / `<prefix>_before` (parameters
 * `<prefix>After` / `<prefix>Before`): `dateWindowFilters('Delivered', 'delivered', 'deliveries made')`.
 */
export function dateWindowFilters(label: string, prefix: string, what: string): INodeProperties[] {
	return (['After', 'Before'] as const).map((edge) =>
		dateFilter(`${label} ${edge}`, `${prefix}${edge}`, `${prefix}_${edge.toLowerCase()}`, `Only ${what} ${edge.toLowerCase()} this time`),
	);
}

/** Created After / Created Before, sent as Scale's `start_time` / `end_time` (tasks and batches). */
export function createdFilters(what: string): INodeProperties[] {
	return [
		dateFilter('Created After', 'createdAfter', 'start_time', `Only ${what} created after this time`),
		dateFilter('Created Before', 'createdBefore', 'end_time', `Only ${what} created before this time`),
	];
}

/** Task Type: a known task type, or "Custom Type…" (then Custom Task Type). */
export function taskTypeField(extra: Partial<INodeProperties>): INodeProperties {
	return {
		displayName: 'Task Type',
		name: 'taskType',
		type: 'options',
		options: taskTypeOptions,
		default: 'imageannotation',
		required: true,
		...extra,
	};
}

/** Set Metadata's Metadata: a JSON object sent as the whole body (Scale's setMetadata endpoints replace it all). */
export const metadataAsBodyField: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'json',
	default: '{}',
	required: true,
	description: 'The new metadata, as a JSON object; it replaces the old metadata entirely',
	routing: { send: { preSend: [sendJsonObjectAsBody('metadata', 'Metadata')] } },
};

/** The task type chosen on the node (Task Type, or Custom Task Type when "Custom Type…" is chosen). */
export function taskTypeOf(context: IExecuteSingleFunctions): string {
	const chosen = String(context.getNodeParameter('taskType', ''));
	if (chosen !== CUSTOM_TASK_TYPE) return chosen;
	const custom = String(context.getNodeParameter('customTaskType', '') ?? '').trim();
	if (custom === '') invalidInput(context, 'Custom Task Type', 'is empty');
	if (!/^[a-z0-9_-]+$/i.test(custom)) {
		invalidInput(context, 'Custom Task Type', `is "${custom}"; a task type has only letters, digits, "_" and "-"`);
	}
	return custom;
}

const validateTaskType: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	taskTypeOf(this);
	return requestOptions;
};

/** Custom Task Type, shown when Task Type is "Custom Type…"; validated once, the same way everywhere. */
export const customTaskTypeField: INodeProperties = {
	displayName: 'Custom Task Type',
	name: 'customTaskType',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. audiotranscription',
	description: 'The API name of the task type, as in Scale\'s docs (e.g. audiotranscription)',
	displayOptions: { show: { taskType: [CUSTOM_TASK_TYPE] } },
	routing: { send: { preSend: [validateTaskType] } },
};

/** The task type as a URL path segment, in routing expressions (the same value taskTypeOf returns). */
export const TASK_TYPE_SEGMENT = pathSegmentExpression(
	`($parameter.taskType === "${CUSTOM_TASK_TYPE}" ? $parameter.customTaskType : $parameter.taskType)`,
);
