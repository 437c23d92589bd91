import type { IDataObject } from 'n8n-workflow';

export interface ScaleResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** What went wrong with one attempt: an HTTP answer that is not a success, or no answer at all. */
export type AttemptFailure =
	| { kind: 'status'; response: ScaleResponse }
	| { kind: 'network'; code: string };

/**
 * - `notProcessed`: Scale provably did not act on the request (429, connection refused) — always safe to retry.
 * - `ambiguous`: the request may have been acted on (5xx, 408, a dropped connection) — safe to retry only
 *   when repeating it cannot create a second object.
 * - `final`: retrying cannot help (4xx).
 */
export type FailureClass = 'notProcessed' | 'ambiguous' | 'final';

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
const FINAL_NETWORK_CODES = new Set(['ENOTFOUND', 'ERR_INVALID_URL', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT']);

export function classifyFailure(failure: AttemptFailure): FailureClass {
	if (failure.kind === 'network') {
		if (NOT_SENT_CODES.has(failure.code)) return 'notProcessed';
		return FINAL_NETWORK_CODES.has(failure.code) ? 'final' : 'ambiguous';
	}
	const { statusCode } = failure.response;
	if (statusCode === 429) return 'notProcessed';
	if (statusCode === 408 || statusCode >= 500) return 'ambiguous';
	return 'final';
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
const MAX_RETRY_AFTER_MS = 120_000;

/** Milliseconds asked for by a `Retry-After` header (seconds or an HTTP date), if any. */
export function retryAfterMs(headers: IDataObject | undefined, now = Date.now()): number | undefined {
	const value = headers?.['retry-after'];
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const seconds = Number(value);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(String(value)) - now;
	return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}

/** Exponential backoff with equal jitter: attempt 0 waits 250–500 ms, attempt 1 500–1000 ms, … capped at 30 s. */
export function backoffMs(attempt: number, random = Math.random): number {
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
	return ceiling / 2 + random() * (ceiling / 2);
}

export function retryDelayMs(failure: AttemptFailure, attempt: number): number {
	const asked = failure.kind === 'status' ? retryAfterMs(failure.response.headers) : undefined;
	return asked ?? backoffMs(attempt);
}

/** The network error code behind an error thrown by n8n's request helper (it wraps axios errors). */
export function networkCodeOf(error: unknown): string | undefined {
	for (let current = error as { code?: unknown; cause?: unknown; httpCode?: unknown } | undefined, depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && current.code) return current.code;
		// n8n 1.x's helper throws a NodeApiError that keeps the network code only as its httpCode.
		if (typeof current.httpCode === 'string' && /^E[A-Z_]+$/.test(current.httpCode)) return current.httpCode;
		current = current.cause as typeof current;
	}
	return undefined;
}
