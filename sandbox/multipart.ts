import { badRequest } from './errors';

export interface MultipartFilePart {
	field: string;
	filename: string;
	contentType: string;
	data: Buffer;
}

export interface MultipartBody {
	fields: Record<string, string>;
	files: MultipartFilePart[];
}

/** Boundary of a multipart/form-data Content-Type, or undefined when it is not multipart. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!match) throw badRequest('multipart/form-data without a boundary.');
	return match[1] ?? match[2];
}

/** Minimal RFC 7578 parser: parts split on the boundary, headers up to the blank line, body kept as bytes. */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
	const result: MultipartBody = { fields: {}, files: [] };
	const delimiter = Buffer.from(`--${boundary}`);
	let position = body.indexOf(delimiter);
	if (position === -1) throw badRequest('Malformed multipart body: boundary not found.');
	for (;;) {
		position += delimiter.length;
		if (body[position] === 0x2d && body[position + 1] === 0x2d) return result; // closing "--"
		if (body[position] === 0x0d && body[position + 1] === 0x0a) position += 2;
		const headerEnd = body.indexOf('\r\n\r\n', position);
		if (headerEnd === -1) throw badRequest('Malformed multipart body: part headers not terminated.');
		const headers = parsePartHeaders(body.toString('utf8', position, headerEnd));
		const contentStart = headerEnd + 4;
		const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), contentStart);
		if (next === -1) throw badRequest('Malformed multipart body: missing closing boundary.');
		addPart(result, headers, body.subarray(contentStart, next));
		position = next + 2;
	}
}

function parsePartHeaders(text: string): Map<string, string> {
	const headers = new Map<string, string>();
	for (const line of text.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	return headers;
}

function addPart(result: MultipartBody, headers: Map<string, string>, data: Buffer): void {
	const disposition = headers.get('content-disposition') ?? '';
	const parameters = dispositionParameters(disposition);
	const field = parameters.get('name');
	if (field === undefined) throw badRequest('Malformed multipart body: part without a name.');
	const filename = parameters.get('filename*') ?? parameters.get('filename');
	if (filename === undefined) {
		result.fields[field] = data.toString('utf8');
		return;
	}
	result.files.push({ field, filename, contentType: headers.get('content-type') ?? 'application/octet-stream', data: Buffer.from(data) });
}

function dispositionParameters(disposition: string): Map<string, string> {
	const parameters = new Map<string, string>();
	const pattern = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
	for (let match = pattern.exec(disposition); match; match = pattern.exec(disposition)) {
		const key = match[1].toLowerCase();
		const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3].trim();
		parameters.set(key, key === 'filename*' ? decodeExtendedValue(value) : value);
	}
	return parameters;
}

/** RFC 5987 `UTF-8''name%20with%20spaces`. */
function decodeExtendedValue(value: string): string {
	const match = /^[^']*'[^']*'(.*)$/.exec(value);
	try {
		return decodeURIComponent(match ? match[1] : value);
	} catch {
		return value;
	}
}
