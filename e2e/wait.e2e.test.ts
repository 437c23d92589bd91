import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import type { WorkflowJson } from './demo';
import { loadExample, sandboxCredential } from './demo';
import { N8nInstance, PACKAGE_ROOT } from './n8n';
import type { N8nRuntime } from './runtime';
import { ensureN8nRuntime } from './runtime';

const API_KEY = 'test_e2e_wait_key';
const CALLBACK_AUTH_KEY = 'e2e_wait_callback_auth_key';
const WORKFLOW_ID = 'scaleExampleReview';
const REVIEW_NODE = 'Review by Scale';
const TIMEOUT_WORKFLOW_ID = 'scaleExampleReviewLimit';
const GENAI_REVIEW_NODE = 'Review by Scale GenAI';
const genAiExample = loadExample('reviewLlmOutputGenAi');

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

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let value: T | undefined;
		let failure = '';
		try {
			value = await probe();
		} catch (error) {
			// Right after a (re)start n8n's public API may answer before it is fully up.
			failure = `: ${(error as Error).message}`;
		}
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${failure}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

type Item = { json: Record<string, unknown>; pairedItem?: unknown };
interface Execution {
	id: string;
	status: string;
	finished: boolean;
	data?: {
		resultData: {
			runData: Record<string, Array<{ data?: { main: Array<Array<Item> | null> } }>>;
			error?: { message: string };
		};
	};
}

let runtime: N8nRuntime;
let sandbox: Sandbox;
let n8n: N8nInstance;
let userFolder: string;
let apiKey: string;
let executionId: string;

const example = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'examples', 'review-llm-output.json'), 'utf8')) as WorkflowJson;
const reviewNodeId = (example.nodes.find((node) => node.name === REVIEW_NODE) as unknown as { id: string }).id;

async function execution(id: string): Promise<Execution> {
	const response = await fetch(`${n8n.url}/api/v1/executions/${id}?includeData=true`, {
		headers: { 'X-N8N-API-KEY': apiKey },
	});
	const text = await response.text();
	if (response.status !== 200) throw new Error(`GET execution ${id}: ${response.status} ${text.slice(0, 300)}`);
	return JSON.parse(text) as Execution;
}

interface Page {
	goto(url: string): Promise<unknown>;
	getByLabel(label: string): { fill(value: string): Promise<void> };
	getByRole(role: string, options: { name: string }): { click(): Promise<void> };
	waitForURL(predicate: (url: URL) => boolean): Promise<void>;
	waitForTimeout(ms: number): Promise<void>;
	screenshot(options: { path: string }): Promise<unknown>;
}

/**
 * With SCALEAPI_SCREENSHOTS=1, saves the execution as n8n's editor shows it to docs/screenshots/<file>
 * (Debian's chromium driven by the playwright-core that ships with n8n).
 */
async function screenshotExecution(file: string): Promise<void> {
	if (!process.env.SCALEAPI_SCREENSHOTS) return;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { chromium } = require(join(runtime.n8nDir, 'node_modules', 'playwright-core')) as {
		chromium: { launch(options: object): Promise<{ newPage(options: object): Promise<Page>; close(): Promise<void> }> };
	};
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1600, height: 800 } });
		await page.goto(`${n8n.url}/signin`);
		await page.getByLabel('Email').fill('e2e@example.com');
		await page.getByLabel('Password').fill('E2e-password-1');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		await page.goto(`${n8n.url}/workflow/${WORKFLOW_ID}/executions/${executionId}`);
		await page.waitForTimeout(6000);
		await page.screenshot({ path: join(PACKAGE_ROOT, 'docs', 'screenshots', file) });
	} finally {
		await browser.close();
	}
}

const reviewTasks = (id = executionId) =>
	sandbox.tasks().filter((task) => String(task.callback_url).includes(`/webhook-waiting/${id}/`));

beforeAll(async () => {
	runtime = ensureN8nRuntime();
	sandbox = await startSandbox({
		apiKeys: [API_KEY],
		callbackAuthKey: CALLBACK_AUTH_KEY,
		completionDelayMs: null,
		// The example's project ('Demo project', as in `npm start`).
		seedTasks: { count: 1, project: 'Demo project' },
	});
	userFolder = mkdtempSync(join(tmpdir(), 'scaleapi-e2e-wait-'));
	n8n = new N8nInstance({
		runtime,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		encryptionKey: 'scaleapi-e2e-wait-encryption-key',
		owner: { email: 'e2e@example.com', password: 'E2e-password-1', firstName: 'E2E', lastName: 'Test' },
		logFile: join(userFolder, 'n8n.log'),
	});
	n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox.url, API_KEY, CALLBACK_AUTH_KEY)]);
	// The example exactly as shipped: the resume URL comes from n8n's WEBHOOK_URL, nothing to point anywhere.
	await n8n.importWorkflow(example);
	// The same workflow with a one-minute limit, to see the deadline in a running n8n.
	await n8n.importWorkflow({
		...example,
		id: TIMEOUT_WORKFLOW_ID,
		name: `${example.name} (1 min limit)`,
		nodes: example.nodes.map((node) =>
			node.name === REVIEW_NODE ? { ...node, parameters: { ...node.parameters, resumeAmount: 1, resumeUnit: 'minutes' } } : node,
		),
	});
	// Its GenAI twin: Scale GenAI Task and Wait on the sandbox's GenAI demo project.
	await n8n.importWorkflow(genAiExample);
	await n8n.start();
	apiKey = await n8n.createApiKey(await n8n.login());
}, 30 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

/** What clicking "Execute workflow" in the editor does; returns the execution ID. */
async function runManually(workflowId: string): Promise<string> {
	const cookie = await n8n.login();
	// n8n 1.x runs the workflow the editor sends (workflowData, 500 without it); 2.x loads it itself.
	const workflowData =
		runtime.line === 1
			? ((await (await fetch(`${n8n.url}/rest/workflows/${workflowId}`, { headers: { Cookie: cookie } })).json()) as { data: object }).data
			: undefined;
	const response = await fetch(`${n8n.url}/rest/workflows/${workflowId}/run`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Cookie: cookie },
		body: JSON.stringify({ workflowData, triggerToStartFrom: { name: example.nodes[0].name } }),
	});
	expect(response.status).toBe(200);
	return String(((await response.json()) as { data: { executionId: string } }).data.executionId);
}

test('the example starts, creates one review task per answer with its resume URL, and shows as waiting', async () => {
	executionId = await runManually(WORKFLOW_ID);

	let last: Execution | undefined;
	const waiting = await waitFor('the execution to wait', async () => {
		last = await execution(executionId);
		return last.status === 'waiting' ? last : undefined;
	}).catch((error: Error) => {
		throw new Error(`${error.message}; last seen: ${JSON.stringify(last).slice(0, 3000)}`);
	});
	expect(waiting.finished).toBe(false);
	const tasks = reviewTasks();
	expect(tasks).toHaveLength(2);
	for (const task of tasks) {
		const url = new URL(String(task.callback_url));
		expect(`${url.origin}${url.pathname}`).toBe(`${n8n.url}/webhook-waiting/${executionId}/${reviewNodeId}`);
		// n8n 2.x puts the execution's resume token in $execution.resumeUrl; 1.x has none (n8n-core get-additional-keys).
		if (runtime.line === 2) expect(url.searchParams.get('signature')).toMatch(/\w{16,}/);
		else expect(url.search).toBe('');
		expect(task.status).toBe('pending');
	}
	await screenshotExecution('create-and-wait-waiting.png');
	expect(tasks.map((task) => task.params && (task.params as Record<string, unknown>).attachment).sort()).toEqual([
		expect.stringContaining('Canberra'),
		expect.stringContaining('Charlotte Brontë'),
	]);
}, 180_000);

test('a forged callback gets 401 and a callback without the resume token 401 from n8n; the execution keeps waiting', async () => {
	const [task] = reviewTasks();
	const url = String(task.callback_url);
	const body = JSON.stringify({ task, task_id: task.task_id, response: { category: 'accepted' }, status: 'completed' });
	const forged = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'scale-callback-auth': 'forged' },
		body,
	});
	expect(forged.status).toBe(401);
	expect(await forged.text()).not.toContain(CALLBACK_AUTH_KEY);
	const withoutToken = new URL(url);
	withoutToken.search = '';
	const untokened = await fetch(withoutToken, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'scale-callback-auth': CALLBACK_AUTH_KEY },
		body,
	});
	// Only n8n 2.x checks a resume token (there is none on 1.x, where the callback auth key alone guards the URL).
	if (runtime.line === 2) expect(untokened.status).toBe(401);
	expect((await execution(executionId)).status).toBe('waiting');
}, 60_000);

test('the first callback is acknowledged and the execution keeps waiting; it survives an n8n restart', async () => {
	const [first] = reviewTasks();
	sandbox.completeTask(String(first.task_id), { category: 'accepted' });
	await waitFor('the first callback to be delivered', async () =>
		sandbox.tasks().find((task) => task.task_id === first.task_id)?.callback_succeeded === true ? true : undefined,
	);
	expect((await execution(executionId)).status).toBe('waiting');

	await n8n.stop();
	await n8n.start();
	// n8n's startup recovery briefly marks a waiting execution "crashed" (its event log shows a started,
	// unfinished workflow) and puts it back to "waiting" a moment later: wait until that has settled.
	let waitingInARow = 0;
	await waitFor('the execution to be waiting again after the restart', async () => {
		waitingInARow = (await execution(executionId)).status === 'waiting' ? waitingInARow + 1 : 0;
		return waitingInARow >= 6 ? true : undefined;
	});
}, 240_000);

test('the last callback resumes it: success, the completed tasks as output, IF routes by the human answer', async () => {
	const [, second] = reviewTasks();
	sandbox.completeTask(String(second.task_id), { category: 'rejected' });

	const done = await waitFor('the execution to finish', async () => {
		const current = await execution(executionId);
		return ['success', 'error', 'canceled'].includes(current.status) ? current : undefined;
	});
	expect(done.data?.resultData.error).toBeUndefined();
	expect(done.status).toBe('success');
	const runData = done.data?.resultData.runData ?? {};
	const reviewed = runData[REVIEW_NODE].at(-1)?.data?.main[0] ?? [];
	expect(reviewed.map((item) => [item.json.status, item.json.response])).toEqual([
		['completed', { category: reviewTasks()[0].task_id === reviewed[0].json.task_id ? 'accepted' : 'rejected' }],
		['completed', { category: reviewTasks()[0].task_id === reviewed[0].json.task_id ? 'rejected' : 'accepted' }],
	]);
	expect(reviewed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(runData['Publish Answer'][0].data?.main[0]?.map((item) => item.json.response)).toEqual([{ category: 'accepted' }]);
	expect(runData['Send Back for Rework'][0].data?.main[0]?.map((item) => item.json.response)).toEqual([
		{ category: 'rejected' },
	]);
	const undelivered = reviewTasks().filter((task) => task.callback_succeeded !== true);
	expect(undelivered).toEqual([]);
	await screenshotExecution('create-and-wait-finished.png');

	// A callback after the execution finished (an audit, a recall) is refused by n8n itself, before the node.
	const [task] = reviewTasks();
	const late = await fetch(String(task.callback_url), {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'scale-callback-auth': CALLBACK_AUTH_KEY },
		body: JSON.stringify({ task, task_id: task.task_id, response: task.response, status: 'completed' }),
	});
	expect(late.status).toBe(409);
}, 180_000);

test('with a one-minute limit and no answer, n8n resumes it at the deadline: each task with timedOut, IF false', async () => {
	const id = await runManually(TIMEOUT_WORKFLOW_ID);
	await waitFor('the execution to wait', async () => ((await execution(id)).status === 'waiting' ? true : undefined));
	expect(reviewTasks(id)).toHaveLength(2);

	// n8n's wait tracker looks for due executions once a minute.
	const done = await waitFor(
		'the deadline',
		async () => {
			const current = await execution(id);
			return ['success', 'error', 'canceled'].includes(current.status) ? current : undefined;
		},
		200_000,
	);
	expect(done.status).toBe('success');
	const runData = done.data?.resultData.runData ?? {};
	const output = runData[REVIEW_NODE].at(-1)?.data?.main[0] ?? [];
	expect(output.map((item) => [item.json.status, item.json.timedOut, item.pairedItem])).toEqual([
		['pending', true, { item: 0 }],
		['pending', true, { item: 1 }],
	]);
	expect(output.map((item) => item.json.task_id).sort()).toEqual(reviewTasks(id).map((task) => task.task_id).sort());
	expect(runData['Send Back for Rework'][0].data?.main[0]).toHaveLength(2);
}, 300_000);

test('GenAI: the example waits for one chat task per answer and resumes when the reviewers finished both', async () => {
	const id = await runManually(genAiExample.id);
	await waitFor('the execution to wait', async () => ((await execution(id)).status === 'waiting' ? true : undefined));

	type V2Task = { task_id: string; status: string; metadata?: { question?: string }; threads?: unknown[] };
	const v2Tasks = async () =>
		((await (await fetch(`${sandbox.origin}/_sandbox/v2/state`)).json()) as { tasks: V2Task[] }).tasks.filter(
			(task) => task.metadata?.question !== undefined,
		);
	const created = await v2Tasks();
	expect(created.map((task) => [task.metadata?.question, task.status]).sort()).toEqual([
		['What is the capital of Australia?', 'pending'],
		['Who wrote Pride and Prejudice?', 'pending'],
	]);

	const complete = async (taskId: string) =>
		expect((await fetch(`${sandbox.origin}/_sandbox/v2/tasks/${taskId}/complete`, { method: 'POST' })).status).toBe(200);
	await complete(created[0].task_id);
	// The sandbox calls back at once; n8n keeps waiting for the other task.
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect((await execution(id)).status).toBe('waiting');
	await complete(created[1].task_id);

	const done = await waitFor('the execution to finish', async () => {
		const current = await execution(id);
		return ['success', 'error', 'canceled'].includes(current.status) ? current : undefined;
	});
	expect(done.data?.resultData.error).toBeUndefined();
	expect(done.status).toBe('success');
	const runData = done.data?.resultData.runData ?? {};
	const reviewed = runData[GENAI_REVIEW_NODE].at(-1)?.data?.main[0] ?? [];
	expect(reviewed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	const completed = await v2Tasks();
	expect(reviewed.map((item) => [item.json.task_id, item.json.status])).toEqual(
		completed
			.sort((a, b) => (a.metadata?.question === 'What is the capital of Australia?' ? -1 : b.metadata?.question === 'What is the capital of Australia?' ? 1 : 0))
			.map((task) => [task.task_id, 'completed']),
	);
	// Simplify: each turn with its prompt, final response and the reviewers' annotations.
	const turns = reviewed.map((item) => item.json.turns as Array<{ prompt: string; annotations: { correct: boolean } }>);
	expect(turns.map((turn) => turn[0].prompt)).toEqual(['What is the capital of Australia?', 'Who wrote Pride and Prejudice?']);
	const correct = reviewed.filter((_, index) => turns[index][0].annotations.correct === true).map((item) => item.json.task_id);
	const rework = reviewed.filter((_, index) => turns[index][0].annotations.correct === false).map((item) => item.json.task_id);
	expect(correct.length + rework.length).toBe(2);
	expect(runData['Publish Answer']?.[0]?.data?.main[0]?.map((item) => item.json.task_id) ?? []).toEqual(correct);
	expect(runData['Send Back for Rework']?.[0]?.data?.main[0]?.map((item) => item.json.task_id) ?? []).toEqual(rework);
}, 180_000);
