import type { INodeProperties } from 'n8n-workflow';

import { SCALE_BASE_URL_EXPRESSION } from '../../credentials/ScaleApi.credentials';
import { DEFAULT_MAX_CONCURRENT_REQUESTS, DEFAULT_MAX_RETRIES } from './transport/run-state';

/** A project chosen from a searchable list or typed by name. */
export function projectLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Project',
		name: 'project',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The Scale project',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchProjects', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Street signs',
			},
		],
		...overrides,
	};
}

/** A batch chosen from a searchable list (narrowed to the chosen project, if any) or typed by name. */
export function batchLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Batch',
		name: 'batch',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'The Scale batch',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchBatches', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. batch-2026-11-28',
			},
		],
		...overrides,
	};
}

/** Return All + Limit for list operations (the transport reads them while paging). */
export function returnAllAndLimit(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}


/** The node's Options: how the shared transport sends requests, plus any operation-specific options. */
export function requestOptionsCollection(extra: INodeProperties[] = []): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: DEFAULT_MAX_CONCURRENT_REQUESTS,
			description:
				'How many requests to Scale this node keeps in flight at once across its input items. Lower it if Scale rate-limits you.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: DEFAULT_MAX_RETRIES,
			description:
				'How often one request is retried after a rate limit (429), a timeout or a server error, with exponential backoff. Creates are only retried when that cannot create a duplicate.',
		},
		...extra,
	];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * Every Scale node's requestDefaults. RoutingNode evaluates them per item; the base URL comes from the
 * credential, and the shared transport sends the rest.
 */
export const scaleRequestDefaults = {
	baseURL: SCALE_BASE_URL_EXPRESSION,
	headers: { Accept: 'application/json' },
};
