import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { basicAuth, type Loose } from './helpers';
import { buildSandboxCli, startSandboxProcess, type SandboxChild } from './process';

const JSON_HEADERS = { authorization: basicAuth(), 'content-type': 'application/json' };

async function api(sandbox: SandboxChild, method: string, path: string, body?: string | Uint8Array<ArrayBuffer>): Promise<{ status: number; text: string }> {
	const response = await fetch(`${sandbox.url}/${path}`, { method, headers: JSON_HEADERS, body });
	return { status: response.status, text: await response.text() };
}

/** The sandbox in its own process (so RSS is its own), under load it used to keep forever. */
describe('sandbox process: soak and kill -9', () => {
	let directory: string;
	beforeAll(() => {
		buildSandboxCli();
		directory = mkdtempSync(join(tmpdir(), 'scale-sandbox-soak-'));
	});
	afterAll(() => rmSync(directory, { recursive: true, force: true }));

	it('keeps RSS bounded through thousands of requests with 2 MB bodies, valid and invalid; the log answers in pages', async () => {
		const sandbox = await startSandboxProcess(['--max-log-bytes', String(16 * 1024 * 1024)]);
		try {
			await api(sandbox, 'POST', 'projects', JSON.stringify({ name: 'soak', type: 'imageannotation' }));
			const validLarge = new TextEncoder().encode(JSON.stringify({ name: 'soak', type: 'imageannotation', padding: 'p'.repeat(2 * 1024 * 1024) }));
			const invalidLarge = new TextEncoder().encode(`{"broken": "${'b'.repeat(2 * 1024 * 1024)}`);
			const baseline = sandbox.rss();
			let peak = 0;
			// 80 × 2 MB = 160 MB of bodies (the old log kept every one), 1,200 small requests besides.
			for (let round = 0; round < 40; round++) {
				const answers = await Promise.all([
					api(sandbox, 'POST', 'projects', validLarge),
					api(sandbox, 'POST', 'task/imageannotation', invalidLarge),
					...Array.from({ length: 30 }, () => api(sandbox, 'GET', 'tasks?limit=1')),
				]);
				expect(answers.map((answer) => answer.status)).toEqual([409, 400, ...Array<number>(30).fill(200)]);
				if (round % 10 === 9) peak = Math.max(peak, sandbox.rss());
			}
			const page = await fetch(`${sandbox.origin}/_sandbox/requests?limit=1000`);
			const pageText = await page.text();
			const log = JSON.parse(pageText) as Loose;
			expect(log.has_more).toBe(true);
			expect(log.requests.length).toBeLessThanOrEqual(1000);
			expect(pageText.length).toBeLessThan(16 * 1024 * 1024);
			const usage = (await (await fetch(`${sandbox.origin}/_sandbox/requests/usage`)).json()) as { bytes: number };
			expect(usage.bytes).toBeLessThanOrEqual(16 * 1024 * 1024);
			const final = sandbox.rss();
			// Bounded: the log holds at most 16 MiB here; the bodies themselves are transient.
			const growth = { peakMb: Math.round((peak - baseline) / 2 ** 20), finalMb: Math.round((final - baseline) / 2 ** 20) };
			expect({ ...growth, bounded: growth.peakMb < 150 && growth.finalMb < 100 }).toEqual({ ...growth, bounded: true });
		} finally {
			await sandbox.stop();
		}
	}, 60_000);

	it('leaves a valid state file when killed with SIGKILL during writes, and a restart loads it', async () => {
		const file = join(directory, 'killed.json');
		let created = 0;
		for (let round = 0; round < 3; round++) {
			const sandbox = await startSandboxProcess(['--persist', file, ...(round === 0 ? ['--seed-tasks', '20000', '--seed-project', 'kill'] : [])]);
			const loaded = JSON.parse((await api(sandbox, 'GET', 'tasks?limit=1')).text) as Loose;
			expect(loaded.total).toBeGreaterThanOrEqual(20000);
			let writing = true;
			const writers = Array.from({ length: 4 }, async () => {
				while (writing) {
					const answer = await api(sandbox, 'POST', 'task/imageannotation', JSON.stringify({ attachment: 'https://example.com/a.jpg', project: 'kill' })).catch(() => undefined);
					if (answer?.status === 200) created++;
				}
			});
			await new Promise((resolve) => setTimeout(resolve, 300 + round * 250));
			await sandbox.stop('SIGKILL');
			writing = false;
			await Promise.all(writers);
			const saved = JSON.parse(readFileSync(file, 'utf8')) as Loose;
			expect(saved.tasks.length).toBeGreaterThanOrEqual(20000);
		}
		expect(created).toBeGreaterThan(0);
		const restarted = await startSandboxProcess(['--persist', file]);
		try {
			const listed = JSON.parse((await api(restarted, 'GET', 'tasks?project=kill&limit=5')).text) as Loose;
			expect(listed.docs).toHaveLength(5);
			expect(listed.total).toBeGreaterThanOrEqual(20000);
			// Temporary files of the killed processes are gone once a new process starts.
			expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
		} finally {
			await restarted.stop();
		}
	}, 90_000);
});
