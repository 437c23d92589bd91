import type { SandboxCore } from '../core';
import { notFound } from '../errors';
import type { BatchRecord, ProjectRecord } from '../types';

export function getProject(core: SandboxCore, name: string): ProjectRecord {
	const project = core.state.projects.get(name);
	if (!project) throw notFound(`Project with name "${name}" not found.`);
	return project;
}

export function getBatch(core: SandboxCore, name: string): BatchRecord {
	const batch = core.state.batches.get(name);
	if (!batch) throw notFound(`Batch with name "${name}" not found.`);
	return batch;
}
