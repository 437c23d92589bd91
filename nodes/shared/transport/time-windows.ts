import type { IDataObject, IExecutePaginationFunctions } from 'n8n-workflow';

import type { PreparedRequest, SendOutcome, SendStrategy } from './executor';
import { resultLimit } from './executor';
import { cursorPages, listPage, PAGE_SIZE, walkCursor } from './pages';
import type { ScaleRequest } from './request';
import { scaleRequest } from './request';

/** Windows per worker: more windows balance uneven creation rates, each costs at most one partial page. */
const WINDOWS_PER_WORKER = 4;

const createdMs = (doc: IDataObject | undefined) => (doc ? Date.parse(String(doc.created_at)) : NaN);

/**
 * Return All over GET /tasks, faster than one cursor: a cursor can only be walked one page at a time, so a
 * sequential export never beats pages × latency. Two probes (limit=1: the newest task and the total; then
 * offset=total-1: the oldest) give the created-at range; it is cut into windows (`start_time` / `end_time`),
 * walked by as many workers as Max Concurrent Requests. No gap: the windows cover the whole range, the oldest
 * is open below and the newest open above (bounded only by the user's own filters), and each window's upper
 * bound overlaps the next by 1 ms, so whether Scale treats a bound as inclusive or exclusive, a task on a
 * border is fetched at least once. No duplicate: tasks are merged newest window first, keeping the first
 * copy of each task_id, which also keeps Scale's newest-first order. Falls back to the sequential cursor when
 * the list is short, concurrency is 1, or the probes give no usable range.
 */
export async function timeWindowExport(
	context: IExecutePaginationFunctions,
	request: ScaleRequest,
	settings: PreparedRequest['settings'],
): Promise<SendOutcome> {
	const workers = settings.gate?.maxConcurrent ?? 1;
	const probe = async (qs: IDataObject) => {
		const response = await scaleRequest(context, { ...request, qs: { ...request.qs, ...qs } }, { ...settings, safety: 'idempotent' });
		return listPage(context, response.body, settings.itemIndex);
	};
	const newestPage = workers > 1 ? await probe({ limit: 1 }) : undefined;
	const total = Number(newestPage?.total);
	const newest = createdMs((newestPage?.docs as IDataObject[] | undefined)?.[0]);
	if (!newestPage || !Number.isFinite(total) || total <= 2 * PAGE_SIZE || !Number.isFinite(newest)) {
		return await walkCursor(context, request, settings, Infinity);
	}
	const oldest = createdMs(((await probe({ limit: 1, offset: total - 1 })).docs as IDataObject[])[0]);
	const span = newest + 1 - oldest;
	if (!Number.isFinite(oldest) || span <= 1) return await walkCursor(context, request, settings, Infinity);

	const count = Math.max(1, Math.min(workers * WINDOWS_PER_WORKER, Math.ceil(total / PAGE_SIZE), span));
	const bounds = Array.from({ length: count + 1 }, (_, index) => oldest + Math.round((index * span) / count));
	// Newest window first: windows[0] is open above, windows[count - 1] open below.
	const windows = Array.from({ length: count }, (_, index) => {
		const lower = count - 1 - index;
		const qs: IDataObject = { ...request.qs };
		if (lower > 0) qs.start_time = new Date(bounds[lower]).toISOString();
		if (index > 0) qs.end_time = new Date(bounds[lower + 1] + 1).toISOString();
		return qs;
	});
	const pages: SendOutcome[] = new Array(count);
	let next = 0;
	const worker = async () => {
		for (let index = next++; index < count; index = next++) {
			pages[index] = await walkCursor(context, { ...request, qs: windows[index] }, settings, Infinity);
		}
	};
	await Promise.all(Array.from({ length: Math.min(workers, count) }, worker));

	const seen = new Set<unknown>();
	const results: IDataObject[] = [];
	for (const page of pages) {
		for (const task of page.results) {
			const id = task.task_id;
			if (id !== undefined && seen.has(id)) continue;
			seen.add(id);
			results.push(task);
		}
	}
	return { results, response: pages[count - 1].response };
}


/**
 * Cursor pages over GET /tasks; with Return All and `parallelTimeWindows` true for the item, the created-at range
 * is split into windows walked concurrently (timeWindowExport).
 */
export function cursorPagesOrTimeWindows(parallelTimeWindows: (context: IExecutePaginationFunctions) => boolean): SendStrategy {
	const sequential = cursorPages();
	return async (context, prepared) => {
		if (resultLimit(context) === Infinity && parallelTimeWindows(context)) {
			return await timeWindowExport(context, prepared.request, prepared.settings);
		}
		return await sequential(context, prepared);
	};
}
