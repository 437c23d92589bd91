import type {
	DeclarativeRestApiSettings,
	IBinaryKeyData,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemError } from './errors';
import type { ScaleResponse } from './failures';
import type { RequestSafety, ScaleRequest, ScaleRequestSettings } from './request';
import { scaleRequest } from './request';
import { nodeRunState, runBaseUrl } from './run-state';

/** The function RoutingNode calls with one item's fully built request (see scaleRouting). */
export type Executor = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** One item's request, ready to send, and how the transport sends it. */
export interface PreparedRequest {
	request: ScaleRequest;
	settings: Pick<ScaleRequestSettings, 'gate' | 'maxRetries'> & { itemIndex: number };
}

/** What a send strategy got from Scale for one item: the results, and the last response (for postReceive hooks). */
export interface SendOutcome {
	results: IDataObject[];
	/** Binary data per result, where a strategy downloads files (same order as `results`). */
	binaries?: IBinaryKeyData[];
	response: ScaleResponse;
}

/** How an operation sends its prepared request: once, create-once, cursor pages, offset pages, time windows. */
export type SendStrategy = (context: IExecutePaginationFunctions, prepared: PreparedRequest) => Promise<SendOutcome>;

/**
 * Routing for one operation: the request RoutingNode builds from the fields, sent by `strategy` (once, by
 * default). `send.paginate: true` makes RoutingNode hand the built request to `operations.pagination`
 * instead of sending it itself — the documented pagination hook (n8n-workflow `DeclarativeRestApiSettings`),
 * used as a request executor as n8n's own N8n node and Okta's `getCursorPaginator` do. From here on the
 * request is ours: runOperation below, then scaleRequest in ./request.ts.
 */
export function scaleRouting(
	request: DeclarativeRestApiSettings.HttpRequestOptions,
	strategy: SendStrategy = sendOnce(),
	extra: Omit<INodePropertyRouting, 'request' | 'operations'> = {},
): INodePropertyRouting {
	return {
		...extra,
		request,
		send: { ...extra.send, paginate: true },
		operations: { pagination: runOperation(strategy) },
	};
}

/**
 * The one executor frame: wait for the run's barrier, prepare → send (the strategy) → items paired to their
 * input item → the operation's postReceive hooks. With Continue On Fail an item's failure becomes its error
 * item, paired too (RoutingNode's own error items carry no pairing).
 */
export function runOperation(strategy: SendStrategy): Executor {
	return async function (this: IExecutePaginationFunctions, requestData) {
		const itemIndex = this.getItemIndex();
		const pair = (item: INodeExecutionData): INodeExecutionData =>
			item.pairedItem === undefined ? { ...item, pairedItem: { item: itemIndex } } : item;
		try {
			const prepared = await prepareRequest(this, requestData.options);
			const { results, binaries, response } = await strategy(this, prepared);
			const items = results.map((json, index): INodeExecutionData => {
				const binary = binaries?.[index];
				return binary ? { json, binary, pairedItem: { item: itemIndex } } : { json, pairedItem: { item: itemIndex } };
			});
			return (await applyPostReceive(this, requestData, items, response)).map(pair);
		} catch (error) {
			const nodeError = itemError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			return [pair({ json: {}, error: nodeError })];
		}
	};
}

/**
 * Counts this item as prepared, waits until every item of the run is, refuses to send if one was invalid,
 * and splits RoutingNode's request options into the request and what only the transport reads.
 */
async function prepareRequest(
	context: IExecutePaginationFunctions,
	options: DeclarativeRestApiSettings.HttpRequestOptions,
): Promise<PreparedRequest> {
	const state = nodeRunState(context);
	const itemIndex = context.getItemIndex();
	state.itemPrepared(itemIndex);
	await state.allItemsPrepared;
	const preparationError = state.preparationErrors.get(itemIndex);
	if (preparationError) throw preparationError;
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
	return {
		request: toScaleRequest(options, await runBaseUrl(context)),
		settings: { gate: state.gate, maxRetries: state.maxRetries, itemIndex },
	};
}

/** RoutingNode's request options as the transport's request; what only n8n resolves (proxy, timeout…) rides along. */
function toScaleRequest(options: DeclarativeRestApiSettings.HttpRequestOptions, baseUrl: string): ScaleRequest {
	const { method, url, qs, body, headers, ...extra } = options;
	return {
		method,
		url: url ?? '',
		qs,
		body,
		headers: headers as IDataObject | undefined,
		extra: { ...(extra as Partial<IHttpRequestOptions>), baseURL: extra.baseURL ?? baseUrl },
	};
}

/**
 * For a code operation (customOperations or execute(), where RoutingNode does not run): sends one item's
 * built request through a send strategy with the run's gate and retries. There is no barrier here — the
 * operation validates every item before it sends any.
 */
export async function sendItemRequest(
	context: IExecutePaginationFunctions,
	strategy: SendStrategy,
	options: DeclarativeRestApiSettings.HttpRequestOptions,
): Promise<SendOutcome> {
	const state = nodeRunState(context);
	return await strategy(context, {
		request: toScaleRequest(options, await runBaseUrl(context)),
		settings: { gate: state.gate, maxRetries: state.maxRetries, itemIndex: context.getItemIndex() },
	});
}

/** Runs the operation's own postReceive hooks (functions only: declarative actions are not used here). */
async function applyPostReceive(
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

/** One result per element of an array body, else the body itself. */
function resultsOf(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	return [body && typeof body === 'object' ? (body as IDataObject) : {}];
}

/** Sends the request once (with the transport's per-request retries). */
export function sendOnce(
	settings: { safety?: RequestSafety; allowNonJsonBody?: boolean } = {},
): SendStrategy {
	return async (context, prepared) => {
		const response = await scaleRequest(context, prepared.request, {
			...prepared.settings,
			safety: settings.safety ?? 'idempotent',
			allowNonJsonBody: settings.allowNonJsonBody,
		});
		return { results: resultsOf(response.body), response };
	};
}

/** Sends the request once; the results are the first `limit` elements of Scale's (unpaged) array answer. */
export function sendOnceUpToLimit(): SendStrategy {
	const send = sendOnce();
	return async (context, prepared) => {
		const outcome = await send(context, prepared);
		return { ...outcome, results: outcome.results.slice(0, resultLimit(context)) };
	};
}

/** Return All / Limit, as set on the item's node parameters. */
export function resultLimit(context: IExecutePaginationFunctions): number {
	if (context.getNodeParameter('returnAll', true) as boolean) return Infinity;
	const limit = Number(context.getNodeParameter('limit', 50));
	return Number.isFinite(limit) && limit > 0 ? limit : 50;
}
