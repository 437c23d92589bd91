// The bench compiles test/harness/ with its own tsconfig, which does not load jest's global types.
/// <reference types="jest" />

import nock from 'nock';

import { EXPECTED_AUTH, TEST_BASE_URL } from './constants';

/** nock's standard setup for a test file: no real network, no leftover interceptors between tests. */
export function useNock(): void {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());
}

/** Query values as nock's `.query()` takes them: one string per key, or an array for a repeated key. */
export type Query = Record<string, string | string[]>;

export interface CapturedRequest {
	method: string;
	/** Path below the intercepted base URL, e.g. `/task/abc` (the `/v1` of TEST_BASE_URL is stripped). */
	path: string;
	/** The query string exactly as sent, e.g. `?a=1&a=2` (to check how repeated keys are written). */
	search: string;
	query: Query;
	headers: Record<string, string | string[] | undefined>;
	authorization: string | undefined;
	/** The body as sent: the raw text ('' when there is none). */
	rawBody: string;
	/** The body parsed as JSON (undefined when there is none). */
	body: unknown;
}

/** A URL's query as nock's `.query()` takes it: a repeated key becomes an array. */
export function queryOf(search: URLSearchParams): Query {
	const query: Query = {};
	for (const [key, value] of search) {
		const existing = query[key];
		if (existing === undefined) query[key] = value;
		else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

export interface ExpectedReply {
	status?: number;
	/** The answer's body, or a function of the request (e.g. to echo what the item sent). */
	body: nock.Body | ((request: CapturedRequest) => nock.Body);
	/** Answer after this many ms, e.g. to make a later item finish first. */
	delayMs?: number | ((request: CapturedRequest) => number);
	headers?: Record<string, string>;
}

/**
 * Intercepts one `method path` request below `baseUrl` (any query, any body) and records exactly what was
 * sent, so that tests can compare the method, path, query, headers and body with `toEqual` and get a readable
 * diff. `replies` are served in order, one per expected request.
 */
export function interceptAt(baseUrl: string, method: string, path: string, ...replies: ExpectedReply[]) {
	const requests: CapturedRequest[] = [];
	const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
	const scope = nock(baseUrl);
	for (const reply of replies) {
		scope
			.intercept(path, method)
			.query(true)
			.reply(async function (uri, requestBody) {
				const url = new URL(uri, baseUrl);
				const rawBody =
					typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody ?? '');
				const request: CapturedRequest = {
					method: this.req.method,
					path: basePath && url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname,
					search: url.search,
					query: queryOf(url.searchParams),
					headers: this.req.headers,
					authorization: this.req.headers.authorization as string | undefined,
					rawBody,
					body: rawBody === '' ? undefined : JSON.parse(rawBody),
				};
				requests.push(request);
				const delayMs = typeof reply.delayMs === 'function' ? reply.delayMs(request) : (reply.delayMs ?? 0);
				if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
				const body = typeof reply.body === 'function' ? reply.body(request) : reply.body;
				return [reply.status ?? 200, body, reply.headers ?? { 'content-type': 'application/json' }];
			});
	}
	return { scope, requests };
}

/** Intercepts one `method path` request on the test credential's base URL (paths without `/v1`). */
export function interceptScale(method: string, path: string, ...replies: ExpectedReply[]) {
	return interceptAt(TEST_BASE_URL, method, path, ...replies);
}

/** The parts of a captured request that every test asserts, for a single `toEqual`. */
export function summary(request: CapturedRequest) {
	return {
		method: request.method,
		path: request.path,
		query: request.query,
		authorization: request.headers.authorization,
		body: request.body,
	};
}

/** What a JSON request must look like on the wire. */
export function expectJsonRequest(
	request: CapturedRequest,
	expected: { method: string; path: string; query?: Query; body?: unknown },
): void {
	expect(summary(request)).toEqual({
		method: expected.method,
		path: expected.path,
		query: expected.query ?? {},
		authorization: EXPECTED_AUTH,
		body: expected.body,
	});
	if (expected.body !== undefined) {
		expect(String(request.headers['content-type'])).toMatch(/^application\/json/);
	}
}
