import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { SCALE_API_CREDENTIAL, SCALE_DEFAULT_BASE_URL } from '../../../credentials/ScaleApi.credentials';
import { notJsonError, scaleApiError, unconfirmedCreateError } from './errors';
import type { AttemptFailure, ScaleResponse } from './failures';
import { classifyFailure, networkCodeOf, retryDelayMs } from './failures';
import type { RequestGate } from './gate';

/** The one credential every node of this package uses. */
export const CREDENTIAL_TYPE = SCALE_API_CREDENTIAL;

export type ScaleContext =
	| IExecuteSingleFunctions
	| IExecuteFunctions
	| ILoadOptionsFunctions
	// The triggers (fetching a completed batch, polling) and Create and Wait's callbacks.
	| IWebhookFunctions
	| IPollFunctions;

/**
 * How a request may be repeated after a failure:
 * - `idempotent`: sending it twice does no harm (reads, replace-style writes) — every transient failure is retried;
 * - `createOnce`: it creates something — retried only when Scale provably did not act on it, unless
 *   `recoverAfterConflict` can find what an earlier, unanswered attempt created.
 */
export type RequestSafety = 'idempotent' | 'createOnce';

export interface ScaleRequest {
	method: IHttpRequestOptions['method'];
	/** Path below the base URL, e.g. `/task/abc`. Names in it must already be percent-encoded. */
	url: string;
	qs?: IDataObject;
	body?: IHttpRequestOptions['body'];
	/** Builds the body for each attempt (multipart bodies can be sent only once). */
	bodyFactory?: () => IHttpRequestOptions['body'];
	headers?: IDataObject;
	/** Other options already resolved by n8n (base URL, proxy, timeout from Request Options). */
	extra?: Partial<IHttpRequestOptions>;
}

export interface ScaleRequestSettings {
	safety: RequestSafety;
	maxRetries: number;
	itemIndex?: number;
	gate?: RequestGate;
	/** Accept a 200 whose body is not JSON (Scale's audit endpoint may answer "OK"). */
	allowNonJsonBody?: boolean;
	/** What is being created, for errors ("task", "batch"). */
	what?: string;
	/** The field that makes this create safe to retry, for errors (default "Unique ID"). */
	uniqueKey?: string;
	/**
	 * Called on a 409. `afterLostAnswer` is true when an earlier attempt of this same request failed
	 * ambiguously, so the conflicting object is the one that attempt created. Return it to succeed with it,
	 * or undefined to fail with the 409.
	 */
	recoverAfterConflict?: (afterLostAnswer: boolean) => Promise<unknown>;
}

/** The credential's base URL without trailing slashes (the same rule as SCALE_BASE_URL_EXPRESSION). */
export function scaleBaseUrl(credentials: IDataObject): string {
	const configured = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	return (configured || SCALE_DEFAULT_BASE_URL).replace(/\/+$/, '');
}

async function attempt(
	context: ScaleContext,
	request: ScaleRequest,
): Promise<{ response: ScaleResponse } | { failure: AttemptFailure }> {
	const baseURL = request.extra?.baseURL ?? scaleBaseUrl(await context.getCredentials(CREDENTIAL_TYPE));
	const options: IHttpRequestOptions = {
		json: true,
		arrayFormat: 'repeat',
		...request.extra,
		baseURL,
		method: request.method,
		url: request.url,
		qs: request.qs,
		headers: { Accept: 'application/json', ...request.headers },
		body: request.bodyFactory ? request.bodyFactory() : request.body,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (options.body instanceof FormData) options.json = false;
	try {
		const raw = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
		const response: ScaleResponse = { statusCode: raw.statusCode, headers: raw.headers ?? {}, body: raw.body };
		if (response.statusCode >= 200 && response.statusCode < 300) return { response };
		return { failure: { kind: 'status', response } };
	} catch (error) {
		return { failure: { kind: 'network', code: networkCodeOf(error) ?? 'ECONNRESET' } };
	}
}

function isJsonBody(body: unknown): boolean {
	return body !== null && typeof body === 'object' && !Buffer.isBuffer(body);
}

/**
 * The only function in this package that sends HTTP. It authenticates with the Scale credential,
 * retries per request (never per node), honours Retry-After, pauses the whole run on 429, and never
 * repeats a create that Scale may already have carried out.
 */
export async function scaleRequest(
	context: ScaleContext,
	request: ScaleRequest,
	settings: ScaleRequestSettings,
): Promise<ScaleResponse> {
	const node = context.getNode();
	const { gate, itemIndex } = settings;
	let lostAnswer = false;
	for (let retries = 0; ; retries++) {
		const ticket = (await gate?.acquire()) ?? 0;
		let outcome: Awaited<ReturnType<typeof attempt>>;
		try {
			outcome = await attempt(context, request);
		} finally {
			gate?.release();
		}

		if ('response' in outcome) {
			const { response } = outcome;
			gate?.succeeded();
			if (!settings.allowNonJsonBody && !isJsonBody(response.body)) {
				throw notJsonError(node, response, itemIndex);
			}
			return response;
		}

		const { failure } = outcome;
		if (failure.kind === 'status' && failure.response.statusCode === 409 && settings.recoverAfterConflict) {
			const existing = await settings.recoverAfterConflict(lostAnswer);
			if (existing !== undefined) return { ...failure.response, statusCode: 200, body: existing };
		}
		const failureClass = classifyFailure(failure);
		const repeatable =
			failureClass === 'notProcessed' ||
			(failureClass === 'ambiguous' &&
				(settings.safety === 'idempotent' || settings.recoverAfterConflict !== undefined));
		if (failureClass === 'ambiguous' && !repeatable) {
			throw unconfirmedCreateError(node, failure, {
				itemIndex,
				what: settings.what ?? 'object',
				uniqueKey: settings.uniqueKey,
			});
		}
		if (!repeatable || retries >= settings.maxRetries) {
			throw scaleApiError(node, failure, { retries, itemIndex });
		}
		if (failureClass === 'ambiguous') lostAnswer = true;
		const delay = retryDelayMs(failure, retries);
		if (failure.kind === 'status' && failure.response.statusCode === 429) gate?.rateLimited(delay, ticket);
		await sleep(delay);
	}
}
