import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { dateWindowFilters } from '../../shared/fields';
import { bodyObject, invalidInput, sendJsonObject } from '../../shared/input';

const omitWhenEmpty = '={{ $value === "" ? undefined : $value }}';

/** A resource locator for a v2 object picked from a list, or typed as an ID or a name. */
function idOrNameLocator(
	displayName: string,
	name: string,
	searchListMethod: string | undefined,
	overrides: Partial<INodeProperties>,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: searchListMethod ? 'list' : 'id', value: '' },
		modes: [
			...(searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							typeOptions: { searchListMethod, searchable: true },
						},
					]
				: []),
			{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. 65f0c0ffee0123456789abcd' },
			{ displayName: 'Name', name: 'name', type: 'string', placeholder: `e.g. My ${displayName.toLowerCase()}` },
		],
		...overrides,
	};
}

/**
 * Sends a locator as `<prefix>_id` (list and ID modes) or `<prefix>_name` (name mode), in the query or the
 * body — v2 takes either for projects, batches and deliveries. Empty means "not set" unless required.
 */
export function sendIdOrName(
	parameter: string,
	field: string,
	prefix: string,
	target: 'query' | 'body',
	{ required = false } = {},
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const locator = this.getNodeParameter(parameter, undefined) as IDataObject | string | undefined;
		const mode = locator && typeof locator === 'object' ? String(locator.mode ?? 'id') : 'id';
		const raw = locator && typeof locator === 'object' ? locator.value : locator;
		const value = raw === undefined || raw === null ? '' : String(raw).trim();
		if (value === '') {
			if (required) invalidInput(this, field, 'is empty');
			return requestOptions;
		}
		const key = `${prefix}_${mode === 'name' ? 'name' : 'id'}`;
		if (target === 'query') requestOptions.qs = { ...requestOptions.qs, [key]: value };
		else requestOptions.body = { ...bodyObject(requestOptions), [key]: value };
		return requestOptions;
	};
}

/** Project by list, ID or name, sent as `project_id` / `project_name`. */
export function projectField(
	target: 'query' | 'body',
	{ required = false, description = 'The Scale GenAI project' } = {},
): INodeProperties {
	return idOrNameLocator('Project', 'project', 'searchGenAiProjects', {
		required,
		description,
		routing: { send: { preSend: [sendIdOrName('project', 'Project', 'project', target, { required })] } },
	});
}

/** Batch by list (of the chosen project), ID or name, sent as `batch_id` / `batch_name`. */
export function batchField(
	target: 'query' | 'body',
	{ required = false, description = 'The Scale GenAI batch' } = {},
): INodeProperties {
	return idOrNameLocator('Batch', 'batch', 'searchGenAiBatches', {
		required,
		description,
		routing: { send: { preSend: [sendIdOrName('batch', 'Batch', 'batch', target, { required })] } },
	});
}

/** A required ID sent as one query or body parameter (`task_id`, `annotation_id`…). */
export function idField(
	displayName: string,
	name: string,
	property: string,
	description: string,
	target: 'query' | 'body' = 'query',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		description,
		routing: { send: { type: target, property, preSend: [requireText(name, displayName)] } },
	};
}

/** An optional ID sent as one query parameter when set. */
export function optionalIdField(displayName: string, name: string, property: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		description,
		routing: { send: { type: 'query', property, value: omitWhenEmpty } },
	};
}

/** Rejects an empty text parameter, naming the field and the item. */
export function requireText(path: string, field: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		const value = this.getNodeParameter(path, '') as unknown;
		if (value === undefined || value === null || String(value).trim() === '') invalidInput(this, field, 'is empty');
		return requestOptions;
	};
}

const label = (value: string) =>
	value.replace(/_/g, ' ').replace(/(^|\s)\w/g, (letter) => letter.toUpperCase());

/** `expand`: which referenced objects Scale returns in full; sent as repeated keys (`expand=a&expand=b`). */
export function expandField(values: string[]): INodeProperties {
	return {
		displayName: 'Expand',
		name: 'expand',
		type: 'multiOptions',
		options: values.map((value) => ({ name: label(value), value })),
		default: [],
		description: 'Referenced objects to return in full instead of as an ID',
		routing: { send: { type: 'query', property: 'expand' } },
	};
}

/** V2 Option values (`opts`): extra details Scale adds to each task. */
export const TASK_OPTS: INodePropertyOptions[] = [
	{ name: 'Annotation Details', value: 'annotation_details' },
	{ name: 'Attachment Details', value: 'attachment_details' },
	{ name: 'Model Parameters', value: 'model_parameters' },
	{ name: 'Submissions', value: 'submissions' },
];

/** `opts`, sent as repeated keys. */
export const optsField: INodeProperties = {
	displayName: 'Include',
	name: 'opts',
	type: 'multiOptions',
	options: TASK_OPTS,
	default: [],
	description: 'Extra details to include in each task (Scale\'s opts)',
	routing: { send: { type: 'query', property: 'opts' } },
};

export const TASK_STATUSES: INodePropertyOptions[] = ['pending', 'completed', 'canceled', 'error', 'deleted'].map(
	(value) => ({ name: label(value), value }),
);

export const BATCH_STATUSES: INodePropertyOptions[] = ['staging', 'in_progress', 'completed', 'paused', 'cancelled'].map(
	(value) => ({ name: label(value), value }),
);

/** Metadata (JSON object) and whether it replaces or is deep-merged into the existing metadata. */
export function metadataFields(): INodeProperties[] {
	return [
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'json',
			required: true,
			default: '{}',
			description: 'The metadata, as a JSON object',
			routing: { send: { preSend: [sendJsonObject('metadata', 'Metadata', 'metadata', { required: true })] } },
		},
		{
			displayName: 'Mode',
			name: 'metadataMode',
			type: 'options',
			options: [
				{ name: 'Replace', value: 'replace', description: 'The metadata becomes exactly this object' },
				{ name: 'Merge', value: 'merge', description: 'Deep-merge this object into the existing metadata' },
			],
			default: 'replace',
			description: 'Whether to replace the metadata or merge into it (Scale\'s merge flag)',
			routing: { send: { type: 'body', property: 'merge', value: '={{ $value === "merge" }}' } },
		},
	];
}

/** Filters of the v2 task lists (GET /v2/tasks, GET /v2/delivery/tasks): completed window and status. */
export const taskFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		...dateWindowFilters('Completed', 'completed', 'tasks completed'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: TASK_STATUSES,
			default: 'completed',
			description: 'Only tasks with this status',
			routing: { send: { type: 'query', property: 'status' } },
		},
	],
};
