import type { INodePropertyOptions } from 'n8n-workflow';

/** Scale's TaskType values (Python SDK 2.18.4, `scaleapi/tasks.py`). */
export const TASK_TYPES = [
	'annotation',
	'categorization',
	'chat',
	'chatexperimental',
	'chatlite',
	'comparison',
	'cuboidannotation',
	'datacollection',
	'documentmodel',
	'documenttranscription',
	'federal2dvideoannotation',
	'imageannotation',
	'laneannotation',
	'lidarannotation',
	'lidarlinking',
	'lidarsegmentation',
	'lidartopdown',
	'lineannotation',
	'multichat',
	'multistage',
	'namedentityrecognition',
	'pointannotation',
	'polygonannotation',
	'segmentannotation',
	'sensorfusion',
	'textcollection',
	'transcription',
	'videoannotation',
	'videoboxannotation',
	'videocuboidannotation',
	'videoplaybackannotation',
] as const;

export const CUSTOM_TASK_TYPE = '__custom';

export const taskTypeOptions: INodePropertyOptions[] = [
	...TASK_TYPES.map((type) => ({ name: type, value: type })),
	{ name: 'Custom Type…', value: CUSTOM_TASK_TYPE, description: 'A task type not in this list' },
];

/** The task type path segment, from the Task Type parameter or its custom value. */
export const TASK_TYPE_SEGMENT = `encodeURIComponent($parameter.taskType === "${CUSTOM_TASK_TYPE}" ? $parameter.customTaskType : $parameter.taskType)`;

export const TASK_STATUSES = ['pending', 'completed', 'canceled', 'error'] as const;

export const REVIEW_STATUSES = ['accepted', 'fixed', 'commented', 'rejected', 'pending'] as const;
