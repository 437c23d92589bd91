/** Exact enum strings of the Scale API v1 (spec §8). */

export const TASK_TYPES = [
	'annotation',
	'categorization',
	'comparison',
	'cuboidannotation',
	'datacollection',
	'documentmodel',
	'documenttranscription',
	'imageannotation',
	'laneannotation',
	'lidarannotation',
	'lidarlinking',
	'lidarsegmentation',
	'lidartopdown',
	'lineannotation',
	'namedentityrecognition',
	'pointannotation',
	'polygonannotation',
	'segmentannotation',
	'transcription',
	'textcollection',
	'videoannotation',
	'videoboxannotation',
	'videoplaybackannotation',
	'videocuboidannotation',
	'sensorfusion',
	'chat',
	'chatexperimental',
	'chatlite',
	'multichat',
	'multistage',
	'federal2dvideoannotation',
] as const;

export type TaskType = (typeof TASK_TYPES)[number];

/** Legacy aliases still accepted by the API (spec §1, "Legacy aliases"). */
export const TASK_TYPE_ALIASES: Readonly<Record<string, TaskType>> = { categorize: 'categorization' };

export const TASK_STATUSES = ['pending', 'completed', 'canceled', 'error'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const REVIEW_STATUSES = ['accepted', 'fixed', 'commented', 'rejected', 'pending'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const BATCH_STATUSES = ['staging', 'in_progress', 'completed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const TEAMMATE_ROLES = ['labeler', 'member', 'manager', 'admin'] as const;
export type TeammateRole = (typeof TEAMMATE_ROLES)[number];

/** Roles a customer may grant through invite / set_role (docs: labeler|member|manager). */
export const ASSIGNABLE_ROLES: readonly TeammateRole[] = ['labeler', 'member', 'manager'];

const taskTypeSet = new Set<string>(TASK_TYPES);

/** Canonical task type for a path segment, or undefined when the type is unknown. */
export function resolveTaskType(raw: string): TaskType | undefined {
	const lower = raw.toLowerCase();
	if (taskTypeSet.has(lower)) return lower as TaskType;
	return TASK_TYPE_ALIASES[lower];
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (values as readonly string[]).includes(value);
}
