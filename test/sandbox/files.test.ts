import { createHash } from 'node:crypto';

import type { Sandbox } from '../../sandbox/server';
import { call, createProject, withSandbox } from './helpers';

describe('sandbox: files', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox();
		await createProject(sandbox, 'files-project');
	});
	afterAll(() => sandbox.close());

	function uploadForm(bytes: Uint8Array<ArrayBuffer>, fields: Record<string, string>, filename = 'pixel image.png'): FormData {
		const form = new FormData();
		form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), filename);
		for (const [key, value] of Object.entries(fields)) form.append(key, value);
		return form;
	}

	it('parses a multipart upload and records filename, content type, size and fields', async () => {
		const bytes = new Uint8Array(70_000).map((_, index) => (index * 31) % 256);
		const form = uploadForm(bytes, {
			project_name: 'files-project',
			display_name: 'Pixel',
			reference_id: 'ref-1',
			metadata: JSON.stringify({ camera: 'front' }),
		});
		const response = await call(sandbox, 'POST', 'files/upload', { rawBody: form });
		expect(response.status).toBe(200);
		expect(response.body).toMatchObject({
			id: expect.any(String),
			attachment_url: expect.stringMatching(/^scaledata:\/\//),
			mime_type: 'image/png',
			size: 70_000,
			project_names: ['files-project'],
			display_name: 'Pixel',
			reference_id: 'ref-1',
			metadata: { camera: 'front' },
			filename: 'pixel image.png',
		});
		expect(response.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
		expect(sandbox.files()).toEqual([response.body]);
		const logged = sandbox.requests.at(-1)!;
		expect(logged.body).toEqual({
			fields: { project_name: 'files-project', display_name: 'Pixel', reference_id: 'ref-1', metadata: '{"camera":"front"}' },
			files: [{ field: 'file', filename: 'pixel image.png', contentType: 'image/png', size: 70_000 }],
		});
	});

	it('answers 409 for a duplicate reference_id and 400 without a file part or multipart body', async () => {
		const duplicate = await call(sandbox, 'POST', 'files/upload', { rawBody: uploadForm(new Uint8Array([1]), { reference_id: 'ref-1' }) });
		expect(duplicate.status).toBe(409);
		const noFile = new FormData();
		noFile.append('display_name', 'nothing');
		expect((await call(sandbox, 'POST', 'files/upload', { rawBody: noFile })).status).toBe(400);
		expect((await call(sandbox, 'POST', 'files/upload', { body: { file: 'not multipart' } })).status).toBe(400);
		const truncated = await call(sandbox, 'POST', 'files/upload', {
			rawBody: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
			headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
		});
		expect(truncated.status).toBe(400);
		expect((await call(sandbox, 'POST', 'files/upload', { rawBody: uploadForm(new Uint8Array([1]), { project_name: 'missing' }) })).status).toBe(404);
	});

	it('imports a file by URL and requires file_url', async () => {
		const imported = await call(sandbox, 'POST', 'files/import', { body: { file_url: 'https://example.com/doc.pdf', project_name: 'files-project' } });
		expect(imported.status).toBe(200);
		expect(imported.body).toMatchObject({ file_url: 'https://example.com/doc.pdf', mime_type: 'application/pdf', project_names: ['files-project'] });
		expect((await call(sandbox, 'POST', 'files/import', { body: {} })).status).toBe(400);
	});
});
