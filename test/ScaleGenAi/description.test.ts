import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ScaleGenAi } from '../../nodes/ScaleGenAi/ScaleGenAi.node';

const root = join(__dirname, '..', '..');
const { description } = new ScaleGenAi();

test('registered in package.json, usable as a tool, on the shared credential and icon', () => {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	expect(pkg.n8n.nodes).toContain('dist/nodes/ScaleGenAi/ScaleGenAi.node.js');
	expect(description).toMatchObject({
		displayName: 'Scale GenAI',
		name: 'scaleGenAi',
		usableAsTool: true,
		credentials: [{ name: 'scaleApi', required: true }],
		icon: { light: 'file:../../icons/scale.svg', dark: 'file:../../icons/scale.dark.svg' },
	});
});

test('findable in the node picker as "Scale GenAI" and under "Scale"', () => {
	const codex = JSON.parse(readFileSync(join(root, 'nodes', 'ScaleGenAi', 'ScaleGenAi.node.json'), 'utf8'));
	expect(codex.node).toBe('n8n-nodes-scaleapi.scaleGenAi');
	expect(codex.categories).toEqual(['Development', 'Data & Storage']);
	expect(codex.alias).toEqual(expect.arrayContaining(['Scale AI', 'Scale', 'GenAI', 'labeling', 'RLHF', 'LLM evaluation']));
});

test('every operation has an action and sends through the shared transport (paginate hook set)', () => {
	const operations = description.properties.filter((property) => property.name === 'operation');
	const options = operations.flatMap((property) => property.options as INodePropertyOptions[]);
	expect(options).toHaveLength(25);
	for (const option of options) {
		expect(option.action).toEqual(expect.any(String));
		expect(option.routing?.send?.paginate).toBe(true);
		expect(typeof option.routing?.operations?.pagination).toBe('function');
	}
});

test("Delivery → Get shows Project only for a delivery by name, and n8n can resolve the node's parameters", () => {
	// n8n resolves every parameter when it builds a workflow; on 1.x an unresolvable dependency fails the whole run.
	const shown = (mode: string) =>
		NodeHelpers.getNodeParameters(
			description.properties,
			{ resource: 'delivery', operation: 'get', delivery: { __rl: true, mode, value: 'd' } },
			true,
			false,
			null,
			description,
		);
	expect(shown('id')).not.toHaveProperty('project');
	expect(shown('name')).toHaveProperty('project');
});
