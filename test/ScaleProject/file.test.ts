import nock from 'nock';

import { AWKWARD_NAME, EXPECTED_AUTH } from '../harness/constants';
import { expectJsonRequest, interceptScale, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import type { RawRequest } from './helpers';
import { interceptRaw, itemWithFile, parseMultipart, runProject, scaleFile } from './helpers';

useNock();

/** Bytes that are not valid UTF-8 (0x89, 0xff), with a NUL and a CRLF: any re-encoding would change them. */
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x2d, 0x2d, 0x0d, 0x0a]);

const lost = (status: number) => ({
	status,
	body: { status_code: status, error: 'Service unavailable' },
	headers: { 'retry-after': '0' },
});

/** Everything about one upload on the wire: method, path, query, auth, and the multipart parts. */
function uploadOnTheWire(request: RawRequest) {
	const contentType = String(request.headers['content-type']);
	return {
		method: request.method,
		path: request.path,
		query: request.query,
		authorization: request.headers.authorization,
		contentType: contentType.replace(/boundary=.*/, 'boundary=…'),
		parts: parseMultipart(contentType, request.bytes).map((part) => ({
			...part,
			data: part.fileName === undefined ? part.data.toString('utf8') : part.data,
		})),
	};
}

const filePart = (fileName: string, contentType: string, data: Buffer = PNG_BYTES) => ({
	name: 'file',
	fileName,
	contentType,
	data,
});
const field = (name: string, value: string) => ({ name, fileName: undefined, contentType: undefined, data: value });

const ALL_FIELDS = {
	project: byName(AWKWARD_NAME),
	additionalFields: {
		displayName: 'Sign 42',
		referenceId: 'sign-42',
		metadata: '{"camera": "front", "frame": 7}',
	},
};

describe('File → Upload (POST /files/upload, multipart/form-data)', () => {
	test('a file part with the exact bytes, file name and MIME type, plus every plain field', async () => {
		const stored = scaleFile();
		const { scope, requests } = interceptRaw('POST', '/files/upload', { body: stored });

		const run = await runProject('file', 'upload', ALL_FIELDS, {
			items: [itemWithFile(PNG_BYTES, { fileName: 'sign 42.png', mimeType: 'image/png' })],
		});

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expect(String(requests[0].headers['content-type'])).toMatch(/^multipart\/form-data; boundary=[^\s;]{1,70}$/);
		expect(uploadOnTheWire(requests[0])).toEqual({
			method: 'POST',
			path: '/files/upload',
			query: {},
			authorization: EXPECTED_AUTH,
			contentType: 'multipart/form-data; boundary=…',
			parts: [
				filePart('sign 42.png', 'image/png'),
				field('project_name', AWKWARD_NAME),
				field('display_name', 'Sign 42'),
				field('reference_id', 'sign-42'),
				field('metadata', '{"camera":"front","frame":7}'),
			],
		});
		expect(Number(requests[0].headers['content-length'])).toBe(requests[0].bytes.length);
		expect(jsonOf(run.items)).toEqual([stored]);
	});

	test('only the file when no field is set; another binary property; no file name → "file"', async () => {
		const { scope, requests } = interceptRaw('POST', '/files/upload', { body: scaleFile() });

		const run = await runProject(
			'file',
			'upload',
			{ binaryPropertyName: 'attachment' },
			{ items: [itemWithFile(PNG_BYTES, { property: 'attachment', mimeType: 'application/pdf' })] },
		);

		expectSuccess(run);
		scope.done();
		expect(uploadOnTheWire(requests[0]).parts).toEqual([filePart('file', 'application/pdf')]);
	});

	test('one upload per input item, each with its own file, outputs in input order', async () => {
		const other = Buffer.from('plain text, second file\n');
		const { scope, requests } = interceptRaw(
			'POST',
			'/files/upload',
			{ body: scaleFile({ id: 'file-a' }) },
			{ body: scaleFile({ id: 'file-b' }) },
		);

		const run = await runProject('file', 'upload', {}, {
			items: [
				itemWithFile(PNG_BYTES, { fileName: 'a.png', mimeType: 'image/png' }),
				itemWithFile(other, { fileName: 'b.txt', mimeType: 'text/plain' }),
			],
		});

		expectSuccess(run);
		scope.done();
		const files = requests.map((request) => uploadOnTheWire(request).parts[0]);
		expect(files).toHaveLength(2);
		expect(files).toEqual(
			expect.arrayContaining([filePart('a.png', 'image/png'), filePart('b.txt', 'text/plain', other)]),
		);
		expect(jsonOf(run.items).map((file) => file.id)).toEqual(['file-a', 'file-b']);
	});

	test('with a Reference ID, a 503 is retried with a complete second multipart body', async () => {
		const stored = scaleFile();
		const { scope, requests } = interceptRaw('POST', '/files/upload', lost(503), { body: stored });

		const run = await runProject('file', 'upload', ALL_FIELDS, {
			items: [itemWithFile(PNG_BYTES, { fileName: 'sign.png', mimeType: 'image/png' })],
		});

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(2);
		const [first, second] = requests.map(uploadOnTheWire);
		expect(second).toEqual(first);
		expect(second.parts).toEqual([
			filePart('sign.png', 'image/png'),
			field('project_name', AWKWARD_NAME),
			field('display_name', 'Sign 42'),
			field('reference_id', 'sign-42'),
			field('metadata', '{"camera":"front","frame":7}'),
		]);
		expect(Number(requests[1].headers['content-length'])).toBe(requests[1].bytes.length);
		expect(jsonOf(run.items)).toEqual([stored]);
	});

	test('with a Reference ID, 503 then 409: fails saying the earlier attempt most likely stored it', async () => {
		const { scope, requests } = interceptRaw('POST', '/files/upload', lost(503), {
			status: 409,
			body: { status_code: 409, error: 'A file with this reference_id already exists' },
		});

		const run = await runProject('file', 'upload', ALL_FIELDS, {
			items: [itemWithFile(PNG_BYTES, { fileName: 'sign.png', mimeType: 'image/png' })],
		});

		scope.done();
		expect(requests).toHaveLength(2);
		expect(run.error?.message).toBe(
			'The file was most likely stored by an earlier attempt whose answer was lost: Scale now reports Reference ID "sign-42" as taken',
		);
		expect(run.error?.httpCode).toBe('409');
	});

	test('without a Reference ID, a 503 is not retried: the item fails saying the file may exist', async () => {
		const { requests } = interceptRaw('POST', '/files/upload', lost(503), { body: scaleFile() });

		const run = await runProject('file', 'upload', {}, {
			items: [itemWithFile(PNG_BYTES, { fileName: 'sign.png', mimeType: 'image/png' })],
		});

		expect(requests).toHaveLength(1);
		expect(run.error?.message).toBe("The file may or may not have been created: Scale's answer was lost (HTTP 503)");
	});

	test('a missing binary property fails naming it, and no item of the run is sent', async () => {
		const { requests } = interceptRaw('POST', '/files/upload', { body: scaleFile() }, { body: scaleFile() });

		const run = await runProject('file', 'upload', { binaryPropertyName: 'scan' }, {
			items: [
				itemWithFile(PNG_BYTES, { property: 'scan', fileName: 'ok.png', mimeType: 'image/png' }),
				itemWithFile(PNG_BYTES, { property: 'data', fileName: 'wrong.png', mimeType: 'image/png' }),
			],
		});

		expect(run.error?.message).toBe(
			'Nothing was sent, because item 1 is invalid: "Input Binary Field" is "scan", but the input item has no binary property "scan" [item 1]',
		);
		expect(requests).toHaveLength(0);
	});

	test('with Continue On Fail, the item without the file fails alone and the other is uploaded', async () => {
		const { scope, requests } = interceptRaw('POST', '/files/upload', { body: scaleFile() });

		const run = await runProject('file', 'upload', {}, {
			items: [{ json: { no: 'file' } }, itemWithFile(PNG_BYTES, { fileName: 'ok.png', mimeType: 'image/png' })],
			continueOnFail: true,
		});

		scope.done();
		expect(requests).toHaveLength(1);
		expect(uploadOnTheWire(requests[0]).parts).toEqual([filePart('ok.png', 'image/png')]);
		expect(run.items).toHaveLength(2);
		expect(run.items[0].error?.message).toBe(
			'"Input Binary Field" is "data", but the input item has no binary property "data" [item 0]',
		);
		expect(run.items[1].json).toEqual(scaleFile());
	});

	test('invalid Metadata JSON fails the item and sends nothing', async () => {
		const { requests } = interceptRaw('POST', '/files/upload', { body: scaleFile() });

		const run = await runProject('file', 'upload', { additionalFields: { metadata: '{"a": ' } }, {
			items: [itemWithFile(PNG_BYTES, { fileName: 'ok.png', mimeType: 'image/png' })],
		});

		expect(run.error?.message).toMatch(/^"Metadata" is not valid JSON/);
		expect(requests).toHaveLength(0);
	});
});

describe('File → Import (POST /files/import, JSON)', () => {
	test('file_url and every field, metadata as a JSON object; output is the file', async () => {
		const stored = scaleFile();
		const { scope, requests } = interceptScale('POST', '/files/import', { body: stored });

		const run = await runProject('file', 'import', { fileUrl: ' https://example.com/sign 42.png ', ...ALL_FIELDS });

		expectSuccess(run);
		scope.done();
		expect(requests).toHaveLength(1);
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/files/import',
			body: {
				file_url: 'https://example.com/sign 42.png',
				project_name: AWKWARD_NAME,
				display_name: 'Sign 42',
				reference_id: 'sign-42',
				metadata: { camera: 'front', frame: 7 },
			},
		});
		expect(jsonOf(run.items)).toEqual([stored]);
	});

	test('only file_url when nothing else is set', async () => {
		const { scope, requests } = interceptScale('POST', '/files/import', { body: scaleFile() });

		const run = await runProject('file', 'import', { fileUrl: 'https://example.com/a.png' });

		expectSuccess(run);
		scope.done();
		expectJsonRequest(requests[0], {
			method: 'POST',
			path: '/files/import',
			body: { file_url: 'https://example.com/a.png' },
		});
	});

	test('without a Reference ID a 502 is not retried; with one it is', async () => {
		const once = interceptScale('POST', '/files/import', lost(502), { body: scaleFile() });
		const failed = await runProject('file', 'import', { fileUrl: 'https://example.com/a.png' });
		expect(once.requests).toHaveLength(1);
		expect(failed.error?.message).toBe("The file may or may not have been created: Scale's answer was lost (HTTP 502)");
		nock.cleanAll();

		const twice = interceptScale('POST', '/files/import', lost(502), { body: scaleFile() });
		const run = await runProject('file', 'import', {
			fileUrl: 'https://example.com/a.png',
			additionalFields: { referenceId: 'a' },
		});
		expectSuccess(run);
		twice.scope.done();
		expect(twice.requests).toHaveLength(2);
		twice.requests.forEach((request) =>
			expectJsonRequest(request, {
				method: 'POST',
				path: '/files/import',
				body: { file_url: 'https://example.com/a.png', reference_id: 'a' },
			}),
		);
	});

	test('an empty File URL fails the item and sends nothing', async () => {
		const { requests } = interceptScale('POST', '/files/import', { body: scaleFile() });

		const run = await runProject('file', 'import', { fileUrl: '  ' });

		expect(run.error?.message).toBe('"File URL" is empty [item 0]');
		expect(requests).toHaveLength(0);
	});
});
