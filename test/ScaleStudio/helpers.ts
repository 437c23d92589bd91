import type { IDataObject } from 'n8n-workflow';

import { ScaleStudio } from '../../nodes/ScaleStudio/ScaleStudio.node';
import { AWKWARD_NAME } from '../harness/constants';
import { scaleNodeRunner } from '../harness/run-node';

/** Runs the Scale Studio node: `runStudio('batch', 'getAll', { … })`. */
export const runStudio = scaleNodeRunner(ScaleStudio);

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
		projectName: AWKWARD_NAME,
		batchType: 'Production',
		total: 10,
		completed: 3,
		groups: [],
		...extra,
	};
}
