import { createHash } from 'node:crypto';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/server';
import { SANDBOX_API_KEY } from '../harness/constants';
import { jsonOf } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import { withSandbox } from '../sandbox/helpers';
import { itemWithFile, runProject } from './helpers';

/**
 * The Project node against the repository's Scale emulator over real HTTP: the multipart upload is read
 * by a real multipart parser, and names with a space and a slash round-trip through every path.
 */
describe('Project node against the sandbox', () => {
	let sandbox: Sandbox;
	const PROJECT = 'Q4 / chat';
	const run = (resource: string, operation: string, parameters: IDataObject, items?: INodeExecutionData[]) =>
		runProject(resource, operation, parameters, { items, baseUrl: sandbox.url, apiKey: SANDBOX_API_KEY });

	beforeAll(async () => {
		sandbox = await withSandbox();
	});
	afterAll(() => sandbox.close());

	test('create, get, update, list and get the template of a project', async () => {
		const created = await run('project', 'create', {
			name: PROJECT,
			taskType: 'chat',
			params: '{"instruction": "Be kind", "template_variables": {"topic": "cars"}}',
		});
		expect(created.error).toBeUndefined();
		expect(jsonOf(created.items)).toEqual([expect.objectContaining({ name: PROJECT, type: 'chat' })]);

		const again = await run('project', 'create', { name: PROJECT, taskType: 'chat' });
		expect(again.error?.httpCode).toBe('409');

		const updated = await run('project', 'update', {
			project: byName(PROJECT),
			instruction: 'Be brief',
			params: '{"template_variables": {"topic": "bikes"}}',
		});
		expect(updated.error).toBeUndefined();
		const history = jsonOf(updated.items)[0].param_history as IDataObject[];
		expect(history.at(-1)).toEqual(
			expect.objectContaining({ instruction: 'Be brief', template_variables: { topic: 'bikes' } }),
		);

		const fetched = await run('project', 'get', { project: byName(PROJECT) });
		expect(fetched.error).toBeUndefined();
		expect(jsonOf(fetched.items)[0].param_history).toEqual(history);

		const listed = await run('project', 'getAll', {});
		expect(listed.error).toBeUndefined();
		expect(jsonOf(listed.items).map((project) => project.name)).toEqual([PROJECT]);

		const template = await run('project', 'getTemplate', { project: byName(PROJECT) });
		expect(template.error).toBeUndefined();
		expect(jsonOf(template.items)).toEqual([expect.objectContaining({ template_variables: { topic: 'bikes' } })]);
	});

	test('upload: the sandbox receives the exact bytes, file name, MIME type and fields', async () => {
		const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]), Buffer.alloc(2048, 7)]);
		const uploaded = await run(
			'file',
			'upload',
			{
				project: byName(PROJECT),
				additionalFields: { displayName: 'Frame 7', referenceId: 'frame-7', metadata: '{"frame": 7}' },
			},
			[itemWithFile(bytes, { fileName: 'frame 7.png', mimeType: 'image/png' })],
		);
		expect(uploaded.error).toBeUndefined();
		expect(jsonOf(uploaded.items)).toEqual([
			expect.objectContaining({
				filename: 'frame 7.png',
				mime_type: 'image/png',
				size: bytes.length,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				project_names: [PROJECT],
				display_name: 'Frame 7',
				reference_id: 'frame-7',
				metadata: { frame: 7 },
			}),
		]);

		const duplicate = await run('file', 'upload', { additionalFields: { referenceId: 'frame-7' } }, [
			itemWithFile(bytes, { fileName: 'frame 7.png', mimeType: 'image/png' }),
		]);
		expect(duplicate.error?.httpCode).toBe('409');
	});

	test('import: the sandbox receives file_url and the fields', async () => {
		const imported = await run('file', 'import', {
			fileUrl: 'https://example.com/frame-8.jpg',
			project: byName(PROJECT),
			additionalFields: { referenceId: 'frame-8', metadata: '{"frame": 8}' },
		});
		expect(imported.error).toBeUndefined();
		expect(jsonOf(imported.items)).toEqual([
			expect.objectContaining({
				file_url: 'https://example.com/frame-8.jpg',
				mime_type: 'image/jpeg',
				project_names: [PROJECT],
				reference_id: 'frame-8',
				metadata: { frame: 8 },
			}),
		]);
	});
});
