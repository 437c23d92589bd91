import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Sandbox } from '../sandbox/server';
import { startSandbox } from '../sandbox/server';
import { DEMO_SCHEMA_ID } from '../sandbox/v2';
import { loadExample, sandboxCredential } from './demo';
import { N8nInstance } from './n8n';
import { ensureN8nRuntime } from './runtime';

const API_KEY = 'test_genai_e2e_key';
const CALLBACK_AUTH_KEY = 'genai_e2e_callback_auth_key';

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

let sandbox: Sandbox;
let n8n: N8nInstance;
let userFolder: string;

beforeAll(async () => {
	const runtime = ensureN8nRuntime();
	sandbox = await startSandbox({ apiKeys: [API_KEY], callbackAuthKey: CALLBACK_AUTH_KEY, completionDelayMs: null });
	userFolder = mkdtempSync(join(tmpdir(), 'scaleapi-genai-e2e-'));
	n8n = new N8nInstance({
		runtime,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
		encryptionKey: 'scaleapi-genai-e2e-encryption-key',
		owner: { email: 'genai-e2e@example.com', password: 'E2e-password-1', firstName: 'E2E', lastName: 'GenAI' },
		logFile: join(userFolder, 'n8n.log'),
	});
	n8n.installPackage();
	await n8n.importCredentials([sandboxCredential(sandbox.url, API_KEY, CALLBACK_AUTH_KEY)]);
	// The example as shipped: its Google Sheets node is disabled, the rest runs for real.
	await n8n.importWorkflow(loadExample('genAiExport'));
}, 30 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

/** What Simplify must make of a delivered task, computed here from the sandbox's own threads. */
function expectedRow(task: Loose): Loose {
	const text = (message: Loose) => message.content.text;
	const keyed = (annotations: Loose[]) => Object.fromEntries(annotations.map((annotation) => [annotation.key, annotation.value]));
	const [thread] = task.threads;
	return {
		task_id: task.task_id,
		created_at: task.created_at,
		delivery_id: task.delivery_id,
		delivered_at: task.delivered_at,
		response_schema_id: DEMO_SCHEMA_ID,
		turns: thread.turns.map((turn: Loose, index: number) => ({
			turn: index + 1,
			prompt: turn.messages.filter((message: Loose) => message.role === 'user').map(text).join('\n\n'),
			response: text(turn.messages.filter((message: Loose) => message.role === 'assistant').at(-1)),
			annotations: keyed(turn.annotations),
			messages: turn.messages.map((message: Loose) => ({ role: message.role, text: text(message) })),
		})),
		annotations: keyed(thread.annotations),
	};
}

test("the GenAI export example runs headless: the day's deliveries, their tasks simplified, one CSV", async () => {
	const run = await n8n.execute('scaleExampleGenAiExport');

	expect(run.data.resultData.error).toBeUndefined();
	const output = (node: string) => run.data.resultData.runData[node][0].data?.main[0].map((item) => item.json) ?? [];
	const state = (await (await fetch(`${sandbox.origin}/_sandbox/v2/state`)).json()) as Loose;

	expect(output('Get New Deliveries')).toEqual(state.deliveries);
	const delivered = state.tasks.filter((task: Loose) => task.delivery_id);
	expect(delivered).toHaveLength(6);
	expect(output('Get Delivered Tasks')).toEqual(delivered.map(expectedRow));
	expect(output('One Row per Task').map((row) => [row.task_id, row.final_response])).toEqual(
		delivered.map((task: Loose) => [task.task_id, task.threads[0].turns.at(-1).messages.at(-1).content.text]),
	);
	const files = run.data.resultData.runData['Convert to CSV'][0].data?.main[0] as Loose[];
	expect(files).toHaveLength(1);
	expect(files[0].binary.data.fileName).toMatch(/^scale-genai-deliveries-\d{4}-\d{2}-\d{2}\.csv$/);
	// The Google Sheets node is disabled: n8n passes its input through without calling Google.
	expect(output('Append to Google Sheet')).toEqual(output('One Row per Task'));
	// Two deliveries → one delivered-tasks request each, with the project on every one.
	const taskRequests = sandbox.requests.filter((request) => request.path === '/v2/delivery/tasks');
	expect(taskRequests.map((request) => request.query.delivery_id).sort()).toEqual(state.deliveries.map((d: Loose) => d.id).sort());
	expect(taskRequests.every((request) => request.query.project_name === 'GenAI demo project' && request.status === 200)).toBe(true);
}, 180_000);
