import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { OVERLAP_MS, timeOf } from '../cursor';
import type { PollFilters } from '../shared';
import { docsOf, getJson, iso, nothingYet, PAGE_LIMIT } from '../shared';

/**
 * Batches carry no completion time in Scale's v1 objects, so this event keeps the names of the completed
 * batches the last poll listed and emits the ones that are new. Each poll asks only for batches completed
 * since shortly before the previous poll (`completed_after`, in Scale's API reference), so the list stays small.
 */
export interface BatchCursor {
	key: string;
	floor: number;
	/** When the previous poll started; undefined before the first. */
	polledAt?: number;
	/** Whether the next poll may emit (false for a first poll that starts "now"). */
	emit: boolean;
	seen: string[];
}

export function newBatchCursor(key: string, floor: number, backfill: boolean): BatchCursor {
	return { key, floor, emit: backfill, seen: [] };
}

export function readBatchCursor(stored: unknown, key: string): BatchCursor | undefined {
	if (typeof stored !== 'object' || stored === null) return undefined;
	const cursor = stored as Partial<BatchCursor>;
	if (cursor.key !== key || typeof cursor.floor !== 'number' || !Array.isArray(cursor.seen)) return undefined;
	return cursor as BatchCursor;
}

/** Completed batches, all offset pages (Python SDK `get_batches`: offset += the response's limit). */
async function listCompletedBatches(context: IPollFunctions, filters: PollFilters, qs: IDataObject) {
	const base: IDataObject = { status: 'completed', ...qs };
	if (filters.project) base.project = filters.project;
	const batches: IDataObject[] = [];
	for (let offset = 0; ; ) {
		const page = await getJson(context, { url: '/batches', qs: { ...base, offset } });
		const docs = docsOf(page);
		batches.push(...docs);
		const step = typeof page.limit === 'number' && page.limit > 0 ? page.limit : docs.length;
		if (page.has_more !== true || step === 0) break;
		offset += step;
	}
	return batches.filter((batch) => typeof batch.name === 'string');
}

/** The same item as the Scale Trigger's Batch Completed: name, status and the task counts, plus the batch. */
async function batchItem(context: IPollFunctions, batch: IDataObject): Promise<INodeExecutionData> {
	const name = batch.name as string;
	const { status, ...stats } = await getJson(context, { url: `/batches/${encodeURIComponent(name)}/status` });
	return {
		json: { event: 'batchCompleted', batch: name, status: status ?? batch.status, stats, batchDetails: batch },
	};
}

export async function pollCompletedBatches(
	context: IPollFunctions,
	filters: PollFilters,
	cursor: BatchCursor,
	now: number,
): Promise<{ cursor: BatchCursor; items: INodeExecutionData[] }> {
	const from = cursor.polledAt === undefined ? (cursor.emit ? cursor.floor : now) : cursor.polledAt;
	const batches = await listCompletedBatches(context, filters, { completed_after: iso(from - OVERLAP_MS - 1) });
	const seen = new Set(cursor.seen);
	const fresh = cursor.emit
		? batches.filter((batch) => {
				const completedAt = timeOf(batch.completed_at);
				return !seen.has(batch.name as string) && (completedAt === undefined || completedAt >= cursor.floor);
			})
		: [];
	const items: INodeExecutionData[] = [];
	for (const batch of fresh) items.push(await batchItem(context, batch));
	return {
		cursor: { ...cursor, polledAt: now, emit: true, seen: batches.map((batch) => batch.name as string) },
		items,
	};
}

/** "Fetch Test Event": a completed batch of the project, as the event would emit it. */
export async function sampleCompletedBatch(context: IPollFunctions, filters: PollFilters): Promise<INodeExecutionData[]> {
	const page = await getJson(context, {
		url: '/batches',
		qs: { status: 'completed', limit: PAGE_LIMIT, ...(filters.project ? { project: filters.project } : {}) },
	});
	const batch = docsOf(page).find((candidate) => typeof candidate.name === 'string');
	if (!batch) nothingYet(context, 'completed batch');
	return [await batchItem(context, batch)];
}
