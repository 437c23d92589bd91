import type { IncomingMessage, ServerResponse } from 'node:http';

import { HttpError, badRequest, errorBody } from './errors';
import { multipartBoundary, parseMultipart, type MultipartBody } from './multipart';

/** 413 for a body over the limit; `received` is how many bytes actually arrived. */
export class BodyTooLarge extends HttpError {
	constructor(
		maxBytes: number,
		readonly received: number,
	) {
		super(413, `Request body larger than ${maxBytes} bytes (${received} received).`, { connection: 'close' });
	}
}

/**
 * The whole body, or a 413 once it is over `maxBytes`. An oversized body is still read to its end (and dropped)
 * so the client, which is still sending, receives the 413 instead of a reset connection.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const declared = Number(request.headers['content-length']);
		let tooLarge = Number.isFinite(declared) && declared > maxBytes;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (tooLarge) return;
			if (size > maxBytes) {
				tooLarge = true;
				chunks.length = 0;
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => {
			if (tooLarge) {
				reject(new BodyTooLarge(maxBytes, size));
			} else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
		});
		request.on('error', reject);
	});
}

export interface ParsedBody {
	body: unknown;
	multipart?: MultipartBody;
	/** What the request log shows: parsed JSON, a multipart summary, or undefined. */
	logged: unknown;
}

/** JSON (any content type but multipart and urlencoded), multipart/form-data, or form-urlencoded; empty → undefined. */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
	const boundary = multipartBoundary(contentType);
	if (boundary !== undefined) {
		const multipart = parseMultipart(raw, boundary);
		const files = multipart.files.map(({ field, filename, contentType: type, data }) => ({ field, filename, contentType: type, size: data.length }));
		return { body: undefined, multipart, logged: { fields: multipart.fields, files } };
	}
	if (raw.length === 0) return { body: undefined, logged: undefined };
	const text = raw.toString('utf8');
	if (contentType && /^application\/x-www-form-urlencoded/i.test(contentType)) {
		const body = Object.fromEntries(new URLSearchParams(text));
		return { body, logged: body };
	}
	if (text.trim() === '') return { body: undefined, logged: undefined };
	try {
		const body: unknown = JSON.parse(text);
		return { body, logged: body };
	} catch {
		throw badRequest('Request body is not valid JSON.');
	}
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	sendText(response, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

export function sendText(
	response: ServerResponse,
	status: number,
	text: string,
	contentType: string,
	headers: Record<string, string> = {},
): void {
	if (response.destroyed || response.headersSent) return;
	response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
	response.end(text);
}

export function sendError(response: ServerResponse, error: HttpError): void {
	sendJson(response, error.statusCode, errorBody(error.statusCode, error.message), error.headers);
}

/** Sends the headers and half the body, then destroys the socket: a connection dropped mid-response. */
export function dropMidResponse(response: ServerResponse, text: string): void {
	response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
	response.flushHeaders();
	response.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => response.socket?.destroy());
}
