import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { RequestLogEntry, SandboxOptions, TaskJson } from '../sandbox/server';
import { spawnSandbox } from '../sandbox/spawn';

/**
 * The sandbox in its own process, so that the benchmark's CPU time and RSS are the node's alone and the
 * sandbox's JSON work does not compete with it on the event loop.
 */
export class SandboxProcess {
	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
		readonly origin: string,
	) {}

	static async start(): Promise<SandboxProcess> {
		const { child, url } = await spawnSandbox(join(__dirname, '../sandbox/cli.js'), ['--port', '0']);
		return new SandboxProcess(child, url, url.replace(/\/v1$/, ''));
	}

	private async control<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.origin}/_sandbox${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!response.ok) throw new Error(`sandbox control ${method} ${path}: ${response.status} ${await response.text()}`);
		return (await response.json()) as T;
	}

	/** Fresh state with these options (everything not given back to its default). */
	async configure(options: SandboxOptions): Promise<void> {
		await this.control('POST', '/options', {
			latencyMs: 0,
			rateLimit: null,
			seedTasks: null,
			faults: { errorRate: 0, falseCreateRate: 0, dropConnectionRate: 0, nonJsonRate: 0 },
			maxLoggedRequests: 50_000,
			...options,
		});
		await this.control('POST', '/reset');
	}

	async clearRequests(): Promise<void> {
		await this.control('DELETE', '/requests');
	}

	/** The whole request log, read page by page. */
	async requests(): Promise<RequestLogEntry[]> {
		const entries: RequestLogEntry[] = [];
		for (let since = 0; ; ) {
			const page = await this.control<{ requests: RequestLogEntry[]; next_since: number; has_more: boolean }>('GET', `/requests?since=${since}&limit=1000`);
			entries.push(...page.requests);
			if (!page.has_more) return entries;
			since = page.next_since;
		}
	}

	async tasks(): Promise<TaskJson[]> {
		const tasks = await this.control<TaskJson[] | { tasks: TaskJson[] }>('GET', '/tasks');
		return Array.isArray(tasks) ? tasks : tasks.tasks;
	}

	async close(): Promise<void> {
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.kill('SIGTERM');
		await exited;
	}
}
