import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { ScaleStudio } from '../../nodes/ScaleStudio/ScaleStudio.node';
import type { NodeRun } from '../harness/run-node';
import { runNode } from '../harness/run-node';

/** Runs the Scale Studio node with these parameters and input items. */
export async function runStudio(
	resource: string,
	operation: string,
	parameters: Record<string, NodeParameterValueType | IDataObject> = {},
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<NodeRun> {
	return await runNode({
		nodeType: new ScaleStudio(),
		parameters: { resource, operation, ...parameters },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** A project group as Scale returns it (the Python SDK's `ProjectGroup`). */
export function projectGroup(name: string, emails: string[] = []): IDataObject {
	return {
		id: `group-${name}`,
		name,
		numWorkers: emails.length,
		isSingleton: false,
		workers: emails.map((email, index) => ({ id: `worker-${index}`, email })),
	};
}

/** A Studio batch as Scale returns it (the Python SDK's `StudioBatch`). */
export function studioBatch(name: string, extra: IDataObject = {}): IDataObject {
	return {
		id: `batch-${name}`,
		name,
		projectId: 'project-1',
		projectName: 'Q4 / cars',
		batchType: 'Production',
		total: 10,
		completed: 3,
		groups: [],
		...extra,
	};
}

/** A project name with a space and a slash, and how it must appear in a path. */
export const AWKWARD_PROJECT = 'Q4 / cars';
export const AWKWARD_PROJECT_PATH = 'Q4%20%2F%20cars';
