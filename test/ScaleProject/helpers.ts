import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ScaleProject } from '../../nodes/ScaleProject/ScaleProject.node';
import { AWKWARD_ENCODED, AWKWARD_NAME, TEST_BASE_URL } from '../harness/constants';
import type { Query } from '../harness/nock';
import { scaleNodeRunner } from '../harness/run-node';

/** Where the project named AWKWARD_NAME lives. */
export const AWKWARD_PATH = `/projects/${AWKWARD_ENCODED}`;

/** Runs the Scale Project node: `runProject('project', 'get', { … })`. */
export const runProject = scaleNodeRunner(ScaleProject);

/** A project as Scale returns it (the Python SDK's `Project`: `name`, `type`, `param_history` are always there). */
export function scaleProject(overrides: IDataObject = {}): IDataObject {
	return {
		name: AWKWARD_NAME,
		type: 'imageannotation',
		created_at: '2026-11-28T10:00:00.000Z',
		param_history: [{ version: 0, instruction: 'Draw a box around each sign', created_at: '2026-11-28T10:00:00.000Z' }],
		...overrides,
	};
}

/** A file as Scale returns it (the Python SDK's `File`: `id` and `attachment_url` are always there). */
export function scaleFile(overrides: IDataObject = {}): IDataObject {
	return {
		id: 'file-0123',
		attachment_url: 'scaledata://project-1/2f1c7c1e-5a9c-4d0a-9c0e-1f2d3c4b5a69',
		created_at: '2026-11-28T10:00:00.000Z',
		mime_type: 'image/png',
		project_names: [AWKWARD_NAME],
		size: 12,
		...overrides,
	};
}

export interface RawRequest {
	method: string;
	path: string;
	query: Query;
	headers: Record<string, string | string[] | undefined>;
	/** The body exactly as it went over the wire. */
	bytes: Buffer;
}

/**
 * Intercepts `method path` requests like `interceptScale`, but keeps the body as raw bytes (multipart bodies
 * are not JSON). nock hands the body over as UTF-8 text, or as hex when the bytes are not valid UTF-8.
 */
export function interceptRaw(
	method: string,
	path: string,
	...replies: Array<{ status?: number; body: nock.Body; headers?: Record<string, string> }>
) {
	const requests: RawRequest[] = [];
	const scope = nock(TEST_BASE_URL);
	const basePath = new URL(TEST_BASE_URL).pathname;
	for (const reply of replies) {
		scope
			.intercept(path, method)
			.query(true)
			.reply(function (uri, requestBody) {
				const url = new URL(uri, TEST_BASE_URL);
				const text = typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody ?? '');
				const bytes = /^([0-9a-f]{2})+$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'utf8');
				const query: Query = {};
				for (const [key, value] of url.searchParams) query[key] = value;
				requests.push({
					method: this.req.method,
					path: url.pathname.slice(basePath.length),
					query,
					headers: this.req.headers,
					bytes,
				});
				return [reply.status ?? 200, reply.body, { 'content-type': 'application/json', ...reply.headers }];
			});
	}
	return { scope, requests };
}

export interface MultipartPart {
	name: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

/**
 * Splits a multipart/form-data body on its boundary (RFC 7578) — written out here rather than using a
 * library, so the test checks the bytes on the wire, not another parser's leniency.
 */
export function parseMultipart(contentType: string, body: Buffer): MultipartPart[] {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!boundary) throw new Error(`no boundary in content-type "${contentType}"`);
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const parts: MultipartPart[] = [];
	let start = body.indexOf(delimiter);
	if (start !== 0) throw new Error('the body does not start with the boundary');
	for (;;) {
		const afterDelimiter = start + delimiter.length;
		if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
		const next = body.indexOf(delimiter, afterDelimiter);
		if (next < 0) throw new Error('the body has no closing boundary');
		// Each part: CRLF, headers, CRLF CRLF, data, CRLF, then the next delimiter.
		const part = body.subarray(afterDelimiter + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		const headers = part.subarray(0, headerEnd).toString('utf8').split('\r\n');
		const disposition = headers.find((line) => /^content-disposition:/i.test(line)) ?? '';
		const typeLine = headers.find((line) => /^content-type:/i.test(line));
		parts.push({
			name: /\bname="([^"]*)"/.exec(disposition)?.[1] ?? '',
			fileName: /\bfilename="([^"]*)"/.exec(disposition)?.[1],
			contentType: typeLine?.replace(/^content-type:\s*/i, ''),
			data: Buffer.from(part.subarray(headerEnd + 4)),
		});
		start = next;
	}
	return parts;
}

/** An input item carrying a file in the binary property `property`, as n8n's Read File or HTTP nodes emit it. */
export function itemWithFile(
	bytes: Buffer,
	{ property = 'data', fileName, mimeType }: { property?: string; fileName?: string; mimeType: string },
): INodeExecutionData {
	return {
		json: { source: 'test' },
		binary: {
			[property]: {
				data: bytes.toString('base64'),
				mimeType,
				...(fileName === undefined ? {} : { fileName }),
			},
		},
	};
}
