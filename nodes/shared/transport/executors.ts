import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ScaleResponse } from './failures';
import type { ScaleRequest, ScaleRequestSettings } from './request';
import { scaleRequest } from './request';
import { nodeRunState, runBaseUrl } from './run-state';

/**
 * How a declarative operation is sent. n8n's RoutingNode builds the request from the node description,
 * then hands it to the operation's `routing.operations.pagination` function whenever `send.paginate` is
 * set — we set it on every operation, so every request goes through the shared transport instead of
 * RoutingNode's unbounded, retry-less sending.
 */
export type Executor = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

export const PAGE_SIZE = 100;

/** Routing for one operation: the request it makes, sent by `executor` (one request by default). */
export function scaleRouting(
	request: DeclarativeRestApiSettings.HttpRequestOptions,
	executor: Executor = sendOnce(),
	extra: Omit<INodePropertyRouting, 'request' | 'operations'> = {},
): INodePropertyRouting {
	return {
		...extra,
		request,
		send: { ...extra.send, paginate: true },
		operations: { pagination: executor },
	};
}

export interface PreparedRequest {
	request: ScaleRequest;
	settings: Pick<ScaleRequestSettings, 'gate' | 'maxRetries' | 'itemIndex'>;
}

/** Waits until every item of the run is prepared, refuses to send if one was invalid, and splits the options. */
export async function prepareRequest(
	context: IExecutePaginationFunctions,
	options: DeclarativeRestApiSettings.HttpRequestOptions,
): Promise<PreparedRequest> {
	const state = nodeRunState(context);
	await state.allItemsPrepared;
	const itemIndex = context.getItemIndex();
	if (state.invalidInput && state.invalidInput.itemIndex !== itemIndex) {
		throw new NodeOperationError(
			context.getNode(),
			`Nothing was sent, because item ${state.invalidInput.itemIndex} is invalid: ${state.invalidInput.message}`,
			{
				itemIndex,
				description: 'Fix that item (or turn on Settings → On Error → Continue) and run the node again.',
			},
		);
	}
	const { method, url, qs, body, headers, ...extra } = options;
	return {
		request: {
			method,
			url: url ?? '',
			qs,
			body,
			headers: headers as IDataObject | undefined,
			// RoutingNode has resolved every expression by now (proxy, timeout, allowed domains).
			extra: { ...(extra as Partial<IHttpRequestOptions>), baseURL: extra.baseURL ?? (await runBaseUrl(context)) },
		},
		settings: { gate: state.gate, maxRetries: state.maxRetries, itemIndex },
	};
}

/** One item per element of an array body, else one item holding the body. */
export function itemsFromBody(body: unknown): INodeExecutionData[] {
	if (Array.isArray(body)) return body.map((json) => ({ json: json as IDataObject }));
	if (body && typeof body === 'object') return [{ json: body as IDataObject }];
	return [{ json: {} }];
}

/** Runs the operation's own postReceive hooks (functions only: declarative actions are not used here). */
export async function applyPostReceive(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	items: INodeExecutionData[],
	response: ScaleResponse,
): Promise<INodeExecutionData[]> {
	let result = items;
	for (const { actions } of requestData.postReceive) {
		for (const action of actions) {
			if (typeof action !== 'function') {
				throw new NodeOperationError(context.getNode(), 'Only function postReceive actions are supported');
			}
			result = await action.call(context, result, response as IN8nHttpFullResponse);
		}
	}
	return result;
}

/** Sends the request once (with the transport's per-request retries) and returns its result as items. */
export function sendOnce(
	settings: Pick<ScaleRequestSettings, 'allowNonJsonBody'> & { safety?: ScaleRequestSettings['safety'] } = {},
): Executor {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const prepared = await prepareRequest(this, requestData.options);
		const response = await scaleRequest(this, prepared.request, {
			...prepared.settings,
			safety: settings.safety ?? 'idempotent',
			allowNonJsonBody: settings.allowNonJsonBody,
		});
		return await applyPostReceive(this, requestData, itemsFromBody(response.body), response);
	};
}

/** Return All / Limit, as set on the item's node parameters. */
export function resultLimit(context: IExecutePaginationFunctions): number {
	if (context.getNodeParameter('returnAll', false) as boolean) return Infinity;
	const limit = Number(context.getNodeParameter('limit', 50));
	return Number.isFinite(limit) && limit > 0 ? limit : 50;
}

function listPage(context: IExecutePaginationFunctions, body: unknown, itemIndex: number): IDataObject {
	if (!body || typeof body !== 'object' || !Array.isArray((body as IDataObject).docs)) {
		throw new NodeApiError(context.getNode(), { error: 'unexpected list' }, {
			message: 'Scale answered a list request without a "docs" array',
			description: 'A proxy or gateway may have answered instead of Scale: check the Base URL in the credential.',
			itemIndex,
		});
	}
	return body as IDataObject;
}

/**
 * Walks `next_token` cursor pages of one request (GET /tasks) until done or `limit` is reached, keeping
 * every filter on every page. A cursor that comes back twice ends with an error rather than a loop.
 */
export async function walkCursor(
	context: IExecutePaginationFunctions,
	request: ScaleRequest,
	settings: PreparedRequest['settings'],
	limit: number,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[] = [];
	const seenTokens = new Set<string>();
	let nextToken: string | undefined;
	do {
		const qs: IDataObject = { ...request.qs, limit: Math.min(PAGE_SIZE, limit - results.length) };
		if (nextToken) qs.next_token = nextToken;
		const response = await scaleRequest(context, { ...request, qs }, { ...settings, safety: 'idempotent' });
		const page = listPage(context, response.body, settings.itemIndex ?? 0);
		const docs = page.docs as IDataObject[];
		for (const json of docs.slice(0, limit - results.length)) results.push({ json });
		nextToken = page.has_more && docs.length > 0 ? (page.next_token as string | undefined) : undefined;
		if (page.has_more && docs.length > 0 && !nextToken) {
			throw new NodeApiError(context.getNode(), { error: 'missing cursor' }, {
				message: 'Scale said more tasks exist but sent no next_token',
				description: `${results.length} tasks were fetched before this happened. Narrow the filters or try again.`,
				itemIndex: settings.itemIndex,
			});
		}
		if (nextToken && seenTokens.has(nextToken)) {
			throw new NodeApiError(context.getNode(), { error: 'repeated cursor' }, {
				message: 'Scale sent the same next_token twice, so paging stopped to avoid an endless loop',
				description: `${results.length} tasks were fetched before the repeat. Try again later; if it persists, narrow the filters.`,
				itemIndex: settings.itemIndex,
			});
		}
		if (nextToken) seenTokens.add(nextToken);
	} while (nextToken && results.length < limit);
	return results;
}

export interface CursorPagesOptions {
	/** Whether this item asked for the parallel time-window export (used only with Return All). */
	parallelTimeWindows?: (context: IExecutePaginationFunctions) => boolean;
}

/**
 * Walks `next_token` cursor pages (GET /tasks) and stops as soon as Limit is reached; with Return All and
 * `parallelTimeWindows`, splits the created-at range into windows walked concurrently (see timeWindowExport).
 */
export function cursorPages(options: CursorPagesOptions = {}): Executor {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const { request, settings } = await prepareRequest(this, requestData.options);
		const limit = resultLimit(this);
		if (limit === Infinity && options.parallelTimeWindows?.(this)) {
			return await timeWindowExport(this, request, settings);
		}
		return await walkCursor(this, request, settings, limit);
	};
}

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
): Promise<INodeExecutionData[]> {
	const workers = settings.gate?.maxConcurrent ?? 1;
	const probe = async (qs: IDataObject) => {
		const response = await scaleRequest(context, { ...request, qs: { ...request.qs, ...qs } }, { ...settings, safety: 'idempotent' });
		return listPage(context, response.body, settings.itemIndex ?? 0);
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
	const pages: INodeExecutionData[][] = new Array(count);
	let next = 0;
	const worker = async () => {
		for (let index = next++; index < count; index = next++) {
			pages[index] = await walkCursor(context, { ...request, qs: windows[index] }, settings, Infinity);
		}
	};
	await Promise.all(Array.from({ length: Math.min(workers, count) }, worker));

	const seen = new Set<unknown>();
	const results: INodeExecutionData[] = [];
	for (const page of pages) {
		for (const item of page) {
			const id = item.json.task_id;
			if (id !== undefined && seen.has(id)) continue;
			seen.add(id);
			results.push(item);
		}
	}
	return results;
}

/** Walks offset pages (GET /batches: `offset`, `limit`, `totalDocs`, `has_more`) until done or Limit is reached. */
export function offsetPages(): Executor {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const { request, settings } = await prepareRequest(this, requestData.options);
		const limit = resultLimit(this);
		const results: INodeExecutionData[] = [];
		for (let offset = 0; results.length < limit; ) {
			const qs: IDataObject = { ...request.qs, offset, limit: Math.min(PAGE_SIZE, limit - results.length) };
			const response = await scaleRequest(this, { ...request, qs }, { ...settings, safety: 'idempotent' });
			const page = listPage(this, response.body, settings.itemIndex ?? 0);
			const docs = page.docs as IDataObject[];
			for (const json of docs.slice(0, limit - results.length)) results.push({ json });
			offset += docs.length;
			const total = Number(page.totalDocs ?? page.total);
			if (!page.has_more || docs.length === 0 || (Number.isFinite(total) && offset >= total)) break;
		}
		return results;
	};
}
