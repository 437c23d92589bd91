import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MINIMUM_N8N_VERSION } from '../../nodes/shared/n8nVersion';

// n8n before 1.85 ships an n8n-workflow without the runtime value NodeConnectionTypes (measured: 1.82.0); every
// node must then fail to load with a message naming the n8n version it needs, not a bare TypeError.
const NODE_MODULES = [
	'../../nodes/ScaleTask/ScaleTask.node',
	'../../nodes/ScaleBatch/ScaleBatch.node',
	'../../nodes/ScaleProject/ScaleProject.node',
	'../../nodes/ScaleTeam/ScaleTeam.node',
	'../../nodes/ScaleStudio/ScaleStudio.node',
	'../../nodes/ScaleTrigger/ScaleTrigger.node',
];

afterEach(() => jest.dontMock('n8n-workflow'));

test.each(NODE_MODULES)('%s refuses an n8n-workflow without NodeConnectionTypes with the version it needs', async (path) => {
	await jest.isolateModulesAsync(async () => {
		jest.doMock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), NodeConnectionTypes: undefined }));

		await expect(import(path)).rejects.toThrow('n8n-nodes-scaleapi needs n8n 1.85.0 or newer');
	});
});

test.each(NODE_MODULES)('%s loads with this n8n-workflow', async (path) => {
	await jest.isolateModulesAsync(async () => {
		await expect(import(path)).resolves.toBeDefined();
	});
});

test('package.json states the same minimum n8n version as the guard', () => {
	const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

	expect(manifest.engines.n8n).toBe(`>=${MINIMUM_N8N_VERSION}`);
});
