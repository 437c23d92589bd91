import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { Cursor } from '../cursor';
import { advance, queryFrom, timeOf } from '../cursor';
import type { PollFilters } from '../shared';
import { docsOf, getJson, iso, nothingYet, PAGE_LIMIT } from '../shared';

/** GET /tasks filters (Python SDK `get_tasks`: project, batch, type, status, completed_after). */
function taskQuery(filters: PollFilters): IDataObject {
	const qs: IDataObject = { status: 'completed' };
	if (filters.project) qs.project = filters.project;
	if (filters.batch) qs.batch = filters.batch;
	// Scale's `type` takes one task type; several are filtered here instead.
	if (filters.taskTypes.length === 1) qs.type = filters.taskTypes[0];
	return qs;
}

const ofChosenType = (filters: PollFilters) => (task: IDataObject) =>
	filters.taskTypes.length === 0 || filters.taskTypes.includes(String(task.type));

/**
 * Every task completed since the cursor's lower bound, all pages (Scale lists them newest-created first, so
 * a poll has to read them all before the completion times are known), unless the deadline comes first.
 */
export async function pollCompletedTasks(
	context: IPollFunctions,
	filters: PollFilters,
	cursor: Cursor,
	deadline: number,
): Promise<{ cursor: Cursor; items: INodeExecutionData[] }> {
	const qs: IDataObject = { ...taskQuery(filters), completed_after: iso(queryFrom(cursor)), limit: PAGE_LIMIT };
	const tasks: IDataObject[] = [];
	let complete = false;
	for (let nextToken: unknown = undefined; ; ) {
		const page = await getJson(context, { url: '/tasks', qs: nextToken ? { ...qs, next_token: nextToken } : qs });
		tasks.push(...docsOf(page));
		nextToken = page.next_token;
		if (page.has_more !== true || !nextToken) {
			complete = true;
			break;
		}
		if (Date.now() >= deadline) break;
	}
	const now = Date.now();
	const records = tasks
		.filter((task) => typeof task.task_id === 'string')
		.filter(ofChosenType(filters))
		.map((task) => ({ id: task.task_id as string, ms: timeOf(task.completed_at) ?? now, task }));
	const next = advance(cursor, records, complete);
	return { cursor: next.cursor, items: next.fresh.map(({ task }) => ({ json: task })) };
}

/** "Fetch Test Event": the most recent completed task matching the filters. */
export async function sampleCompletedTask(context: IPollFunctions, filters: PollFilters): Promise<INodeExecutionData[]> {
	const page = await getJson(context, { url: '/tasks', qs: { ...taskQuery(filters), limit: PAGE_LIMIT } });
	const task = docsOf(page).find(ofChosenType(filters));
	if (!task) nothingYet(context, 'completed task');
	return [{ json: task }];
}
