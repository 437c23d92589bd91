import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { ScaleTeam } from '../../nodes/ScaleTeam/ScaleTeam.node';
import type { NodeRun } from '../harness/run-node';
import { runNode } from '../harness/run-node';

/** Runs the Scale Team node (resource `teammate`) with these parameters and input items. */
export async function runTeam(
	operation: string,
	parameters: Record<string, NodeParameterValueType | IDataObject> = {},
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<NodeRun> {
	return await runNode({
		nodeType: new ScaleTeam(),
		parameters: { resource: 'teammate', operation, ...parameters },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** A teammate as Scale returns it (the Python SDK's `Teammate`). */
export function teammate(email: string, role = 'labeler'): IDataObject {
	return { email, role, company: 'Acme', firstName: '', lastName: '', isStudioLabeler: role === 'labeler' };
}
