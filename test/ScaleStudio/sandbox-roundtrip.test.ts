import type { IDataObject } from 'n8n-workflow';

import { ScaleStudio } from '../../nodes/ScaleStudio/ScaleStudio.node';
import { ScaleTeam } from '../../nodes/ScaleTeam/ScaleTeam.node';
import type { Sandbox } from '../../sandbox/server';
import { AWKWARD_NAME, SANDBOX_API_KEY } from '../harness/constants';
import { jsonOf, runNode } from '../harness/run-node';
import { byName } from '../harness/scale-params';
import { call, createProject, withSandbox } from '../sandbox/helpers';

/** The nodes against the repository's Scale emulator over real HTTP: names with a space and a slash round-trip. */
describe('Studio and Team nodes against the sandbox', () => {
	let sandbox: Sandbox;
	const PROJECT = AWKWARD_NAME;
	const BATCH = 'Q4 / batch 1';
	const run = (nodeType: ScaleStudio | ScaleTeam, parameters: IDataObject) =>
		runNode({ nodeType, parameters, credentials: { apiKey: SANDBOX_API_KEY, baseUrl: sandbox.url } });

	beforeAll(async () => {
		sandbox = await withSandbox();
		await createProject(sandbox, PROJECT);
		const batch = await call(sandbox, 'POST', 'batches', { body: { project: PROJECT, name: BATCH } });
		expect(batch.status).toBe(200);
	});
	afterAll(() => sandbox.close());

	test('invite, create a group, change it, assign a batch to it and add an assignment', async () => {
		const invited = await run(new ScaleTeam(), {
			resource: 'teammate',
			operation: 'invite',
			emails: 'ana@example.com, bo@example.com',
			role: 'labeler',
		});
		expect(invited.error).toBeUndefined();
		expect(jsonOf(invited.items).map((json) => [json.email, json.role])).toEqual(
			expect.arrayContaining([
				['ana@example.com', 'labeler'],
				['bo@example.com', 'labeler'],
			]),
		);

		const created = await run(new ScaleStudio(), {
			resource: 'projectGroup',
			operation: 'create',
			project: byName(PROJECT),
			groupName: 'Night / shift',
			emails: 'ana@example.com',
		});
		expect(created.error).toBeUndefined();
		expect(jsonOf(created.items)).toEqual([expect.objectContaining({ name: 'Night / shift', numWorkers: 1 })]);

		const updated = await run(new ScaleStudio(), {
			resource: 'projectGroup',
			operation: 'update',
			project: byName(PROJECT),
			groupName: 'Night / shift',
			addEmails: 'bo@example.com',
			removeEmails: 'ana@example.com',
		});
		expect(updated.error).toBeUndefined();
		expect((jsonOf(updated.items)[0].workers as Array<{ email: string }>).map((worker) => worker.email)).toEqual([
			'bo@example.com',
		]);

		const assigned = await run(new ScaleStudio(), {
			resource: 'batch',
			operation: 'assign',
			batch: byName(BATCH),
			groups: 'Night / shift',
		});
		expect(assigned.error).toBeUndefined();
		expect(jsonOf(assigned.items)).toEqual([
			expect.objectContaining({ name: BATCH, projectName: PROJECT, groups: [expect.objectContaining({ name: 'Night / shift' })] }),
		]);

		const added = await run(new ScaleStudio(), {
			resource: 'assignment',
			operation: 'add',
			emails: 'bo@example.com',
			projects: PROJECT,
		});
		expect(added.error).toBeUndefined();
		expect(jsonOf(added.items)).toEqual([{ email: 'bo@example.com', projects: [PROJECT] }]);
	});
});
