import type { IDataObject } from 'n8n-workflow';

/** A task's fields kept by Simplify: what a workflow acts on after a human answered (≤ 10, per n8n's UX guidelines). */
const SIMPLIFIED_TASK_FIELDS = [
	'task_id',
	'status',
	'type',
	'project',
	'batch',
	'unique_id',
	'metadata',
	'response',
	'created_at',
	'completed_at',
] as const;

/** The task as Create and Wait outputs it: all of it, or only the fields Simplify keeps. */
export function shapeTask(task: IDataObject, simplify: boolean): IDataObject {
	if (!simplify) return task;
	const shaped: IDataObject = {};
	for (const field of SIMPLIFIED_TASK_FIELDS) if (task[field] !== undefined) shaped[field] = task[field];
	return shaped;
}

/** Scale's final task statuses: a task in one of them sends no further result. */
export const FINISHED_TASK_STATUSES = ['completed', 'error', 'canceled'];

export const isFinished = (task: IDataObject | undefined) =>
	typeof task?.status === 'string' && FINISHED_TASK_STATUSES.includes(task.status);
