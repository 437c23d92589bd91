import nock from 'nock';
import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { ScaleGenAi } from '../../nodes/ScaleGenAi/ScaleGenAi.node';
import type { NodeRun } from '../harness/run-node';
import { runNode, TEST_API_KEY } from '../harness/run-node';
import type { Query } from '../ScaleTask/helpers';

export { EXPECTED_AUTH, expectSuccess, outputOf, useNock } from '../ScaleTask/helpers';

/** v2 lives beside v1: the test credential's `https://api.scale.com/v1` gives `https://api.scale.com/v2`. */
export const SCALE_ORIGIN = 'https://api.scale.com';

export interface V2Request {
	method: string;
	path: string;
	/** The query string exactly as sent (to check repeated keys). */
	search: string;
	query: Query;
	authorization: string | undefined;
	body: unknown;
}

export interface V2Reply {
	status?: number;
	body: nock.Body | ((request: V2Request) => nock.Body);
	headers?: Record<string, string>;
}

function queryOf(search: URLSearchParams): Query {
	const query: Query = {};
	for (const [key, value] of search) {
		const existing = query[key];
		query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

/** Intercepts `method path` on the v2 root (any query), one reply per expected request, recording each request. */
export function interceptV2(method: string, path: string, ...replies: V2Reply[]) {
	return interceptAt(SCALE_ORIGIN, method, path, ...replies);
}

export function interceptAt(origin: string, method: string, path: string, ...replies: V2Reply[]) {
	const requests: V2Request[] = [];
	const scope = nock(origin);
	for (const reply of replies) {
		scope
			.intercept(path, method)
			.query(true)
			.reply(function (uri, requestBody) {
				const url = new URL(uri, origin);
				const raw = typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody ?? '');
				const request: V2Request = {
					method: this.req.method,
					path: url.pathname,
					search: url.search,
					query: queryOf(url.searchParams),
					authorization: this.req.headers.authorization as string | undefined,
					body: raw === '' ? undefined : JSON.parse(raw),
				};
				requests.push(request);
				const body = typeof reply.body === 'function' ? reply.body(request) : reply.body;
				return [reply.status ?? 200, body, reply.headers ?? { 'content-type': 'application/json' }];
			});
	}
	return { scope, requests };
}

/** Runs the Scale GenAI node. */
export async function runGenAi(
	resource: string,
	operation: string,
	parameters: Record<string, NodeParameterValueType | IDataObject> = {},
	options: { items?: IDataObject[]; continueOnFail?: boolean; baseUrl?: string } = {},
): Promise<NodeRun> {
	return await runNode({
		nodeType: new ScaleGenAi(),
		parameters: { resource, operation, ...parameters },
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentials: options.baseUrl === undefined ? undefined : { apiKey: TEST_API_KEY, baseUrl: options.baseUrl },
	});
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });

/** A completed v2 chat task with one thread of two turns (Scale's Task model). */
export function genAiTask(overrides: IDataObject = {}): IDataObject {
	return {
		task_id: 'task_1',
		project: 'proj_1',
		batch: 'batch_1',
		status: 'completed',
		created_at: '2026-11-28T10:00:00.000Z',
		completed_at: '2026-11-28T11:00:00.000Z',
		metadata: { source: 'n8n' },
		threads: [
			{
				id: 'thread_1',
				turns: [
					{
						id: 'turn_1',
						messages: [
							{ role: 'user', content: { text: 'What is 2 + 2?' }, source_id: 'src', annotations: [] },
							{ role: 'assistant', content: { text: '4' }, source_id: 'model', annotations: [] },
						],
						annotations: [{ id: 'a1', key: 'correct', type: 'boolean', value: true }],
						rubrics: [],
					},
					{
						id: 'turn_2',
						messages: [
							{ role: 'user', content: { text: 'And times 3?' }, source_id: 'src', annotations: [] },
							{
								role: 'assistant',
								content: { chunks: [{ type: 'text', text: '1' }, { type: 'text', text: '2' }] },
								source_id: 'model',
								annotations: [{ id: 'a2', key: 'helpfulness', type: 'integer', value: 5 }],
							},
						],
						annotations: [],
						rubrics: [],
					},
				],
				submissions: [],
				annotations: [{ id: 'a3', key: 'overall', type: 'text', value: 'good' }],
			},
		],
		...overrides,
	};
}

/** genAiTask() as Simplify outputs it. */
export function simplifiedGenAiTask(overrides: IDataObject = {}): IDataObject {
	const rest = genAiTask();
	delete rest.threads;
	return {
		...rest,
		turns: [
			{
				turn: 1,
				prompt: 'What is 2 + 2?',
				response: '4',
				annotations: { correct: true },
				messages: [
					{ role: 'user', text: 'What is 2 + 2?' },
					{ role: 'assistant', text: '4' },
				],
			},
			{
				turn: 2,
				prompt: 'And times 3?',
				response: '12',
				annotations: { helpfulness: 5 },
				messages: [
					{ role: 'user', text: 'And times 3?' },
					{ role: 'assistant', text: '12' },
				],
			},
		],
		annotations: { overall: 'good' },
		...overrides,
	};
}
