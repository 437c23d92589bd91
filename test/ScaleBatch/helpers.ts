import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { ScaleBatch } from '../../nodes/ScaleBatch/ScaleBatch.node';
import type { NodeRun } from '../harness/run-node';
import { runNode } from '../harness/run-node';

/** A batch name that must be percent-encoded in a path, and its encoding (as Python's quote(x, safe="")). */
export const AWKWARD_NAME = 'Q4 / cars';
export const AWKWARD_PATH = '/batches/Q4%20%2F%20cars';

/** Runs the Scale Batch node with these parameters (resource is always `batch`). */
export async function runBatch(
	operation: string,
	parameters: Record<string, NodeParameterValueType | IDataObject> = {},
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<NodeRun> {
	return await runNode({
		nodeType: new ScaleBatch(),
		parameters: { resource: 'batch', operation, ...parameters },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** A batch object as Scale returns it (scale.com/docs/api-reference/batches). */
export function scaleBatch(overrides: IDataObject = {}): IDataObject {
	return {
		name: AWKWARD_NAME,
		project: 'Street signs',
		status: 'in_progress',
		callback: '',
		created_at: '2026-11-28T10:00:00.000Z',
		metadata: {},
		...overrides,
	};
}
