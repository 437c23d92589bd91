import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';
import { authorizationFor, SANDBOX_API_KEY } from '../harness/constants';

/** API JSON as the tests read it: shapes are asserted with expect(), not with static types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export function basicAuth(key: string = SANDBOX_API_KEY): string {
	return authorizationFor(key);
}

export interface ApiResponse<T = Loose> {
	status: number;
	headers: Headers;
	body: T;
	text: string;
}

export interface CallOptions {
	body?: unknown;
	/** Sent as-is (no JSON encoding, no content-type), e.g. FormData or a malformed string. */
	rawBody?: RequestInit['body'];
	key?: string | null;
	headers?: Record<string, string>;
}

/** Real HTTP against the sandbox; `path` is relative to /v1 (or absolute when it starts with /_sandbox). */
export async function call<T = Loose>(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
	const url = path.startsWith('/_sandbox') ? `${sandbox.origin}${path}` : `${sandbox.url}/${path.replace(/^\//, '')}`;
	const headers: Record<string, string> = { ...options.headers };
	if (options.key !== null) headers.authorization = basicAuth(options.key ?? SANDBOX_API_KEY);
	let body: RequestInit['body'] = options.rawBody;
	if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] = 'application/json';
	}
	const response = await fetch(url, { method, headers, body });
	const text = await response.text();
	let parsed: unknown = undefined;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export async function withSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return startSandbox(options);
}

export async function createProject(sandbox: Sandbox, name: string, type = 'imageannotation', extra: Record<string, unknown> = {}): Promise<Loose> {
	const response = await call(sandbox, 'POST', 'projects', { body: { name, type, params: null, rapid: false, studio: false, datasetId: null, ...extra } });
	expect(response.status).toBe(200);
	return response.body;
}

export async function createTask(sandbox: Sandbox, body: Record<string, unknown> = {}, type = 'imageannotation'): Promise<Loose> {
	const response = await call(sandbox, 'POST', `task/${type}`, {
		body: { attachment: 'https://example.com/image.jpg', attachment_type: 'image', geometries: { box: { objects_to_annotate: ['car'] } }, ...body },
	});
	expect(response.status).toBe(200);
	return response.body;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns a truthy value or the timeout passes. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error('waitFor timed out');
		await sleep(10);
	}
}

export interface Received {
	headers: IncomingHttpHeaders;
	body: Loose;
}

/** Local callback receiver answering with the given statuses in turn (the last one repeats). */
export async function startReceiver(statuses: number[]): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
	const received: Received[] = [];
	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
			response.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]);
			response.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/scale-callback`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
