import nock from 'nock';

import { EXPECTED_AUTH } from '../harness/constants';
import { interceptAt, useNock } from '../harness/nock';
import { expectSuccess, jsonOf } from '../harness/run-node';
import { genAiTask, interceptV2, runGenAi } from './helpers';

useNock();

const STORAGE = 'https://storage.example.com';
const RESPONSE_PATH = '/v2/datasets/task/dtask_1/response_url/att%2F1';

describe('Dataset → Download Response', () => {
	test('follows the 302 to the file and outputs it as binary data; the API key is not sent to the storage host', async () => {
		const api = interceptV2('GET', RESPONSE_PATH, {
			status: 302,
			body: '',
			headers: { location: `${STORAGE}/signed/response.json?sig=abc` },
		});
		const file = interceptAt(STORAGE, 'GET', '/signed/response.json', {
			body: '{"answer": 42}',
			headers: { 'content-type': 'application/json', 'content-disposition': 'attachment; filename="response.json"' },
		});

		const run = await runGenAi('dataset', 'downloadResponse', { taskId: 'dtask_1', attachmentId: 'att/1' });

		expectSuccess(run);
		api.scope.done();
		file.scope.done();
		expect(api.requests[0]).toMatchObject({ method: 'GET', path: RESPONSE_PATH, search: '', authorization: EXPECTED_AUTH });
		expect(file.requests[0]).toMatchObject({ search: '?sig=abc', authorization: undefined });
		expect(jsonOf(run.items)).toEqual([
			{ task_id: 'dtask_1', attachment_id: 'att/1', file_name: 'response.json', mime_type: 'application/json', file_size: 14 },
		]);
		const binary = run.items[0].binary?.data;
		expect(binary).toMatchObject({ fileName: 'response.json', mimeType: 'application/json' });
		expect(Buffer.from(binary!.data, 'base64').toString('utf8')).toBe('{"answer": 42}');
	});

	test('the binary field name is configurable, and a same-origin redirect keeps working', async () => {
		interceptV2('GET', '/v2/datasets/task/t/response_url/a', { status: 302, body: '', headers: { location: '/files/a.png' } });
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
		const file = interceptV2('GET', '/files/a.png', { body: png, headers: { 'content-type': 'image/png' } });

		const run = await runGenAi('dataset', 'downloadResponse', { taskId: 't', attachmentId: 'a', binaryPropertyName: 'image' });

		expectSuccess(run);
		expect(file.requests).toHaveLength(1);
		expect(Buffer.from(run.items[0].binary!.image.data, 'base64')).toEqual(png);
		// Without a Content-Disposition, the file is named after the attachment.
		expect(run.items[0].binary!.image).toMatchObject({ fileName: 'a', mimeType: 'image/png' });
	});

	test("a 404 fails the item with Scale's message", async () => {
		interceptV2('GET', '/v2/datasets/task/t/response_url/missing', {
			status: 404,
			body: { status_code: 404, error: 'Attachment not found' },
		});

		const run = await runGenAi('dataset', 'downloadResponse', { taskId: 't', attachmentId: 'missing' });

		expect(run.error?.message).toBe('Attachment not found');
		expect(run.error?.httpCode).toBe('404');
	});

	test('an empty Attachment ID fails the item and sends nothing', async () => {
		const run = await runGenAi('dataset', 'downloadResponse', { taskId: 't', attachmentId: ' ' });

		expect(run.error?.message).toBe('"Attachment ID" is empty [item 0]');
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('Options → Download Files', () => {
	test('downloads every file object in the threads as binary data (file_0, file_1…)', async () => {
		const attachments = [
			{ url: `${STORAGE}/img/cat.png`, mime_type: 'image/png', name: 'cat.png' },
			{ scale_url: 'https://api.scale.com/v2/files/doc_1', url: `${STORAGE}/ignored`, mime_type: 'text/plain', name: 'notes.txt' },
		];
		const task = genAiTask();
		const threads = task.threads as Array<{ turns: Array<{ messages: Array<{ content: Record<string, unknown> }> }> }>;
		threads[0].turns[0].messages[0].content.attachments = attachments;
		interceptV2('GET', '/v2/task', { body: task });
		const image = interceptAt(STORAGE, 'GET', '/img/cat.png', { body: Buffer.from('png-bytes'), headers: { 'content-type': 'image/png' } });
		const scaleFile = interceptV2('GET', '/v2/files/doc_1', { body: 'hello', headers: { 'content-type': 'text/plain' } });

		const run = await runGenAi('task', 'get', { taskId: 'task_1', options: { downloadFiles: true } });

		expectSuccess(run);
		expect(image.requests[0].authorization).toBeUndefined();
		expect(scaleFile.requests[0].authorization).toBe(EXPECTED_AUTH);
		const binary = run.items[0].binary!;
		expect(Object.keys(binary)).toEqual(['file_0', 'file_1']);
		expect(binary.file_0).toMatchObject({ fileName: 'cat.png', mimeType: 'image/png' });
		expect(Buffer.from(binary.file_0.data, 'base64').toString()).toBe('png-bytes');
		expect(binary.file_1).toMatchObject({ fileName: 'notes.txt', mimeType: 'text/plain' });
		expect(Buffer.from(binary.file_1.data, 'base64').toString()).toBe('hello');
	});
});
