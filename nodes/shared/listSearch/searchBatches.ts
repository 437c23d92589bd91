import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { PAGE_SIZE, scaleRequest } from '../transport';

/**
 * The project picked on the node, if the current operation has one. (extractValue would throw for
 * operations that have no Project parameter, such as Finalize.)
 */
function chosenProject(context: ILoadOptionsFunctions): string | undefined {
	const value = context.getCurrentNodeParameter('project') as unknown;
	const name = value && typeof value === 'object' ? (value as IDataObject).value : value;
	return typeof name === 'string' && name.trim() && !name.startsWith('=') ? name.trim() : undefined;
}

/** Batches for the Batch list, one offset page at a time, narrowed to the node's project when one is chosen. */
export async function searchBatches(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = { offset, limit: PAGE_SIZE, exclude_archived: true };
	const project = chosenProject(this);
	if (project) qs.project = project;
	const response = await scaleRequest(
		this,
		{ method: 'GET', url: '/batches', qs },
		{ safety: 'idempotent', maxRetries: 2 },
	);
	const page = (response.body ?? {}) as IDataObject;
	const docs = Array.isArray(page.docs) ? (page.docs as IDataObject[]) : [];
	const needle = (filter ?? '').toLowerCase();
	const results = docs
		.map((batch) => String(batch.name ?? ''))
		.filter((name) => name && name.toLowerCase().includes(needle))
		.map((name) => ({ name, value: name }));
	const next = offset + docs.length;
	return { results, paginationToken: page.has_more && docs.length > 0 ? String(next) : undefined };
}
