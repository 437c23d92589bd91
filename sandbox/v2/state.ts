import type { SandboxCore } from '../core';
import { badRequest, conflict, notFound } from '../errors';
import { objectId } from '../ids';
import type { JsonObject } from '../types';
import type {
	V2Batch,
	V2DatasetDelivery,
	V2DatasetTask,
	V2Delivery,
	V2File,
	V2Project,
	V2TaskRecord,
} from './model';
import { annotationsOf, completedThreads, RESPONSE_SCHEMA, stableId } from './model';

export const DEMO_PROJECT = 'GenAI demo project';
export const DEMO_SCHEMA_ID = 'schema_genai_demo';
const DEMO_DATASET = 'Demo prompts';
const DEMO_DELIVERED_TASKS = 6;

/** The GenAI (v2) side of one sandbox: projects, batches, chat tasks, deliveries, datasets, schemas, files. */
export class V2State {
	readonly projects = new Map<string, V2Project>();
	readonly batches = new Map<string, V2Batch>();
	readonly tasks = new Map<string, V2TaskRecord>();
	readonly deliveries = new Map<string, V2Delivery>();
	readonly datasets = new Map<string, { id: string; name: string }>();
	readonly datasetDeliveries = new Map<string, V2DatasetDelivery>();
	readonly datasetTasks = new Map<string, V2DatasetTask>();
	readonly schemas = new Map<string, string>();
	readonly files = new Map<string, V2File>();

	constructor(private readonly core: SandboxCore) {
		this.seed();
	}

	/** Cancels pending completions and starts over from the seeded demo data. */
	reset(): void {
		for (const record of this.tasks.values()) this.core.timers.cancel(record.timer);
		for (const map of [this.projects, this.batches, this.tasks, this.deliveries, this.datasets, this.datasetDeliveries, this.datasetTasks, this.schemas, this.files]) {
			map.clear();
		}
		this.seed();
	}

	// ---- lookups -------------------------------------------------------------------------------------

	project(id?: string | null, name?: string | null): V2Project {
		const found = id ? this.projects.get(id) : [...this.projects.values()].find((project) => project.name === name);
		if (!id && !name) throw badRequest('Please provide project_id or project_name.');
		if (!found) throw notFound('Project not found.');
		return found;
	}

	batch(id?: string | null, name?: string | null): V2Batch {
		if (!id && !name) throw badRequest('Please provide batch_id or batch_name.');
		const found = id ? this.batches.get(id) : [...this.batches.values()].find((batch) => batch.name === name);
		if (!found) throw notFound('Batch not found.');
		return found;
	}

	task(taskId: string | null): V2TaskRecord {
		if (!taskId) throw badRequest('Missing required parameter: task_id');
		const found = this.tasks.get(taskId);
		if (!found) throw notFound('Task not found.');
		return found;
	}

	annotation(annotationId: string): JsonObject {
		for (const record of this.tasks.values()) {
			const found = annotationsOf(record.json.threads).find((annotation) => annotation.id === annotationId);
			if (found) return found;
		}
		for (const task of this.datasetTasks.values()) {
			const found = annotationsOf((task.response.threads as JsonObject[]) ?? []).find((annotation) => annotation.id === annotationId);
			if (found) return found;
		}
		throw notFound('Annotation not found.');
	}

	// ---- writes --------------------------------------------------------------------------------------

	createProject(name: string, createdAt = new Date().toISOString()): V2Project {
		const project: V2Project = { id: stableId('project', name), name, created_at: createdAt, types: ['Evals'], models: ['demo-model-1'] };
		this.projects.set(project.id, project);
		return project;
	}

	createBatch(project: V2Project, name: string, options: { staging?: boolean; callback?: string; metadata?: JsonObject } = {}): V2Batch {
		if ([...this.batches.values()].some((batch) => batch.name === name)) {
			throw conflict(`A batch named "${name}" already exists.`);
		}
		const batch: V2Batch = {
			id: `batch_${objectId()}`,
			name,
			project: project.id,
			created_at: new Date().toISOString(),
			status: options.staging ? 'staging' : 'in_progress',
			metadata: options.metadata ?? {},
		};
		if (options.callback) batch.callback = options.callback;
		this.batches.set(batch.id, batch);
		return batch;
	}

	createTask(
		project: V2Project,
		batch: V2Batch | undefined,
		options: { templateVariables?: JsonObject; metadata?: JsonObject; callbackUrl?: string } = {},
	): V2TaskRecord {
		if (batch && batch.project !== project.id) throw badRequest('The batch belongs to another project.');
		if (batch && (batch.status === 'completed' || batch.status === 'cancelled')) {
			throw badRequest(`Cannot add tasks to a ${batch.status} batch.`);
		}
		const record: V2TaskRecord = {
			json: {
				task_id: `task_${objectId()}`,
				project: project.id,
				...(batch ? { batch: batch.id } : {}),
				status: 'pending',
				created_at: new Date().toISOString(),
				metadata: options.metadata ?? {},
				threads: [],
			},
			templateVariables: options.templateVariables ?? {},
			callbackUrl: options.callbackUrl,
		};
		this.tasks.set(record.json.task_id, record);
		this.scheduleCompletion(record);
		return record;
	}

	/** Completes the task after the configured delay, unless its batch is staging, paused or cancelled. */
	scheduleCompletion(record: V2TaskRecord): void {
		const delay = this.core.options.completionDelayMs;
		if (delay === null || record.json.status !== 'pending' || record.timer) return;
		const batch = record.json.batch ? this.batches.get(String(record.json.batch)) : undefined;
		if (batch && batch.status !== 'in_progress') return;
		record.timer = this.core.timers.after(delay, () => {
			record.timer = undefined;
			this.complete(record);
		});
	}

	/** Completes a pending task with plausible threads, calls back, and completes its batch when it was the last. */
	complete(record: V2TaskRecord): V2TaskRecord {
		if (record.json.status !== 'pending') throw badRequest(`Task is ${record.json.status}, not pending.`);
		this.core.timers.cancel(record.timer);
		record.timer = undefined;
		const completedAt = new Date().toISOString();
		record.json.status = 'completed';
		record.json.completed_at = completedAt;
		record.json.threads = completedThreads(record.json.task_id, record.templateVariables, completedAt);
		if (record.callbackUrl) {
			this.core.callbacks.deliver({ event: 'completed', task_id: record.json.task_id }, record.callbackUrl, { task_id: record.json.task_id, status: 'completed', task: record.json }, () => {});
		}
		const batch = record.json.batch ? this.batches.get(String(record.json.batch)) : undefined;
		if (batch) this.completeBatchIfDone(batch);
		return record;
	}

	private tasksOf(batch: V2Batch): V2TaskRecord[] {
		return [...this.tasks.values()].filter((record) => record.json.batch === batch.id);
	}

	private completeBatchIfDone(batch: V2Batch): void {
		const tasks = this.tasksOf(batch);
		if (batch.status !== 'in_progress' || tasks.some((record) => record.json.status === 'pending')) return;
		batch.status = 'completed';
		batch.completed_at = new Date().toISOString();
		const stats = { completed: 0, canceled: 0, error: 0 };
		for (const record of tasks) if (record.json.status in stats) stats[record.json.status as keyof typeof stats]++;
		if (typeof batch.callback === 'string' && batch.callback) {
			this.core.callbacks.deliver({ event: 'batch_completed', batch: batch.name }, batch.callback, { batch: batch.name, status: 'completed', stats }, () => {});
		}
		// Scale delivers a completed batch's tasks to the customer.
		this.deliver(this.projects.get(batch.project)!, tasks.filter((record) => record.json.status === 'completed'), `${batch.name} delivery`);
	}

	/** finalize: staging → in_progress; pause: in_progress → paused; resume: paused → in_progress; cancel: not once completed. */
	transition(batch: V2Batch, action: 'finalize' | 'pause' | 'resume' | 'cancel'): { batch: V2Batch; message: string } {
		const from = batch.status;
		const refuse = (why: string) => badRequest(`Cannot ${action} batch ${batch.name}: ${why}`);
		if (action === 'finalize') {
			if (from !== 'staging') throw refuse(`it is ${from}, and only staging batches can be finalized.`);
			batch.status = 'in_progress';
		} else if (action === 'pause') {
			if (from !== 'in_progress') throw refuse(`it is ${from}, and only in-progress batches can be paused.`);
			batch.status = 'paused';
			for (const record of this.tasksOf(batch)) {
				this.core.timers.cancel(record.timer);
				record.timer = undefined;
			}
		} else if (action === 'resume') {
			if (from === 'cancelled') throw refuse('cancelled batches cannot be resumed.');
			if (from !== 'paused') throw refuse(`it is ${from}, not paused.`);
			batch.status = 'in_progress';
		} else {
			if (from === 'completed') throw refuse('completed batches cannot be cancelled.');
			if (from === 'cancelled') throw refuse('it is already cancelled.');
			batch.status = 'cancelled';
			for (const record of this.tasksOf(batch)) {
				if (record.json.status !== 'pending') continue;
				this.core.timers.cancel(record.timer);
				record.timer = undefined;
				record.json.status = 'canceled';
			}
		}
		if (batch.status === 'in_progress') {
			for (const record of this.tasksOf(batch)) this.scheduleCompletion(record);
			if (this.tasksOf(batch).length > 0) this.completeBatchIfDone(batch);
		}
		const verb = { finalize: 'finalized', pause: 'paused', resume: 'resumed', cancel: 'cancelled' }[action];
		return { batch, message: `Batch ${batch.name} ${verb}.` };
	}

	/** Delivers completed, not yet delivered tasks of a project as one delivery. */
	deliver(project: V2Project, records: V2TaskRecord[], name?: string, deliveredAt = new Date().toISOString()): V2Delivery {
		const fresh = records.filter((record) => record.json.status === 'completed' && !record.deliveryId);
		const delivery: V2Delivery = {
			id: `delivery_${objectId()}`,
			name: name ?? `Delivery ${this.deliveries.size + 1}`,
			task_count: fresh.length,
			delivered_at: deliveredAt,
			project: project.id,
		};
		for (const record of fresh) {
			record.deliveryId = delivery.id;
			record.deliveredAt = deliveredAt;
		}
		this.deliveries.set(delivery.id, delivery);
		return delivery;
	}

	deliveredTasks(deliveryId: string): V2TaskRecord[] {
		return [...this.tasks.values()].filter((record) => record.deliveryId === deliveryId);
	}

	// ---- seed ----------------------------------------------------------------------------------------

	/**
	 * Demo data for `npm start` and tests: a project with delivered chat tasks in two deliveries (made in the
	 * last hour), a response schema, and a dataset whose task responses carry a downloadable attachment.
	 */
	private seed(): void {
		const now = Date.now();
		const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
		const project = this.createProject(DEMO_PROJECT, iso(60 * 24 * 30));
		this.schemas.set(DEMO_SCHEMA_ID, JSON.stringify(RESPONSE_SCHEMA));
		const prompts = [
			'Summarise the plot of Hamlet in two sentences.',
			'What is the capital of Australia?',
			'Write a haiku about autumn rain.',
			'Explain recursion to a ten-year-old.',
			'Convert 100 degrees Fahrenheit to Celsius.',
			'List three uses of a paperclip.',
		];
		const records = prompts.slice(0, DEMO_DELIVERED_TASKS).map((prompt, index) => {
			const record: V2TaskRecord = {
				json: {
					task_id: stableId('task', `demo-${index}`),
					project: project.id,
					status: 'completed',
					created_at: iso(120 - index),
					completed_at: iso(90 - index),
					metadata: { row: index + 1 },
					threads: completedThreads(stableId('task', `demo-${index}`), { prompt }, iso(90 - index)),
				},
				templateVariables: { prompt },
			};
			this.tasks.set(record.json.task_id, record);
			return record;
		});
		this.deliver(project, records.slice(0, 4), 'Demo delivery 1', iso(50));
		this.deliver(project, records.slice(4), 'Demo delivery 2', iso(20));

		const dataset = { id: stableId('dataset', DEMO_DATASET), name: DEMO_DATASET };
		this.datasets.set(dataset.id, dataset);
		const file: V2File = {
			id: stableId('file', 'demo-response'),
			name: 'response.json',
			mimeType: 'application/json',
			data: Buffer.from(JSON.stringify({ preferred: 'A', reason: 'More accurate' }, null, 2)),
		};
		this.files.set(file.id, file);
		for (const [index, minutesAgo] of [40, 10].entries()) {
			const delivery: V2DatasetDelivery = {
				id: stableId('dataset_delivery', `demo-${index}`),
				name: `${DEMO_DATASET} delivery ${index + 1}`,
				delivered_at: iso(minutesAgo),
				dataset: dataset.id,
				metadata: { task_count: 2, turn_count: 4 },
			};
			this.datasetDeliveries.set(delivery.id, delivery);
			for (let taskIndex = 0; taskIndex < 2; taskIndex++) {
				const taskId = stableId('dataset_task', `demo-${index}-${taskIndex}`);
				const threads = completedThreads(taskId, { prompt: prompts[index * 2 + taskIndex] }, delivery.delivered_at);
				const attachment = { id: file.id, name: file.name, mime_type: file.mimeType };
				(threads[0].turns as JsonObject[])[0].messages = [
					...((threads[0].turns as JsonObject[])[0].messages as JsonObject[]),
					{ role: 'assistant', content: { text: 'See the attached response file.', attachments: [attachment] }, source_id: 'contributor', annotations: [] },
				];
				this.datasetTasks.set(taskId, { task_id: taskId, dataset: dataset.id, delivery: delivery.id, response: { threads } });
			}
		}
	}
}
