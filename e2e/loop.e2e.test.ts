import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { loadExample, sandboxCredential, withNodesDisabled } from './demo';
import { N8nInstance } from './n8n';
import { freePort } from './ports';
import { ensureN8nRuntime } from './runtime';

const API_KEY = 'test_e2e_key';
const CALLBACK_AUTH_KEY = 'e2e_callback_auth_key';
const PROJECT = 'Demo project';
const SEEDED_COMPLETED_TASKS = 12;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

interface PublicExecution {
	id: string;
	status: string;
	data?: { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
}

let sandbox: Sandbox;
let n8n: N8nInstance;
let userFolder: string;
let batchName: string;

beforeAll(async () => {
	const runtime = ensureN8nRuntime();
	sandbox = await startSandbox({
		apiKeys: [API_KEY],
		callbackAuthKey: CALLBACK_AUTH_KEY,
		completionDelayMs: null,
		seedTasks: { count: SEEDED_COMPLETED_TASKS, project: PROJECT },
	});
	userFolder = mkdtempSync(join(tmpdir(), 'scaleapi-e2e-'));
	const port = await freePort();
	n8n = new N8nInstance({
		runtime,
		userFolder,
		port,
		brokerPort: await freePort(),
		encryptionKey: 'scaleapi-e2e-encryption-key',
		owner: { email: 'e2e@example.com', password: 'E2e-password-1', firstName: 'E2E', lastName: 'Test' },
		logFile: join(userFolder, 'n8n.log'),
	});
	n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox.url, API_KEY, CALLBACK_AUTH_KEY)]);

	// Example (a) as shipped: its callback URL is an expression that follows this n8n's port.
	await n8n.importWorkflow(loadExample('createBatchAndTasks'));
	// Slack and S3 are outside this machine's reach: those nodes are disabled, the Scale part runs for real.
	await n8n.importWorkflow(withNodesDisabled(loadExample('callbackToSlack'), ['n8n-nodes-base.slack']));
	await n8n.importWorkflow(withNodesDisabled(loadExample('exportToS3'), ['n8n-nodes-base.awsS3']));
}, 30 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

test('example (a) runs headless: one batch, one task per row, finalized', async () => {
	const run = await n8n.execute('scaleExampleBatch');

	expect(run.data.resultData.error).toBeUndefined();
	const created = run.data.resultData.runData['Create Task'][0].data?.main[0].map((item) => item.json) ?? [];
	expect(created).toHaveLength(3);
	batchName = String(run.data.resultData.runData['Create Batch'][0].data?.main[0][0].json.name);
	const tasksInBatch = sandbox.tasks().filter((task) => task.batch === batchName);
	expect(tasksInBatch.map((task) => task.unique_id).sort()).toEqual(
		['row-1', 'row-2', 'row-3'].map((row) => `${batchName}/${row}`),
	);
	expect(tasksInBatch.every((task) => task.callback_url === n8n.webhookUrl('scale-demo-callback', 'callback'))).toBe(
		true,
	);
	const finalizeRequests = sandbox.requests.filter(
		(request) => request.method === 'POST' && request.path === `/v1/batches/${encodeURIComponent(batchName)}/finalize`,
	);
	expect(finalizeRequests.map((request) => request.status)).toEqual([200]);
}, 120_000);

test('example (c) exports every completed task of the project', async () => {
	const run = await n8n.execute('scaleExampleExport');

	expect(run.data.resultData.error).toBeUndefined();
	const exported = run.data.resultData.runData['Get Completed Tasks'][0].data?.main[0] ?? [];
	const completed = sandbox.tasks().filter((task) => task.project === PROJECT && task.status === 'completed');
	expect(exported.map((item) => item.json.task_id).sort()).toEqual(completed.map((task) => task.task_id).sort());
	expect(exported).toHaveLength(SEEDED_COMPLETED_TASKS);
}, 120_000);

describe('Scale Trigger in a running n8n', () => {
	let apiKey: string;
	let cookie: string;

	beforeAll(async () => {
		await n8n.publish('scaleExampleCallback');
		await n8n.start();
		cookie = await n8n.login();
		apiKey = await n8n.createApiKey(cookie);
	}, 180_000);

	test("the credential test n8n runs on Save: OK with the sandbox key, an error with a wrong key", async () => {
		const testCredential = async (key: string) => {
			const credential = sandboxCredential(sandbox.url, key, CALLBACK_AUTH_KEY);
			const response = await fetch(`${n8n.url}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Cookie: cookie },
				body: JSON.stringify({ credentials: credential }),
			});
			expect(response.status).toBe(200);
			return ((await response.json()) as { data: { status: string; message: string } }).data;
		};

		expect((await testCredential(API_KEY)).status).toBe('OK');
		const wrong = await testCredential('test_wrong_key');
		expect(wrong.status).toBe('Error');
		expect(wrong.message).not.toContain('test_wrong_key');
		const testRequests = sandbox.requests.filter((request) => request.path === '/v1/batches' && request.query.limit === '1');
		// n8n's credential tester sends the wrong key twice; each is refused.
		const [first, ...rest] = testRequests.map((request) => request.status);
		expect(first).toBe(200);
		expect(rest.length).toBeGreaterThan(0);
		expect(rest.every((status) => status === 401)).toBe(true);
	}, 60_000);

	async function executions(): Promise<PublicExecution[]> {
		const response = await fetch(
			`${n8n.url}/api/v1/executions?workflowId=scaleExampleCallback&includeData=true&limit=100`,
			{ headers: { 'X-N8N-API-KEY': apiKey } },
		);
		expect(response.status).toBe(200);
		return ((await response.json()) as { data: PublicExecution[] }).data;
	}

	test('one execution per completed task, with that task id', async () => {
		const tasks = sandbox.tasks().filter((task) => task.batch === batchName);
		expect(tasks).toHaveLength(3);
		for (const task of tasks) sandbox.completeTask(String(task.task_id));

		await waitFor('the callbacks to be delivered', async () =>
			sandbox.tasks().filter((task) => task.batch === batchName && task.callback_succeeded === true).length === 3
				? true
				: undefined,
		);
		const finished = await waitFor('three finished executions', async () => {
			const list = await executions();
			return list.length >= 3 && list.every((execution) => execution.status !== 'running') ? list : undefined;
		});

		expect(finished).toHaveLength(3);
		expect(finished.map((execution) => execution.status)).toEqual(['success', 'success', 'success']);
		const triggeredTaskIds = finished.map(
			(execution) => execution.data?.resultData.runData['Scale Trigger'][0].data.main[0][0].json.task_id,
		);
		expect(triggeredTaskIds.sort()).toEqual(tasks.map((task) => task.task_id).sort());
	}, 120_000);

	test('a callback with a wrong auth header gets 401 and starts nothing', async () => {
		const before = (await executions()).length;
		const [task] = sandbox.tasks().filter((candidate) => candidate.batch === batchName);

		const response = await fetch(n8n.webhookUrl('scale-demo-callback', 'callback'), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'scale-callback-auth': 'forged' },
			body: JSON.stringify({ task, task_id: task.task_id, response: task.response }),
		});

		expect(response.status).toBe(401);
		expect(await response.text()).not.toContain(CALLBACK_AUTH_KEY);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(await executions()).toHaveLength(before);
	}, 60_000);
});
