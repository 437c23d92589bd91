import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A process this stage started, stopped by its PID. */
export interface Service {
	readonly name: string;
	readonly pid: number;
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch {
		return false;
	}
	// A daemon (Postgres) is reparented; if nothing reaps it, its exit leaves a zombie that still has a PID.
	try {
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
	} catch {
		return false;
	}
}

/** Sends `signal`, waits for the PID to be gone, SIGKILLs it after `graceMs`. */
async function stopPid(pid: number, signal: NodeJS.Signals, graceMs = 15_000): Promise<void> {
	if (!alive(pid)) return;
	process.kill(pid, signal);
	const deadline = Date.now() + graceMs;
	let killed = false;
	while (alive(pid)) {
		if (!killed && Date.now() > deadline) {
			process.kill(pid, 'SIGKILL');
			killed = true;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Debian installs the server binaries outside PATH, one folder per major version. */
function postgresBin(tool: string): string {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
		for (const version of versions) {
			const candidate = join(root, version, 'bin', tool);
			if (existsSync(candidate)) return candidate;
		}
	}
	return tool;
}

/** Postgres refuses to run as root: as root, run its tools as the `postgres` system user. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export interface Postgres extends Service {
	readonly port: number;
	readonly user: string;
	readonly database: string;
}

/**
 * A throwaway cluster in its own temporary folder (owned by the user Postgres runs as), on a loopback port,
 * trust auth, no durability (fsync off): CI only. stop() shuts it down and deletes the folder.
 */
export async function startPostgres(): Promise<Postgres> {
	const dir = mkdtempSync(join(tmpdir(), 'scaleapi-postgres-'));
	const dataDir = join(dir, 'data');
	mkdirSync(dataDir, { recursive: true });
	if (process.getuid?.() === 0) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
		chownSync(dir, uid, gid);
		chownSync(dataDir, uid, gid);
	}
	const user = 'n8n';
	const database = 'postgres';
	const port = await freePort();
	const run = (tool: string, args: string[]) => {
		const [command, argv] = asPostgresUser(postgresBin(tool), args);
		execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
	};
	run('initdb', ['-D', dataDir, '-U', user, '-A', 'trust', '--no-sync']);
	const settings = [
		`-p ${port}`,
		"-c listen_addresses=127.0.0.1",
		`-c unix_socket_directories=${dir}`,
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=200',
	].join(' ');
	run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'postgres.log'), '-o', settings, '-w', 'start']);
	const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
	// SIGINT is Postgres's "fast" shutdown: sessions are ended, the cluster stops cleanly.
	const stop = async () => {
		await stopPid(pid, 'SIGINT');
		rmSync(dir, { recursive: true, force: true });
	};
	return { name: 'postgres', pid, port, user, database, stop };
}

export interface Redis extends Service {
	readonly port: number;
}

export async function startRedis(): Promise<Redis> {
	const port = await freePort();
	const child: ChildProcess = spawn(
		'redis-server',
		['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	const pid = child.pid;
	if (pid === undefined) throw new Error('redis-server did not start (is it installed?)');
	const deadline = Date.now() + 10_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
		const listening = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (listening) break;
		if (Date.now() > deadline) throw new Error('redis-server did not listen within 10 s');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { name: 'redis', pid, port, stop: () => stopPid(pid, 'SIGTERM') };
}
