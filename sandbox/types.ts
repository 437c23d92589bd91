import type { BatchStatus, ReviewStatus, TaskStatus, TeammateRole } from './enums';

export type JsonObject = Record<string, unknown>;

/** Task as returned by the API (spec §3.1); optional keys are absent, not null, when unset. */
export interface TaskJson {
	task_id: string;
	created_at: string;
	updated_at: string;
	completed_at?: string;
	status: TaskStatus;
	type: string;
	instruction?: string;
	params: JsonObject;
	response?: JsonObject;
	metadata: JsonObject;
	project?: string;
	batch?: string;
	callback_url?: string;
	callback_succeeded?: boolean;
	unique_id?: string;
	tags?: string[];
	urgency: string;
	is_test: boolean;
	work_started: boolean;
	audits: AuditJson[];
	processed_attachments: unknown[];
	[key: string]: unknown;
}

export interface AuditJson {
	audited_by: string;
	audited_at: string;
	audit_time_secs: number;
	audit_result: 'accepted' | 'fixed' | 'rejected';
	/** `customer` for POST /task/{id}/audit; `scale` for audits made through the control API (Scale's own QA). */
	audit_source: 'customer' | 'scale';
	comments?: string | null;
}

/** Server-side record: the JSON plus the numbers the list engine sorts and filters on. */
export interface TaskRecord {
	/** Insertion order; newest-first listing is descending seq, the stable tie-break for equal created_at. */
	seq: number;
	createdMs: number;
	updatedMs: number;
	completedMs?: number;
	/** When auto-completion is due (completionDelayMs after create); checked on every request and by a timer. */
	dueMs?: number;
	reviewStatus: ReviewStatus;
	/** Changes with every change of the task, so persistence reuses the JSON of unchanged tasks. */
	rev?: number;
	json: TaskJson;
}

export interface BatchCounts {
	pending: number;
	completed: number;
	error: number;
	canceled: number;
}

export interface BatchJson {
	name: string;
	project: string;
	status: BatchStatus;
	callback: string;
	created_at: string;
	metadata: JsonObject;
	calibration_batch: boolean;
	self_label_batch: boolean;
	archived: boolean;
}

export interface BatchRecord {
	id: string;
	seq: number;
	createdMs: number;
	counts: BatchCounts;
	studioGroups: string[];
	/** Set by POST /batches/{name}/finalize; only finalized batches send the batch-completion callback. */
	finalized?: boolean;
	/** The batch-completion callback is sent once per batch. */
	completionCallbackSent?: boolean;
	json: BatchJson;
}

export interface ProjectJson {
	id: string;
	name: string;
	type: string;
	created_at: string;
	param_history: JsonObject[];
	rapid: boolean;
	studio: boolean;
	datasetId?: string | null;
	archived: boolean;
	[key: string]: unknown;
}

export interface ProjectGroupJson {
	id: string;
	name: string;
	numWorkers: number;
	isSingleton: boolean;
	workers: { id: string; email: string }[];
}

export interface ProjectRecord {
	seq: number;
	json: ProjectJson;
	groups: ProjectGroupJson[];
}

export interface FileJson {
	id: string;
	attachment_url: string;
	created_at: string;
	updated_at: string;
	mime_type: string;
	project_names: string[];
	size: number;
	display_name?: string;
	reference_id?: string;
	metadata?: unknown;
	/** Sandbox extras so tests can check what arrived. */
	filename?: string;
	sha256?: string;
	file_url?: string;
}

export interface TeammateJson {
	email: string;
	role: TeammateRole;
	company: string;
	firstName: string;
	lastName: string;
	isStudioLabeler: boolean;
	expiry?: string;
}

export interface QualityTaskJson {
	id: string;
	kind: 'evaluation' | 'training';
	type: string;
	project?: string;
	created_at: string;
	expected_response: unknown;
	initial_response?: unknown;
	params: JsonObject;
	[key: string]: unknown;
}

export interface RequestLogEntry {
	id: number;
	time: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	/** Request headers without Authorization. */
	headers: Record<string, string | string[] | undefined>;
	/**
	 * Parsed JSON, a multipart summary `{fields, files}`, raw text if unparseable, or undefined when empty; a body
	 * larger than `maxLoggedBodyBytes` is a preview string of that many characters, with `bodyTruncated: true`.
	 */
	body: unknown;
	/** Size of the request body as received, in bytes. */
	bodySize?: number;
	bodyTruncated?: boolean;
	/** Status answered; null while the request is still being handled. */
	status: number | null;
	durationMs: number | null;
	/** Fault applied to this request, if any. */
	fault?: FaultKind;
}

/** What a callback reports: task completion / error, an audit, a recall (completed → pending), or a finished batch. */
export type CallbackEvent = 'completed' | 'error' | 'audit' | 'recall' | 'batch_completed';

export interface CallbackAttempt {
	event: CallbackEvent;
	/** Set for task callbacks. */
	task_id?: string;
	/** Set for batch-completion callbacks. */
	batch?: string;
	url: string;
	attempt: number;
	time: string;
	status?: number;
	error?: string;
	succeeded: boolean;
}

export type FaultKind =
	| 'error500'
	| 'error503'
	| 'falseCreate500'
	| 'dropConnection'
	| 'nonJson200'
	| 'htmlProxy502'
	| 'rateLimit';

export interface ScriptedFault {
	match?: {
		/** HTTP method, case-insensitive; any when omitted. */
		method?: string;
		/** Regular expression (source string or RegExp) tested against the full path, e.g. `^/v1/task/[a-z]+$`. */
		pathPattern?: string | RegExp;
	};
	fault: FaultKind;
	/** How many matching requests get this fault; default 1. */
	count?: number;
}

export interface FaultOptions {
	/** Fraction of /v1 requests answered 500 or 503 without doing anything. */
	errorRate?: number;
	/** Fraction of task creates that create the task and then answer 500. */
	falseCreateRate?: number;
	/** Fraction of /v1 requests whose socket is destroyed after the headers (the work is done). */
	dropConnectionRate?: number;
	/** Fraction of /v1 requests answered 200 with an HTML body (the work is done). */
	nonJsonRate?: number;
	/** Seed of the fault PRNG, so runs are repeatable. */
	seed?: number;
}

export interface SeedTasksOptions {
	count: number;
	project: string;
	batch?: string;
	/** Task type of the seeded tasks; default imageannotation. */
	type?: string;
}

export interface SandboxOptions {
	/** 0 = random free port (default). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Accepted API keys (Basic auth username, empty password). Default ['test_sandbox_key']. */
	apiKeys?: string[];
	/** Value sent in the `scale-callback-auth` header. Default 'sandbox_callback_auth_key'. */
	callbackAuthKey?: string;
	/** Added to every /v1 response. */
	latencyMs?: number;
	/** Token bucket on /v1; over the limit → 429 with Retry-After. null/undefined = unlimited. */
	rateLimit?: { requestsPerSecond: number } | null;
	faults?: FaultOptions;
	/** null/undefined = tasks stay pending until completeTask; a number = auto-complete after that delay. */
	completionDelayMs?: number | null;
	/** Retries after a failed callback attempt (total attempts = 1 + retries). Default 3. */
	callbackRetries?: number;
	/** Default 500. */
	callbackRetryDelayMs?: number;
	/** Creates N completed tasks at start (and after reset) when the state is fresh. */
	seedTasks?: SeedTasksOptions | null;
	/** Seeds a Studio project with labelers, assignments, a project group and two pending Studio batches (fresh state only). */
	seedStudio?: boolean;
	/** Load state from this file at start when present; save after mutations (debounced) and on close. */
	persistFile?: string | null;
	/** Request-log entries kept (oldest dropped). Default 20000. */
	maxLoggedRequests?: number;
	/** Request-log size bound in (estimated) bytes; oldest entries dropped past it. Default 64 MiB. */
	maxLogBytes?: number;
	/** Bodies larger than this are logged as a preview of this many characters plus their size. Default 64 KiB. */
	maxLoggedBodyBytes?: number;
	/** Accept what Scale refuses: unknown query parameters, JSON bodies without a JSON content type. Default false. */
	lenient?: boolean;
	/** Largest request body accepted, in bytes. Default 100 MiB. */
	maxBodyBytes?: number;
}

export interface ResolvedOptions {
	port: number;
	host: string;
	apiKeys: string[];
	callbackAuthKey: string;
	latencyMs: number;
	rateLimit: { requestsPerSecond: number } | null;
	faults: Required<FaultOptions>;
	completionDelayMs: number | null;
	callbackRetries: number;
	callbackRetryDelayMs: number;
	seedTasks: SeedTasksOptions | null;
	seedStudio: boolean;
	persistFile: string | null;
	maxLoggedRequests: number;
	maxLogBytes: number;
	maxLoggedBodyBytes: number;
	maxBodyBytes: number;
	lenient: boolean;
}
