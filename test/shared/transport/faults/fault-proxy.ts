import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does with one request to the sandbox. */
export type ProxyAction =
	| { kind: 'forward' }
	/** Answer without forwarding (the sandbox never sees the request). */
	| { kind: 'reply'; status: number; headers?: Record<string, string>; body: string }
	/** Forward, let the sandbox do the work, then answer this instead of the sandbox's answer. */
	| { kind: 'replaceAnswer'; status: number; headers?: Record<string, string>; body: string };

export interface ProxiedRequest {
	method: string;
	/** Path without the query string, e.g. /v1/task/imageannotation. */
	path: string;
	query: URLSearchParams;
	body: Buffer;
	/** 1-based count of requests seen by the proxy. */
	seq: number;
}

export interface FaultProxy {
	/** Base URL to give the node, including /v1. */
	readonly url: string;
	/** Every action taken that was not a plain forward, in order. */
	readonly injected: { seq: number; method: string; path: string; status: number }[];
	close(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON error answer like Scale's. */
export const scaleError = (status: number, error: string) => JSON.stringify({ status_code: status, error });

/**
 * A loopback proxy in front of the sandbox that injects faults at exact, race-free points: the decision is
 * taken per request, so "every 10th create answers 429" is exact even with requests in flight at once.
 * (The sandbox's scripted queue is consumed by whichever matching request arrives first, and its 429s say
 * Retry-After: 1 — whole seconds that would make a 2,000-item run take minutes.) Dropped connections upstream
 * are dropped downstream too.
 */
export async function startFaultProxy(
	sandboxOrigin: string,
	decide: (request: ProxiedRequest) => ProxyAction,
): Promise<FaultProxy> {
	const target = new URL(sandboxOrigin);
	const injected: FaultProxy['injected'] = [];
	const sockets = new Set<Socket>();
	let seq = 0;
	const server: Server = createServer((incoming, outgoing) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const body = Buffer.concat(chunks);
			const raw = incoming.url ?? '/';
			const queryStart = raw.indexOf('?');
			const path = queryStart === -1 ? raw : raw.slice(0, queryStart);
			const query = new URLSearchParams(queryStart === -1 ? '' : raw.slice(queryStart + 1));
			const method = (incoming.method ?? 'GET').toUpperCase();
			const action = decide({ method, path, query, body, seq: ++seq });
			if (action.kind === 'reply') {
				injected.push({ seq, method, path, status: action.status });
				outgoing.writeHead(action.status, { 'content-type': JSON_TYPE, ...action.headers });
				outgoing.end(action.body);
				return;
			}
			const headers: IncomingHttpHeaders = { ...incoming.headers, host: target.host };
			const upstream = httpRequest(
				{ host: target.hostname, port: target.port, method, path: raw, headers, agent: false },
				(answer) => {
					if (action.kind === 'replaceAnswer') {
						answer.resume();
						answer.on('end', () => {
							injected.push({ seq, method, path, status: action.status });
							outgoing.writeHead(action.status, { 'content-type': JSON_TYPE, ...action.headers });
							outgoing.end(action.body);
						});
						answer.on('aborted', () => outgoing.destroy());
						return;
					}
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
					answer.on('aborted', () => outgoing.destroy());
					answer.on('error', () => outgoing.destroy());
				},
			);
			upstream.on('error', () => outgoing.destroy());
			upstream.end(body);
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		injected,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			}),
	};
}
