import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { packageRoot } from './paths';
import { freePort } from './ports';
import type { N8nRuntime } from './runtime';

const execFileAsync = promisify(execFile);

export const PACKAGE_ROOT = packageRoot();
export const PACKAGE_NAME = 'n8n-nodes-scaleapi';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export interface N8nOptions {
	runtime: N8nRuntime;
	/** N8N_USER_FOLDER: n8n keeps its config, database and community nodes below `<folder>/.n8n`. */
	userFolder: string;
	port: number;
	/** n8n's task broker port; a CLI command next to a running server needs its own. */
	brokerPort?: number;
	encryptionKey: string;
	owner: Owner;
	/** Where n8n's log goes (default: inherited stderr). */
	logFile?: string;
	/** More environment, applied last (queue mode: EXECUTIONS_MODE, DB_*, QUEUE_BULL_*). */
	extraEnv?: NodeJS.ProcessEnv;
}

/** One n8n installation (its user folder) with this package installed as a community package. */
export class N8nInstance {
	private server?: ChildProcess;

	constructor(private readonly options: N8nOptions) {}

	get url(): string {
		return `http://127.0.0.1:${this.options.port}`;
	}

	/** The production URL of a webhook node with a fixed webhookId. */
	webhookUrl(webhookId: string, path: string): string {
		return `${this.url}/webhook/${webhookId}/${path}`;
	}

	env(brokerPort = this.options.brokerPort ?? 5679): NodeJS.ProcessEnv {
		const { runtime, userFolder, port, encryptionKey, owner } = this.options;
		// bcryptjs ships with n8n; the owner is provisioned from the environment, so no setup screen.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const bcrypt = require(join(runtime.n8nDir, 'node_modules', 'bcryptjs')) as {
			hashSync(text: string, rounds: number): string;
		};
		return {
			...process.env,
			// Under Jest NODE_ENV is "test", which makes n8n's CLI print nothing and `n8n start` exit.
			NODE_ENV: 'production',
			PATH: `${join(runtime.node, '..')}:${process.env.PATH}`,
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: encryptionKey,
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(port),
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			WEBHOOK_URL: `${this.url}/`,
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: owner.email,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
			N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
			TMPDIR: join(userFolder, 'tmp'),
			// n8n 1.x's default expression engine needs isolated-vm, which needs Node.js 22 or newer.
			...(runtime.line === 1 && Number(process.versions.node.split('.')[0]) < 22 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
			...this.options.extraEnv,
		};
	}

	/** Installs the built package (package.json + dist/) the way the Community Nodes panel would. */
	installPackage(): void {
		const target = join(this.options.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		mkdirSync(join(this.options.userFolder, 'tmp'), { recursive: true });
		cpSync(join(PACKAGE_ROOT, 'package.json'), join(target, 'package.json'));
		cpSync(join(PACKAGE_ROOT, 'dist'), join(target, 'dist'), { recursive: true });
	}

	/** Runs an n8n CLI command to completion (each boots n8n and runs migrations: seconds, not ms). */
	async cli(args: string[], brokerPort?: number): Promise<string> {
		const { stdout } = await execFileAsync(this.options.runtime.node, [this.options.runtime.n8nBin, ...args], {
			env: this.env(brokerPort),
			maxBuffer: 64 * 1024 * 1024,
		});
		return stdout;
	}

	private async importJson(kind: 'credentials' | 'workflow', data: unknown): Promise<void> {
		const file = join(this.options.userFolder, 'tmp', `import-${kind}-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(data));
		await this.cli([`import:${kind}`, `--input=${file}`]);
		rmSync(file, { force: true });
	}

	importCredentials(credentials: object[]) {
		return this.importJson('credentials', credentials);
	}

	importWorkflow(workflow: object) {
		return this.importJson('workflow', workflow);
	}

	/** Activates a workflow; it takes effect when the server starts. */
	async publish(workflowId: string): Promise<void> {
		// n8n 1.x has no publish:workflow; there a workflow is activated with update:workflow.
		await this.cli(
			this.options.runtime.line === 1
				? ['update:workflow', `--id=${workflowId}`, '--active=true']
				: ['publish:workflow', `--id=${workflowId}`],
		);
	}

	/** Runs a workflow headless with `n8n execute` and returns n8n's raw run JSON. */
	async execute(workflowId: string): Promise<{ status?: string; data: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>; error?: { message: string } } } }> {
		let stdout: string;
		try {
			// Its own task-runner broker port: the server's may be taken, and a fixed offset may collide.
			stdout = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], await freePort());
		} catch (error) {
			const failed = error as Error & { stdout?: string; stderr?: string };
			stdout = failed.stdout ?? '';
			if (!stdout.includes('\n{') && !stdout.startsWith('{')) {
				throw new Error(
					`${failed.message.split('\n')[0]}\nstdout (end): ${stdout.slice(-3000)}\nstderr (end): ${(failed.stderr ?? '').slice(-3000)}`,
				);
			}
		}
		return parseRunJson(stdout);
	}

	/** Starts `n8n start` and resolves once the REST API answers. */
	async start(): Promise<void> {
		await this.spawnUntil(['start'], () => this.waitUntilReady());
		if (this.options.runtime.line === 1) await this.setUpOwner();
	}

	/** Starts `n8n worker` (queue mode) and resolves once it says it is ready; it needs a logFile. */
	async startWorker(concurrency: number): Promise<void> {
		const { logFile } = this.options;
		if (!logFile) throw new Error('startWorker needs a logFile to see when the worker is ready');
		const { readFileSync } = await import('node:fs');
		await this.spawnUntil(['worker', `--concurrency=${concurrency}`], async () => {
			const deadline = Date.now() + 120_000;
			for (;;) {
				let log = '';
				try {
					log = readFileSync(logFile, 'utf8');
				} catch {
					// not written yet
				}
				if (log.includes('n8n worker is now ready')) return;
				if (Date.now() > deadline) throw new Error('n8n worker did not become ready within 120 s');
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		});
	}

	/** The server or worker process id (undefined before start). */
	get pid(): number | undefined {
		return this.server?.pid;
	}

	private async spawnUntil(args: string[], ready: () => Promise<void>): Promise<void> {
		const { runtime, logFile } = this.options;
		const output = logFile ? 'pipe' : 'inherit';
		this.server = spawn(runtime.node, [runtime.n8nBin, ...args], {
			env: this.env(),
			stdio: ['ignore', output, output],
		});
		if (logFile) {
			const { createWriteStream } = await import('node:fs');
			const stream = createWriteStream(logFile, { flags: 'a' });
			this.server.stdout?.pipe(stream);
			this.server.stderr?.pipe(stream);
		}
		const exited = new Promise<never>((_, reject) =>
			this.server?.once('exit', (code) => reject(new Error(`n8n ${args[0]} exited with code ${code} before it was ready`))),
		);
		await Promise.race([ready(), exited]);
	}

	/**
	 * n8n 1.x cannot provision the owner from the environment: set it up once through REST (400 if it exists).
	 * Its controllers are routed a few seconds after /rest/settings answers, so a 404 is retried.
	 */
	private async setUpOwner(timeoutMs = 60_000): Promise<void> {
		const { email, password, firstName, lastName } = this.options.owner;
		for (const deadline = Date.now() + timeoutMs; ; ) {
			const response = await fetch(`${this.url}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ email, password, firstName, lastName }),
			});
			if (response.ok || response.status === 400) return;
			if (response.status !== 404 || Date.now() > deadline)
				throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	private async waitUntilReady(timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			try {
				// /healthz/readiness answers before /rest and /webhook are routed: wait for the REST settings.
				const response = await fetch(`${this.url}/rest/settings`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s`);
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null || server.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
		server.kill('SIGTERM');
		const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
	}

	/**
	 * Logs in as the owner and returns the session cookie for /rest calls. n8n answers /rest/settings a moment
	 * before login works (2.x sets the env-managed owner up after routing; a login in between can answer without
	 * a session cookie), so it retries for up to a minute.
	 */
	async login(timeoutMs = 60_000): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			let failure: string;
			try {
				const response = await fetch(`${this.url}/rest/login`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ emailOrLdapLoginId: this.options.owner.email, password: this.options.owner.password }),
				});
				const cookie = response.headers.get('set-cookie') ?? '';
				const token = /n8n-auth=([^;]+)/.exec(cookie)?.[1];
				if (response.ok && token) return `n8n-auth=${token}`;
				failure = response.ok ? 'login returned no n8n-auth cookie' : `login failed: ${response.status} ${await response.text()}`;
			} catch (error) {
				failure = `login failed: ${(error as Error).message}`;
			}
			if (Date.now() > deadline) throw new Error(failure);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	/** The IDs of the workflows in n8n's database (`n8n list:workflow`; works while the server is stopped). */
	async workflowIds(): Promise<string[]> {
		const stdout = await this.cli(['list:workflow', '--onlyId']);
		// n8n may print log lines first; IDs are single alphanumeric words.
		return stdout
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => /^[A-Za-z0-9_-]+$/.test(line));
	}

	/** One call to n8n's internal REST API (what the editor uses) with a session cookie from login(). */
	async rest<T = unknown>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', Cookie: cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${path}: ${response.status} ${text}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	/** Creates a public-API key (for reading executions as JSON). */
	async createApiKey(cookie: string): Promise<string> {
		const response = await fetch(`${this.url}/rest/api-keys`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Cookie: cookie },
			body: JSON.stringify({
				label: `e2e-${Date.now()}`,
				expiresAt: null,
				scopes: ['execution:read', 'execution:list', 'workflow:read', 'workflow:list'],
			}),
		});
		if (!response.ok) throw new Error(`api key creation failed: ${response.status} ${await response.text()}`);
		const body = (await response.json()) as { data: { rawApiKey: string } };
		return body.data.rawApiKey;
	}
}

/**
 * The run JSON in what `n8n execute --rawOutput` printed. n8n prints log lines before it and, under load,
 * sometimes after it, so the object is cut out by matching its braces (outside strings) rather than parsed to
 * the end of the output.
 */
export function parseRunJson<T>(stdout: string): T {
	const start = stdout.startsWith('{') ? 0 : stdout.indexOf('\n{') + 1;
	if (start === 0 && !stdout.startsWith('{')) throw new Error(`n8n execute printed no JSON:\n${stdout.slice(0, 2000)}`);
	let depth = 0;
	let inString = false;
	for (let index = start; index < stdout.length; index++) {
		const char = stdout[index];
		if (inString) {
			if (char === '\\') index++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '{' || char === '[') depth++;
		else if ((char === '}' || char === ']') && --depth === 0) return JSON.parse(stdout.slice(start, index + 1)) as T;
	}
	throw new Error(`n8n execute printed unfinished JSON:\n${stdout.slice(start, start + 2000)}`);
}
