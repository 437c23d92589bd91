import type { ReviewStatus, TaskStatus } from './enums';
import type {
	BatchRecord,
	FileJson,
	ProjectRecord,
	QualityTaskJson,
	TaskRecord,
	TeammateJson,
} from './types';

/** The snapshot as persistence writes it: small fields, then arrays it serialises a few records at a time. */
export interface SnapshotParts {
	meta: Pick<StateSnapshot, 'version' | 'nextSeq' | 'lastCreatedMs' | 'studioPriority'>;
	arrays: Pick<StateSnapshot, 'tasks' | 'batches' | 'projects' | 'files' | 'qualityTasks' | 'teammates' | 'assignments'>;
}

/** Serialisable snapshot used by persistence. */
export interface StateSnapshot {
	version: 1;
	nextSeq: number;
	lastCreatedMs: number;
	tasks: TaskRecord[];
	batches: BatchRecord[];
	projects: ProjectRecord[];
	files: FileJson[];
	qualityTasks: QualityTaskJson[];
	teammates: TeammateJson[];
	assignments: [string, string[]][];
	studioPriority: string[] | null;
}

/**
 * In-memory store with the indexes the routes need: tasks by id, unique_id, project and batch
 * (each index array in seq order, so listing walks it backwards without sorting), batches and projects by name.
 */
export class SandboxState {
	readonly tasks = new Map<string, TaskRecord>();
	readonly taskOrder: TaskRecord[] = [];
	readonly tasksByProject = new Map<string, TaskRecord[]>();
	readonly tasksByBatch = new Map<string, TaskRecord[]>();
	readonly tasksByUniqueId = new Map<string, TaskRecord>();
	readonly batches = new Map<string, BatchRecord>();
	readonly projects = new Map<string, ProjectRecord>();
	readonly files = new Map<string, FileJson>();
	readonly filesByReferenceId = new Map<string, FileJson>();
	readonly qualityTasks: QualityTaskJson[] = [];
	readonly teammates = new Map<string, TeammateJson>();
	readonly assignments = new Map<string, string[]>();
	/** Custom studio priority (batch names) set by set_priorities; null = default order. */
	studioPriority: string[] | null = null;
	nextSeq = 1;
	lastCreatedMs = 0;
	/** Bumped on every task change (and copied to the task's `rev`); list totals are cached per filter against it. */
	taskVersion = 0;

	/** created_at never goes backwards, so seq order and created_at order agree. */
	nextCreatedMs(now = Date.now()): number {
		this.lastCreatedMs = Math.max(now, this.lastCreatedMs);
		return this.lastCreatedMs;
	}

	takeSeq(): number {
		return this.nextSeq++;
	}

	addTask(record: TaskRecord): void {
		this.tasks.set(record.json.task_id, record);
		this.taskOrder.push(record);
		if (record.json.project !== undefined) pushTo(this.tasksByProject, record.json.project, record);
		if (record.json.batch !== undefined) pushTo(this.tasksByBatch, record.json.batch, record);
		if (record.json.unique_id !== undefined) this.tasksByUniqueId.set(record.json.unique_id, record);
		const batch = record.json.batch === undefined ? undefined : this.batches.get(record.json.batch);
		if (batch) {
			batch.counts[record.json.status]++;
			refreshBatchStatus(batch);
		}
		record.rev = ++this.taskVersion;
	}

	/** Changes a task's status keeping its batch counts and batch status in step. */
	setTaskStatus(record: TaskRecord, status: TaskStatus, now = Date.now()): void {
		const previous = record.json.status;
		record.json.status = status;
		this.touchTask(record, now);
		const batch = record.json.batch === undefined ? undefined : this.batches.get(record.json.batch);
		if (!batch || previous === status) return;
		batch.counts[previous]--;
		batch.counts[status]++;
		refreshBatchStatus(batch);
	}

	setReviewStatus(record: TaskRecord, status: ReviewStatus): void {
		record.reviewStatus = status;
		record.rev = ++this.taskVersion;
	}

	setUniqueId(record: TaskRecord, uniqueId: string | undefined, now = Date.now()): void {
		const previous = record.json.unique_id;
		if (previous !== undefined && this.tasksByUniqueId.get(previous) === record) this.tasksByUniqueId.delete(previous);
		if (uniqueId === undefined) delete record.json.unique_id;
		else {
			record.json.unique_id = uniqueId;
			this.tasksByUniqueId.set(uniqueId, record);
		}
		this.touchTask(record, now);
	}

	touchTask(record: TaskRecord, now = Date.now()): void {
		record.updatedMs = Math.max(now, record.createdMs);
		record.json.updated_at = new Date(record.updatedMs).toISOString();
		record.rev = ++this.taskVersion;
	}

	addBatch(batch: BatchRecord): void {
		this.batches.set(batch.json.name, batch);
	}

	addFile(file: FileJson): void {
		this.files.set(file.id, file);
		if (file.reference_id !== undefined) this.filesByReferenceId.set(file.reference_id, file);
	}

	clear(): void {
		this.tasks.clear();
		this.taskOrder.length = 0;
		this.tasksByProject.clear();
		this.tasksByBatch.clear();
		this.tasksByUniqueId.clear();
		this.batches.clear();
		this.projects.clear();
		this.files.clear();
		this.filesByReferenceId.clear();
		this.qualityTasks.length = 0;
		this.teammates.clear();
		this.assignments.clear();
		this.studioPriority = null;
		this.nextSeq = 1;
		this.lastCreatedMs = 0;
		this.taskVersion++;
	}

	/** Shallow copies of the collections: records created during a save wait for the next one. */
	snapshotParts(): SnapshotParts {
		return {
			meta: { version: 1, nextSeq: this.nextSeq, lastCreatedMs: this.lastCreatedMs, studioPriority: this.studioPriority },
			arrays: {
				tasks: this.taskOrder.slice(),
				batches: [...this.batches.values()],
				projects: [...this.projects.values()],
				files: [...this.files.values()],
				qualityTasks: this.qualityTasks.slice(),
				teammates: [...this.teammates.values()],
				assignments: [...this.assignments.entries()],
			},
		};
	}

	restore(snapshot: StateSnapshot): void {
		this.clear();
		for (const project of snapshot.projects) this.projects.set(project.json.name, project);
		// Batches first with zero counts: addTask recounts them from the tasks.
		for (const batch of snapshot.batches) {
			batch.counts = { pending: 0, completed: 0, error: 0, canceled: 0 };
			this.addBatch(batch);
		}
		const batchStatuses = new Map(snapshot.batches.map((batch) => [batch.json.name, batch.json.status]));
		for (const task of [...snapshot.tasks].sort((a, b) => a.seq - b.seq)) this.addTask(task);
		for (const [name, status] of batchStatuses) this.batches.get(name)!.json.status = status;
		for (const file of snapshot.files) this.addFile(file);
		this.qualityTasks.push(...snapshot.qualityTasks);
		for (const teammate of snapshot.teammates) this.teammates.set(teammate.email, teammate);
		for (const [email, projects] of snapshot.assignments) this.assignments.set(email, projects);
		this.studioPriority = snapshot.studioPriority;
		this.nextSeq = Math.max(snapshot.nextSeq, (this.taskOrder.at(-1)?.seq ?? 0) + 1);
		this.lastCreatedMs = snapshot.lastCreatedMs;
	}
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function batchTotal(batch: BatchRecord): number {
	const { pending, completed, error, canceled } = batch.counts;
	return pending + completed + error + canceled;
}

/** A started batch completes when none of its tasks is pending, and reopens when a pending task is added. */
export function refreshBatchStatus(batch: BatchRecord): void {
	if (batch.json.status === 'staging') return;
	const done = batch.counts.pending === 0 && batchTotal(batch) > 0;
	batch.json.status = done ? 'completed' : 'in_progress';
}
