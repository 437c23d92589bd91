import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import { call, createTask, waitFor, withSandbox, type Loose } from './helpers';

/** POSTs `size` bytes with node:http and answers the status and body, or the socket error (ECONNRESET before). */
function postLarge(sandbox: Sandbox, size: number): Promise<{ status?: number; body?: Loose; error?: string }> {
	return new Promise((resolve) => {
		const target = new URL(`${sandbox.url}/task/imageannotation`);
		const outgoing = request(target, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('test_sandbox_key:').toString('base64')}` } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode, body: JSON.parse(Buffer.concat(chunks).toString()) }));
		});
		outgoing.on('error', (error) => resolve({ error: error.message }));
		// Streamed in 64 KiB pieces without a Content-Length, as a client uploading a file would.
		const piece = Buffer.alloc(64 * 1024, 0x61);
		let sent = 0;
		const pump = (): void => {
			while (sent < size) {
				sent += piece.length;
				if (!outgoing.write(piece)) {
					outgoing.once('drain', pump);
					return;
				}
			}
			outgoing.end();
		};
		pump();
	});
}

describe('sandbox: request size and request log stay bounded', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await withSandbox({ maxBodyBytes: 256 * 1024, maxLoggedBodyBytes: 1000, maxLogBytes: 200_000 });
	});
	afterAll(() => sandbox.close());

	it('answers an oversized body with 413 and the JSON error body (no connection reset), with or without Content-Length', async () => {
		const streamed = await postLarge(sandbox, 3 * 1024 * 1024);
		expect(streamed).toEqual({ status: 413, body: { status_code: 413, error: expect.stringMatching(/larger than 262144 bytes/) } });
		const declared = await call(sandbox, 'POST', 'task/imageannotation', { rawBody: 'x'.repeat(1024 * 1024), headers: { 'content-type': 'application/json' } });
		expect(declared.status).toBe(413);
		expect(declared.body).toEqual({ status_code: 413, error: expect.any(String) });
		expect(sandbox.requests.filter((entry) => entry.status === 413).map((entry) => entry.bodySize)).toEqual([3 * 1024 * 1024, 1024 * 1024]);
		// The server still answers.
		expect((await call(sandbox, 'GET', 'teams')).status).toBe(200);
	});

	it('logs large bodies (valid or not) as a preview with their original size', async () => {
		sandbox.clearRequests();
		const metadata = { blob: 'y'.repeat(5000) };
		await createTask(sandbox, { metadata });
		await call(sandbox, 'POST', 'task/imageannotation', { rawBody: `{"broken": "${'z'.repeat(5000)}`, headers: { 'content-type': 'application/json' } });
		await createTask(sandbox, { metadata: { small: true } });
		const [valid, invalid, small] = sandbox.requests;
		expect(valid).toMatchObject({ bodyTruncated: true, bodySize: expect.any(Number) });
		expect(valid.bodySize).toBeGreaterThan(5000);
		expect((valid.body as string).length).toBe(1000);
		expect(invalid).toMatchObject({ status: 400, bodyTruncated: true, bodySize: 5012 });
		expect(small.bodyTruncated).toBeUndefined();
		expect(small.body).toMatchObject({ metadata: { small: true } });
	});

	it('drops the oldest entries past the byte bound', async () => {
		sandbox.clearRequests();
		for (let index = 0; index < 400; index++) await call(sandbox, 'GET', 'teams');
		const usage = (await call(sandbox, 'GET', '/_sandbox/requests/usage', { key: null })).body;
		expect(usage.bytes).toBeLessThanOrEqual(200_000);
		expect(usage.entries).toBeLessThan(400);
		expect(sandbox.requests.at(-1)!.id - sandbox.requests[0].id + 1).toBe(usage.entries);
	});
});

describe('sandbox: saving never kills the server', () => {
	let directory: string;
	const quiet = jest.spyOn(process.stderr, 'write');
	beforeAll(() => {
		directory = mkdtempSync(join(tmpdir(), 'scale-sandbox-save-'));
		quiet.mockImplementation(() => true);
	});
	afterAll(() => {
		quiet.mockRestore();
		rmSync(directory, { recursive: true, force: true });
	});

	it('keeps serving when the state cannot be written, reports the failure, retries, and saves once it can', async () => {
		const blocker = join(directory, 'blocker');
		writeFileSync(blocker, 'a file where a folder should be');
		const file = join(blocker, 'state.json');
		const sandbox = await startSandbox({ persistFile: file, seedTasks: { count: 2, project: 'p' } });
		try {
			const task = await createTask(sandbox);
			await new Promise((resolve) => setTimeout(resolve, 400));
			expect((await call(sandbox, 'GET', `task/${task.task_id}`)).status).toBe(200);
			const failing = (await call(sandbox, 'GET', '/_sandbox/persistence', { key: null })).body;
			expect(failing).toMatchObject({ file, dirty: true, lastError: { message: expect.stringContaining(file) } });
			expect(failing.failures).toBeGreaterThanOrEqual(1);
			expect(quiet.mock.calls.some(([text]) => String(text).includes(`Cannot save sandbox state to ${file}`))).toBe(true);
			rmSync(blocker);
			const saved = await waitFor(async () => {
				const status = (await call(sandbox, 'GET', '/_sandbox/persistence', { key: null })).body;
				return status.lastError === null && status.saves > 0 && status;
			}, 8000);
			expect(saved.dirty).toBe(false);
			expect(JSON.parse(readFileSync(file, 'utf8')).tasks).toHaveLength(3);
		} finally {
			await sandbox.close();
		}
	});

	it('recovers when its folder is deleted while running, and leaves no temporary files behind', async () => {
		const folder = join(directory, 'deleted');
		const file = join(folder, 'state.json');
		const sandbox = await startSandbox({ persistFile: file });
		try {
			rmSync(folder, { recursive: true, force: true });
			await createTask(sandbox, { unique_id: 'after-delete' });
			await waitFor(() => existsSync(file) && readFileSync(file, 'utf8').includes('after-delete'), 3000);
			expect(readdirSync(folder)).toEqual(['state.json']);
		} finally {
			await sandbox.close();
		}
	});

	it('removes its temporary file when a save fails, and stale ones of killed processes at start', async () => {
		const folder = join(directory, 'temps');
		mkdirSync(folder);
		writeFileSync(join(folder, 'state.json.999999999.3.tmp'), '{"half":');
		const file = join(folder, 'state.json');
		const sandbox = await startSandbox({ persistFile: file });
		expect(readdirSync(folder)).toEqual(['state.json']);
		try {
			// The state "file" becomes a folder, so the rename at the end of every save fails.
			rmSync(file);
			mkdirSync(file);
			await createTask(sandbox);
			await waitFor(async () => (await call(sandbox, 'GET', '/_sandbox/persistence', { key: null })).body.failures >= 2, 3000);
			expect(readdirSync(folder)).toEqual(['state.json']);
		} finally {
			await sandbox.close();
		}
		expect(readdirSync(folder)).toEqual(['state.json']);
	});

	it('saves the seeded state at start, so a kill right after start keeps it', async () => {
		const file = join(directory, 'seeded.json');
		const sandbox = await startSandbox({ persistFile: file, seedTasks: { count: 5, project: 'seeded' }, seedStudio: true });
		try {
			const saved = JSON.parse(readFileSync(file, 'utf8'));
			expect(saved.tasks).toHaveLength(11);
			expect(saved.projects.map((project: Loose) => project.json.name)).toEqual(['seeded', 'Studio demo']);
		} finally {
			await sandbox.close();
		}
	});

	it('names an unreadable state file and the reason', async () => {
		const cases: [string, RegExp][] = [
			['{"version": 1, "tasks": [', /JSON/],
			['{"version": 1}', /"tasks" is missing or not an array/],
			['{"version": 2}', /unsupported version 2/],
			['[]', /not a JSON object/],
			[JSON.stringify({ version: 1, nextSeq: 1, tasks: [{}], batches: [], projects: [], files: [], qualityTasks: [], teammates: [], assignments: [] }), /tasks\[0\] is not a task record/],
		];
		for (const [text, reason] of cases) {
			const file = join(directory, 'corrupt.json');
			writeFileSync(file, text);
			const error = await startSandbox({ persistFile: file }).then(
				async (sandbox) => {
					await sandbox.close();
					return undefined;
				},
				(failure: Error) => failure,
			);
			expect(error?.message).toContain(`Cannot load sandbox state from ${file}: `);
			expect(error?.message).toMatch(reason);
		}
	});
});
