import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Scale's task types (the Python SDK's `TaskType` enum, scaleapi/tasks.py) with the names users see.
 * The values are the API's own strings: they go into `/task/<type>` and are stored in workflows.
 */
const TASK_TYPE_NAMES = {
	annotation: 'Box Annotation (Legacy)',
	categorization: 'Categorization',
	chat: 'Chat',
	chatexperimental: 'Chat (Experimental)',
	chatlite: 'Chat Lite',
	comparison: 'Comparison',
	cuboidannotation: 'Cuboid Annotation',
	datacollection: 'Data Collection',
	documentmodel: 'Document Model',
	documenttranscription: 'Document Transcription',
	federal2dvideoannotation: 'Federal 2D Video Annotation',
	imageannotation: 'Image Annotation',
	laneannotation: 'Lane Annotation',
	lidarannotation: 'Lidar Annotation',
	lidarlinking: 'Lidar Linking',
	lidarsegmentation: 'Lidar Segmentation',
	lidartopdown: 'Lidar Top-Down',
	lineannotation: 'Line Annotation',
	multichat: 'Multi-Chat',
	multistage: 'Multi-Stage',
	namedentityrecognition: 'Named Entity Recognition',
	pointannotation: 'Point Annotation',
	polygonannotation: 'Polygon Annotation',
	segmentannotation: 'Segment Annotation',
	sensorfusion: 'Sensor Fusion',
	textcollection: 'Text Collection',
	transcription: 'Transcription',
	videoannotation: 'Video Annotation',
	videoboxannotation: 'Video Box Annotation',
	videocuboidannotation: 'Video Cuboid Annotation',
	videoplaybackannotation: 'Video Playback Annotation',
} as const;

type TaskType = keyof typeof TASK_TYPE_NAMES;

export const TASK_TYPES = Object.keys(TASK_TYPE_NAMES) as TaskType[];

/** The readable name of a task type ("Image Annotation"), or the API value for one this package does not know. */
export function taskTypeName(type: unknown): string {
	return (TASK_TYPE_NAMES as Record<string, string>)[String(type)] ?? String(type);
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Every known task type, by readable name (for filters). */
export const knownTaskTypeOptions: INodePropertyOptions[] = TASK_TYPES.map((value) => ({
	name: TASK_TYPE_NAMES[value],
	value,
})).sort(byName);

export const CUSTOM_TASK_TYPE = '__custom';

/** Every known task type plus "Custom Type…" for one this package does not list yet. */
export const taskTypeOptions: INodePropertyOptions[] = [
	...knownTaskTypeOptions,
	{ name: 'Custom Type…', value: CUSTOM_TASK_TYPE, description: 'A task type not in this list' },
].sort(byName);

/** Task statuses (`status` of a task and of GET /tasks). */
export const taskStatusOptions: INodePropertyOptions[] = [
	{ name: 'Canceled', value: 'canceled', description: 'Canceled before it was completed' },
	{ name: 'Completed', value: 'completed', description: 'Done: the response is available' },
	{ name: 'Error', value: 'error', description: 'Scale could not work on it (e.g. a broken attachment)' },
	{ name: 'Pending', value: 'pending', description: 'Created and waiting for, or being worked on by, labelers' },
];

/** Your own review of a completed task (`customer_review_status`). */
export const reviewStatusOptions: INodePropertyOptions[] = [
	{ name: 'Accepted', value: 'accepted' },
	{ name: 'Commented', value: 'commented' },
	{ name: 'Fixed', value: 'fixed' },
	{ name: 'Pending', value: 'pending', description: 'Not reviewed yet' },
	{ name: 'Rejected', value: 'rejected' },
];

/** Batch statuses (GET /batches `status`). */
export const batchStatusOptions: INodePropertyOptions[] = [
	{ name: 'Completed', value: 'completed', description: 'Every task of the batch is done' },
	{ name: 'In Progress', value: 'in_progress', description: 'Finalized; labelers are working on its tasks' },
	{ name: 'Staging', value: 'staging', description: 'Not finalized yet: tasks can still be added' },
];

/** What a task's attachment is (`attachment_type`). */
export const attachmentTypeOptions: INodePropertyOptions[] = [
	{ name: 'Audio', value: 'audio' },
	{ name: 'Image', value: 'image' },
	{ name: 'PDF', value: 'pdf' },
	{ name: 'Text', value: 'text', description: 'The attachment is the text itself, not a URL' },
	{ name: 'Video', value: 'video' },
	{ name: 'Website', value: 'website', description: 'A web page URL' },
];
