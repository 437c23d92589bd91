import type { INodeProperties, INodeType, PreSendAction } from 'n8n-workflow';

import { isGuardedPreSend } from '../../../nodes/shared/transport/preparation';
import packageJson from '../../../package.json';

/** Every node the package registers, loaded from its source. */
async function registeredNodes(): Promise<Array<[string, INodeType]>> {
	return await Promise.all(
		packageJson.n8n.nodes.map(async (built) => {
			const path = built.replace(/^dist\//, '').replace(/\.js$/, '');
			const className = path.split('/').pop()!.replace(/\.node$/, '');
			const module = (await import(`../../../${path}`)) as Record<string, new () => INodeType>;
			return [className, new module[className]()] as [string, INodeType];
		}),
	);
}

function preSendsOf(entries: readonly unknown[]): PreSendAction[] {
	const found: PreSendAction[] = [];
	for (const entry of entries as Array<INodeProperties & { values?: unknown[] }>) {
		found.push(...(entry.routing?.send?.preSend ?? []));
		if (Array.isArray(entry.options)) found.push(...preSendsOf(entry.options));
		if (Array.isArray(entry.values)) found.push(...preSendsOf(entry.values));
	}
	return found;
}

describe('every preSend of every node reports to the run barrier (guardPreparation)', () => {
	test('in every node listed in package.json', async () => {
		const nodes = await registeredNodes();
		expect(nodes.length).toBeGreaterThanOrEqual(6);
		const unguarded = nodes
			.map(([name, node]) => [name, preSendsOf(node.description.properties).filter((action) => !isGuardedPreSend(action)).length])
			.filter(([, count]) => count !== 0);
		expect(unguarded).toEqual([]);
		expect(nodes.some(([, node]) => preSendsOf(node.description.properties).length > 10)).toBe(true);
	});
});
