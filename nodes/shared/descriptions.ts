import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SCALE_API_CREDENTIAL } from '../../credentials/ScaleApi.credentials';
import { OMIT_WHEN_EMPTY } from './fields';

import './n8nVersion';
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
				// Short mode names: n8n's mode dropdown is 92 px wide and clips "By Name".
				displayName: 'Name',
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
				displayName: 'Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. batch-2026-11-28',
			},
		],
		...overrides,
	};
}

/** The node's Resource selector. */
export function resourceSelector(resources: INodePropertyOptions[], defaultResource: string): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources,
		default: defaultResource,
	};
}

/** What one operation file exports: its entry in the Operation list and its fields. */
interface OperationDefinition {
	option: INodePropertyOptions;
	description: INodeProperties[];
}

/**
 * A resource's Operation selector followed by its operations' fields (copies of a field shared by several
 * operations folded into one entry, see mergeSharedFields). Operation values are stored in users' workflows:
 * never rename one.
 */
export function resourceOperations(
	resource: string,
	operations: OperationDefinition[],
	defaultOperation: string,
): INodeProperties[] {
	const fields = mergeSharedFields(operations.flatMap((operation) => operation.description));
	// A merged field sits where it first appeared, so order what n8n's panels always order the same way:
	// required fields first, then Return All and Limit (a filter shared with Count would come before them),
	// the other fields, and Additional Fields last. The sort is stable: each group keeps its order.
	const rank = (property: INodeProperties) =>
		property.required
			? 0
			: property.name === 'returnAll' || property.name === 'limit'
				? 1
				: property.name === 'additionalFields'
					? 3
					: 2;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: operations.map((operation) => operation.option),
			default: defaultOperation,
		},
		...fields.sort((a, b) => rank(a) - rank(b)),
	];
}

/** An "Additional Fields" collection (optional fields of a create), shown before the node's Options. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** A "Filters" collection of a list operation. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** Optional Project and Batch locators, sent (trimmed, left out when empty) as body or query `project` / `batch`. */
export function optionalProjectAndBatch(
	target: 'body' | 'query',
	projectDescription: string,
	batchDescription: string,
): INodeProperties[] {
	return [
		projectLocator({
			description: projectDescription,
			routing: { send: { type: target, property: 'project', value: OMIT_WHEN_EMPTY } },
		}),
		batchLocator({
			description: batchDescription,
			routing: { send: { type: target, property: 'batch', value: OMIT_WHEN_EMPTY } },
		}),
	];
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
 * What every Scale action node declares the same way: one main input and output, the Scale credential
 * (subtitle and usableAsTool stay in each class: n8n's linter looks for them there). requestDefaults has no base URL: RoutingNode would evaluate that expression for every
 * item (~1 ms each); the transport reads it from the credential once per node run instead.
 */
export const scaleActionNode = {
	group: ['transform'],
	version: 1,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: SCALE_API_CREDENTIAL, required: true }],
	requestDefaults: { headers: { Accept: 'application/json' } },
} satisfies Partial<INodeTypeDescription>;

/** Deep equality where functions (preSend/postReceive hooks) must be the very same function. */
function sameDefinition(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	return (
		keysA.length === keysB.length &&
		keysA.every((key) => sameDefinition((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
	);
}

function withoutOperations(property: INodeProperties): INodeProperties {
	const show = { ...property.displayOptions?.show };
	delete show.operation;
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

/**
 * Folds the copies of a field that several operations share (Task ID, the task filters…) into one entry
 * shown for all of them. RoutingNode evaluates every property entry for every input item, displayed or
 * not, so each duplicate entry costs time per item; the editor shows the same fields either way.
 */
export function mergeSharedFields(properties: INodeProperties[]): INodeProperties[] {
	const merged: INodeProperties[] = [];
	for (const property of properties) {
		const operations = property.displayOptions?.show?.operation;
		const twinIndex = Array.isArray(operations)
			? merged.findIndex(
					(candidate) =>
						candidate.name === property.name &&
						Array.isArray(candidate.displayOptions?.show?.operation) &&
						sameDefinition(withoutOperations(candidate), withoutOperations(property)),
				)
			: -1;
		if (twinIndex === -1) {
			merged.push(property);
			continue;
		}
		const twin = merged[twinIndex];
		const union = [...new Set([...(twin.displayOptions?.show?.operation ?? []), ...(operations ?? [])])];
		merged[twinIndex] = {
			...twin,
			displayOptions: { ...twin.displayOptions, show: { ...twin.displayOptions?.show, operation: union } },
		};
	}
	return merged;
}
