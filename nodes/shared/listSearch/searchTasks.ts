import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { taskTypeName } from '../taskTypes';
import { PAGE_SIZE, scaleRequest } from '../transport';

/**
 * The newest tasks for the Task ID list, one cursor page at a time (Scale's GET /tasks, newest first). Scale
 * has no text search, so the search text narrows each page by task ID or unique ID.
 */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: PAGE_SIZE };
	if (paginationToken) qs.next_token = paginationToken;
	const response = await scaleRequest(this, { method: 'GET', url: '/tasks', qs }, { safety: 'idempotent', maxRetries: 2 });
	const page = (response.body ?? {}) as IDataObject;
	const docs = Array.isArray(page.docs) ? (page.docs as IDataObject[]) : [];
	const needle = (filter ?? '').trim().toLowerCase();
	const results = docs
		.filter((task) => typeof task.task_id === 'string' && task.task_id !== '')
		.filter(
			(task) =>
				needle === '' ||
				String(task.task_id).toLowerCase().includes(needle) ||
				String(task.unique_id ?? '').toLowerCase().includes(needle),
		)
		.map((task) => ({
			name: [task.unique_id ?? task.task_id, task.type && taskTypeName(task.type), task.status].filter(Boolean).join(' · '),
			value: String(task.task_id),
		}));
	const next = page.has_more && docs.length > 0 ? (page.next_token as string | undefined) : undefined;
	return { results, paginationToken: next };
}
