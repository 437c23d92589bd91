import nock from 'nock';
import type { IDataObject, INodeExecutionData, NodeParameterValueType } from 'n8n-workflow';

import { ScaleTask } from '../../nodes/ScaleTask/ScaleTask.node';
import type { NodeRun } from '../harness/run-node';
import { runNode, TEST_API_KEY, TEST_BASE_URL } from '../harness/run-node';

/** The header the Scale credential must produce: Basic auth, API key as user name, empty password. */
export const EXPECTED_AUTH = `Basic ${Buffer.from(`${TEST_API_KEY}:`).toString('base64')}`;

/** A resource locator value typed by name. */
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });

/** An empty resource locator, as the editor stores it. */
export const emptyLocator = () => ({ __rl: true, mode: 'list', value: '' });

/** Query values as nock's `.query()` takes them: one string per key, or an array for a repeated key. */
export type Query = Record<string, string | string[]>;

export interface CapturedRequest {
	method: string;
	/** Path below the base URL, e.g. `/task/abc` (the `/v1` prefix is stripped). */
	path: string;
	query: Query;
	headers: Record<string, string | string[] | undefined>;
	/** The body as sent: the raw text ('' when there is none). */
	rawBody: string;
	/** The body parsed as JSON (undefined when there is none). */
	body: unknown;
}

const BASE_PATH = new URL(TEST_BASE_URL).pathname;

function queryOf(search: URLSearchParams): Query {
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
 * Intercepts one `method path` request (any query, any body) and records exactly what was sent, so that
 * tests can compare the method, path, query, headers and body with `toEqual` and get a readable diff.
 * `replies` are served in order, one per expected request.
 */
export function interceptScale(method: string, path: string, ...replies: ExpectedReply[]) {
	const requests: CapturedRequest[] = [];
	const scope = nock(TEST_BASE_URL);
	for (const reply of replies) {
		scope
			.intercept(path, method)
			.query(true)
			.reply(async function (uri, requestBody) {
				const url = new URL(uri, TEST_BASE_URL);
				const rawBody =
					typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody ?? '');
				const request: CapturedRequest = {
					method: this.req.method,
					path: url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : url.pathname,
					query: queryOf(url.searchParams),
					headers: this.req.headers,
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

/** The Task node's parameters for one operation (resource is always `task`). */
export function taskNodeParameters(
	operation: string,
	parameters: Record<string, NodeParameterValueType | IDataObject> = {},
): Record<string, NodeParameterValueType | IDataObject> {
	return { resource: 'task', operation, ...parameters };
}

/** Runs the Scale Task node with these parameters and input items. */
export async function runTask(
	operation: string,
	parameters: Record<string, NodeParameterValueType | IDataObject> = {},
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<NodeRun> {
	return await runNode({
		nodeType: new ScaleTask(),
		parameters: taskNodeParameters(operation, parameters),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** The JSON of each output item. */
export const outputOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

/** Fails with the run's error message instead of a bare "expected [] to equal …". */
export function expectSuccess(run: NodeRun): void {
	expect(run.error?.message).toBeUndefined();
}

/** nock's standard setup for a test file: no real network, no leftover interceptors between tests. */
export function useNock(): void {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());
}

/** A task object as Scale returns it. */
export function scaleTask(overrides: IDataObject = {}): IDataObject {
	return {
		task_id: '5c84d0fe958593004f13e5ba',
		type: 'imageannotation',
		status: 'pending',
		created_at: '2026-01-02T03:04:05.678Z',
		params: {},
		metadata: {},
		...overrides,
	};
}
