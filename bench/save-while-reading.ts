import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { spawnSandbox } from '../sandbox/spawn';

const AUTH = `Basic ${Buffer.from('test_sandbox_key:').toString('base64')}`;
const WRITE_EVERY_MS = 50;
const READ_EVERY_MS = 5;
const WARM_UP_MS = 1000;

export interface ReadLatency {
	reads: number;
	writes: number;
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], fraction: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/**
 * Latency of an unrelated read (GET /task/{id}) while a task is created every 50 ms, in a sandbox seeded with
 * `tasks` tasks, with (`persist`) or without saving the state to disk. The sandbox runs in its own process.
 */
export async function readsDuringWrites(cliPath: string, tasks: number, durationMs: number, persist: boolean): Promise<ReadLatency> {
	const directory = mkdtempSync(join(tmpdir(), 'scale-bench-save-'));
	const flags = ['--port', '0', '--seed-tasks', String(tasks), '--seed-project', 'bench', ...(persist ? ['--persist', join(directory, 'state.json')] : [])];
	const { child, url } = await spawnSandbox(cliPath, flags);
	try {
		const first = (await (await fetch(`${url}/tasks?limit=1`, { headers: { authorization: AUTH } })).json()) as { docs: { task_id: string }[] };
		const taskId = first.docs[0].task_id;
		const started = performance.now();
		const stopAt = started + WARM_UP_MS + durationMs;
		let writes = 0;
		const writer = (async () => {
			while (performance.now() < stopAt) {
				const response = await fetch(`${url}/task/imageannotation`, {
					method: 'POST',
					headers: { authorization: AUTH, 'content-type': 'application/json' },
					body: JSON.stringify({ attachment: `https://example.com/${writes}.jpg`, project: 'bench' }),
				});
				await response.arrayBuffer();
				writes++;
				await sleep(WRITE_EVERY_MS);
			}
		})();
		const latencies: number[] = [];
		while (performance.now() < stopAt) {
			const before = performance.now();
			const response = await fetch(`${url}/task/${taskId}`, { headers: { authorization: AUTH } });
			await response.arrayBuffer();
			if (before - started >= WARM_UP_MS) latencies.push(performance.now() - before);
			await sleep(READ_EVERY_MS);
		}
		await writer;
		latencies.sort((a, b) => a - b);
		const round = (ms: number) => Math.round(ms * 100) / 100;
		return { reads: latencies.length, writes, p50Ms: round(percentile(latencies, 0.5)), p95Ms: round(percentile(latencies, 0.95)), maxMs: round(latencies.at(-1) ?? 0) };
	} finally {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		await exited;
		rmSync(directory, { recursive: true, force: true });
	}
}

/** `node build/bench/save-while-reading.js [tasks] [seconds] [path/to/cli.js]`: one run with and one without saving. */
async function main(): Promise<void> {
	const [tasks = '20000', seconds = '5', cli = join(__dirname, '../sandbox/cli.js')] = process.argv.slice(2);
	for (const persist of [false, true]) {
		const result = await readsDuringWrites(cli, Number(tasks), Number(seconds) * 1000, persist);
		process.stdout.write(`${persist ? 'saving   ' : 'no saving'} ${tasks} tasks: ${JSON.stringify(result)}\n`);
	}
}

if (require.main === module) {
	main().catch((error: unknown) => {
		process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
		process.exitCode = 1;
	});
}
