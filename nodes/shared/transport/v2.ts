import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CreateOnceOptions } from './create-once';
import { createOnce } from './create-once';
import { itemError } from './errors';
import type { PreparedRequest, SendStrategy } from './executor';
import { sendOnce } from './executor';
import { cursorPages, listPage } from './pages';
import type { ScaleResponse } from './failures';
import type { ScaleContext, ScaleRequest, ScaleRequestSettings } from './request';
import { CREDENTIAL_TYPE, scaleBaseUrl, scaleRequest } from './request';
import type { RequestGate } from './gate';
import { nodeRunState, runBaseUrl } from './run-state';

/**
 * Scale's GenAI API (the Python SDK's `client.v2`) lives at `https://api.scale.com/v2`, beside v1. The
 * credential's Base URL names the v1 root, so the v2 root is that URL without its trailing `/v1`; a gateway
 * root without `/v1` is used as it is. v2 paths in the node descriptions start with `/v2/`.
 */
export function v2RootUrl(baseUrl: string): string {
	return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/** The request with its base URL moved from the v1 root to the v2 root. */
function onV2Root(request: ScaleRequest, v1BaseUrl: string): ScaleRequest {
	return { ...request, extra: { ...request.extra, baseURL: v2RootUrl(v1BaseUrl) } };
}

/** A prepared request (base URL = the credential's v1 root) moved to the v2 root. */
export function toV2(prepared: PreparedRequest): PreparedRequest {
	return { ...prepared, request: onV2Root(prepared.request, String(prepared.request.extra?.baseURL ?? '')) };
}

/** A send strategy for a v2 path: the same strategy, sent to the v2 root. */
export function onV2(strategy: SendStrategy): SendStrategy {
	return async (context, prepared) => await strategy(context, toV2(prepared));
}

/** One v2 request outside a node run (list search), authenticated and retried like every other request. */
export async function scaleV2Request(
	context: ScaleContext,
	request: ScaleRequest,
	settings: ScaleRequestSettings,
): Promise<unknown> {
	const baseUrl = scaleBaseUrl(await context.getCredentials(CREDENTIAL_TYPE));
	return (await scaleRequest(context, onV2Root(request, baseUrl), settings)).body;
}

/** Sends a v2 request once (with the transport's per-request retries); reads and replace/merge writes. */
export function v2SendOnce(): SendStrategy {
	return onV2(sendOnce());
}

/**
 * Creates on v2. v2 has no idempotency key (no `unique_id` on chat tasks), so a create is retried only when
 * Scale provably did not receive it; with a unique key and a recovery, a 409 after a lost answer resolves to
 * the object an earlier attempt created (batches: names are unique per project).
 */
export function v2CreateOnce(options: CreateOnceOptions): SendStrategy {
	const send = onV2(createOnce(options));
	return async (context, prepared) => {
		try {
			return await send(context, prepared);
		} catch (error) {
			// Same error, with advice that fits v2 (the shared advice suggests a Unique ID, which v2 does not have).
			if (error instanceof NodeApiError && error.message.startsWith(`The ${options.what} may or may not have been created`)) {
				error.description = `It was not retried: Scale's GenAI API has no idempotency key, so a retry could create the ${options.what} twice. Look for it in Scale (e.g. Get Many tasks of the same project and batch, or its metadata) before running this item again.`;
			}
			throw itemError(context.getNode(), error, prepared.settings.itemIndex);
		}
	};
}

export interface V2ListOptions {
	/** The key holding the page's items: `tasks`, `batches`, `docs`, `deliveries`… */
	itemsKey: string;
	/** Whether the endpoint pages by `limit` + `next_token` (GET /v2/projects, /v2/deliveries… do not). */
	paged?: boolean;
}

/**
 * A v2 list: `limit` (1–100) and `next_token`, items under `itemsKey`, more pages only while the answer
 * carries a `next_token` — the shared cursor walker (./pages.ts) — or the one unpaged answer.
 */
export function v2ListPages({ itemsKey, paged = true }: V2ListOptions): SendStrategy {
	if (paged) return onV2(cursorPages({ itemsKey }));
	return onV2(async (context, { request, settings }) => {
		const response = await scaleRequest(context, request, { ...settings, safety: 'idempotent' });
		return { results: listPage(context, response.body, settings.itemIndex, itemsKey)[itemsKey] as IDataObject[], response };
	});
}

/** What a file download answered: the bytes, and the name and type the final response gave them. */
export interface DownloadedFile {
	data: Buffer;
	mimeType?: string;
	fileName?: string;
}

function fileNameFrom(headers: IDataObject, url: string): string | undefined {
	const disposition = String(headers['content-disposition'] ?? '');
	const quoted = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
	if (quoted) return decodeURIComponent(quoted);
	const last = url.split('?')[0].split('/').filter(Boolean).pop();
	return last ? decodeURIComponent(last) : undefined;
}

/**
 * GETs a file, following redirects (Scale answers attachment URLs with a 302 to signed storage). The API key
 * is not sent to another origin on the redirect: signed storage URLs refuse a second authorization.
 */
export async function downloadV2File(
	context: ScaleContext,
	request: ScaleRequest,
	settings: Omit<PreparedRequest['settings'], 'itemIndex'> & { itemIndex?: number },
): Promise<{ file: DownloadedFile; response: ScaleResponse }> {
	const response = await scaleRequest(
		context,
		{
			...request,
			headers: { ...request.headers, Accept: '*/*' },
			extra: { ...request.extra, json: false, encoding: 'arraybuffer', sendCredentialsOnCrossOriginRedirect: false },
		},
		{ ...settings, safety: 'idempotent', allowNonJsonBody: true },
	);
	const body = response.body;
	const data = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
	const contentType = String(response.headers['content-type'] ?? '').split(';')[0].trim();
	return { file: { data, mimeType: contentType || undefined, fileName: fileNameFrom(response.headers, request.url) }, response };
}

/** What a download outside a node run's own state needs (Create and Wait's callback has no run state). */
export interface DownloadSettings {
	/** The credential's (v1) base URL: files on its origin are Scale's and get the API key. */
	baseUrl: string;
	gate: RequestGate;
	maxRetries: number;
	itemIndex?: number;
}

/**
 * Downloads a file URL found in a v2 answer. Scale's own URLs go through the transport with the API key;
 * any other origin (signed storage, a customer's bucket) is fetched without it, so the key never leaves Scale.
 */
export async function downloadFileUrl(context: ScaleContext, url: string, settings: DownloadSettings): Promise<DownloadedFile> {
	const scaleOrigin = new URL(v2RootUrl(settings.baseUrl)).origin;
	let target: URL;
	try {
		target = new URL(url, `${scaleOrigin}/`);
	} catch {
		throw new NodeOperationError(context.getNode(), `Scale returned a file URL that is not valid: ${url}`, {
			itemIndex: settings.itemIndex,
		});
	}
	const { gate, maxRetries, itemIndex } = settings;
	if (target.origin === scaleOrigin) {
		return (await downloadV2File(context, { method: 'GET', url: target.href }, { gate, maxRetries, itemIndex })).file;
	}
	await gate.acquire();
	try {
		const response = (await context.helpers.httpRequest({
			method: 'GET',
			url: target.href,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
		})) as { body: Buffer; headers: IDataObject };
		const contentType = String(response.headers['content-type'] ?? '').split(';')[0].trim();
		return { data: Buffer.from(response.body), mimeType: contentType || undefined, fileName: fileNameFrom(response.headers, target.pathname) };
	} finally {
		gate.release();
	}
}

/** downloadFileUrl with the node run's gate, retries and base URL. */
export async function downloadV2Url(context: IExecuteSingleFunctions, url: string): Promise<DownloadedFile> {
	const state = nodeRunState(context);
	return await downloadFileUrl(context, url, {
		baseUrl: await runBaseUrl(context),
		gate: state.gate,
		maxRetries: state.maxRetries,
		itemIndex: context.getItemIndex(),
	});
}
