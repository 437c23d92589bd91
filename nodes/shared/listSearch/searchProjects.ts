import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { scaleRequest } from '../transport';

/** Projects for the Project list: Scale returns them all in one array, so the filter is applied here. */
export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const response = await scaleRequest(
		this,
		{ method: 'GET', url: '/projects' },
		{ safety: 'idempotent', maxRetries: 2 },
	);
	const needle = (filter ?? '').toLowerCase();
	const projects = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
	const results = projects
		.map((project) => String(project.name ?? ''))
		.filter((name) => name && name.toLowerCase().includes(needle))
		.sort((a, b) => a.localeCompare(b))
		.map((name) => ({ name, value: name }));
	return { results };
}
