// `npm start` as a new user runs it: the first lines, the ready message, a second `npm start` while the first
// runs, and a restart that keeps the user's edit of an example. Runs the compiled start script (as `npm start`
// does) against the cached n8n, with its own ports and demo folder.
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EXAMPLE_FILES, loadExample } from './demo';
import { freePort } from './ports';
import { PACKAGE_ROOT } from './n8n';
import { ensureN8nRuntime } from './runtime';

interface StartRun {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}

let demoDir: string;
let env: NodeJS.ProcessEnv;
let n8nUrl: string;

function runStart(): StartRun {
	const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'build', 'e2e', 'start.js')], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { child, output: () => output, exited };
}

async function untilReady(run: StartRun, timeoutMs = 8 * 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exitCode: number | null | undefined;
	void run.exited.then((code) => (exitCode = code));
	while (!run.output().includes('log in:')) {
		if (exitCode !== undefined) throw new Error(`npm start exited with ${exitCode}:\n${run.output()}`);
		if (Date.now() > deadline) throw new Error(`npm start was not ready in time:\n${run.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function stop(run: StartRun): Promise<void> {
	if (run.child.exitCode !== null) return;
	run.child.kill('SIGTERM');
	await run.exited;
}

async function login(): Promise<string> {
	const response = await fetch(`${n8nUrl}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: 'demo@example.com', password: 'Demo-pass-1' }),
	});
	expect(response.status).toBe(200);
	return `n8n-auth=${/n8n-auth=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1]}`;
}

async function rest<T>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(`${n8nUrl}/rest${path}`, {
		method,
		headers: { 'Content-Type': 'application/json', Cookie: cookie },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { data: T }).data;
}

beforeAll(async () => {
	ensureN8nRuntime();
	execFileSync('npx', ['tsc', '-p', 'tsconfig.e2e.json'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
	demoDir = mkdtempSync(join(tmpdir(), 'scaleapi-start-'));
	const n8nPort = await freePort();
	n8nUrl = `http://127.0.0.1:${n8nPort}`;
	env = {
		...process.env,
		N8N_PORT: String(n8nPort),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		SCALE_SANDBOX_PORT: String(await freePort()),
		SCALEAPI_DEMO_DIR: demoDir,
	};
}, 30 * 60_000);

afterAll(() => {
	if (demoDir) rmSync(demoDir, { recursive: true, force: true });
});

describe('npm start', () => {
	let first: StartRun;

	afterAll(async () => {
		if (first) await stop(first);
	});

	test('says up front which example nodes need your own credentials, is quiet, and is ready only when login works', async () => {
		first = runStart();
		await untilReady(first);

		// Login works at the moment the ready message appears.
		await login();
		const lines = first.output().split('\n');
		expect(lines.slice(0, 4).join('\n')).toMatch(/"Post to Slack" \(Slack\)/);
		expect(lines.slice(0, 5).join('\n')).toMatch(/"Upload to S3" \(AWS S3\)/);
		expect(lines[0]).toContain(`port ${env.N8N_PORT} (N8N_PORT)`);
		expect(first.output()).not.toMatch(/npm warn|ERESOLVE|\n\s+at /);
		// The examples' callback URL follows N8N_PORT (an expression, no hard-coded 5678).
		expect(JSON.stringify(loadExample('createBatchAndTasks'))).not.toContain('5678');
	}, 10 * 60_000);

	test('a second npm start while the first runs says the port is taken, in one line, without a stack trace', async () => {
		const second = runStart();
		const code = await Promise.race([
			second.exited,
			new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000)),
		]);
		if (code === 'timeout') await stop(second);

		expect(code).toBe(1);
		const errorLines = second.output().split('\n').filter((line) => line.includes('already in use'));
		expect(errorLines).toEqual([
			`Port ${env.N8N_PORT} (n8n) is already in use — is npm start already running? Stop it, or choose another port: N8N_PORT=${Number(env.N8N_PORT) + 10} npm start`,
		]);
		expect(second.output()).not.toMatch(/\n\s+at |EADDRINUSE/);
	}, 120_000);

	test("a restart keeps the user's edit of an example and imports nothing twice", async () => {
		const cookie = await login();
		const example = loadExample('createBatchAndTasks');
		const stored = await rest<{ versionId: string }>(cookie, 'GET', `/workflows/${example.id}`);
		await rest(cookie, 'PATCH', `/workflows/${example.id}`, { name: 'My own version', versionId: stored.versionId });
		await stop(first);

		first = runStart();
		await untilReady(first);

		const again = await login();
		expect((await rest<{ name: string }>(again, 'GET', `/workflows/${example.id}`)).name).toBe('My own version');
		const workflows = await rest<Array<{ id: string }>>(again, 'GET', '/workflows');
		const exampleIds = Object.keys(EXAMPLE_FILES).map((name) => loadExample(name as keyof typeof EXAMPLE_FILES).id);
		expect(workflows.map((workflow) => workflow.id).sort()).toEqual([...exampleIds].sort());
		expect(first.output()).toContain('Examples already in n8n are kept as you left them.');
	}, 10 * 60_000);
});
