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
import { nodeRunState } from './run-state';

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
			// RoutingNode has resolved every expression by now (base URL, proxy, timeout).
			extra: extra as Partial<IHttpRequestOptions>,
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
 * Walks `next_token` cursor pages (GET /tasks), keeping every filter on every page, and stops as soon
 * as Limit is reached. A cursor that comes back twice ends with an error rather than a loop.
 */
export function cursorPages(): Executor {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const { request, settings } = await prepareRequest(this, requestData.options);
		const limit = resultLimit(this);
		const results: INodeExecutionData[] = [];
		const seenTokens = new Set<string>();
		let nextToken: string | undefined;
		do {
			const qs: IDataObject = { ...request.qs, limit: Math.min(PAGE_SIZE, limit - results.length) };
			if (nextToken) qs.next_token = nextToken;
			const response = await scaleRequest(this, { ...request, qs }, { ...settings, safety: 'idempotent' });
			const page = listPage(this, response.body, settings.itemIndex ?? 0);
			const docs = page.docs as IDataObject[];
			for (const json of docs.slice(0, limit - results.length)) results.push({ json });
			nextToken = page.has_more && docs.length > 0 ? (page.next_token as string | undefined) : undefined;
			if (page.has_more && docs.length > 0 && !nextToken) {
				throw new NodeApiError(this.getNode(), { error: 'missing cursor' }, {
					message: 'Scale said more tasks exist but sent no next_token',
					description: `${results.length} tasks were fetched before this happened. Narrow the filters or try again.`,
					itemIndex: settings.itemIndex,
				});
			}
			if (nextToken && seenTokens.has(nextToken)) {
				throw new NodeApiError(this.getNode(), { error: 'repeated cursor' }, {
					message: 'Scale sent the same next_token twice, so paging stopped to avoid an endless loop',
					description: `${results.length} tasks were fetched before the repeat. Try again later; if it persists, narrow the filters.`,
					itemIndex: settings.itemIndex,
				});
			}
			if (nextToken) seenTokens.add(nextToken);
		} while (nextToken && results.length < limit);
		return results;
	};
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
