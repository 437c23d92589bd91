import type { IDataObject } from 'n8n-workflow';

/**
 * The kinds of callback Scale sends (scale.com/docs/api-reference/callbacks, docs.scale.com/reference/batch-overview).
 * Scale's body carries no event name, so the trigger tells them apart from the body itself:
 * - a body with `batch` (a name) and no `task_id`/`task` is a batch completion: `{batch, status, stats}`;
 * - every other well-formed body is about one task (`task_id` at the top level or in `task`), and its status
 *   (the top-level `status`, else `task.status`) says what happened: `error` → errored, `canceled` → canceled,
 *   `pending` → recalled (Scale sends a pending task only when it takes a completed one back for more work),
 *   `completed` (or no status, as in Scale's own example) → completed, or audited when the body names an audit
 *   (`audit` object) or the task's latest audit is not older than its completion.
 */
export const CALLBACK_EVENTS = [
	{
		name: 'Task Completed',
		value: 'taskCompleted',
		description: 'A task was completed; the item carries its response',
	},
	{
		name: 'Task Errored',
		value: 'taskErrored',
		description: 'Scale could not process a task (e.g. an attachment could not be fetched); details in the response',
	},
	{
		name: 'Task Audited',
		value: 'taskAudited',
		description: 'A completed task was audited (accepted, fixed or rejected); the outcome is in "audit_result"',
	},
	{
		name: 'Task Recalled (Returned to Pending)',
		value: 'taskRecalled',
		description: 'A completed task was taken back to pending for follow-on work',
	},
	{
		name: 'Task Canceled',
		value: 'taskCanceled',
		description: 'A task was canceled',
	},
	{
		name: 'Batch Completed',
		value: 'batchCompleted',
		description: 'The last task of a batch finished; sent to the batch\'s callback URL',
	},
] as const;

export type CallbackEvent = (typeof CALLBACK_EVENTS)[number]['value'];

export type ClassifiedCallback =
	| { kind: 'task'; event: CallbackEvent; taskId: string; status: unknown; task?: IDataObject; body: IDataObject }
	| { kind: 'batch'; event: 'batchCompleted'; batch: string; body: IDataObject }
	| { kind: 'malformed'; message: string };

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nonEmptyString(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** The task's most recent audit, by `audited_at`. */
export function latestAudit(task: IDataObject | undefined): IDataObject | undefined {
	const audits = Array.isArray(task?.audits) ? task.audits.filter(isObject) : [];
	let latest: IDataObject | undefined;
	for (const audit of audits) {
		if (latest === undefined || (timeOf(audit.audited_at) ?? 0) >= (timeOf(latest.audited_at) ?? 0)) latest = audit;
	}
	return latest;
}

function isAudit(body: IDataObject, task: IDataObject | undefined): boolean {
	if (isObject(body.audit)) return true;
	const audit = latestAudit(task);
	if (audit === undefined) return false;
	const auditedAt = timeOf(audit.audited_at);
	const completedAt = timeOf(task?.completed_at);
	// A later completion (after a recall) is a new completion, not an audit of the earlier one.
	return auditedAt !== undefined && (completedAt === undefined || auditedAt >= completedAt);
}

function taskEvent(status: unknown, body: IDataObject, task: IDataObject | undefined): CallbackEvent {
	switch (status) {
		case 'error':
			return 'taskErrored';
		case 'canceled':
		case 'cancelled':
			return 'taskCanceled';
		case 'pending':
			return 'taskRecalled';
		default:
			return isAudit(body, task) ? 'taskAudited' : 'taskCompleted';
	}
}

export function classifyCallback(body: unknown): ClassifiedCallback {
	if (!isObject(body)) {
		return { kind: 'malformed', message: 'Bad request: expected a Scale callback (a JSON object with task_id or batch)' };
	}
	if (body.task !== undefined && !isObject(body.task)) {
		return { kind: 'malformed', message: 'Bad request: "task" must be an object (a Scale task callback with task_id)' };
	}
	const task = isObject(body.task) ? body.task : undefined;
	const taskId = nonEmptyString(body.task_id) ?? nonEmptyString(task?.task_id);
	if (taskId !== undefined) {
		const status = body.status ?? task?.status;
		return { kind: 'task', event: taskEvent(status, body, task), taskId, status, task, body };
	}
	const batch = nonEmptyString(body.batch);
	if (batch !== undefined && body.task_id === undefined && task === undefined) {
		return { kind: 'batch', event: 'batchCompleted', batch, body };
	}
	return {
		kind: 'malformed',
		message: 'Bad request: expected a Scale task callback (JSON with task_id) or a batch callback (JSON with batch)',
	};
}

/** The trigger's output item for a task callback: what most workflows map first, then the rest of the body. */
export function taskItem(callback: Extract<ClassifiedCallback, { kind: 'task' }>): IDataObject {
	const { body, task, taskId, status, event } = callback;
	const item: IDataObject = {
		event,
		task_id: taskId,
		status: status ?? null,
		response: body.response ?? task?.response ?? null,
		task: task ?? null,
	};
	if (event === 'taskAudited') {
		const audit = isObject(body.audit) ? body.audit : (latestAudit(task) ?? {});
		item.audit_result = audit.audit_result ?? audit.result ?? null;
		item.audit = audit;
	}
	for (const [key, value] of Object.entries(body)) {
		if (!(key in item)) item[key] = value;
	}
	return item;
}

/** The trigger's output item for a batch completion: `{batch, status, stats}` as Scale sends it. */
export function batchItem(callback: Extract<ClassifiedCallback, { kind: 'batch' }>): IDataObject {
	const { body, batch } = callback;
	const item: IDataObject = {
		event: 'batchCompleted',
		batch,
		status: body.status ?? null,
		stats: isObject(body.stats) ? body.stats : null,
	};
	for (const [key, value] of Object.entries(body)) {
		if (!(key in item)) item[key] = value;
	}
	return item;
}
