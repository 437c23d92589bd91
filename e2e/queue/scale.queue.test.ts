import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox, TaskJson } from '../../sandbox/server';
import { startSandbox } from '../../sandbox/server';
import { sandboxCredential } from '../demo';
import { PACKAGE_ROOT } from '../n8n';
import { ensureN8nRuntime } from '../runtime';
import { QueueCluster, descendants } from './cluster';
import {
	BULK_WEBHOOK_PATH,
	BULK_WORKFLOW_ID,
	PROJECT,
	WAIT_WEBHOOK_PATH,
	WAIT_WORKFLOW_ID,
	bulkCreateWorkflow,
	callbackWorkflow,
	createAndWaitWorkflow,
} from './workflows';

/** Counts from issue 15. */
const CALLBACKS = 500;
const FORGED_CALLBACKS = 50;
const CALLBACK_CONCURRENCY = 50;
const CALLBACK_ATTEMPTS = 20;
const BULK_ITEMS = 1000;
const RATE_LIMIT_PER_SECOND = 100;
const LATENCY_MS = 20;
const WORKERS = 2;
/** One job per worker at a time, so two runs started together land on the two workers. */
const WORKER_CONCURRENCY = 1;

const API_KEY = 'test_queue_key';
const CALLBACK_AUTH_KEY = 'queue_callback_auth_key';
const CALLBACK_WORKFLOW_ID = 'scaleExampleCallback';

interface Execution {
	id: string;
	status: string;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData: {
			error?: { message: string };
			runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>;
		};
	};
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** Numbers for the README, printed and written to build/queue-results.json. */
const results: Record<string, unknown> = {};

function report(key: string, value: unknown) {
	results[key] = value;
	process.stderr.write(`[queue] ${key}: ${JSON.stringify(value)}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(500);
	}
}

async function inPool<T>(jobs: Array<() => Promise<T>>, concurrency: number): Promise<T[]> {
	const out: T[] = new Array(jobs.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < jobs.length) {
				const index = next++;
				out[index] = await jobs[index]();
			}
		}),
	);
	return out;
}

let sandbox: Sandbox;
let cluster: QueueCluster;
let folder: string;
let apiKey: string;

/** The workflow's executions (from n8n's database), with their data from the public API when asked. */
async function executions(workflowId: string, includeData: boolean): Promise<Execution[]> {
	const rows = await cluster.executionStatuses(workflowId);
	if (!includeData) return rows as Execution[];
	return await inPool(rows.map((row) => () => execution(row.id)), 20);
}

async function execution(id: string): Promise<Execution> {
	const response = await fetch(`${cluster.main.url}/api/v1/executions/${id}?includeData=true`, {
		headers: { 'X-N8N-API-KEY': apiKey },
	});
	if (!response.ok) throw new Error(`execution ${id}: ${response.status}`);
	return (await response.json()) as Execution;
}

function createdItems(run: Execution): Array<Record<string, unknown>> {
	return run.data?.resultData.runData['Create Task']?.[0]?.data?.main[0].map((item) => item.json) ?? [];
}

/** Starts a bulk-create run on a worker and returns its execution id (main answers before the run). */
async function startBulkCreate(run: string, onDuplicate: 'error' | 'returnExisting', count = BULK_ITEMS, path = BULK_WEBHOOK_PATH): Promise<void> {
	const response = await fetch(`${cluster.main.url}/webhook/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ run, count, onDuplicate }),
	});
	expect(response.status).toBe(200);
}

/** Runs of a workflow not seen before, once they exist. */
async function newExecutions(known: Set<string>, count: number, workflowId = BULK_WORKFLOW_ID): Promise<string[]> {
	return await waitFor(
		`${count} new executions of ${workflowId}`,
		async () => {
			const ids = (await executions(workflowId, false)).map((run) => run.id).filter((id) => !known.has(id));
			return ids.length >= count ? ids : undefined;
		},
		60_000,
	);
}

async function finished(id: string, timeoutMs: number): Promise<Execution> {
	return await waitFor(
		`execution ${id} to finish`,
		async () => {
			const run = await execution(id);
			return FINISHED.has(run.status) ? run : undefined;
		},
		timeoutMs,
	);
}

const tasksOfRun = (run: string): TaskJson[] =>
	sandbox.tasks().filter((task) => String(task.unique_id ?? '').startsWith(`${run}/`));

beforeAll(async () => {
	const runtime = ensureN8nRuntime();
	folder = mkdtempSync(join(tmpdir(), 'scaleapi-queue-'));
	sandbox = await startSandbox({
		apiKeys: [API_KEY],
		callbackAuthKey: CALLBACK_AUTH_KEY,
		rateLimit: { requestsPerSecond: RATE_LIMIT_PER_SECOND },
		latencyMs: LATENCY_MS,
		completionDelayMs: null,
		// Completed tasks whose callbacks the burst replays; it also creates the project the bulk runs use.
		seedTasks: { count: CALLBACKS, project: PROJECT },
		maxLoggedRequests: 100_000,
	});
	cluster = new QueueCluster(runtime, folder);
	await cluster.prepare();
	await cluster.main.importCredentials([sandboxCredential(sandbox.url, API_KEY, CALLBACK_AUTH_KEY)]);
	await cluster.main.importWorkflow([callbackWorkflow(), bulkCreateWorkflow, createAndWaitWorkflow]);
	for (const id of [CALLBACK_WORKFLOW_ID, BULK_WORKFLOW_ID, WAIT_WORKFLOW_ID]) await cluster.main.publish(id);
	await cluster.start(WORKERS, WORKER_CONCURRENCY);
	apiKey = await cluster.main.createApiKey(await cluster.main.login());
}, 10 * 60_000);

afterAll(async () => {
	await cluster?.stop();
	await sandbox?.close();
	if (Object.keys(results).length > 0) {
		mkdirSync(join(PACKAGE_ROOT, 'build'), { recursive: true });
		writeFileSync(join(PACKAGE_ROOT, 'build', 'queue-results.json'), `${JSON.stringify(results, null, 2)}\n`);
	}
	if (folder && !process.env.SCALEAPI_QUEUE_KEEP) rmSync(folder, { recursive: true, force: true });
}, 120_000);

test(`${CALLBACKS} verified callbacks → ${CALLBACKS} executions on both workers; ${FORGED_CALLBACKS} forged → 401, none`, async () => {
	const tasks = sandbox.tasks().filter((task) => task.status === 'completed');
	expect(tasks).toHaveLength(CALLBACKS);
	const url = cluster.main.webhookUrl('scale-demo-callback', 'callback');
	// Scale's callback body, as the sandbox sends it; forged ones carry a wrong auth header. Like Scale (up to
	// 20 retries over 24 hours), a callback answered 5xx is sent again; a retry must not start a second run.
	const send = (task: TaskJson, authKey: string) => async () => {
		const serverErrors: string[] = [];
		for (let attempt = 1; ; attempt++) {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'scale-callback-auth': authKey },
				body: JSON.stringify({ task, response: task.response, task_id: task.task_id, status: task.status }),
			});
			const body = await response.text();
			if (response.status < 500 || attempt === CALLBACK_ATTEMPTS) {
				return { authKey, status: response.status, serverErrors };
			}
			serverErrors.push(`${response.status} ${body.slice(0, 120)}`);
			await sleep(1000 * attempt);
		}
	};
	const jobs = tasks.map((task) => send(task, CALLBACK_AUTH_KEY));
	// Every tenth request is forged, spread through the burst.
	tasks.slice(0, FORGED_CALLBACKS).forEach((task, index) => jobs.splice(index * 11 + 5, 0, send(task, 'forged-key')));

	const started = Date.now();
	const answers = await inPool(jobs, CALLBACK_CONCURRENCY);
	const answeredMs = Date.now() - started;

	const serverErrors = answers.flatMap((answer) => answer.serverErrors);
	const statusesOf = (authKey: string) => answers.filter((answer) => answer.authKey === authKey).map((a) => a.status);
	expect(statusesOf(CALLBACK_AUTH_KEY)).toEqual(new Array(CALLBACKS).fill(200));
	expect(statusesOf('forged-key')).toEqual(new Array(FORGED_CALLBACKS).fill(401));

	const runs = await waitFor(
		`${CALLBACKS} finished callback executions`,
		async () => {
			const list = await executions(CALLBACK_WORKFLOW_ID, false);
			return list.length >= CALLBACKS && list.every((run) => FINISHED.has(run.status)) ? list : undefined;
		},
		5 * 60_000,
	);
	const allDoneMs = Date.now() - started;
	// Forged callbacks were refused before anything was enqueued; a late one would show up here.
	await sleep(3000);
	const withData = await executions(CALLBACK_WORKFLOW_ID, true);

	expect(runs).toHaveLength(CALLBACKS);
	expect(withData).toHaveLength(CALLBACKS);
	expect(withData.filter((run) => run.status !== 'success')).toEqual([]);
	const triggeredTaskIds = withData.map(
		(run) => run.data?.resultData.runData['Scale Trigger'][0].data?.main[0][0].json.task_id,
	);
	expect(new Set(triggeredTaskIds).size).toBe(CALLBACKS);
	expect([...triggeredTaskIds].sort()).toEqual(tasks.map((task) => task.task_id).sort());

	const byWorker = cluster.executionsByWorker();
	const perWorker = cluster.workers.map((_, index) => withData.filter((run) => byWorker.get(run.id)?.[0] === index).length);
	expect(withData.every((run) => byWorker.get(run.id)?.length === 1)).toBe(true);
	expect(perWorker.reduce((sum, count) => sum + count, 0)).toBe(CALLBACKS);
	expect(perWorker.every((count) => count > 0)).toBe(true);
	report('callbacks', {
		verified: CALLBACKS,
		forged: FORGED_CALLBACKS,
		concurrency: CALLBACK_CONCURRENCY,
		executionsPerWorker: perWorker,
		answeredSeconds: answeredMs / 1000,
		allExecutionsDoneSeconds: allDoneMs / 1000,
		answers5xxThenRetried: serverErrors.length,
		first5xx: serverErrors[0] ?? null,
		mainFailedDatabasePings: cluster.failedDatabasePings(),
	});
}, 10 * 60_000);

test(`two ${BULK_ITEMS}-item creates on two workers, one ${RATE_LIMIT_PER_SECOND} req/s limit → ${2 * BULK_ITEMS} tasks, no duplicate`, async () => {
	const known = new Set((await executions(BULK_WORKFLOW_ID, false)).map((run) => run.id));
	sandbox.clearRequests();
	const started = Date.now();
	await Promise.all([startBulkCreate('shared-a', 'error'), startBulkCreate('shared-b', 'error')]);
	const ids = await newExecutions(known, 2);
	const runs = await Promise.all(ids.map((id) => finished(id, 5 * 60_000)));
	const wallMs = Date.now() - started;

	expect(runs.map((run) => run.status)).toEqual(['success', 'success']);
	for (const run of runs) {
		const items = createdItems(run);
		expect(items).toHaveLength(BULK_ITEMS);
		expect(items.filter((item) => item.error !== undefined || !item.task_id)).toEqual([]);
	}
	const tasks = [...tasksOfRun('shared-a'), ...tasksOfRun('shared-b')];
	expect(tasks).toHaveLength(2 * BULK_ITEMS);
	expect(new Set(tasks.map((task) => task.unique_id)).size).toBe(2 * BULK_ITEMS);
	expect(new Set(tasks.map((task) => task.task_id)).size).toBe(2 * BULK_ITEMS);
	const outputIds = runs.flatMap((run) => createdItems(run).map((item) => item.task_id));
	expect(new Set(outputIds).size).toBe(2 * BULK_ITEMS);

	const byWorker = cluster.executionsByWorker();
	expect(new Set(ids.map((id) => byWorker.get(id)?.[0])).size).toBe(WORKERS);

	// The sandbox's view: from the first create request to the last answer.
	const creates = sandbox.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/task/'));
	const first = Math.min(...creates.map((request) => Date.parse(request.time)));
	const last = Math.max(...creates.map((request) => Date.parse(request.time) + (request.durationMs ?? 0)));
	const floorSeconds = (2 * BULK_ITEMS) / RATE_LIMIT_PER_SECOND;
	const createSeconds = (last - first) / 1000;
	report('sharedLimit', {
		tasks: tasks.length,
		duplicates: tasks.length - new Set(tasks.map((task) => task.unique_id)).size,
		failedItems: 0,
		createRequests: creates.length,
		answers429: creates.filter((request) => request.status === 429).length,
		createSpanSeconds: createSeconds,
		floorSeconds,
		ratioToFloor: Number((createSeconds / floorSeconds).toFixed(3)),
		wallSecondsWebhookToBothFinished: wallMs / 1000,
		executionSeconds: runs.map((run) => (Date.parse(run.stoppedAt as string) - Date.parse(run.startedAt)) / 1000),
	});
}, 10 * 60_000);

test('Create and Wait: the run waits, main receives Scale\'s callbacks, a worker finishes it with the tasks', async () => {
	const run = 'wait';
	const count = 3;
	const known = new Set((await executions(WAIT_WORKFLOW_ID, false)).map((execution) => execution.id));
	await startBulkCreate(run, 'error', count, WAIT_WEBHOOK_PATH);
	const [id] = await newExecutions(known, 1, WAIT_WORKFLOW_ID);
	const paused = await waitFor(
		`execution ${id} to wait`,
		async () => {
			const execution_ = await execution(id);
			return execution_.status === 'waiting' || FINISHED.has(execution_.status) ? execution_ : undefined;
		},
		120_000,
	);
	if (paused.status !== 'waiting') report('createAndWaitError', paused.data?.resultData.error ?? null);
	expect(paused.status).toBe('waiting');
	const tasks = tasksOfRun(run);
	expect(tasks).toHaveLength(count);
	expect(tasks.every((task) => String(task.callback_url).startsWith(`${cluster.main.url}/webhook-waiting/${id}`))).toBe(true);

	for (const task of tasks) sandbox.completeTask(String(task.task_id));
	const done = await finished(id, 120_000);

	expect(done.status).toBe('success');
	const items = createdItems(done);
	expect(items.map((item) => item.task_id).sort()).toEqual(tasks.map((task) => task.task_id).sort());
	expect(items.every((item) => item.status === 'completed')).toBe(true);
	// The first callback that main accepts resumes the run; the node then finds every task finished.
	const attempts = () => sandbox.callbacks.filter((attempt) => tasks.some((task) => task.task_id === attempt.task_id));
	expect(attempts().some((attempt) => attempt.succeeded && attempt.url.includes(`/webhook-waiting/${id}/`))).toBe(true);
	// Started on a worker, resumed (after main took the callback) on a worker again.
	const ranOn = cluster.executionsByWorker().get(id) ?? [];
	expect(ranOn.length).toBeGreaterThanOrEqual(2);
	// Scale's retries of the other callbacks reach an execution that has finished: reported, not asserted.
	await sleep(5000);
	report('createAndWait', {
		tasks: count,
		finalStatus: done.status,
		workerRuns: ranOn.map((index) => index + 1),
		callbackAttempts: attempts().map((attempt) => ({ task: String(attempt.task_id).slice(-4), status: attempt.status ?? attempt.error })),
	});
}, 5 * 60_000);

test('a worker SIGKILLed mid-create: n8n’s recovery; re-runs with On Duplicate Error, then Return Existing Task → exactly 1,000', async () => {
	const run = 'killed';
	sandbox.clearRequests();
	const known = new Set((await executions(BULK_WORKFLOW_ID, false)).map((execution) => execution.id));
	await startBulkCreate(run, 'error');
	const [killedId] = await newExecutions(known, 1);
	await waitFor('a third of the tasks', async () => (tasksOfRun(run).length >= BULK_ITEMS / 3 ? true : undefined), 120_000);
	const workerIndex = cluster.executionsByWorker().get(killedId)?.[0];
	expect(workerIndex).toBeDefined();
	const worker = cluster.workers[workerIndex as number];
	// A lost machine or container: the worker and its task runner die together, nothing is shut down cleanly.
	const pids = [worker.pid as number, ...descendants(worker.pid as number)];
	for (const pid of pids) process.kill(pid, 'SIGKILL');
	const killedAt = Date.now();
	const atKill = tasksOfRun(run).length;
	await sleep(2000);
	const afterKill = tasksOfRun(run).length;
	expect(afterKill).toBeLessThan(BULK_ITEMS);

	// A re-run with the default On Duplicate → Error: what it does is reported, not asserted.
	known.add(killedId);
	await startBulkCreate(run, 'error');
	const [defaultRerunId] = await newExecutions(known, 1);
	const defaultRerun = await finished(defaultRerunId, 5 * 60_000);
	const afterDefaultRerun = tasksOfRun(run);
	expect(new Set(afterDefaultRerun.map((task) => task.unique_id)).size).toBe(afterDefaultRerun.length);

	// The re-run to recommend: unique IDs make the tasks already created come back instead of failing.
	known.add(defaultRerunId);
	sandbox.clearRequests();
	await startBulkCreate(run, 'returnExisting');
	const [rerunId] = await newExecutions(known, 1);
	const rerun = await finished(rerunId, 5 * 60_000);

	expect(rerun.status).toBe('success');
	const items = createdItems(rerun);
	expect(items).toHaveLength(BULK_ITEMS);
	const tasks = tasksOfRun(run);
	expect(tasks).toHaveLength(BULK_ITEMS);
	expect(new Set(tasks.map((task) => task.unique_id)).size).toBe(BULK_ITEMS);
	expect(new Set(items.map((item) => item.task_id))).toEqual(new Set(tasks.map((task) => task.task_id)));
	const conflicts = sandbox.requests.filter(
		(request) => request.method === 'POST' && request.path.startsWith('/v1/task/') && request.status === 409,
	).length;

	// What n8n does with the killed worker's execution: watched for up to 4 minutes, not asserted.
	let killed = await execution(killedId);
	const watchUntil = killedAt + 4 * 60_000;
	while (!FINISHED.has(killed.status) && Date.now() < watchUntil) {
		await sleep(2000);
		killed = await execution(killedId);
	}
	report('workerKilled', {
		tasksWhenKilled: atKill,
		tasksTwoSecondsLater: afterKill,
		killedExecutionStatus: killed.status,
		killedExecutionSettledAfterSeconds: FINISHED.has(killed.status) ? (Date.now() - killedAt) / 1000 : null,
		killedExecutionError: killed.data?.resultData.error?.message ?? null,
		defaultRerunStatus: defaultRerun.status,
		defaultRerunError: defaultRerun.data?.resultData.error?.message ?? null,
		tasksAfterDefaultRerun: afterDefaultRerun.length,
		rerunStatus: rerun.status,
		rerunItems: items.length,
		tasksAfterRerun: tasks.length,
		rerunConflictsAnswered409: conflicts,
	});
}, 10 * 60_000);
