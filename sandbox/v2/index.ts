import type { IncomingMessage, ServerResponse } from 'node:http';

import type { SandboxCore } from '../core';
import { errorBody, HttpError, notFound } from '../errors';
import { sendFault } from '../fault-responses';
import { FAULTS_BEFORE_HANDLER } from '../faults';
import { parseBody, sendJson } from '../http';
import { queryToObject } from '../query';
import { Router } from '../router';
import type { FaultKind } from '../types';
import { v2ControlRoutes, v2Routes } from './routes';
import { V2State } from './state';

export { DEMO_PROJECT, DEMO_SCHEMA_ID, V2State } from './state';

const API_PREFIX = '/v2';
const CONTROL_PREFIX = '/_sandbox/v2';
const FILES_PREFIX = `${CONTROL_PREFIX}/files/`;

const api = new Router(v2Routes);
const control = new Router(v2ControlRoutes);
const states = new WeakMap<SandboxCore, V2State>();

/** The v2 state of a sandbox, created (seeded) on first use; the sandbox's reset resets it too. */
export function v2StateOf(core: SandboxCore): V2State {
	let state = states.get(core);
	if (!state) {
		const created = new V2State(core);
		state = created;
		states.set(core, created);
		const resetCore = core.reset.bind(core);
		core.reset = () => {
			resetCore();
			created.reset();
		};
	}
	return state;
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Whether the server should hand this path to the v2 sandbox. */
export function isV2Path(path: string): boolean {
	return under(path, API_PREFIX) || under(path, CONTROL_PREFIX);
}

export interface V2Call {
	method: string;
	path: string;
	query: URLSearchParams;
	raw: Buffer;
	request: IncomingMessage;
	response: ServerResponse;
}

function segmentsAfter(path: string, prefix: string): string[] {
	const rest = path.slice(prefix.length).replace(/^\//, '').replace(/\/$/, '');
	return rest === '' ? [] : rest.split('/');
}

/** v2 takes the API key as Bearer (the Python SDK's v2 client) or as HTTP Basic user name, like v1. */
export function isV2Authorized(header: string | undefined, apiKeys: readonly string[]): boolean {
	if (!header) return false;
	const bearer = /^Bearer\s+(\S+)$/i.exec(header);
	if (bearer) return apiKeys.includes(bearer[1]);
	const basic = /^Basic\s+(\S+)$/i.exec(header);
	if (!basic) return false;
	const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	const username = colon === -1 ? decoded : decoded.slice(0, colon);
	return username !== '' && apiKeys.includes(username);
}

function toHttpError(error: unknown): HttpError {
	if (error instanceof HttpError) return error;
	return new HttpError(500, `Sandbox internal error: ${error instanceof Error ? error.message : String(error)}`);
}

function sendError(response: ServerResponse, error: HttpError): number {
	sendJson(response, error.statusCode, errorBody(error.statusCode, error.message), error.headers);
	return error.statusCode;
}

/** /_sandbox/v2: the sandbox's "signed storage" (file bytes) and the v2 control API. */
function handleControl(core: SandboxCore, call: V2Call): void {
	const { response } = call;
	try {
		if (call.method === 'GET' && call.path.startsWith(FILES_PREFIX)) {
			const file = v2StateOf(core).files.get(decodeURIComponent(call.path.slice(FILES_PREFIX.length)));
			if (!file) throw notFound('File not found.');
			response.writeHead(200, {
				'content-type': file.mimeType,
				'content-length': file.data.length,
				'content-disposition': `attachment; filename="${file.name}"`,
			});
			response.end(file.data);
			return;
		}
		const match = control.match(call.method, segmentsAfter(call.path, CONTROL_PREFIX));
		if (!match) throw notFound(`No sandbox control route ${call.method} ${call.path}`);
		const { body } = parseBody(call.raw, call.request.headers['content-type']);
		sendJson(response, 200, match.route.handler({ core, v2: v2StateOf(core), params: match.params, query: call.query, body } as never));
	} catch (error) {
		sendError(response, toHttpError(error));
	}
}

/** /v2 pipeline, as /v1's: log → rate limit → auth (Bearer or Basic) → route → fault → handler → latency → answer. */
async function handleApi(core: SandboxCore, call: V2Call): Promise<void> {
	const started = performance.now();
	const headers = { ...call.request.headers };
	delete headers.authorization;
	const entry = core.log.add({
		time: new Date().toISOString(),
		method: call.method,
		path: call.path,
		query: queryToObject(call.query),
		headers,
		body: undefined,
		status: null,
		durationMs: null,
	});
	let status: number;
	let fault: FaultKind | undefined;
	let answer: { json?: string; redirect?: string; error?: HttpError } = {};
	try {
		const wait = core.bucket?.take() ?? 0;
		if (wait > 0) throw new HttpError(429, 'Too many requests. Please retry later.', { 'retry-after': String(wait) });
		if (!isV2Authorized(call.request.headers.authorization, core.options.apiKeys)) {
			throw new HttpError(401, 'Please provide a valid API key (Bearer token, or HTTP Basic with the API key as username).', {
				'www-authenticate': 'Bearer realm="Scale sandbox", Basic realm="Scale sandbox"',
			});
		}
		const match = api.match(call.method, segmentsAfter(call.path, API_PREFIX));
		const isCreate = call.method === 'POST' && (call.path === '/v2/task/chat' || call.path === '/v2/batch');
		fault = core.faults.pick(call.method, call.path, isCreate);
		if (!(fault && FAULTS_BEFORE_HANDLER.has(fault))) {
			if (!match) throw notFound(`No route ${call.method} ${call.path}`);
			const parsed = parseBody(call.raw, call.request.headers['content-type']);
			entry.body = parsed.logged;
			const result = match.route.handler({ core, v2: v2StateOf(core), params: match.params, query: call.query, body: parsed.body } as never);
			answer =
				result && typeof result === 'object' && 'redirect' in result
					? { redirect: String((result as { redirect: string }).redirect) }
					: { json: JSON.stringify(result) };
		}
	} catch (error) {
		fault = undefined;
		answer = { error: toHttpError(error) };
	}
	if (core.options.latencyMs > 0) await core.timers.sleep(core.options.latencyMs);
	const { response } = call;
	if (fault) {
		entry.fault = fault;
		status = sendFault(response, fault, answer.json ?? '{}');
	} else if (answer.error) {
		status = sendError(response, answer.error);
	} else if (answer.redirect) {
		response.writeHead(302, { location: answer.redirect, 'content-length': 0 });
		response.end();
		status = 302;
	} else {
		sendJson(response, 200, JSON.parse(answer.json ?? 'null'));
		status = 200;
	}
	entry.status = status;
	entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
}

/** Entry point from the sandbox server for every /v2 and /_sandbox/v2 request. */
export async function handleV2Request(core: SandboxCore, call: V2Call): Promise<void> {
	if (under(call.path, CONTROL_PREFIX)) handleControl(core, call);
	else await handleApi(core, call);
}
