import type { CallbackDispatcher } from './callbacks';
import { DueQueue } from './due-queue';
import type { TaskType } from './enums';
import { badRequest, conflict, notFound, TASK_NOT_FOUND } from './errors';
import { objectId } from './ids';
import { newBatchRecord, newProjectRecord } from './records';
import { plausibleResponse } from './responses';
import type { SandboxState } from './state';
import { isoTime } from './time';
import type { TimerRegistry } from './timers';
import type { AuditJson, BatchRecord, CallbackEvent, JsonObject, SeedTasksOptions, TaskJson, TaskRecord } from './types';
import { isPlainObject, objectBody, optionalObject, optionalString, stringArray } from './validate';

/** Body keys that are task attributes; everything else is a type-specific param. */
const TOP_LEVEL_KEYS = new Set(['project', 'batch', 'callback_url', 'unique_id', 'metadata', 'tags', 'instruction', 'urgency']);

/** Types whose work is not on an attachment (text, chat, multi-stage). */
const NO_ATTACHMENT_TYPES = new Set(['textcollection', 'chat', 'chatexperimental', 'chatlite', 'multichat', 'multistage', 'namedentityrecognition']);

export interface TaskServiceDeps {
	state: SandboxState;
	timers: TimerRegistry;
	callbacks: CallbackDispatcher;
	completionDelayMs: () => number | null;
	markDirty: () => void;
}

export interface AuditInput {
	accepted: boolean;
	/** The reviewer corrected the response (audit_result `fixed`). */
	fixed?: boolean;
	comments?: string | null;
	source: AuditJson['audit_source'];
}

/** Task life: create (pending) → complete / error / cancel, with auto-completion timers and callbacks. */
export class TaskService {
	private readonly completionTimers = new Map<string, NodeJS.Timeout>();
	private readonly due = new DueQueue();

	constructor(private readonly deps: TaskServiceDeps) {}

	get(taskId: string): TaskRecord {
		const record = this.deps.state.tasks.get(taskId);
		if (!record) throw notFound(TASK_NOT_FOUND);
		return record;
	}

	create(type: TaskType, rawBody: unknown): TaskRecord {
		const { state } = this.deps;
		const body = objectBody(rawBody);
		checkRequiredParams(type, body);
		const placement = this.resolvePlacement(body);
		const uniqueId = optionalString(body, 'unique_id');
		if (uniqueId !== undefined && state.tasksByUniqueId.has(uniqueId)) {
			throw conflict(`The unique_id ("${uniqueId}") is already used for a different task.`);
		}
		const metadata = optionalObject(body, 'metadata') ?? {};
		const tags = body.tags === undefined || body.tags === null ? undefined : stringArray(body.tags, 'tags');
		const createdMs = state.nextCreatedMs();
		const json: TaskJson = {
			task_id: objectId(),
			created_at: isoTime(createdMs),
			updated_at: isoTime(createdMs),
			status: 'pending',
			type,
			...(typeof body.instruction === 'string' ? { instruction: body.instruction } : {}),
			params: paramsOf(body),
			metadata,
			...(placement.project !== undefined ? { project: placement.project } : {}),
			...(placement.batch !== undefined ? { batch: placement.batch } : {}),
			...(typeof body.callback_url === 'string' && body.callback_url !== '' ? { callback_url: body.callback_url } : {}),
			...(uniqueId !== undefined ? { unique_id: uniqueId } : {}),
			...(tags !== undefined ? { tags: [...new Set(tags)] } : {}),
			urgency: typeof body.urgency === 'string' ? body.urgency : 'standard',
			is_test: true,
			work_started: false,
			audits: [],
			processed_attachments: [],
		};
		const record: TaskRecord = { seq: state.takeSeq(), createdMs, updatedMs: createdMs, reviewStatus: 'pending', json };
		state.addTask(record);
		const delay = this.deps.completionDelayMs();
		if (delay !== null) record.dueMs = createdMs + delay;
		this.scheduleCompletion(record);
		this.deps.markDirty();
		return record;
	}

	/** Completes a pending task with a plausible (or given) response, then fires its callback. */
	complete(record: TaskRecord, response?: JsonObject): TaskRecord {
		if (record.json.status !== 'pending') throw badRequest(`Task is ${record.json.status}, only pending tasks can be completed.`);
		this.cancelCompletionTimer(record.json.task_id);
		const now = Date.now();
		record.completedMs = now;
		record.json.completed_at = isoTime(now);
		record.json.response = response ?? plausibleResponse(record.json);
		record.json.work_started = true;
		this.deps.state.setTaskStatus(record, 'completed', now);
		this.deps.markDirty();
		this.sendCallback(record, 'completed');
		this.notifyBatchIfDone(record);
		return record;
	}

	/** Puts a pending task in `error` with Scale's error-detail response shape (spec §7), then fires its callback. */
	fail(record: TaskRecord, message = 'Sandbox: attachment could not be processed.'): TaskRecord {
		if (record.json.status !== 'pending') throw badRequest(`Task is ${record.json.status}, only pending tasks can be failed.`);
		this.cancelCompletionTimer(record.json.task_id);
		const attachment = typeof record.json.params.attachment === 'string' ? record.json.params.attachment : '';
		record.json.response = { error: message, attachments: [{ statusCode: 404, url: attachment }] };
		this.deps.state.setTaskStatus(record, 'error');
		this.deps.markDirty();
		this.sendCallback(record, 'error');
		this.notifyBatchIfDone(record);
		return record;
	}

	/** Only pending tasks can be canceled; Scale answers 400 for completed, errored and already-canceled tasks. */
	cancel(record: TaskRecord, clearUniqueId: boolean): TaskRecord {
		const status = record.json.status;
		if (status === 'canceled') throw badRequest('Task has already been canceled.');
		if (status !== 'pending') throw badRequest(`Cannot cancel a task with status ${status}.`);
		this.cancelCompletionTimer(record.json.task_id);
		this.deps.state.setTaskStatus(record, 'canceled');
		if (clearUniqueId) this.deps.state.setUniqueId(record, undefined);
		this.deps.markDirty();
		this.notifyBatchIfDone(record);
		return record;
	}

	/** Records an audit on a completed task (review status follows it) and calls back: Scale notifies audit changes. */
	audit(record: TaskRecord, input: AuditInput): TaskRecord {
		if (record.json.status !== 'completed') throw badRequest('Only completed tasks can be audited.');
		const result: AuditJson['audit_result'] = input.fixed ? 'fixed' : input.accepted ? 'accepted' : 'rejected';
		record.json.audits.push({
			audited_by: input.source === 'customer' ? 'customer' : 'scale-qa@sandbox.scale.local',
			audited_at: new Date().toISOString(),
			audit_time_secs: 0,
			audit_result: result,
			audit_source: input.source,
			comments: input.comments ?? null,
		});
		this.deps.state.setReviewStatus(record, result);
		this.deps.state.touchTask(record);
		this.deps.markDirty();
		this.sendCallback(record, 'audit');
		return record;
	}

	/** Scale "recalls" a completed task for follow-on work: back to pending (response kept), callback with status pending. */
	recall(record: TaskRecord): TaskRecord {
		if (record.json.status !== 'completed') throw badRequest(`Only completed tasks can be recalled; this task is ${record.json.status}.`);
		delete record.json.completed_at;
		delete record.completedMs;
		this.deps.state.setTaskStatus(record, 'pending');
		record.dueMs = undefined;
		this.scheduleCompletion(record);
		this.deps.markDirty();
		this.sendCallback(record, 'recall');
		return record;
	}

	/**
	 * Arms auto-completion when a completion delay is configured: the due time is kept on the record (so it survives
	 * a restart) and in a queue that every request settles, and a timer completes it even when nobody asks.
	 */
	scheduleCompletion(record: TaskRecord): void {
		if (record.json.status !== 'pending') return;
		if (record.dueMs === undefined) {
			const delay = this.deps.completionDelayMs();
			if (delay === null) return;
			record.dueMs = Date.now() + delay;
		}
		const taskId = record.json.task_id;
		this.clearCompletionTimer(taskId);
		this.due.push(record, record.dueMs);
		const timer = this.deps.timers.after(Math.max(0, record.dueMs - Date.now()), () => {
			this.completionTimers.delete(taskId);
			if (record.json.status === 'pending') this.complete(record);
		});
		this.completionTimers.set(taskId, timer);
	}

	/** Completes every task whose completion is due, so a read never answers `pending` for a task past its due time. */
	settleDue(now = Date.now()): void {
		if (this.due.size === 0) return;
		for (const record of this.due.takeDue(now)) if (record.json.status === 'pending') this.complete(record);
	}

	clearTimers(): void {
		for (const timer of this.completionTimers.values()) this.deps.timers.cancel(timer);
		this.completionTimers.clear();
		this.due.clear();
	}

	/**
	 * Batch-completion callback (Scale's batch `callback`): once per finalized batch, when none of its tasks is pending.
	 * Payload `{batch, status: "completed", stats: {completed, canceled, error}}`.
	 */
	notifyBatchIfDone(subject: TaskRecord | BatchRecord): void {
		const batch = 'counts' in subject ? subject : subject.json.batch === undefined ? undefined : this.deps.state.batches.get(subject.json.batch);
		if (!batch || !batch.finalized || batch.completionCallbackSent || batch.json.callback === '') return;
		const { pending, completed, canceled, error } = batch.counts;
		if (pending > 0 || completed + canceled + error === 0) return;
		batch.completionCallbackSent = true;
		this.deps.markDirty();
		const name = batch.json.name;
		const payload = { batch: name, status: 'completed', stats: { completed, canceled, error } };
		this.deps.callbacks.deliver({ event: 'batch_completed', batch: name }, batch.json.callback, payload, () => undefined);
	}

	/** Creates `count` completed tasks directly (no timers, no callbacks), with distinct increasing created_at. */
	seed(options: SeedTasksOptions): void {
		const { state } = this.deps;
		const type = (options.type ?? 'imageannotation') as TaskType;
		const project = state.projects.get(options.project) ?? newProjectRecord(state, { name: options.project, type });
		state.projects.set(project.json.name, project);
		if (options.batch !== undefined && !state.batches.has(options.batch)) {
			state.addBatch(newBatchRecord(state, { name: options.batch, project }));
		}
		const now = Date.now();
		const oldest = Math.max(state.lastCreatedMs + 1, now - options.count * 1000);
		const step = oldest + options.count * 1000 <= now ? 1000 : 1;
		for (let index = 0; index < options.count; index++) {
			const createdMs = oldest + index * step;
			state.addTask(seededTask(state.takeSeq(), createdMs, index, type, options));
			state.lastCreatedMs = createdMs;
		}
		this.deps.markDirty();
	}

	/** Task callback body `{task, response, task_id, status}` (Scale's callback docs), whatever the event. */
	private sendCallback(record: TaskRecord, event: CallbackEvent): void {
		const url = record.json.callback_url;
		if (url === undefined) return;
		const payload = { task: structuredClone(record.json), response: record.json.response, task_id: record.json.task_id, status: record.json.status };
		this.deps.callbacks.deliver({ event, task_id: record.json.task_id }, url, payload, (succeeded) => {
			record.json.callback_succeeded = succeeded;
			this.deps.state.touchTask(record);
			this.deps.markDirty();
		});
	}

	/** The task is settled by hand: no longer due, no timer. */
	private cancelCompletionTimer(taskId: string): void {
		const record = this.deps.state.tasks.get(taskId);
		if (record) record.dueMs = undefined;
		this.clearCompletionTimer(taskId);
	}

	private clearCompletionTimer(taskId: string): void {
		const timer = this.completionTimers.get(taskId);
		if (timer === undefined) return;
		this.deps.timers.cancel(timer);
		this.completionTimers.delete(taskId);
	}

	/** Project and batch named in the body must exist; a batch implies its project. */
	private resolvePlacement(body: JsonObject): { project?: string; batch?: string } {
		const { state } = this.deps;
		const project = optionalString(body, 'project');
		const batchName = optionalString(body, 'batch');
		if (project !== undefined && !state.projects.has(project)) throw notFound(`Project with name "${project}" not found.`);
		if (batchName === undefined) return { project };
		const batch = state.batches.get(batchName);
		if (!batch) throw notFound(`Batch with name "${batchName}" not found.`);
		if (project !== undefined && batch.json.project !== project) {
			throw badRequest(`Batch "${batchName}" belongs to project "${batch.json.project}", not "${project}".`);
		}
		return { project: batch.json.project, batch: batchName };
	}
}

/** The checks the API makes before accepting a task (spec §6.1 example messages). */
export function checkRequiredParams(type: string, body: JsonObject): void {
	const hasAttachment = typeof body.attachment === 'string' || (Array.isArray(body.attachments) && body.attachments.length > 0);
	if (type === 'namedentityrecognition' && typeof body.text !== 'string') {
		throw badRequest('Please include a text parameter.');
	}
	if (!NO_ATTACHMENT_TYPES.has(type) && !hasAttachment) {
		throw badRequest('Please include an attachment or attachments parameter.');
	}
	if (type === 'categorization' && !Array.isArray(body.categories) && !isPlainObject(body.taxonomies)) {
		throw badRequest('Please include a categories or taxonomies parameter.');
	}
	if (body.metadata !== undefined && body.metadata !== null && !isPlainObject(body.metadata)) {
		throw badRequest('metadata must be an object');
	}
}

function paramsOf(body: JsonObject): JsonObject {
	const params: JsonObject = {};
	for (const [key, value] of Object.entries(body)) if (!TOP_LEVEL_KEYS.has(key)) params[key] = value;
	return params;
}

function seededTask(seq: number, createdMs: number, index: number, type: string, options: SeedTasksOptions): TaskRecord {
	const completedMs = createdMs + 500;
	const json: TaskJson = {
		task_id: objectId(),
		created_at: isoTime(createdMs),
		updated_at: isoTime(completedMs),
		completed_at: isoTime(completedMs),
		status: 'completed',
		type,
		instruction: 'Draw a box around each car.',
		params: {
			attachment: `https://sandbox.scale.local/images/${index}.jpg`,
			attachment_type: 'image',
			geometries: { box: { objects_to_annotate: ['car', 'pedestrian'] } },
		},
		metadata: { seed_index: index },
		project: options.project,
		...(options.batch !== undefined ? { batch: options.batch } : {}),
		urgency: 'standard',
		is_test: true,
		work_started: true,
		audits: [],
		processed_attachments: [],
	};
	json.response = plausibleResponse(json);
	return { seq, createdMs, updatedMs: completedMs, completedMs, reviewStatus: 'pending', json };
}
