import { CallbackDispatcher } from './callbacks';
import { FaultInjector } from './faults';
import { mergeOptions, defaultOptions } from './options';
import { Persistence } from './persistence';
import { TokenBucket } from './rate-limit';
import { RequestLog, type RequestLogLimits } from './request-log';
import { seedStudio } from './seed-studio';
import { SandboxState } from './state';
import { TaskLister } from './task-list';
import { TaskService } from './tasks';
import { TimerRegistry } from './timers';
import type { ResolvedOptions, SandboxOptions, TeammateJson } from './types';

/** Teammate present in a fresh sandbox, so `GET /teams` is never empty. */
const OWNER: TeammateJson = {
	email: 'owner@sandbox.scale.local',
	role: 'admin',
	company: 'Sandbox Inc.',
	firstName: 'Sandbox',
	lastName: 'Owner',
	isStudioLabeler: false,
};

/** Everything a request handler can reach: options, state, services, fault and log machinery. */
export class SandboxCore {
	options: ResolvedOptions;
	readonly state = new SandboxState();
	readonly timers = new TimerRegistry();
	readonly callbacks: CallbackDispatcher;
	readonly tasks: TaskService;
	readonly lister: TaskLister;
	readonly faults: FaultInjector;
	readonly log: RequestLog;
	bucket: TokenBucket | null = null;
	readonly persistence: Persistence | null;

	constructor(options: SandboxOptions) {
		this.options = mergeOptions(defaultOptions(), options);
		this.callbacks = new CallbackDispatcher(this.timers, () => ({
			authKey: this.options.callbackAuthKey,
			retries: this.options.callbackRetries,
			retryDelayMs: this.options.callbackRetryDelayMs,
		}));
		this.tasks = new TaskService({
			state: this.state,
			timers: this.timers,
			callbacks: this.callbacks,
			completionDelayMs: () => this.options.completionDelayMs,
			markDirty: () => this.markDirty(),
		});
		this.lister = new TaskLister(this.state);
		this.faults = new FaultInjector(this.options.faults);
		this.log = new RequestLog(this.logLimits());
		this.bucket = this.newBucket();
		const file = this.options.persistFile;
		this.persistence = file ? new Persistence(file, this.timers, () => this.state.snapshotParts()) : null;
	}

	/** Loads the persisted state when there is one, else builds a fresh (seeded) state. */
	initialize(): void {
		const snapshot = this.persistence?.load();
		if (!snapshot) {
			this.seedFreshState();
			// Saved at once, so a kill right after start does not lose the seeded state.
			this.persistence?.saveNow();
			return;
		}
		this.state.restore(snapshot);
		for (const record of this.state.taskOrder) this.tasks.scheduleCompletion(record);
	}

	setOptions(partial: SandboxOptions): ResolvedOptions {
		const previous = this.options;
		this.options = mergeOptions(previous, partial);
		if (partial.rateLimit !== undefined) this.bucket = this.newBucket();
		this.faults.configure(this.options.faults);
		this.log.setLimits(this.logLimits());
		return this.options;
	}

	/** Back to a fresh state: tasks, log, fault queue, timers and in-flight callbacks all cleared; seeds re-applied. */
	reset(): void {
		this.tasks.clearTimers();
		this.callbacks.abortAll();
		this.callbacks.clearLog();
		this.faults.clearQueue();
		this.faults.reseed();
		this.log.clear();
		this.bucket = this.newBucket();
		this.state.clear();
		this.seedFreshState();
	}

	markDirty(): void {
		this.persistence?.markDirty();
	}

	/** Saves (when persisting), then stops every timer and callback so nothing keeps the process alive. */
	shutdown(): void {
		this.persistence?.saveNow();
		this.tasks.clearTimers();
		this.callbacks.abortAll();
		this.timers.clearAll();
	}

	private seedFreshState(): void {
		this.state.teammates.set(OWNER.email, { ...OWNER });
		if (this.options.seedTasks && this.options.seedTasks.count > 0) this.tasks.seed(this.options.seedTasks);
		if (this.options.seedStudio) seedStudio(this);
		this.markDirty();
	}

	private logLimits(): RequestLogLimits {
		const { maxLoggedRequests, maxLogBytes, maxLoggedBodyBytes } = this.options;
		return { maxEntries: maxLoggedRequests, maxBytes: maxLogBytes, maxBodyBytes: maxLoggedBodyBytes };
	}

	private newBucket(): TokenBucket | null {
		return this.options.rateLimit ? new TokenBucket(this.options.rateLimit.requestsPerSecond) : null;
	}
}
