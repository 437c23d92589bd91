import { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult } from 'n8n-workflow';

import type { RunNodeOptions } from './run-node';
import { createTestWorkflow } from './run-node';

/**
 * Calls one of a node's list-search methods the way the editor does: inside n8n-core's real
 * LoadOptionsContext for the parameter being searched, with the node's current parameters.
 */
export async function runListSearch(
	options: Omit<RunNodeOptions, 'items'> & { method: string; parameterPath: string; filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { node, workflow, additionalData } = createTestWorkflow(options);
	// The editor sends the node's current parameters along with every list search.
	additionalData.currentNodeParameters = node.parameters;
	const search = options.nodeType.methods?.listSearch?.[options.method];
	if (!search) throw new Error(`${options.nodeType.description.name} has no list search "${options.method}"`);
	const context = new LoadOptionsContext(workflow, node, additionalData, options.parameterPath);
	return await search.call(context, options.filter, options.paginationToken);
}
