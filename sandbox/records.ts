import { objectId } from './ids';
import type { SandboxState } from './state';
import { isoTime } from './time';
import type { BatchRecord, JsonObject, ProjectRecord } from './types';

export interface NewProject {
	name: string;
	type: string;
	params?: JsonObject | null;
	rapid?: boolean;
	studio?: boolean;
	datasetId?: string | null;
}

export function newProjectRecord(state: SandboxState, input: NewProject, now = Date.now()): ProjectRecord {
	const createdAt = isoTime(now);
	const firstParams = { ...(input.params ?? {}), version: 0, created_at: createdAt };
	return {
		seq: state.takeSeq(),
		groups: [],
		json: {
			id: objectId(),
			name: input.name,
			type: input.type,
			created_at: createdAt,
			param_history: [firstParams],
			rapid: input.rapid ?? false,
			studio: input.studio ?? false,
			datasetId: input.datasetId ?? null,
			archived: false,
		},
	};
}

export interface NewBatch {
	name: string;
	project: ProjectRecord;
	callback?: string;
	calibration_batch?: boolean;
	self_label_batch?: boolean;
	metadata?: JsonObject;
}

/** Batches of Rapid/Studio projects start in staging; others are in_progress at once (spec §3.2). */
export function newBatchRecord(state: SandboxState, input: NewBatch, now = Date.now()): BatchRecord {
	const staged = input.project.json.rapid || input.project.json.studio;
	return {
		id: objectId(),
		seq: state.takeSeq(),
		createdMs: now,
		counts: { pending: 0, completed: 0, error: 0, canceled: 0 },
		studioGroups: [],
		json: {
			name: input.name,
			project: input.project.json.name,
			status: staged ? 'staging' : 'in_progress',
			callback: input.callback ?? '',
			created_at: isoTime(now),
			metadata: input.metadata ?? {},
			calibration_batch: input.calibration_batch ?? false,
			self_label_batch: input.self_label_batch ?? false,
			archived: false,
		},
	};
}
