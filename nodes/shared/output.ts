import type { IDataObject, INodeProperties, PostReceiveAction } from 'n8n-workflow';

/** Simplify, as n8n's UX guidelines ask for outputs with more than ~10 fields (on by default for lists). */
export function simplifyField(show: Record<string, string[]>, onByDefault: boolean): INodeProperties {
	const field: INodeProperties = {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		displayOptions: { show },
		default: false,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	};
	return onByDefault ? { ...field, default: true } : field;
}

/** Only `keys` of an object (keys Scale did not send stay out). */
export function pickKeys(json: IDataObject, keys: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const key of keys) if (json[key] !== undefined) picked[key] = json[key];
	return picked;
}

/** A postReceive hook that keeps only `keys` of each item when Simplify is on. */
function simplifyOutput(keys: readonly string[]): PostReceiveAction {
	return async function (items) {
		if (!(this.getNodeParameter('simplify', false) as boolean)) return items;
		return items.map((item) => ({ ...item, json: pickKeys(item.json, keys) }));
	};
}

/** The fields of a task worth reading in a workflow (Scale's task object has ~20): Get, Get Many, Create and Wait. */
export const SIMPLIFIED_TASK_KEYS = [
	'task_id',
	'status',
	'type',
	'project',
	'batch',
	'created_at',
	'completed_at',
	'unique_id',
	'metadata',
	'response',
] as const;

export const simplifyTask = simplifyOutput(SIMPLIFIED_TASK_KEYS);

/** The fields of a batch worth reading in a workflow. */
export const simplifyBatch = simplifyOutput([
	'name',
	'project',
	'status',
	'created_at',
	'completed_at',
	'callback',
	'metadata',
]);

/**
 * Return All / Limit for lists Scale answers in one response (teams, Studio lists, projects): the node
 * keeps the first Limit items.
 */
export const limitResults: PostReceiveAction = async function (items) {
	if (this.getNodeParameter('returnAll', false) as boolean) return items;
	const limit = Number(this.getNodeParameter('limit', 50));
	return Number.isFinite(limit) && limit > 0 ? items.slice(0, limit) : items;
};
