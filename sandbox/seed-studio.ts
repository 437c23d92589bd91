import type { SandboxCore } from './core';
import { objectId } from './ids';
import { newBatchRecord, newProjectRecord } from './records';
import type { TeammateJson } from './types';

/** Names of what `seedStudio` creates, so demos and tests can refer to them. */
export const STUDIO_SEED = {
	project: 'Studio demo',
	group: 'Reviewers',
	batches: ['Studio batch 1', 'Studio calibration batch'],
	labelers: ['ada@sandbox.scale.local', 'grace@sandbox.scale.local'],
} as const;

/**
 * A Studio project as a team would have it after a day: two labelers assigned to it, a project group with them,
 * and two staged (pending) Studio batches with a few pending tasks, one of them calibration.
 */
export function seedStudio(core: SandboxCore): void {
	const { state } = core;
	const project = newProjectRecord(state, { name: STUDIO_SEED.project, type: 'imageannotation', studio: true, params: { instruction: 'Box every car.' } });
	state.projects.set(project.json.name, project);
	for (const email of STUDIO_SEED.labelers) {
		const [first] = email.split('@');
		const teammate: TeammateJson = {
			email,
			role: 'labeler',
			company: 'Sandbox Inc.',
			firstName: first[0].toUpperCase() + first.slice(1),
			lastName: 'Labeler',
			isStudioLabeler: true,
		};
		state.teammates.set(email, teammate);
		state.assignments.set(email, [project.json.name]);
	}
	project.groups.push({
		id: objectId(),
		name: STUDIO_SEED.group,
		numWorkers: STUDIO_SEED.labelers.length,
		isSingleton: false,
		workers: STUDIO_SEED.labelers.map((email) => ({ id: objectId(), email })),
	});
	STUDIO_SEED.batches.forEach((name, index) => {
		const batch = newBatchRecord(state, { name, project, calibration_batch: index === 1 });
		if (index === 0) batch.studioGroups = [STUDIO_SEED.group];
		state.addBatch(batch);
		for (let task = 0; task < 3; task++) {
			core.tasks.create('imageannotation', {
				batch: name,
				attachment: `https://sandbox.scale.local/studio/${index}-${task}.jpg`,
				attachment_type: 'image',
				geometries: { box: { objects_to_annotate: ['car'] } },
			});
		}
	});
}
