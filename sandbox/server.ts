import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { isAuthorized } from './auth';
import { SandboxCore } from './core';
import { HttpError, badRequest, errorBody, notFound } from './errors';
import { sendFault } from './fault-responses';
import { FAULTS_BEFORE_HANDLER } from './faults';
import { BodyTooLarge, parseBody, readBody, sendError, sendJson } from './http';
import { queryToObject } from './query';
import { Router, type Route, type RouteMatch } from './router';
import { apiRoutes, controlRoutes } from './routes';
import { handleV2Request, isV2Path, v2StateOf } from './v2';
import type {
	BatchJson,
	BatchCounts,
	CallbackAttempt,
	FaultKind,
	FileJson,
	ProjectJson,
	QualityTaskJson,
	RequestLogEntry,
	ResolvedOptions,
	SandboxOptions,
	ScriptedFault,
	TaskJson,
	TeammateJson,
} from './types';

export type * from './types';

export interface Sandbox {
	/** Base URL including /v1, e.g. http://127.0.0.1:4010/v1. */
	readonly url: string;
	/** Root URL without /v1 (the control API lives at `${origin}/_sandbox`). */
	readonly origin: string;
	readonly port: number;
	/** The request log (copy), oldest first; /_sandbox requests are not logged. */
	readonly requests: RequestLogEntry[];
	/** Every callback delivery attempt (copy). */
	readonly callbacks: CallbackAttempt[];
	readonly options: ResolvedOptions;
	close(): Promise<void>;
	/** Fresh state: tasks, batches, projects, files, log, fault queue, timers; seedTasks re-applied. */
	reset(): void;
	setOptions(partial: SandboxOptions): ResolvedOptions;
	/** Queue exact faults, consumed in order by matching /v1 requests. */
	injectFaults(faults: ScriptedFault[]): void;
	clearFaults(): void;
	clearRequests(): void;
	tasks(): TaskJson[];
	task(taskId: string): TaskJson | undefined;
	batches(): (BatchJson & { counts: BatchCounts })[];
	projects(): ProjectJson[];
	files(): FileJson[];
	teammates(): TeammateJson[];
	qualityTasks(): QualityTaskJson[];
	/** Completes a pending task now (plausible response unless one is given) and fires its callback. */
	completeTask(taskId: string, response?: Record<string, unknown>): TaskJson;
	/** Scale's QA audits a completed task (like POST /_sandbox/tasks/{id}/audit) and the audit callback goes out. */
	auditTask(taskId: string, audit: { accepted: boolean; fixed?: boolean; comments?: string | null }): TaskJson;
	/** Puts a completed task back to pending (like POST /_sandbox/tasks/{id}/recall) and sends the recall callback. */
	recallTask(taskId: string): TaskJson;
	/** Puts a pending task in status `error` and fires its callback. */
	failTask(taskId: string, message?: string): TaskJson;
	/** Timers and sockets the sandbox still holds (all 0 after close). */
	openHandles(): { timers: number; connections: number };
}

const CONTROL_PREFIX = '/_sandbox';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const core = new SandboxCore(options);
	core.initialize();
	v2StateOf(core); // GenAI (API v2) demo data, reset with the sandbox
	const api = new Router(apiRoutes);
	const control = new Router(controlRoutes);
	const connections = new Set<import('node:net').Socket>();
	const server = createServer((request, response) => {
		handleRequest(core, api, control, request, response).catch((error: unknown) => {
			if (!response.headersSent) sendJson(response, 500, errorBody(500, `Sandbox failure: ${String(error)}`));
		});
	});
	server.on('connection', (socket) => {
		connections.add(socket);
		socket.on('close', () => connections.delete(socket));
	});
	await listen(server, core.options.port, core.options.host);
	const port = (server.address() as AddressInfo).port;
	const origin = `http://${hostForUrl(core.options.host)}:${port}`;
	let closing: Promise<void> | undefined;

	const close = (): Promise<void> => {
		closing ??= (async () => {
			core.shutdown();
			const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
			const socketsClosed = [...connections].map((socket) => new Promise<void>((resolve) => {
				if (socket.closed) resolve();
				else socket.once('close', () => resolve());
			}));
			server.closeAllConnections();
			for (const socket of connections) socket.destroy();
			await Promise.all([serverClosed, ...socketsClosed]);
			connections.clear();
		})();
		return closing;
	};

	return {
		url: `${origin}/v1`,
		origin,
		port,
		get requests() {
			return core.log.list();
		},
		get callbacks() {
			return [...core.callbacks.attempts];
		},
		get options() {
			return core.options;
		},
		close,
		reset: () => core.reset(),
		setOptions: (partial) => core.setOptions(partial),
		injectFaults: (faults) => core.faults.enqueue(faults),
		clearFaults: () => core.faults.clearQueue(),
		clearRequests: () => core.log.clear(),
		tasks: () => {
			core.tasks.settleDue();
			return core.state.taskOrder.map((record) => record.json);
		},
		task: (taskId) => {
			core.tasks.settleDue();
			return core.state.tasks.get(taskId)?.json;
		},
		batches: () => [...core.state.batches.values()].map((batch) => ({ ...batch.json, counts: { ...batch.counts } })),
		projects: () => [...core.state.projects.values()].map((project) => project.json),
		files: () => [...core.state.files.values()],
		teammates: () => [...core.state.teammates.values()],
		qualityTasks: () => [...core.state.qualityTasks],
		completeTask: (taskId, response) => core.tasks.complete(core.tasks.get(taskId), response).json,
		auditTask: (taskId, audit) => core.tasks.audit(core.tasks.get(taskId), { ...audit, source: 'scale' }).json,
		recallTask: (taskId) => core.tasks.recall(core.tasks.get(taskId)).json,
		failTask: (taskId, message) => core.tasks.fail(core.tasks.get(taskId), message).json,
		openHandles: () => ({ timers: core.timers.size, connections: connections.size }),
	};
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

function hostForUrl(host: string): string {
	if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
	return host.includes(':') ? `[${host}]` : host;
}

interface ParsedTarget {
	path: string;
	query: URLSearchParams;
}

function parseTarget(url: string): ParsedTarget {
	const queryStart = url.indexOf('?');
	return queryStart === -1
		? { path: url, query: new URLSearchParams() }
		: { path: url.slice(0, queryStart), query: new URLSearchParams(url.slice(queryStart + 1)) };
}

/** Path segments after the prefix, still percent-encoded; a trailing slash is ignored. */
function segmentsAfter(path: string, prefix: string): string[] {
	const rest = path.slice(prefix.length).replace(/^\//, '').replace(/\/$/, '');
	return rest === '' ? [] : rest.split('/');
}

function underPrefix(path: string, prefix: string): boolean {
	return path === prefix || path.startsWith(`${prefix}/`);
}

async function handleRequest(
	core: SandboxCore,
	api: Router,
	control: Router,
	request: IncomingMessage,
	response: ServerResponse,
): Promise<void> {
	const { path, query } = parseTarget(request.url ?? '/');
	const method = (request.method ?? 'GET').toUpperCase();
	let raw: Buffer;
	try {
		raw = await readBody(request, core.options.maxBodyBytes);
	} catch (error) {
		if (!(error instanceof HttpError)) return;
		// The body was drained, so the client reads this answer instead of a reset connection.
		if (error instanceof BodyTooLarge && !underPrefix(path, CONTROL_PREFIX)) logRefusedBody(core, method, path, query, request, error);
		sendError(response, error);
		return;
	}
	// Completion is due by time, not only by timer: whatever is due is completed before any request is answered.
	core.tasks.settleDue();
	if (isV2Path(path)) {
		await handleV2Request(core, { method, path, query, raw, request, response });
		return;
	}
	if (underPrefix(path, CONTROL_PREFIX)) {
		handleControl(core, control, method, segmentsAfter(path, CONTROL_PREFIX), query, raw, request, response);
		return;
	}
	await handleApi(core, api, { method, path, query, raw, request, response });
}

function logRefusedBody(core: SandboxCore, method: string, path: string, query: URLSearchParams, request: IncomingMessage, error: BodyTooLarge): void {
	const entry = core.log.add({ time: new Date().toISOString(), method, path, query: queryToObject(query), headers: loggedHeaders(request), body: undefined, status: 413, durationMs: 0 });
	entry.bodySize = error.received;
}

function loggedHeaders(request: IncomingMessage): RequestLogEntry['headers'] {
	const headers = { ...request.headers };
	delete headers.authorization;
	return headers;
}

function handleControl(
	core: SandboxCore,
	control: Router,
	method: string,
	segments: string[],
	query: URLSearchParams,
	raw: Buffer,
	request: IncomingMessage,
	response: ServerResponse,
): void {
	try {
		const match = control.match(method, segments);
		if (!match) throw notFound(`No sandbox control route ${method} /_sandbox/${segments.join('/')}`);
		const { body } = parseBody(raw, request.headers['content-type']);
		sendJson(response, 200, match.route.handler({ core, params: match.params, query, body }));
	} catch (error) {
		sendError(response, toHttpError(error));
	}
}

interface ApiRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	raw: Buffer;
	request: IncomingMessage;
	response: ServerResponse;
}

/** /v1 pipeline: log → rate limit → auth → route → fault → body → handler → latency → answer. */
async function handleApi(core: SandboxCore, api: Router, call: ApiRequest): Promise<void> {
	const started = performance.now();
	const entry = core.log.add({
		time: new Date().toISOString(),
		method: call.method,
		path: call.path,
		query: queryToObject(call.query),
		headers: loggedHeaders(call.request),
		body: undefined,
		status: null,
		durationMs: null,
	});
	const outcome = answer(core, api, call, entry);
	if (core.options.latencyMs > 0) await core.timers.sleep(core.options.latencyMs);
	if (outcome.fault) entry.fault = outcome.fault;
	entry.status = outcome.fault ? sendFault(call.response, outcome.fault, outcome.json) : send(call.response, outcome);
	entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
}

interface Outcome {
	status: number;
	json: string;
	headers?: Record<string, string>;
	fault?: FaultKind;
}

function answer(core: SandboxCore, api: Router, call: ApiRequest, entry: RequestLogEntry): Outcome {
	try {
		const parsed = tryParseForLog(core, call, entry);
		const segments = segmentsAfter(call.path, '');
		if (!api.prefixes.has(segments[0])) throw notFound(`No route ${call.method} ${call.path}`);
		const wait = core.bucket?.take() ?? 0;
		if (wait > 0) {
			throw new HttpError(429, 'Too many requests. Please retry later.', { 'retry-after': String(wait) });
		}
		if (!isAuthorized(call.request.headers, core.options.apiKeys, segments[0] === 'v2')) {
			throw new HttpError(401, 'Please provide a valid API key (HTTP Basic auth, API key as username).', {
				'www-authenticate': 'Basic realm="Scale sandbox"',
			});
		}
		const match: RouteMatch | undefined = api.match(call.method, segments);
		const fault = core.faults.pick(call.method, call.path, match?.route.isTaskCreate ?? false);
		if (fault && FAULTS_BEFORE_HANDLER.has(fault)) return { status: 0, json: '', fault };
		if (!match) throw notFound(`No route ${call.method} ${call.path}`);
		if (!core.options.lenient) checkStrict(match.route, call);
		if (parsed instanceof HttpError) throw parsed;
		const result = match.route.handler({ core, params: match.params, query: call.query, body: parsed.body, multipart: parsed.multipart });
		return { status: 200, json: JSON.stringify(result), fault };
	} catch (error) {
		const httpError = toHttpError(error);
		return { status: httpError.statusCode, json: JSON.stringify(errorBody(httpError.statusCode, httpError.message)), headers: httpError.headers };
	}
}

/** Parses the body once for both the log and the handler; a parse failure is answered only once the route is known. */
function tryParseForLog(core: SandboxCore, call: ApiRequest, entry: RequestLogEntry): ReturnType<typeof parseBody> | HttpError {
	try {
		const parsed = parseBody(call.raw, call.request.headers['content-type']);
		core.log.setBody(entry, parsed.logged, call.raw, parsed.multipart !== undefined);
		return parsed;
	} catch (error) {
		core.log.setBody(entry, undefined, call.raw, false);
		return toHttpError(error);
	}
}

/** JSON-ish content types Scale reads a body as; anything else on a JSON route is refused (unless lenient). */
const JSON_CONTENT_TYPE = /^\s*(application\/(?:json|[\w.+-]+\+json)|application\/x-www-form-urlencoded)\s*(;|$)/i;

/** Scale refuses what it does not understand: unknown query parameters, and a body it cannot read as JSON. */
function checkStrict(route: Route, call: ApiRequest): void {
	if (route.query) {
		const unknown = [...new Set(call.query.keys())].filter((key) => !route.query!.includes(key));
		if (unknown.length > 0) {
			const takes = route.query.length > 0 ? `it takes ${route.query.join(', ')}` : 'it takes none';
			throw badRequest(`Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} for ${call.method} ${call.path}; ${takes}.`);
		}
	}
	if (call.raw.length === 0 || route.body === 'multipart') return;
	const contentType = call.request.headers['content-type'];
	if (contentType === undefined || !JSON_CONTENT_TYPE.test(contentType)) {
		throw badRequest(`A request body must be sent as Content-Type: application/json (got ${contentType === undefined ? 'no Content-Type' : `"${contentType}"`}).`);
	}
}

function send(response: ServerResponse, outcome: Outcome): number {
	if (response.destroyed || response.headersSent) return outcome.status;
	response.writeHead(outcome.status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(outcome.json),
		...outcome.headers,
	});
	response.end(outcome.json);
	return outcome.status;
}

function toHttpError(error: unknown): HttpError {
	if (error instanceof HttpError) return error;
	const message = error instanceof Error ? error.message : String(error);
	return new HttpError(500, `Sandbox internal error: ${message}`);
}
