import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { AttemptFailure } from './failures';

const HOW_TO_FIX: Record<number, string> = {
	400: 'Scale rejected the request as invalid. Check the fields of this item against the message above.',
	401: 'Check the API key in the Scale credential. Test keys (test_…) and live keys (live_…) are separate; copy the key again from Scale\'s dashboard → API Keys.',
	402: 'This feature or task type is not enabled on your Scale account. Ask your Scale contact to enable it, or use another task type.',
	403: 'The API key is valid but not allowed to do this. Check the key\'s team role in Scale.',
	404: 'Check the ID or name. Test and live API keys see separate data, so an object made with one is not found with the other.',
	409: 'An object with this unique ID or name already exists. Use another one, or for task creates set Options → On Duplicate to "Return Existing Task".',
	429: 'Scale kept rate-limiting the requests. Lower Options → Max Concurrent Requests, raise Options → Max Retries, or run the workflow later.',
};

const SERVER_ERROR_FIX =
	'Scale (or a proxy in front of it) had a server error. Run the workflow again later; if it persists, check Scale\'s status page.';

/** Removes anything that looks like an Authorization header value, in case a proxy echoes the request. */
export function redactSecrets(text: string): string {
	return text.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}/g, '$1 [redacted]');
}

/** A body read as bytes (file downloads): JSON when it parses, else its text. */
function decodeBytes(body: Buffer): unknown {
	const text = body.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function describeBody(body: unknown): string | undefined {
	if (Buffer.isBuffer(body)) return describeBody(decodeBytes(body));
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const error = (body as JsonObject).error ?? (body as JsonObject).message;
		if (typeof error === 'string' && error) return error;
	}
	if (typeof body === 'string' && body.trim()) {
		const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
		return text ? `Unexpected response: ${text.slice(0, 200)}` : undefined;
	}
	return undefined;
}

// NodeApiError swaps any message that mentions a network code (ECONNRESET…) for a generic text; ours says more.
function keepMessage(error: NodeApiError, message: string): NodeApiError {
	error.message = message;
	return error;
}

/** Codes of a connection that broke after the request was sent (n8n's axios says ERR_BAD_RESPONSE for a cut body). */
const LOST_ANSWER_CODES = new Set(['ECONNRESET', 'ERR_BAD_RESPONSE', 'EPIPE', 'ECONNABORTED']);

function retriesNote(retries: number): string {
	return retries > 0 ? ` (after ${retries} ${retries === 1 ? 'retry' : 'retries'})` : '';
}

/** A NodeApiError built only from what is safe to show: status, Scale's message, and advice. */
export function scaleApiError(
	node: INode,
	failure: AttemptFailure,
	context: { retries: number; itemIndex?: number },
): NodeApiError {
	if (failure.kind === 'network') {
		const lost = LOST_ANSWER_CODES.has(failure.code);
		const message = lost
			? `The connection to Scale was lost before its answer was complete: ${failure.code}${retriesNote(context.retries)}`
			: `Could not reach Scale: ${failure.code}${retriesNote(context.retries)}`;
		const error = new NodeApiError(node, { network_error: failure.code } as JsonObject, {
			message,
			description: lost
				? 'Scale (or a proxy in front of it) closed the connection mid-answer. Run the workflow again later; if it keeps happening, check proxies or VPNs between this n8n instance and Scale.'
				: 'Check the Base URL in the Scale credential and that this n8n instance can reach it. Nothing was received from Scale.',
			httpCode: null as unknown as string,
			itemIndex: context.itemIndex,
		});
		return keepMessage(error, message);
	}
	const { statusCode, body } = failure.response;
	const scaleMessage = describeBody(body);
	const fallback = statusCode === 429 ? 'Scale rate-limited the request' : `Scale answered HTTP ${statusCode}`;
	const message = redactSecrets(`${scaleMessage ?? fallback}${retriesNote(context.retries)}`);
	return new NodeApiError(node, { status_code: statusCode, error: message } as JsonObject, {
		message,
		description: HOW_TO_FIX[statusCode] ?? (statusCode >= 500 ? SERVER_ERROR_FIX : undefined),
		httpCode: String(statusCode),
		itemIndex: context.itemIndex,
	});
}

/** A create whose outcome is unknown: it may have been created, and retrying could create it twice. */
export function unconfirmedCreateError(
	node: INode,
	failure: AttemptFailure,
	context: { itemIndex?: number; what: string; uniqueKey?: string },
): NodeApiError {
	const uniqueKey = context.uniqueKey ?? 'Unique ID';
	const cause = failure.kind === 'network' ? failure.code : `HTTP ${failure.response.statusCode}`;
	const message = `The ${context.what} may or may not have been created: Scale's answer was lost (${cause})`;
	const error = new NodeApiError(node, { error: `unconfirmed: ${cause}` } as JsonObject, {
		message,
		description: `It was not retried, because without a ${uniqueKey} a retry could create it twice. Look for it in Scale (e.g. Get Many with the same project) before running this item again, and set a ${uniqueKey} so that retries are safe.`,
		httpCode: failure.kind === 'status' ? String(failure.response.statusCode) : (null as unknown as string),
		itemIndex: context.itemIndex,
	});
	return keepMessage(error, message);
}

export function notJsonError(node: INode, response: { statusCode: number; body: unknown }, itemIndex?: number) {
	const preview = typeof response.body === 'string' ? response.body.slice(0, 80) : typeof response.body;
	return new NodeApiError(node, { status_code: response.statusCode, error: 'not JSON' } as JsonObject, {
		message: `Scale answered HTTP ${response.statusCode} with a body that is not JSON`,
		description: `The body starts with: ${redactSecrets(String(preview))}. A proxy or gateway may have answered instead of Scale: check the Base URL in the credential.`,
		httpCode: String(response.statusCode),
		itemIndex,
	});
}

/** An error as n8n shows it for one item: n8n's own node errors as they are, anything else wrapped. */
export function itemError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : new Error(String(error)), { itemIndex });
}
