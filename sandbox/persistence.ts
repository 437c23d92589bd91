import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import type { SnapshotParts, StateSnapshot } from './state';
import type { TimerRegistry } from './timers';

const SAVE_DEBOUNCE_MS = 200;
/** Records serialised per event-loop turn: a few ms of work at a time, so reads are never held up by a save. */
const RECORDS_PER_CHUNK = 250;
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/** What GET /_sandbox/persistence reports. */
export interface PersistenceStatus {
	file: string;
	/** A save is being written right now. */
	saving: boolean;
	/** Changes not yet on disk. */
	dirty: boolean;
	lastSavedAt: string | null;
	saves: number;
	/** Failed saves since start (each is retried with backoff). */
	failures: number;
	lastError: { time: string; message: string } | null;
}

export type PersistenceLogger = (message: string) => void;

/**
 * Saves the state to a JSON file after mutations (debounced) and on close; loads it at start.
 * A save is written in small chunks across event-loop turns to a temporary file that is then renamed, so a
 * kill at any moment leaves the previous complete file; a failed save is logged, reported and retried,
 * and never stops the server.
 */
export class Persistence {
	private pending: NodeJS.Timeout | undefined;
	private saving: Promise<void> | null = null;
	private dirty = false;
	private dirtyDuringSave = false;
	private abortSave = false;
	private retryDelayMs = RETRY_MIN_MS;
	private temporaryCounter = 0;
	private readonly status: Omit<PersistenceStatus, 'file' | 'saving' | 'dirty'> = { lastSavedAt: null, saves: 0, failures: 0, lastError: null };

	constructor(
		private readonly file: string,
		private readonly timers: TimerRegistry,
		private readonly parts: () => SnapshotParts,
		private readonly log: PersistenceLogger = (message) => process.stderr.write(`${message}\n`),
	) {}

	/** The saved state, undefined when there is none; an unreadable file throws an error naming it and why. */
	load(): StateSnapshot | undefined {
		this.removeStaleTemporaries();
		if (!existsSync(this.file)) return undefined;
		let parsed: unknown;
		try {
			parsed = JSON.parse(readFileSync(this.file, 'utf8'));
		} catch (error) {
			throw new Error(`Cannot load sandbox state from ${this.file}: ${reason(error)}`);
		}
		const problem = snapshotProblem(parsed);
		if (problem) throw new Error(`Cannot load sandbox state from ${this.file}: ${problem}`);
		return parsed as StateSnapshot;
	}

	report(): PersistenceStatus {
		return { file: this.file, saving: this.saving !== null, dirty: this.dirty, ...this.status, lastError: this.status.lastError && { ...this.status.lastError } };
	}

	markDirty(): void {
		this.dirty = true;
		if (this.saving) {
			this.dirtyDuringSave = true;
			return;
		}
		if (this.pending !== undefined) return;
		this.pending = this.timers.after(SAVE_DEBOUNCE_MS, () => {
			this.pending = undefined;
			void this.saveInBackground();
		});
	}

	/** Synchronous save (start-up after seeding, and close): stops a background save, then writes everything at once. */
	saveNow(): boolean {
		this.timers.cancel(this.pending);
		this.pending = undefined;
		this.abortSave = true;
		const temporary = this.temporaryPath();
		try {
			mkdirSync(dirname(this.file), { recursive: true });
			const handle = openSync(temporary, 'w');
			try {
				for (const chunk of serialise(this.parts())) writeSync(handle, chunk);
			} finally {
				closeSync(handle);
			}
			renameSync(temporary, this.file);
			this.succeeded();
			return true;
		} catch (error) {
			removeQuietly(temporary);
			this.failed(error);
			this.scheduleRetry();
			return false;
		}
	}

	private saveInBackground(): Promise<void> {
		this.abortSave = false;
		this.dirtyDuringSave = false;
		const run = this.writeInChunks().then(
			(completed) => {
				if (completed) this.succeeded();
			},
			(error: unknown) => {
				this.failed(error);
				this.scheduleRetry();
			},
		);
		this.saving = run.finally(() => {
			this.saving = null;
			if (this.dirtyDuringSave && !this.abortSave) {
				this.dirtyDuringSave = false;
				this.markDirty();
			}
		});
		return this.saving;
	}

	/** False when the save was aborted (close took over); throws on I/O errors after removing its temporary file. */
	private async writeInChunks(): Promise<boolean> {
		const temporary = this.temporaryPath();
		const parts = this.parts();
		// `dirty` stays true until the save has succeeded (succeeded() clears it): a status read during a retry
		// must not say "saved" while the file is still not written.
		let handle: Awaited<ReturnType<typeof open>> | undefined;
		try {
			await mkdir(dirname(this.file), { recursive: true });
			handle = await open(temporary, 'w');
			for (const chunk of serialise(parts)) {
				if (this.abortSave) break;
				await handle.write(chunk);
			}
			await handle.close();
			handle = undefined;
			if (this.abortSave) {
				await unlink(temporary).catch(() => undefined);
				return false;
			}
			await rename(temporary, this.file);
			return true;
		} catch (error) {
			this.dirty = true;
			await handle?.close().catch(() => undefined);
			await unlink(temporary).catch(() => undefined);
			throw error;
		}
	}

	private succeeded(): void {
		this.status.saves++;
		this.status.lastSavedAt = new Date().toISOString();
		if (this.status.lastError) this.log(`Scale sandbox: saved ${this.file} again after ${this.status.failures} failed attempt(s).`);
		this.status.lastError = null;
		this.retryDelayMs = RETRY_MIN_MS;
		this.dirty = this.dirtyDuringSave;
	}

	private failed(error: unknown): void {
		this.dirty = true;
		this.status.failures++;
		const message = `Cannot save sandbox state to ${this.file}: ${reason(error)}`;
		// Log the first failure of a streak only; the control API reports every one.
		if (!this.status.lastError) this.log(`Scale sandbox: ${message} (retrying; the server keeps serving)`);
		this.status.lastError = { time: new Date().toISOString(), message };
	}

	private scheduleRetry(): void {
		if (this.pending !== undefined) return;
		const delay = this.retryDelayMs;
		this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
		this.pending = this.timers.after(delay, () => {
			this.pending = undefined;
			void this.saveInBackground();
		});
	}

	private temporaryPath(): string {
		return `${this.file}.${process.pid}.${++this.temporaryCounter}.tmp`;
	}

	/** Temporary files left by a process that was killed mid-save (its pid is gone). */
	private removeStaleTemporaries(): void {
		const directory = dirname(this.file);
		const prefix = `${basename(this.file)}.`;
		let names: string[];
		try {
			names = readdirSync(directory);
		} catch {
			return;
		}
		for (const name of names) {
			if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
			const pid = Number(/^(\d+)\./.exec(name.slice(prefix.length))?.[1]);
			if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) removeQuietly(join(directory, name));
		}
	}
}

/** JSON of records that carry a `rev` (tasks), reused until the record changes: most tasks never do. */
const recordText = new WeakMap<object, { rev: number; text: string }>();

function recordJson(record: unknown): string {
	const rev = (record as { rev?: unknown } | null)?.rev;
	if (typeof rev !== 'number') return JSON.stringify(record);
	const cached = recordText.get(record as object);
	if (cached?.rev === rev) return cached.text;
	const text = JSON.stringify(record);
	recordText.set(record as object, { rev, text });
	return text;
}

/** The snapshot as JSON text in small pieces: a header, then each array a few records at a time. */
function* serialise(parts: SnapshotParts): Generator<string> {
	yield JSON.stringify(parts.meta).slice(0, -1);
	for (const [key, records] of Object.entries(parts.arrays) as [string, unknown[]][]) {
		yield `,${JSON.stringify(key)}:[`;
		for (let start = 0; start < records.length; start += RECORDS_PER_CHUNK) {
			const slice = records.slice(start, start + RECORDS_PER_CHUNK).map(recordJson).join(',');
			yield start === 0 ? slice : `,${slice}`;
		}
		yield ']';
	}
	yield '}';
}

const ARRAY_KEYS = ['tasks', 'batches', 'projects', 'files', 'qualityTasks', 'teammates', 'assignments'] as const;

function snapshotProblem(parsed: unknown): string | undefined {
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'not a JSON object';
	const snapshot = parsed as Record<string, unknown>;
	if (snapshot.version !== 1) return `unsupported version ${JSON.stringify(snapshot.version)} (expected 1)`;
	for (const key of ARRAY_KEYS) if (!Array.isArray(snapshot[key])) return `"${key}" is missing or not an array`;
	if (typeof snapshot.nextSeq !== 'number') return '"nextSeq" is missing or not a number';
	const tasks = snapshot.tasks as unknown[];
	const broken = tasks.findIndex((task) => !isRecordWithJson(task, 'task_id'));
	if (broken !== -1) return `tasks[${broken}] is not a task record`;
	const brokenBatch = (snapshot.batches as unknown[]).findIndex((batch) => !isRecordWithJson(batch, 'name'));
	if (brokenBatch !== -1) return `batches[${brokenBatch}] is not a batch record`;
	const brokenProject = (snapshot.projects as unknown[]).findIndex((project) => !isRecordWithJson(project, 'name'));
	if (brokenProject !== -1) return `projects[${brokenProject}] is not a project record`;
	return undefined;
}

function isRecordWithJson(value: unknown, key: string): boolean {
	if (value === null || typeof value !== 'object') return false;
	const json = (value as { json?: unknown }).json;
	return json !== null && typeof json === 'object' && typeof (json as Record<string, unknown>)[key] === 'string';
}

function reason(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function removeQuietly(path: string): void {
	try {
		unlinkSync(path);
	} catch {
		// Already gone.
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
