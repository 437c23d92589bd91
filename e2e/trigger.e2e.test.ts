import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { sandboxCredential } from './demo';
import type { WorkflowJson } from './demo';
import { N8nInstance, PACKAGE_ROOT } from './n8n';
import { ensureN8nRuntime } from './runtime';

/**
 * Both Scale triggers published in a real n8n 2.41.1 against the sandbox: the Batch Completed example runs once
 * per completed batch, every verified callback kind gets a 2xx with a JSON acknowledgement, publishing without a
 * Callback Auth Key fails with the message saying where Scale shows it, and the polling trigger picks up tasks
 * completed in the sandbox within one poll interval, each exactly once across two polls.
 */
const API_KEY = 'test_e2e_trigger_key';
const CALLBACK_AUTH_KEY = 'e2e_trigger_callback_auth_key';
const PROJECT = 'Trigger project';
const POLL_PROJECT = 'Polling project';
const CREDENTIAL = { scaleApi: { id: 'scaleSandboxCred', name: 'Scale sandbox' } };
const NO_KEY_CREDENTIAL = { scaleApi: { id: 'scaleNoCallbackKey', name: 'Scale without callback key' } };

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(500);
	}
}

function triggerWorkflow(id: string, node: Record<string, unknown>): WorkflowJson {
	return {
		id,
		name: id,
		nodes: [{ id: `${id}-node`, typeVersion: 1, position: [0, 0], ...node } as unknown as WorkflowJson['nodes'][number]],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

interface Execution {
	id: string;
	status: string;
	startedAt: string;
	data?: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }>> } }>> } };
}

let sandbox: Sandbox;
let n8n: N8nInstance;
let userFolder: string;
let apiKey: string;
let cookie: string;

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(`${n8n.url}/api/v1${path}`, {
		method,
		headers: { 'X-N8N-API-KEY': apiKey, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

interface PublicationStatus {
	status: 'in_progress' | 'published' | 'partial' | 'failed' | 'not_published';
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

/**
 * Publishes as the editor's Publish button does. n8n 2.41 answers at once and activates the triggers in the
 * background (its publication outbox), so this waits for the outcome the editor then shows.
 */
async function publish(workflowId: string): Promise<PublicationStatus> {
	expect((await api('POST', `/workflows/${workflowId}/publish`, {})).status).toBe(200);
	return await waitFor(`the publication of ${workflowId}`, async () => {
		const response = await fetch(`${n8n.url}/rest/workflows/${workflowId}/publication-status`, { headers: { Cookie: cookie } });
		expect(response.status).toBe(200);
		const json = (await response.json()) as { data?: PublicationStatus } & PublicationStatus;
		const status = json.data ?? json;
		return status.status === 'in_progress' || status.status === 'not_published' ? undefined : status;
	});
}

async function executions(workflowId: string): Promise<Execution[]> {
	const { status, body } = await api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=100`);
	expect(status).toBe(200);
	return body.data as Execution[];
}

async function sandboxCall(method: string, path: string, body?: unknown) {
	const response = await fetch(`${sandbox.url}/${path}`, {
		method,
		headers: {
			Authorization: `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`,
			'Content-Type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as Record<string, unknown>;
}

async function createTasks(count: number, fields: Record<string, unknown>): Promise<string[]> {
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const task = await sandboxCall('POST', 'task/imageannotation', {
			attachment: `https://example.com/${index}.jpg`,
			geometries: { box: { objects_to_annotate: ['sign'] } },
			...fields,
		});
		ids.push(task.task_id as string);
	}
	return ids;
}

beforeAll(async () => {
	const runtime = ensureN8nRuntime();
	sandbox = await startSandbox({ apiKeys: [API_KEY], callbackAuthKey: CALLBACK_AUTH_KEY, completionDelayMs: null });
	await sandboxCall('POST', 'projects', { type: 'imageannotation', name: PROJECT });
	await sandboxCall('POST', 'projects', { type: 'imageannotation', name: POLL_PROJECT });

	userFolder = mkdtempSync(join(tmpdir(), 'scaleapi-e2e-trigger-'));
	n8n = new N8nInstance({
		runtime,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		encryptionKey: 'scaleapi-e2e-trigger-encryption-key',
		owner: { email: 'e2e@example.com', password: 'E2e-password-1', firstName: 'E2E', lastName: 'Test' },
		logFile: join(userFolder, 'n8n.log'),
	});
	n8n.installPackage();
	const noKey = { id: 'scaleNoCallbackKey', name: 'Scale without callback key', type: 'scaleApi', data: { apiKey: API_KEY, baseUrl: sandbox.url } };
	await n8n.importCredentials([sandboxCredential(sandbox.url, API_KEY, CALLBACK_AUTH_KEY), noKey]);
	await n8n.importWorkflow(
		JSON.parse(readFileSync(join(PACKAGE_ROOT, 'examples', 'batch-completed-export.json'), 'utf8')) as WorkflowJson,
	);
	await n8n.importWorkflow(
		triggerWorkflow('scaleE2eAllEvents', {
			name: 'Scale Trigger',
			type: 'n8n-nodes-scaleapi.scaleTrigger',
			webhookId: 'scale-e2e-all-events',
			parameters: {
				events: ['taskCompleted', 'taskErrored', 'taskAudited', 'taskRecalled', 'taskCanceled', 'batchCompleted'],
				filters: { projects: 'only-this-project' },
			},
			credentials: CREDENTIAL,
		}),
	);
	await n8n.importWorkflow(
		triggerWorkflow('scaleE2eNoKey', {
			name: 'Scale Trigger',
			type: 'n8n-nodes-scaleapi.scaleTrigger',
			webhookId: 'scale-e2e-no-key',
			parameters: { events: ['taskCompleted'] },
			credentials: NO_KEY_CREDENTIAL,
		}),
	);
	await n8n.importWorkflow(
		triggerWorkflow('scaleE2ePolling', {
			name: 'Scale Polling Trigger',
			type: 'n8n-nodes-scaleapi.scalePollingTrigger',
			parameters: {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				event: 'newCompletedTask',
				project: { __rl: true, mode: 'name', value: POLL_PROJECT },
			},
			credentials: CREDENTIAL,
		}),
	);
	await n8n.start();
	// /rest/settings answers a moment before the owner can log in.
	cookie = await waitFor('the owner login', async () => {
		try {
			return await n8n.login();
		} catch {
			return undefined;
		}
	});
	const response = await fetch(`${n8n.url}/rest/api-keys`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Cookie: cookie },
		body: JSON.stringify({
			label: `e2e-trigger-${Date.now()}`,
			expiresAt: null,
			scopes: ['execution:read', 'execution:list', 'workflow:read', 'workflow:list', 'workflow:activate'],
		}),
	});
	expect(response.status).toBe(200);
	apiKey = ((await response.json()) as { data: { rawApiKey: string } }).data.rawApiKey;
}, 30 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

test('publishing a Scale Trigger whose credential has no Callback Auth Key fails, saying where Scale shows the key', async () => {
	const publication = await publish('scaleE2eNoKey');

	expect(publication.status).toBe('failed');
	expect(publication.triggers).toHaveLength(1);
	expect(publication.triggers[0].errorMessage).toContain('no Callback Auth Key');
	expect(publication.triggers[0].errorMessage).toContain('API Keys → Live Callback Auth Key');
	// Nothing listens: a callback is not silently refused with 401 for 24 hours.
	const callback = await fetch(n8n.webhookUrl('scale-e2e-no-key', 'callback'), { method: 'POST' });
	expect(callback.status).toBe(404);
}, 60_000);

test('every verified callback kind is answered 2xx with a JSON acknowledgement', async () => {
	expect((await publish('scaleE2eAllEvents')).status).toBe('published');
	const task = (extra: Record<string, unknown>) => ({
		task_id: 'e2e-task-1',
		task: { task_id: 'e2e-task-1', type: 'imageannotation', project: 'only-this-project', completed_at: '2026-11-29T10:00:00.000Z', ...extra },
	});
	const bodies: Array<[string, unknown]> = [
		['taskCompleted', { ...task({ status: 'completed' }), status: 'completed' }],
		['taskErrored', { ...task({ status: 'error' }), status: 'error' }],
		['taskAudited', { ...task({ status: 'completed', audits: [{ audit_result: 'accepted', audited_at: '2026-11-29T11:00:00.000Z' }] }), status: 'completed' }],
		['taskRecalled', { ...task({ status: 'pending' }), status: 'pending' }],
		['taskCanceled', { ...task({ status: 'canceled' }), status: 'canceled' }],
		// Another project's task: verified, so still 2xx, but it starts nothing.
		['taskCompleted', { task_id: 'e2e-task-2', task: { task_id: 'e2e-task-2', project: 'elsewhere', status: 'completed' } }],
	];
	const answers = [];
	for (const [, body] of bodies) {
		const response = await fetch(n8n.webhookUrl('scale-e2e-all-events', 'callback'), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'scale-callback-auth': CALLBACK_AUTH_KEY },
			body: JSON.stringify(body),
		});
		answers.push({ status: response.status, body: (await response.json()) as Record<string, unknown> });
	}
	expect(answers).toEqual(
		bodies.map(([event], index) => ({
			status: 200,
			body: { received: true, event, started: index < 5 },
		})),
	);
	const forged = await fetch(n8n.webhookUrl('scale-e2e-all-events', 'callback'), {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'scale-callback-auth': 'forged' },
		body: JSON.stringify(bodies[0][1]),
	});
	expect(forged.status).toBe(401);

	const finished = await waitFor('five executions', async () => {
		const list = await executions('scaleE2eAllEvents');
		return list.length >= 5 && list.every((execution) => execution.status !== 'running') ? list : undefined;
	});
	await sleep(1000);
	expect(await executions('scaleE2eAllEvents')).toHaveLength(5);
	const events = finished.map((execution) => execution.data?.resultData.runData['Scale Trigger'][0].data?.main[0][0].json.event);
	expect([...events].sort()).toEqual(['taskAudited', 'taskCanceled', 'taskCompleted', 'taskErrored', 'taskRecalled']);
}, 120_000);

test('the Batch Completed example runs once when the sandbox completes a batch, and exports its tasks', async () => {
	expect((await publish('scaleExampleBatchExport')).status).toBe('published');
	const batch = `e2e-batch-${Date.now()}`;
	await sandboxCall('POST', 'batches', {
		project: PROJECT,
		name: batch,
		callback: n8n.webhookUrl('scale-batch-completed', 'callback'),
	});
	const ids = await createTasks(3, { project: PROJECT, batch });
	await sandboxCall('POST', `batches/${encodeURIComponent(batch)}/finalize`);
	for (const id of ids) sandbox.completeTask(id);

	const [execution] = await waitFor('the batch export execution', async () => {
		const list = await executions('scaleExampleBatchExport');
		return list.length >= 1 && list.every((candidate) => candidate.status !== 'running') ? list : undefined;
	});
	const delivered = sandbox.callbacks.filter((attempt) => attempt.event === 'batch_completed');
	expect(delivered.map((attempt) => [attempt.status, attempt.succeeded])).toEqual([[200, true]]);
	await sleep(2000);
	expect(await executions('scaleExampleBatchExport')).toHaveLength(1);

	expect(execution.status).toBe('success');
	const runData = execution.data!.resultData.runData;
	expect(runData['Batch Completed'][0].data?.main[0][0].json).toMatchObject({
		event: 'batchCompleted',
		batch,
		status: 'completed',
		stats: { completed: 3, canceled: 0, error: 0 },
	});
	const exported = runData['Get Tasks of the Batch'][0].data?.main[0].map((item) => item.json.task_id);
	expect([...(exported ?? [])].sort()).toEqual([...ids].sort());
	expect(runData['Convert to JSON File'][0].data?.main[0][0].binary?.data).toMatchObject({
		fileName: `scale-batch-${batch}.json`,
	});
}, 120_000);

test('the polling trigger picks up tasks completed in the sandbox within one poll interval, each exactly once across two polls', async () => {
	const ids = await createTasks(8, { project: POLL_PROJECT });
	// Published: the first poll runs now and starts from now.
	expect((await publish('scaleE2ePolling')).status).toBe('published');

	const pollIds = (list: Execution[]) =>
		list.flatMap(
			(execution) =>
				execution.data?.resultData.runData['Scale Polling Trigger'][0].data?.main[0].map((item) => String(item.json.task_id)) ?? [],
		);
	const completedAt = Date.now();
	for (const id of ids.slice(0, 5)) sandbox.completeTask(id);
	const first = await waitFor(
		'the first poll execution',
		async () => {
			const list = await executions('scaleE2ePolling');
			return list.length >= 1 && list.every((execution) => execution.status !== 'running') ? list : undefined;
		},
		90_000,
	);
	// n8n polls at most once a minute ("everyMinute"): within one interval, plus a few seconds to run.
	expect(Date.parse(first[0].startedAt) - completedAt).toBeLessThan(65_000);
	expect([...pollIds(first)].sort()).toEqual([...ids.slice(0, 5)].sort());

	for (const id of ids.slice(5)) sandbox.completeTask(id);
	const second = await waitFor(
		'the second poll execution',
		async () => {
			const list = await executions('scaleE2ePolling');
			return list.length >= 2 && list.every((execution) => execution.status !== 'running') ? list : undefined;
		},
		90_000,
	);
	// One more interval with nothing new: no execution, nothing emitted twice.
	await sleep(62_000);
	const all = await executions('scaleE2ePolling');
	expect(all).toHaveLength(2);
	expect(all.every((execution) => execution.status === 'success')).toBe(true);
	const emitted = pollIds(second);
	expect(emitted).toHaveLength(8);
	expect([...emitted].sort()).toEqual([...ids].sort());
}, 300_000);
