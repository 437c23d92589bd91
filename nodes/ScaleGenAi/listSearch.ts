import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { PAGE_SIZE } from '../shared/transport';
import { scaleV2Request } from '../shared/transport/v2';

const SETTINGS = { safety: 'idempotent' as const, maxRetries: 2 };

function matching(objects: unknown, filter: string | undefined) {
	const needle = (filter ?? '').toLowerCase();
	return (Array.isArray(objects) ? (objects as IDataObject[]) : [])
		.filter((object) => object.id !== undefined && String(object.name ?? object.id).toLowerCase().includes(needle))
		.map((object) => ({ name: String(object.name ?? object.id), value: String(object.id) }));
}

/** GenAI projects (GET /v2/projects, one answer), by name; the value is the project ID. */
export async function searchGenAiProjects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = (await scaleV2Request(this, { method: 'GET', url: '/v2/projects' }, SETTINGS)) as IDataObject;
	return { results: matching(body?.projects, filter).sort((a, b) => a.name.localeCompare(b.name)) };
}

/** GenAI batches (GET /v2/batches, cursor pages), narrowed to the chosen project; the value is the batch ID. */
export async function searchGenAiBatches(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: PAGE_SIZE };
	if (paginationToken) qs.next_token = paginationToken;
	const project = this.getCurrentNodeParameter('project') as IDataObject | undefined;
	const value = typeof project?.value === 'string' ? project.value.trim() : '';
	if (value && !value.startsWith('=')) qs[project?.mode === 'name' ? 'project_name' : 'project_id'] = value;
	const body = (await scaleV2Request(this, { method: 'GET', url: '/v2/batches', qs }, SETTINGS)) as IDataObject;
	const next = typeof body?.next_token === 'string' && body.next_token ? body.next_token : undefined;
	return { results: matching(body?.batches, filter), paginationToken: next };
}
